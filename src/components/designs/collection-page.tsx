import { FileText, Gem } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "~/components/portal/portal-layout";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Markdown } from "~/components/workshop-profile/markdown";
import { fileUrl } from "~/lib/files";
import { can } from "~/lib/permissions";
import { CollectionDetails } from "./collection-details";
import { DesignRow } from "./design-card";
import { formatPriceRange, priceText } from "./format";
import { loadCollection } from "./loaders";
import { StyleGuideForm } from "./style-guide-form";

/** The collection's overview: details, style guide and files, and its designs with status and completeness. */
export async function CollectionPage({ slug, collectionId }: { slug: string; collectionId: string }) {
  const { org, role, collection, styleFiles, designs } = await loadCollection(slug, collectionId);
  const canEdit = can(role, "designs.edit");
  const price = formatPriceRange(collection);
  const base = `/brand/${org.slug}`;
  const approved = designs.filter((d) => d.approvedNumber !== null).length;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`${base}/collections`} className="text-brass-700 hover:underline">
          ← All collections
        </Link>
      </p>
      <PageHeader
        title={collection.name}
        description={[collection.season, price, `${designs.length} ${designs.length === 1 ? "design" : "designs"}, ${approved} approved`].filter(Boolean).join(" · ")}
        action={
          canEdit ? (
            <Button asChild>
              <Link href={`${base}/designs/new?collection=${collection.id}`}>New design in this collection</Link>
            </Button>
          ) : undefined
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader title="Designs" description="Each design's latest revision: approved, or a draft and how complete it is." />
            {designs.length === 0 ? (
              <EmptyState icon={<Gem />} title="No designs in this collection yet" description="Create a design here, or move one in from its page." />
            ) : (
              <ul className="divide-y divide-line">
                {designs.map((d) => (
                  <li key={d.id}>
                    <DesignRow design={d} href={`${base}/designs/${d.id}`} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card>
            <CardHeader
              title="Style guide"
              description="Every workshop quoting on this collection's designs reads it."
              action={
                canEdit ? (
                  <Button asChild variant="secondary" size="sm">
                    <Link href={`${base}/collections/${collection.id}/style-guide`}>Edit style guide</Link>
                  </Button>
                ) : undefined
              }
            />
            <CardBody className="flex flex-col gap-4">
              {collection.styleGuide.trim() ? <Markdown>{collection.styleGuide}</Markdown> : <p className="text-sm text-ink-muted">No style guide yet. Say how pieces are finished, hallmarked, stamped and packed.</p>}
              {styleFiles.length > 0 && (
                <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
                  {styleFiles.map((file) => (
                    <li key={file.id} className="overflow-hidden rounded-md border border-line">
                      <a href={fileUrl(file.id)} target="_blank" rel="noreferrer" className="block aspect-square bg-sunken">
                        {file.width !== null ? (
                          <img src={fileUrl(file.id, "thumb")} alt={file.name} className="size-full object-cover" loading="lazy" />
                        ) : (
                          <span className="flex h-full flex-col items-center justify-center gap-2 p-2 text-center text-sm text-ink-muted">
                            <FileText className="size-8" aria-hidden />
                            <span className="line-clamp-2 break-all">{file.name}</span>
                          </span>
                        )}
                      </a>
                      <a href={`${fileUrl(file.id)}?download=1`} className="block truncate border-t border-line px-2 py-1 text-xs text-brass-700 hover:underline">
                        Download {file.name}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
        </div>
        <Card className="self-start">
          <CardHeader title="Details" />
          <CardBody>
            <CollectionDetails
              orgId={org.id}
              slug={org.slug}
              collectionId={collection.id}
              canEdit={canEdit}
              initial={{
                name: collection.name,
                season: collection.season,
                description: collection.description,
                priceMin: priceText(collection.priceMinMinor, collection.priceCurrency),
                priceMax: priceText(collection.priceMaxMinor, collection.priceCurrency),
                currency: collection.priceCurrency ?? org.currency,
              }}
            >
              <dl className="grid gap-2 text-sm">
                <div>
                  <dt className="text-ink-muted">Season</dt>
                  <dd>{collection.season || "—"}</dd>
                </div>
                <div>
                  <dt className="text-ink-muted">Target retail price</dt>
                  <dd>{price ?? "—"}</dd>
                </div>
                <div>
                  <dt className="text-ink-muted">Description</dt>
                  <dd className="whitespace-pre-line">{collection.description || "—"}</dd>
                </div>
              </dl>
            </CollectionDetails>
          </CardBody>
        </Card>
      </div>
    </>
  );
}

export async function StyleGuidePage({ slug, collectionId }: { slug: string; collectionId: string }) {
  const { org, collection, styleFiles } = await loadCollection(slug, collectionId);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/brand/${org.slug}/collections/${collection.id}`} className="text-brass-700 hover:underline">
          ← {collection.name}
        </Link>
      </p>
      <PageHeader title={`Style guide · ${collection.name}`} description="Markdown (no raw HTML), with files. Workshops quoting on this collection's designs read it as you see it in the preview." />
      <Card>
        <CardBody>
          <StyleGuideForm orgId={org.id} slug={org.slug} collectionId={collection.id} styleGuide={collection.styleGuide} styleFileIds={styleFiles.map((f) => f.id)} />
        </CardBody>
      </Card>
    </>
  );
}
