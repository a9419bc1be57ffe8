import { Gem, GitCompare } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "~/components/portal/portal-layout";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { formatDate, formatDateTime } from "~/components/sample-requests/format";
import { DESIGN_CATEGORIES } from "~/lib/design-spec";
import { fileUrl } from "~/lib/files";
import { can } from "~/lib/permissions";
import { api } from "~/trpc/server";
import { DesignDetails, StartDraftButton } from "./design-actions";
import { CompareForm } from "./compare-form";
import { RevisionStatusBadge } from "./format";
import { loadDesign } from "./loaders";

/** A design: its details, every revision with who approved it and when, and a comparison of any two. */
export async function DesignPage({ slug, designId }: { slug: string; designId: string }) {
  const { org, role, design, revisions } = await loadDesign(slug, designId);
  const collections = await (await api()).design.collections.options({ orgId: org.id });
  const canEdit = can(role, "designs.edit");
  const base = `/brand/${org.slug}/designs/${design.id}`;
  const draft = revisions.find((r) => r.status === "draft");
  const lastApproved = revisions.find((r) => r.status === "approved");

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/brand/${org.slug}/designs`} className="text-brass-700 hover:underline">
          ← All designs
        </Link>
      </p>
      <PageHeader
        title={`${design.sku} · ${design.name}`}
        description={[DESIGN_CATEGORIES.labels[design.category], design.collectionName, design.approvedNumber ? `revision ${design.approvedNumber} approved` : "not approved yet"].filter(Boolean).join(" · ")}
        action={
          draft ? (
            <Button asChild>
              <Link href={`${base}/revisions/${draft.number}`}>Open draft revision {draft.number}</Link>
            </Button>
          ) : canEdit && lastApproved ? (
            <StartDraftButton orgId={org.id} slug={org.slug} designId={design.id} revisionId={lastApproved.id} label={`Edit (start revision ${revisions[0]!.number + 1})`} />
          ) : undefined
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader title="Revisions" description="A draft until approved; an approved revision never changes." />
            <ol className="divide-y divide-line">
              {revisions.map((r) => (
                <li key={r.id}>
                  <Link href={`${base}/revisions/${r.number}`} className="flex flex-wrap items-center gap-3 px-5 py-3 hover:bg-sunken/60">
                    <span className="font-medium">Revision {r.number}</span>
                    <RevisionStatusBadge status={r.status} />
                    <span className="text-sm text-ink-muted">
                      {r.status === "approved" && r.approvedAt
                        ? `Approved by ${r.approvedByName ?? "a former member"} on ${formatDateTime(r.approvedAt)}`
                        : `Draft, last saved ${formatDate(r.updatedAt)}`}
                      {r.basedOnNumber ? ` · started from revision ${r.basedOnNumber}` : ""}
                    </span>
                  </Link>
                </li>
              ))}
            </ol>
          </Card>
          {revisions.length >= 2 && (
            <Card>
              <CardHeader title={<span className="inline-flex items-center gap-2"><GitCompare className="size-4" aria-hidden /> Compare revisions</span>} description="Field by field: metals, stones and sizes added, removed and changed, and files." />
              <CardBody>
                <CompareForm base={`${base}/compare`} numbers={revisions.map((r) => r.number)} from={revisions[1]!.number} to={revisions[0]!.number} />
              </CardBody>
            </Card>
          )}
        </div>
        <Card className="self-start">
          <CardHeader title="Details" />
          <CardBody>
            <DesignDetails
              orgId={org.id}
              slug={org.slug}
              designId={design.id}
              canEdit={canEdit}
              collections={collections}
              categoryLocked={design.approvedNumber !== null}
              initial={{ sku: design.sku, name: design.name, category: design.category, collectionId: design.collectionId ?? "" }}
            >
              <div className="flex flex-col gap-3 text-sm">
                <span className="flex aspect-square w-full items-center justify-center overflow-hidden rounded-md border border-line bg-sunken">
                  {design.coverFileId ? <img src={fileUrl(design.coverFileId, "display")} alt={`Cover of ${design.name}`} className="size-full object-cover" /> : <Gem className="size-8 text-ink-subtle" aria-hidden />}
                </span>
                <dl className="grid gap-2">
                  <div>
                    <dt className="text-ink-muted">Collection</dt>
                    <dd>{design.collectionId ? <Link className="text-brass-700 hover:underline" href={`/brand/${org.slug}/collections/${design.collectionId}`}>{design.collectionName}</Link> : "—"}</dd>
                  </div>
                  <div>
                    <dt className="text-ink-muted">Category</dt>
                    <dd>{DESIGN_CATEGORIES.labels[design.category]}</dd>
                  </div>
                </dl>
              </div>
            </DesignDetails>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
