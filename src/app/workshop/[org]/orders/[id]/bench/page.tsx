import { BenchScreen } from "~/components/milestones/bench-screen";
import { loadOrder } from "~/components/rfqs/order-pages";

export const metadata = { title: "From the bench" };

export default async function Page({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const { org: portalOrg, order } = await loadOrder("workshop", org, id);
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="sr-only">From the bench</h1>
      <BenchScreen orgId={portalOrg.id} orderId={order.id} orderHref={`/workshop/${portalOrg.slug}/orders/${order.id}`} />
    </div>
  );
}
