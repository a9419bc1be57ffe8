import { AlertTriangle, CheckCircle2, ClipboardList } from "lucide-react";
import Link from "next/link";
import { opensOnTheBench } from "~/components/milestones/bench-milestone";
import { formatDay } from "~/components/sample-requests/format";
import { Badge } from "~/components/ui/badge";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { ORDER_STAGE_LABELS, ORDER_STAGE_TONE, type OrderStage } from "~/lib/order-list-schemas";
import { api } from "~/trpc/server";

type OrderCard = { id: string; number: string; stage: OrderStage; expectedDeliveryDate: string; promisedDeliveryDate: string; atRisk: boolean; counterpartyName: string; currentMilestone: { id: string; name: string; status: string } | null };
type Approval = { orderId: string; number: string; milestoneId: string; milestone: string; requestedOn: string | null; counterpartyName: string };

const number = new Intl.NumberFormat("en-GB");
/** Cards shown per column of the production board; the rest are a link away, so a phone is not a mile long. */
const COLUMN_CARDS = 8;

/** The dashboard lists at most 20 approvals (the oldest requests): at the limit there may be more. */
const approvalsCount = (n: number, what: string) => (n === 0 ? undefined : n >= 20 ? `The 20 oldest ${what}; open the orders for the rest` : `${n} ${what}`);

/** The order's page, at the given milestone of its timeline when there is one. */
const orderHref = (base: string, orderId: string, milestoneId?: string | null) => `${base}/${orderId}${milestoneId ? `#milestone-${milestoneId}` : ""}`;

