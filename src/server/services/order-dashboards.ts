import type { MilestoneStatus } from "~/lib/milestones";
import { sql } from "drizzle-orm";
import { ORDER_STAGES, type OrderStage } from "~/lib/order-list-schemas";
import { orderNumberLabel } from "~/lib/rfq-schemas";
import type { Db, Tx } from "../db/client";
import { withOrg } from "../db/tenant";
import { addDays, localDateOf } from "./production-calendar";
import { filteredOrders } from "./order-lists";

type Reader = { orgId: string; userId: string };

/** Orders that are still on their way: not delivered, closed or cancelled. */
const UNDER_WAY = sql`('awaiting_deposit', 'in_production', 'shipped')`;
const UPCOMING_DAYS = 30;
/** The most approvals a dashboard lists, oldest request first. */
export const APPROVALS_LIMIT = 20;
const CARD = sql`json_build_object('id', r.id, 'year', r.year, 'seq', r.seq, 'stage', r.stage, 'expected', r.expected, 'promised', r.promised, 'atRisk', r.at_risk,
  'counterparty', r.counterparty_name, 'milestoneId', r.current_id, 'milestone', r.current_name, 'milestoneStatus', r.current_status)`;

type CardJson = { id: string; year: number; seq: number; stage: OrderStage; expected: string; promised: string; atRisk: boolean; counterparty: string; milestoneId: string | null; milestone: string | null; milestoneStatus: string | null };

const cardOf = (c: CardJson) => ({
  id: c.id,
  number: orderNumberLabel(c.year, c.seq),
  stage: c.stage,
  expectedDeliveryDate: c.expected,
  promisedDeliveryDate: c.promised,
  atRisk: c.atRisk,
  counterpartyName: c.counterparty,
  currentMilestone: c.milestoneId ? { id: c.milestoneId, name: c.milestone ?? "", status: (c.milestoneStatus ?? "pending") as MilestoneStatus } : null,
});

const stagesOf = (rows: { stage: OrderStage; n: number }[] | null) => ORDER_STAGES.map((stage) => ({ stage, count: Number(rows?.find((r) => r.stage === stage)?.n ?? 0) }));

async function todayOf(tx: Tx, orgId: string, now: Date) {
  const { rows } = await tx.execute<{ time_zone: string }>(sql`select time_zone from organizations where id = ${orgId}::uuid`);
  return localDateOf(now, rows[0]?.time_zone ?? "UTC");
}

/**
 * Milestones waiting for the brand's approval on the reader's orders, oldest request first: what the brand
 * has to do, and what the workshop waits on.
 */
async function approvalsOf(tx: Tx, orgId: string) {
  const { rows } = await tx.execute<{ order_id: string; year: number; seq: number; milestone_id: string; name: string; requested_on: string | null; counterparty: string }>(sql`
    select o.id as order_id, o.year, o.seq, m.id as milestone_id, m.name, m.approval_requested_on::text as requested_on, c.name as counterparty
    from order_milestones m
    join orders o on o.id = m.order_id
    join organizations c on c.id = case when o.brand_org_id = ${orgId}::uuid then o.workshop_org_id else o.brand_org_id end
    where (m.brand_org_id = ${orgId}::uuid or m.workshop_org_id = ${orgId}::uuid) and m.status = 'awaiting_approval' and o.status in ('open', 'in_production')
    order by m.approval_requested_on asc nulls last, o.created_at asc
    limit ${APPROVALS_LIMIT}`);
  return rows.map((r) => ({ orderId: r.order_id, number: orderNumberLabel(r.year, r.seq), milestoneId: r.milestone_id, milestone: r.name, requestedOn: r.requested_on, counterpartyName: r.counterparty }));
}

/**
 * The brand's overview of its orders: how many in each stage, those at risk, deliveries of the next 30
 * days (at risk first) and the approvals waiting for it. Two statements.
 */
