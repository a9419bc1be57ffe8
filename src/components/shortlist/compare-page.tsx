import { ArrowLeft, Columns3 } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "~/components/portal/portal-layout";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { COMPARE_MAX, COMPARE_MIN } from "~/lib/shortlist-schemas";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { compareProblem } from "./compare-problem";
import { CompareTable } from "./compare-table";

type SearchParams = Record<string, string | string[] | undefined>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function ComparePage({ slug, searchParams }: { slug: string; searchParams: SearchParams }) {
  const { org } = await loadPortal("brand", slug);
  const back = `/brand/${org.slug}/shortlist`;
  const raw = typeof searchParams.ids === "string" ? searchParams.ids : "";
  const ids = [...new Set(raw.split(",").map((s) => s.trim()))].filter((s) => UUID.test(s));
  const onlyDifferences = searchParams.only === "differences";

  let items: Awaited<ReturnType<Awaited<ReturnType<typeof api>>["shortlist"]["compare"]>> | null = null;
  let problem: string | null = null;
  if (ids.length < COMPARE_MIN || ids.length > COMPARE_MAX) {
    problem = `Select ${COMPARE_MIN} to ${COMPARE_MAX} workshops on your shortlist to compare them.`;
  } else {
    try {
      items = await (await api()).shortlist.compare({ orgId: org.id, entryIds: ids });
    } catch (err) {
      problem = compareProblem(err);
      if (problem === null) throw err;
    }
  }

  const self = (p: { ids?: string[]; only?: boolean }) => {
    const q = new URLSearchParams({ ids: (p.ids ?? ids).join(",") });
    if (p.only ?? onlyDifferences) q.set("only", "differences");
    return `${back}/compare?${q.toString().replaceAll("%2C", ",")}`;
  };

  return (
    <>
      <PageHeader
        title="Compare workshops"
        description="Side by side, from their public profiles and their record on Bezel. Highlighted values are where they differ."
        action={
          <Button asChild variant="secondary">
            <Link href={back}>
              <ArrowLeft aria-hidden /> Shortlist
            </Link>
          </Button>
        }
      />
      {!items ? (
        <Card>
          <EmptyState
            icon={<Columns3 />}
            title="Nothing to compare yet"
            description={problem}
            action={
              <Button asChild>
                <Link href={back}>Choose workshops</Link>
              </Button>
            }
          />
        </Card>
      ) : (
        <>
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm text-ink-muted">
              {items.length} workshops · <span className="rounded-sm bg-brass-100 px-1.5 py-0.5 text-brass-700">highlighted</span> where they differ
            </p>
            <Button asChild variant="ghost" size="sm">
              <Link href={self({ only: !onlyDifferences })} aria-pressed={onlyDifferences}>
                {onlyDifferences ? "Show every row" : "Show only differences"}
              </Link>
            </Button>
          </div>
          <CompareTable items={items} onlyDifferences={onlyDifferences} withoutHref={(id) => (items.length > COMPARE_MIN ? self({ ids: ids.filter((x) => x !== id) }) : null)} />
        </>
      )}
    </>
  );
}
