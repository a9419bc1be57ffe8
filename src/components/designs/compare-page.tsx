import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "~/components/portal/portal-layout";
import { Card, CardBody } from "~/components/ui/card";
import { diffRevisions } from "~/lib/design-diff";
import { api } from "~/trpc/server";
import { CompareForm } from "./compare-form";
import { RevisionStatusBadge } from "./format";
import { loadDesign, parseRevisionNumber } from "./loaders";
import { RevisionDiffView } from "./revision-diff";

type SearchParams = Record<string, string | string[] | undefined>;

/** Any two revisions of a design, field by field. */
export async function ComparePage({ slug, designId, searchParams }: { slug: string; designId: string; searchParams: SearchParams }) {
  const { org, design, revisions } = await loadDesign(slug, designId);
  const numbers = revisions.map((r) => r.number);
  const from = parseRevisionNumber(typeof searchParams.from === "string" ? searchParams.from : "") ?? revisions[1]?.number ?? null;
  const to = parseRevisionNumber(typeof searchParams.to === "string" ? searchParams.to : "") ?? revisions[0]?.number ?? null;
  const base = `/brand/${org.slug}/designs/${design.id}`;
  const header = (
    <>
      <p className="mb-2 text-sm">
        <Link href={base} className="text-brass-700 hover:underline">
          ← {design.sku} · {design.name}
        </Link>
      </p>
      <PageHeader title="Compare revisions" description={`${design.sku} · ${design.name}`} />
    </>
  );
  if (from === null || to === null || from === to) {
    return (
      <>
        {header}
        <Card>
          <CardBody className="flex flex-col gap-4">
            <p className="text-sm text-ink-muted">{numbers.length < 2 ? "This design has one revision so far: there is nothing to compare yet." : "Choose two different revisions."}</p>
            {numbers.length >= 2 && <CompareForm base={`${base}/compare`} numbers={numbers} from={numbers[1]!} to={numbers[0]!} />}
          </CardBody>
        </Card>
      </>
    );
  }
  const data = await (await api()).design.compare({ orgId: org.id, designId: design.id, fromNumber: from, toNumber: to }).catch((err: unknown) => {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  });
  const diff = diffRevisions(data.from, data.to);
  return (
    <>
      {header}
      <Card className="mb-6">
        <CardBody className="flex flex-col gap-4">
          <CompareForm base={`${base}/compare`} numbers={numbers} from={from} to={to} />
          <p className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">
            <Link className="text-brass-700 hover:underline" href={`${base}/revisions/${from}`}>Revision {from}</Link> <RevisionStatusBadge status={data.from.status} /> →{" "}
            <Link className="text-brass-700 hover:underline" href={`${base}/revisions/${to}`}>Revision {to}</Link> <RevisionStatusBadge status={data.to.status} />
          </p>
        </CardBody>
      </Card>
      <RevisionDiffView diff={diff} beforeLabel={`Revision ${from}`} afterLabel={`Revision ${to}`} />
    </>
  );
}
