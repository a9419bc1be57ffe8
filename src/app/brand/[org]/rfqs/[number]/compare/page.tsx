import Link from "next/link";
import { PageHeader } from "~/components/portal/portal-layout";
import { CompareQuotes } from "~/components/rfqs/compare-quotes";
import { loadBrandRfq } from "~/components/rfqs/brand-rfq-page";
import { can } from "~/lib/permissions";
import { rfqNumberLabel } from "~/lib/rfq-schemas";
import { api } from "~/trpc/server";

export const metadata = { title: "Compare quotes" };

export default async function Page({ params }: { params: Promise<{ org: string; number: string }> }) {
  const { org: slug, number } = await params;
  const { org, role, data: rfq } = await loadBrandRfq(slug, number);
  const data = await (await api()).rfq.compare({ orgId: org.id, number: rfq.rfq.number });
  return (
    <>
      <PageHeader
        title={`Compare quotes · ${rfqNumberLabel(rfq.rfq.number)} ${rfq.rfq.title}`}
        description={
          <Link href={`/brand/${org.slug}/rfqs/${rfq.rfq.number}`} className="underline">
            Back to the request
          </Link>
        }
      />
      <CompareQuotes orgId={org.id} slug={org.slug} data={data} canAward={can(role, "rfqs.award")} />
    </>
  );
}
