import { MessageSquare } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "~/components/portal/portal-layout";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { formatDateTime } from "~/components/sample-requests/format";
import { Markdown } from "~/components/workshop-profile/markdown";
import { mentionHandle } from "~/lib/design-schemas";
import { DESIGN_CATEGORIES } from "~/lib/design-spec";
import { can } from "~/lib/permissions";
import { RevisionRfqOffer } from "~/components/rfqs/revision-rfq-offer";
import { api } from "~/trpc/server";
import { ApproveButton, StartDraftButton } from "./design-actions";
import { CommentForm } from "./comment-form";
import { RevisionStatusBadge } from "./format";
import { loadRevision } from "./loaders";
import { RevisionFiles } from "./revision-files";
import { SpecForm } from "./spec-form";
import { SpecView } from "./spec-view";

/**
 * One revision: the spec form while it is a draft (what approval still needs, next to each section), the
 * frozen spec once approved; its files with thumbnails, downloads and the 3D view; approval; comments.
 */
export async function RevisionPage({ slug, designId, numberParam }: { slug: string; designId: string; numberParam: string }) {
  const { org, role, design, revision, attachments, gaps, draftNumber } = await loadRevision(slug, designId, numberParam);
  const caller = await api();
  const [comments, people] = await Promise.all([caller.design.comments.list({ orgId: org.id, revisionId: revision.id }), caller.member.list({ orgId: org.id })]);
  const draft = revision.status === "draft";
  const canEdit = can(role, "designs.edit");
  const canApprove = can(role, "designs.approve");
  const base = `/brand/${org.slug}/designs/${design.id}`;
  const handles = people.members.map((m) => ({ handle: mentionHandle(m.email), name: m.name }));

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={base} className="text-brass-700 hover:underline">
          ← {design.sku} · {design.name}
        </Link>
      </p>
      <PageHeader
        title={`${design.sku} · revision ${revision.number}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <RevisionStatusBadge status={revision.status} />
            {DESIGN_CATEGORIES.labels[design.category]} · {design.name}
            {revision.approvedAt && ` · approved by ${revision.approvedByName ?? "a former member"} on ${formatDateTime(revision.approvedAt)}`}
          </span>
        }
        action={
          <div className="flex flex-wrap gap-2">
            {revision.number > 1 && (
              <Button asChild variant="ghost">
                <Link href={`${base}/compare?from=${revision.number - 1}&to=${revision.number}`}>Compare with revision {revision.number - 1}</Link>
              </Button>
            )}
            {!draft && canEdit && (draftNumber ? (
              <Button asChild variant="secondary">
                <Link href={`${base}/revisions/${draftNumber}`}>Open draft revision {draftNumber}</Link>
              </Button>
            ) : (
              <StartDraftButton orgId={org.id} slug={org.slug} designId={design.id} revisionId={revision.id} />
            ))}
            {draft && canApprove && (
              <ApproveButton
                orgId={org.id}
                revisionId={revision.id}
                number={revision.number}
                sku={design.sku}
                disabledReason={gaps.length > 0 ? `Save a complete spec first: ${gaps.length} ${gaps.length === 1 ? "thing is" : "things are"} missing, marked in the form.` : null}
              />
            )}
          </div>
        }
      />
      {!draft && (
        <p className="mb-4 rounded-md border border-line bg-sunken px-4 py-2 text-sm text-ink-muted">
          This revision is approved and frozen: workshops quote exactly this. To change it, press “Edit” to start a new draft from it.
        </p>
      )}
      {draft && !canApprove && <p className="mb-4 text-sm text-ink-muted">An owner or admin approves revisions.</p>}
      {!draft && <RevisionRfqOffer org={org} role={role} designId={design.id} designName={design.name} revision={revision} />}
      <div className="grid gap-6 xl:grid-cols-[1fr_26rem]">
        <Card>
          <CardHeader title="Spec" description={draft ? "Saved as a draft until approved." : undefined} />
          <CardBody>{draft && canEdit ? <SpecForm orgId={org.id} revisionId={revision.id} category={design.category} spec={revision.spec} attachments={attachments} /> : <SpecView spec={revision.spec} />}</CardBody>
        </Card>
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader title="Files" description="CAD, drawings, sketches and photos." />
            <CardBody>
              <RevisionFiles
                orgId={org.id}
                revisionId={revision.id}
                designId={design.id}
                attachments={attachments}
                metals={revision.spec.metals}
                editable={draft && canEdit}
                canSetCover={canEdit}
                coverFileId={design.coverFileId}
              />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={<span className="inline-flex items-center gap-2"><MessageSquare className="size-4" aria-hidden /> Comments</span>} description="Among your team only; workshops never see them." />
            <CardBody className="flex flex-col gap-4">
              {comments.length === 0 ? (
                <p className="text-sm text-ink-muted">No comments yet.</p>
              ) : (
                <ol className="flex flex-col gap-4">
                  {comments.map((c) => (
                    <li key={c.id} className="rounded-md border border-line p-3">
                      <p className="mb-1 text-xs text-ink-muted">
                        <span className="font-medium text-ink">{c.authorName ?? "A former member"}</span> · {formatDateTime(c.createdAt)}
                      </p>
                      <Markdown>{c.body}</Markdown>
                    </li>
                  ))}
                </ol>
              )}
              {can(role, "designs.comment") && <CommentForm orgId={org.id} revisionId={revision.id} handles={handles} />}
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
