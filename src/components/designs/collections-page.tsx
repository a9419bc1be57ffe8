import { Layers } from "lucide-react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "~/components/portal/portal-layout";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Pager, pageParam } from "~/components/ui/pager";
import { can } from "~/lib/permissions";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { CollectionForm } from "./collection-form";
import { formatPriceRange } from "./format";

type SearchParams = Record<string, string | string[] | undefined>;

/** The brand's collections, newest first, and a form to start one. */
export async function CollectionsPage({ slug, searchParams }: { slug: string; searchParams: SearchParams }) {
  const { org, role } = await loadPortal("brand", slug);
  const page = pageParam(searchParams.page);
  const data = await (await api()).design.collections.list({ orgId: org.id, page });
  const base = `/brand/${org.slug}/collections`;
  if (data.items.length === 0 && page > 1) redirect(base);
  const canEdit = can(role, "designs.edit");

  return (
    <>
      <PageHeader title="Collections" description="Capsules of designs, each with the style guide every workshop quoting on them reads." />
      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <Card>
          {data.items.length === 0 ? (
            <EmptyState icon={<Layers />} title="No collections yet" description="A capsule of 3–5 core designs helps you meet workshops' minimums. Start one with the form." />
          ) : (
            <ul className="divide-y divide-line">
              {data.items.map((c) => {
                const price = formatPriceRange(c);
                return (
                  <li key={c.id}>
                    <Link href={`${base}/${c.id}`} className="flex flex-col gap-1 px-5 py-4 hover:bg-sunken/60">
                      <span className="font-medium">{c.name}</span>
                      <span className="text-sm text-ink-muted">
                        {[c.season, `${c.designCount} ${c.designCount === 1 ? "design" : "designs"}`, price].filter(Boolean).join(" · ")}
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} href={(p) => (p > 1 ? `${base}?page=${p}` : base)} />
        </Card>
        {canEdit && (
          <Card className="self-start">
            <CardHeader title="New collection" />
            <CardBody>
              <CollectionForm orgId={org.id} slug={org.slug} initial={{ name: "", season: "", description: "", priceMin: "", priceMax: "", currency: org.currency }} />
            </CardBody>
          </Card>
        )}
      </div>
    </>
  );
}