export async function brandOrderDashboard(db: Db, reader: Reader, now = new Date()) {
  return withOrg(db, reader.orgId, async (tx) => {
    const today = await todayOf(tx, reader.orgId, now);
    const { rows } = await tx.execute<{ stages: { stage: OrderStage; n: number }[] | null; at_risk: CardJson[] | null; upcoming: CardJson[] | null }>(sql`
      with r as (${filteredOrders(reader.orgId, { sort: "delivery" })})
      select
        (select json_agg(json_build_object('stage', s.stage, 'n', s.n)) from (select stage, count(*) as n from r group by stage) s) as stages,
        (select json_agg(x.card order by x.expected, x.id) from (select ${CARD} as card, r.expected, r.id from r where r.at_risk and r.stage in ${UNDER_WAY} order by r.expected, r.id limit 10) x) as at_risk,
        (select json_agg(x.card order by x.at_risk desc, x.expected, x.id) from (
          select ${CARD} as card, r.at_risk, r.expected, r.id from r
          where r.stage in ${UNDER_WAY} and r.expected::date <= ${addDays(today, UPCOMING_DAYS)}::date
          order by r.at_risk desc, r.expected, r.id limit 10) x) as upcoming`);
    const row = rows[0];
    return {
      today,
      upcomingDays: UPCOMING_DAYS,
      stages: stagesOf(row?.stages ?? null),
      atRisk: (row?.at_risk ?? []).map(cardOf),
      upcoming: (row?.upcoming ?? []).map(cardOf),
      approvals: await approvalsOf(tx, reader.orgId),
    };
  });
}

/** The most cards the production board shows; the orders list has the rest. */
const BOARD_LIMIT = 200;

/**
 * The workshop's overview: a production board of its orders under way grouped by their current
 * milestone (in plan order), the approvals it waits on from brands, and the orders expected this month
 * (in the workshop's time zone) with their pieces against its monthly capacity. Three statements.
 */
export async function workshopOrderDashboard(db: Db, reader: Reader, now = new Date()) {
  return withOrg(db, reader.orgId, async (tx) => {
    const today = await todayOf(tx, reader.orgId, now);
    const monthStart = `${today.slice(0, 7)}-01`;
    const nextMonth = new Date(`${monthStart}T00:00:00Z`);
    nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1);
    const monthEnd = addDays(nextMonth.toISOString().slice(0, 10), -1);
    const { rows } = await tx.execute<{ board: (CardJson & { position: number | null })[] | null; board_total: number; due_orders: number; due_pieces: number | null; capacity: number | null; stages: { stage: OrderStage; n: number }[] | null }>(sql`
      with r as (${filteredOrders(reader.orgId, { sort: "delivery" })}),
      under_way as (
        select r.*, m.position from r left join order_milestones m on m.id = r.current_id where r.stage in ${UNDER_WAY}
      )
      select
        (select json_agg(x.card order by x.position nulls last, x.at_risk desc, x.expected, x.id) from (
          select ${CARD}::jsonb || jsonb_build_object('position', r.position) as card, r.position, r.at_risk, r.expected, r.id
          from under_way r order by r.position nulls last, r.at_risk desc, r.expected, r.id limit ${BOARD_LIMIT}) x) as board,
        (select count(*)::int from under_way) as board_total,
        (select count(*)::int from r where r.stage in ${UNDER_WAY} and r.expected::date between ${monthStart}::date and ${monthEnd}::date) as due_orders,
        (select sum(l.quantity)::int from r join order_lines l on l.order_id = r.id where r.stage in ${UNDER_WAY} and r.expected::date between ${monthStart}::date and ${monthEnd}::date) as due_pieces,
        (select json_agg(json_build_object('stage', s.stage, 'n', s.n)) from (select stage, count(*) as n from r group by stage) s) as stages,
        (select monthly_capacity from workshop_profiles where org_id = ${reader.orgId}::uuid) as capacity`);
    const row = rows[0];
    const cards = (row?.board ?? []).map((c) => ({ ...cardOf(c), position: c.position }));
    // Cards come in plan order, so the columns do too.
    const columns: { name: string; cards: typeof cards }[] = [];
    for (const card of cards) {
      const name = card.currentMilestone?.name ?? "Plan finished";
      const column = columns.find((c) => c.name === name);
      if (column) column.cards.push(card);
      else columns.push({ name, cards: [card] });
    }
    return {
      today,
      board: columns,
      boardTotal: Number(row?.board_total ?? 0),
      boardLimit: BOARD_LIMIT,
      stages: stagesOf(row?.stages ?? null),
      approvals: await approvalsOf(tx, reader.orgId),
      dueThisMonth: { monthStart, monthEnd, orders: Number(row?.due_orders ?? 0), pieces: Number(row?.due_pieces ?? 0), monthlyCapacity: row?.capacity ?? null },
    };
  });
}