function StageCounts({ base, stages }: { base: string; stages: { stage: OrderStage; count: number }[] }) {
  return (
    <ul className="grid grid-cols-2 gap-2 p-4 sm:grid-cols-3 lg:grid-cols-6" aria-label="Orders by status">
      {stages.map((s) => (
        <li key={s.stage}>
          <Link href={`${base}?status=${s.stage}`} className="flex flex-col rounded-md border border-line px-3 py-2 hover:bg-sunken/60">
            <span className="text-2xl font-semibold">{number.format(s.count)}</span>
            <span className="text-sm text-ink-muted">{ORDER_STAGE_LABELS[s.stage]}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function OrderRow({ base, order, showMilestone }: { base: string; order: OrderCard; showMilestone?: boolean }) {
  return (
    <li>
      <Link href={orderHref(base, order.id, showMilestone ? order.currentMilestone?.id : null)} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 px-5 py-3 hover:bg-sunken/60">
        <span className="min-w-0">
          <span className="flex flex-wrap items-center gap-2 font-medium">
            {order.number} · {order.counterpartyName}
            {order.atRisk && (
              <Badge tone="danger">
                <AlertTriangle className="size-3" aria-hidden />
                At risk
              </Badge>
            )}
          </span>
          <span className="block text-sm text-ink-muted">
            {ORDER_STAGE_LABELS[order.stage]}
            {order.currentMilestone ? ` · now ${order.currentMilestone.name}` : ""}
          </span>
        </span>
        <span className={order.atRisk ? "shrink-0 text-sm font-medium text-danger" : "shrink-0 text-sm text-ink-muted"}>
          Expected {formatDay(order.expectedDeliveryDate)}
          {order.expectedDeliveryDate !== order.promisedDeliveryDate && <span className="block font-normal text-ink-muted">promised {formatDay(order.promisedDeliveryDate)}</span>}
        </span>
      </Link>
    </li>
  );
}

function Approvals({ base, approvals, empty, waitingOn }: { base: string; approvals: Approval[]; empty: string; waitingOn: "you" | "brand" }) {
  if (approvals.length === 0) return <p className="px-5 py-6 text-center text-sm text-ink-muted">{empty}</p>;
  return (
    <ul className="divide-y divide-line" aria-label={waitingOn === "you" ? "Approvals waiting for you" : "Approvals waiting for brands"}>
      {approvals.map((a) => (
        <li key={a.milestoneId}>
          <Link href={orderHref(base, a.orderId, a.milestoneId)} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 px-5 py-3 hover:bg-sunken/60">
            <span className="min-w-0">
              <span className="block font-medium">
                {a.milestone} on {a.number}
              </span>
              <span className="block text-sm text-ink-muted">{waitingOn === "you" ? `From ${a.counterpartyName}` : `Waiting for ${a.counterpartyName}`}</span>
            </span>
            {a.requestedOn && <span className="shrink-0 text-sm text-ink-muted">Asked {formatDay(a.requestedOn)}</span>}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The brand's orders on its dashboard: by status, at risk first, deliveries coming, approvals it owes. */
export async function BrandOrdersOverview({ orgId, slug }: { orgId: string; slug: string }) {
  const d = await (await api()).order.brandDashboard({ orgId });
  const base = `/brand/${slug}/orders`;
  const total = d.stages.reduce((n, s) => n + s.count, 0);
  if (total === 0) {
    return (
      <Card className="mb-6">
        <CardHeader title="Orders" />
        <CardBody>
          <p className="flex items-center justify-center gap-2 py-4 text-center text-sm text-ink-muted">
            <ClipboardList className="size-4" aria-hidden />
            No orders yet. Accept a quote on a request for quote and its order is followed here.
          </p>
        </CardBody>
      </Card>
    );
  }
  const atRiskIds = new Set(d.atRisk.map((o) => o.id));
  const upcoming = d.upcoming.filter((o) => !atRiskIds.has(o.id));
  return (
    <div className="mb-6 grid gap-6 lg:grid-cols-2">
      <Card className="lg:col-span-2">
        <CardHeader
          title="Orders"
          description={`${number.format(total)} in all`}
          action={
            <Link href={base} className="text-sm font-medium text-brass-700 hover:underline">
              All orders
            </Link>
          }
        />
        <StageCounts base={base} stages={d.stages} />
      </Card>
      <Card>
        <CardHeader title="At risk and coming" description={`Orders at risk, then deliveries expected in the next ${d.upcomingDays} days.`} />
        {d.atRisk.length === 0 && upcoming.length === 0 ? (
          <p className="px-5 py-6 text-center text-sm text-ink-muted">No order is at risk and none is expected in the next {d.upcomingDays} days.</p>
        ) : (
          <ul className="divide-y divide-line" aria-label="Orders at risk and coming deliveries">
            {[...d.atRisk, ...upcoming].map((o) => (
              <OrderRow key={o.id} base={base} order={o} />
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <CardHeader title="Approvals waiting for you" description={approvalsCount(d.approvals.length, "to answer")} />
        <Approvals base={base} approvals={d.approvals} waitingOn="you" empty="Nothing to approve. CAD, first pieces and quality checks to approve will show here." />
      </Card>
    </div>
  );
}

/**
 * The workshop's orders on its dashboard: the production board (orders under way by their current
 * milestone, each card opening that milestone), approvals it waits on, and this month's deliveries
 * against its monthly capacity.
 */
export async function WorkshopOrdersOverview({ orgId, slug }: { orgId: string; slug: string }) {
  const d = await (await api()).order.workshopDashboard({ orgId });
  const base = `/workshop/${slug}/orders`;
  const due = d.dueThisMonth;
  const month = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${due.monthStart}T00:00:00Z`));
  const share = due.monthlyCapacity ? Math.round((due.pieces / due.monthlyCapacity) * 100) : null;
  return (
    <div className="mb-6 grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-3">
        <CardHeader
          title="Production board"
          description={d.boardTotal === 0 ? undefined : `${number.format(d.boardTotal)} order${d.boardTotal === 1 ? "" : "s"} under way${d.boardTotal > d.boardLimit ? `; the first ${d.boardLimit} shown` : ""}`}
          action={
            <Link href={base} className="text-sm font-medium text-brass-700 hover:underline">
              All orders
            </Link>
          }
        />
        {d.board.length === 0 ? (
          <p className="flex items-center justify-center gap-2 px-5 py-6 text-center text-sm text-ink-muted">
            <CheckCircle2 className="size-4" aria-hidden />
            No order is in production. When a brand accepts your quote, its order appears here at its first milestone.
          </p>
        ) : (
          <div className="flex gap-3 overflow-x-auto p-4" role="list" aria-label="Orders by current milestone">
            {d.board.map((column) => (
              <section key={column.name} role="listitem" aria-label={column.name} className="flex w-64 shrink-0 flex-col gap-2 rounded-md bg-sunken/60 p-2">
                <h3 className="flex items-center justify-between px-1 text-sm font-medium">
                  {column.name}
                  <span className="text-ink-muted">{column.cards.length}</span>
                </h3>
                <ul className="flex flex-col gap-2">
                  {column.cards.slice(0, COLUMN_CARDS).map((o) => (
                    <li key={o.id}>
                      <Link href={opensOnTheBench(o) ? `${base}/${o.id}/bench` : orderHref(base, o.id, o.currentMilestone?.id)} className="block rounded-md border border-line bg-surface p-3 text-sm hover:border-line-strong">
                        <span className="flex items-center justify-between gap-2 font-medium">
                          {o.number}
                          {o.atRisk && (
                            <Badge tone="danger">
                              <AlertTriangle className="size-3" aria-hidden />
                              At risk
                            </Badge>
                          )}
                        </span>
                        <span className="block text-ink-muted">{o.counterpartyName}</span>
                        <span className="block text-ink-muted">
                          <Badge tone={ORDER_STAGE_TONE[o.stage]} className="mr-1">
                            {ORDER_STAGE_LABELS[o.stage]}
                          </Badge>
                          due {formatDay(o.expectedDeliveryDate)}
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
                {column.cards.length > COLUMN_CARDS && (
                  <Link href={`${base}?status=in_production`} className="px-1 text-sm font-medium text-brass-700 hover:underline">
                    {column.cards.length - COLUMN_CARDS} more in the orders list
                  </Link>
                )}
              </section>
            ))}
          </div>
        )}
      </Card>
      <Card className="lg:col-span-2">
        <CardHeader title="Approvals pending with brands" description={approvalsCount(d.approvals.length, "waiting")} />
        <Approvals base={base} approvals={d.approvals} waitingOn="brand" empty="No milestone waits for a brand's approval." />
      </Card>
      <Card>
        <CardHeader title={`Due in ${month}`} />
        <CardBody>
          <p className="text-sm">
            <span className="text-2xl font-semibold">{number.format(due.pieces)}</span> pieces in {number.format(due.orders)} order{due.orders === 1 ? "" : "s"} expected this month
          </p>
          {due.monthlyCapacity ? (
            <>
              <div className="mt-3 h-2 w-full overflow-hidden rounded-full bg-sunken" role="meter" aria-valuemin={0} aria-valuemax={due.monthlyCapacity} aria-valuenow={due.pieces} aria-label="Pieces due against monthly capacity">
                <div className={share !== null && share > 100 ? "h-full bg-danger" : "h-full bg-brass-500"} style={{ width: `${Math.min(100, share ?? 0)}%` }} />
              </div>
              <p className={share !== null && share > 100 ? "mt-2 text-sm font-medium text-danger" : "mt-2 text-sm text-ink-muted"}>
                {share}% of your monthly capacity of {number.format(due.monthlyCapacity)} pieces
                {share !== null && share > 100 ? ": over capacity" : ""}
              </p>
            </>
          ) : (
            <p className="mt-2 text-sm text-ink-muted">
              Set your monthly capacity in{" "}
              <Link href={`/workshop/${slug}/profile`} className="font-medium text-brass-700 hover:underline">
                your workshop profile
              </Link>{" "}
              to see this month against it.
            </p>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
