import { Gem, SearchX } from "lucide-react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "~/components/portal/portal-layout";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Pager, pageParam } from "~/components/ui/pager";
import { listDesignsSchema } from "~/lib/design-schemas";
import { can } from "~/lib/permissions";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { DesignRow } from "./design-card";
import { DesignFilters } from "./design-filters";
import { DesignForm } from "./design-form";

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

/** The brand's designs: search by SKU or name, filter by collection, category and status, sort, a page at a time. */
export async function DesignsListPage({ slug, searchParams }: { slug: string; searchParams: SearchParams }) {
  const { org, role } = await loadPortal("brand", slug);
  const caller = await api();
  const collections = await caller.design.collections.options({ orgId: org.id });
  const raw = { q: one(searchParams.q), collection: one(searchParams.collection), category: one(searchParams.category), status: one(searchParams.status), sort: one(searchParams.sort) };
  // Unknown values in the address are dropped rather than answered with an error page.
  const parsed = listDesignsSchema.safeParse({
    q: raw.q.slice(0, 100),
    collectionId: collections.some((c) => c.id === raw.collection) ? raw.collection : null,
    category: raw.category || null,
    status: raw.status || null,
    sort: raw.sort || "updated",
    page: pageParam(searchParams.page),
  });
  const input = parsed.success ? parsed.data : listDesignsSchema.parse({});
  const data = await caller.design.list({ orgId: org.id, ...input });
  const base = `/brand/${org.slug}/designs`;
  const href = (page: number) => {
    const q = new URLSearchParams();
    if (input.q) q.set("q", input.q);
    if (input.collectionId) q.set("collection", input.collectionId);
    if (input.category) q.set("category", input.category);
    if (input.status) q.set("status", input.status);
    if (input.sort !== "updated") q.set("sort", input.sort);
    if (page > 1) q.set("page", String(page));
    const s = q.toString();
    return s ? `${base}?${s}` : base;
  };
  if (data.items.length === 0 && input.page > 1) redirect(href(1));
  const canEdit = can(role, "designs.edit");

  return (
    <>
      <PageHeader
        title="Designs"
        description="Every SKU and where its spec stands. A workshop quotes only what you approved."
        action={
          canEdit ? (
            <Button asChild>
              <Link href={`${base}/new`}>New design</Link>
            </Button>
          ) : undefined
        }
      />
      {data.all > 0 && (
        <DesignFilters
          base={base}
          collections={collections}
          params={{ q: input.q, collection: input.collectionId ?? "", category: input.category ?? "", status: input.status ?? "", sort: input.sort }}
        />
      )}
      <Card>
        {data.all === 0 ? (
          <EmptyState
            icon={<Gem />}
            title="No designs yet"
            description="Create a design, fill in its spec (metals, stones, sizes, files) and approve it to send it to workshops for quotes."
            action={
              canEdit ? (
                <Button asChild>
                  <Link href={`${base}/new`}>New design</Link>
                </Button>
              ) : undefined
            }
          />
        ) : data.items.length === 0 ? (
          <EmptyState
            icon={<SearchX />}
            title="No design matches"
            action={
              <Button asChild variant="secondary">
                <Link href={base}>Show all designs</Link>
              </Button>
            }
          />
        ) : (
          <>
            <p className="border-b border-line px-5 py-2 text-sm text-ink-muted" aria-live="polite">
              {data.total} {data.total === 1 ? "design" : "designs"}
            </p>
            <ul className="divide-y divide-line">
              {data.items.map((d) => (
                <li key={d.id}>
                  <DesignRow design={d} href={`${base}/${d.id}`} />
                </li>
              ))}
            </ul>
          </>
        )}
        <Pager page={data.page} pageSize={data.pageSize} total={data.total} href={href} />
      </Card>
    </>
  );
}

export async function NewDesignPage({ slug, searchParams }: { slug: string; searchParams: SearchParams }) {
  const { org } = await loadPortal("brand", slug);
  const collections = await (await api()).design.collections.options({ orgId: org.id });
  const wanted = one(searchParams.collection);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/brand/${org.slug}/designs`} className="text-brass-700 hover:underline">
          ← All designs
        </Link>
      </p>
      <PageHeader title="New design" description="Its first revision opens as a draft for the spec." />
      <Card className="max-w-3xl">
        <CardHeader title="Design" />
        <CardBody>
          <DesignForm
            orgId={org.id}
            slug={org.slug}
            collections={collections}
            initial={{ sku: "", name: "", category: "ring", collectionId: collections.some((c) => c.id === wanted) ? wanted : "" }}
          />
        </CardBody>
      </Card>
    </>
  );
}
