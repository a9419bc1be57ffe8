import { Bookmark, Tag } from "lucide-react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "~/components/portal/portal-layout";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { cn } from "~/components/ui/cn";
import { EmptyState } from "~/components/ui/empty-state";
import { can } from "~/lib/permissions";
import { shortlistTagSchema } from "~/lib/shortlist-schemas";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { Pager, pageParam } from "~/components/ui/pager";
import { ShortlistBoard } from "./shortlist-board";

type SearchParams = Record<string, string | string[] | undefined>;

export async function ShortlistPage({ slug, searchParams }: { slug: string; searchParams: SearchParams }) {
  const { org, role } = await loadPortal("brand", slug);
  const parsedTag = shortlistTagSchema.safeParse(typeof searchParams.tag === "string" ? searchParams.tag : "");
  const tag = parsedTag.success ? parsedTag.data : null;
  const page = pageParam(searchParams.page);
  const data = await (await api()).shortlist.list({ orgId: org.id, tag, page });
  const base = `/brand/${org.slug}/shortlist`;
  const href = (p: { tag?: string | null; page?: number }) => {
    const q = new URLSearchParams();
    if (p.tag) q.set("tag", p.tag);
    if (p.page && p.page > 1) q.set("page", String(p.page));
    const s = q.toString();
    return s ? `${base}?${s}` : base;
  };
  if (data.items.length === 0 && page > 1) redirect(href({ tag }));

  return (
    <>
      <PageHeader
        title="Shortlist"
        description="Workshops you are vetting, with notes only your team sees. Select two to four to compare them side by side."
        action={
          <Button asChild variant="secondary">
            <Link href="/workshops">Find workshops</Link>
          </Button>
        }
      />
      {data.allTags.length > 0 && (
        <nav aria-label="Filter by tag" className="mb-4 flex flex-wrap items-center gap-2">
          <Tag className="size-4 text-ink-subtle" aria-hidden />
          <TagLink href={href({})} active={!tag}>
            All
          </TagLink>
          {data.allTags.map((t) => (
            <TagLink key={t} href={href({ tag: t })} active={t === tag}>
              {t}
            </TagLink>
          ))}
        </nav>
      )}
      {data.total === 0 ? (
        <Card>
          {tag ? (
            <EmptyState
              icon={<Tag />}
              title={`No workshops tagged “${tag}”`}
              description="The tag may have been removed from every workshop."
              action={
                <Button asChild variant="secondary">
                  <Link href={href({})}>Show the whole shortlist</Link>
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<Bookmark />}
              title="Your shortlist is empty"
              description="Search the workshop directory and press “Save to shortlist” on the workshops you want to vet."
              action={
                <Button asChild>
                  <Link href="/workshops">Browse workshops</Link>
                </Button>
              }
            />
          )}
        </Card>
      ) : (
        <ShortlistBoard orgId={org.id} compareHref={`${base}/compare`} items={data.items} canEdit={can(role, "shortlist.edit")} footer={<Pager page={data.page} pageSize={data.pageSize} total={data.total} href={(p) => href({ tag, page: p })} />} />
      )}
    </>
  );
}

function TagLink({ href, active, children }: { href: string; active: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn("rounded-full border px-3 py-1 text-sm font-medium transition-colors", active ? "border-ink bg-ink text-paper" : "border-line-strong bg-surface text-ink-muted hover:text-ink")}
    >
      {children}
    </Link>
  );
}
