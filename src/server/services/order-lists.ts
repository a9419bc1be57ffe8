import type { MilestoneStatus } from "~/lib/milestones";
import { sql, type SQL } from "drizzle-orm";
import { stringify } from "csv-stringify/sync";
import { toDecimalString } from "~/lib/money";
import { ORDER_STAGE_LABELS, ORDERS_EXPORT_LIMIT, ORDERS_PAGE_SIZE, type OrderFilters, type OrderStage, orderFiltersSchema } from "~/lib/order-list-schemas";
import { orderNumberLabel } from "~/lib/rfq-schemas";
import type { Db, Tx } from "../db/client";
import { withOrg } from "../db/tenant";

type Reader = { orgId: string; userId: string };
type Filters = ReturnType<typeof orderFiltersSchema.parse>;

/**
 * An order as the lists show it, for either party: where it stands (derived from its status and plan),
 * its dates, the other party, its current milestone. `orderRowsSql` builds it in one statement with the
 * filters applied, so a page costs the same number of statements whatever its number of rows.
 */
type Row = {
  id: string;
  year: number;
  seq: number;
  stage: OrderStage;
  currency: string;
  total_minor: string;
  created_at: string;
  promised: string;
  expected: string;
  at_risk: boolean;
  counterparty_id: string;
  counterparty_name: string;
  current_id: string | null;
  current_name: string | null;
  current_status: string | null;
  total: string;
};

/** `%` and `_` in a search are the characters themselves. */
const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function filteredOrders(orgId: string, f: Filters): SQL {
  // The filters read only columns of the order, its plan and the other party, so PostgreSQL applies them
  // before the per-order milestone summary (the lateral join), which then runs for matching orders only.
  const where: SQL[] = [];
  if (f.stage) where.push(sql`b.stage = ${f.stage}`);
  if (f.atRisk) where.push(sql`b.at_risk`);
  if (f.counterpartyId) where.push(sql`b.counterparty_id = ${f.counterpartyId}`);
  if (f.deliveryFrom) where.push(sql`b.expected >= ${f.deliveryFrom}::date`);
  if (f.deliveryTo) where.push(sql`b.expected <= ${f.deliveryTo}::date`);
  if (f.q) {
    const like = likeOf(f.q);
    where.push(sql`(
      -- The number as shown (PO-2027-0012), and as typed without its zeros (PO-2027-12).
      ('PO-' || b.year || '-' || lpad(b.seq::text, greatest(4, length(b.seq::text)), '0')) ilike ${like}
      or ('PO-' || b.year || '-' || b.seq) ilike ${like}
      or b.counterparty_name ilike ${like}
      or exists (select 1 from order_lines l where l.order_id = b.id and (l.design_name ilike ${like} or l.sku ilike ${like}))
    )`);
  }
  const order = f.sort === "delivery" ? sql`b.expected asc, b.created_at desc, b.id desc` : sql`b.created_at desc, b.id desc`;
  return sql`
    with base as (
      select o.id, o.year, o.seq, o.currency, o.total_minor, o.created_at, o.rfq_id, o.workshop_org_id,
        case when o.brand_org_id = ${orgId}::uuid then o.workshop_org_id else o.brand_org_id end as counterparty_id,
        coalesce(p.forecast_delivery_date, o.expected_delivery_date) as expected,
        coalesce(p.promised_delivery_date, o.expected_delivery_date) as promised,
        -- At risk only while it is still on its way: a delivered, closed or cancelled order is past risk.
        coalesce(p.at_risk, false) and o.status in ('open', 'in_production') and p.delivered_on is null and not ms.delivered as at_risk,
        case
          when o.status = 'cancelled' then 'cancelled'
          when o.status = 'completed' then 'closed'
          when p.delivered_on is not null or ms.delivered then 'delivered'
          when p.shipped_on is not null or ms.shipped then 'shipped'
          when ms.awaiting_deposit then 'awaiting_deposit'
          else 'in_production'
        end as stage,
        ms.current_id, ms.current_name, ms.current_status, c.name as counterparty_name
      from orders o
      join organizations c on c.id = case when o.brand_org_id = ${orgId}::uuid then o.workshop_org_id else o.brand_org_id end
      left join order_plans p on p.order_id = o.id
      left join lateral (
        select
          coalesce(bool_or(m.key = 'deposit_received' and m.status <> 'completed'), false) as awaiting_deposit,
          coalesce(bool_or(m.key = 'shipped' and m.status = 'completed'), false) as shipped,
          coalesce(bool_or(m.key = 'delivered' and m.status = 'completed'), false) as delivered,
          (array_agg(m.id order by m.position) filter (where m.status <> 'completed'))[1] as current_id,
          (array_agg(m.name order by m.position) filter (where m.status <> 'completed'))[1] as current_name,
          (array_agg(m.status::text order by m.position) filter (where m.status <> 'completed'))[1] as current_status
        from order_milestones m where m.order_id = o.id
      ) ms on true
      where (o.brand_org_id = ${orgId}::uuid or o.workshop_org_id = ${orgId}::uuid)
    )
    select b.id, b.year, b.seq, b.stage, b.currency, b.total_minor::text as total_minor, to_json(b.created_at) #>> '{}' as created_at,
      b.promised::text as promised, b.expected::text as expected, b.at_risk, b.counterparty_id, b.counterparty_name,
      b.current_id, b.current_name, b.current_status, b.rfq_id, b.workshop_org_id, count(*) over () as total
    from base b
    ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
    order by ${order}`;
}

const itemOf = (r: Row) => ({
  id: r.id,
  year: r.year,
  seq: r.seq,
  number: orderNumberLabel(r.year, r.seq),
  stage: r.stage,
  currency: r.currency,
  totalMinor: Number(r.total_minor),
  createdAt: new Date(r.created_at),
  promisedDeliveryDate: r.promised,
  expectedDeliveryDate: r.expected,
  atRisk: r.at_risk,
  counterparty: { id: r.counterparty_id, name: r.counterparty_name },
  currentMilestone: r.current_id ? { id: r.current_id, name: r.current_name ?? "", status: (r.current_status ?? "pending") as MilestoneStatus } : null,
});

type PageRow = Row & { designs: { name: string; sku: string; quantity: number }[] | null; pieces: string | null; unread: string };

/**
 * One page of the reader's orders (either side), filtered, with the total, each order's designs and
 * pieces and the reader's unread messages; and the organizations the reader has orders with, for the
 * filter. Two statements (three when the page is past the end), whatever the number of orders.
 */
export async function listOrderPage(db: Db, reader: Reader, input: { filters?: OrderFilters; page: number }) {
  const f = orderFiltersSchema.parse(input.filters ?? {});
  return withOrg(db, reader.orgId, async (tx) => {
    const { rows } = await tx.execute<PageRow>(sql`
      with page as (${filteredOrders(reader.orgId, f)} limit ${ORDERS_PAGE_SIZE} offset ${(input.page - 1) * ORDERS_PAGE_SIZE})
      select page.*, lines.designs, lines.pieces::text as pieces, unread.n::text as unread
      from page
      left join lateral (
        select json_agg(json_build_object('name', l.design_name, 'sku', l.sku, 'quantity', l.quantity) order by l.position) as designs, sum(l.quantity) as pieces
        from order_lines l where l.order_id = page.id
      ) lines on true
      left join lateral (
        select count(*) as n
        from rfq_invitations i
        join rfq_messages msg on msg.invitation_id = i.id
        left join rfq_thread_reads r on r.invitation_id = i.id and r.user_id = ${reader.userId}::uuid and r.org_id = ${reader.orgId}::uuid
        where i.rfq_id = page.rfq_id and i.workshop_org_id = page.workshop_org_id and msg.author_org_id <> ${reader.orgId}::uuid
          and (r.read_at is null or msg.created_at > r.read_at)
      ) unread on true`);
    const total = rows[0] ? Number(rows[0].total) : input.page > 1 ? await countOf(tx, reader.orgId, f) : 0;
    const { rows: counterparties } = await tx.execute<{ id: string; name: string }>(sql`
      select c.id, c.name from organizations c
      where c.id in (
        select case when o.brand_org_id = ${reader.orgId}::uuid then o.workshop_org_id else o.brand_org_id end
        from orders o where o.brand_org_id = ${reader.orgId}::uuid or o.workshop_org_id = ${reader.orgId}::uuid
      )
      order by c.name, c.id`);
    return {
      items: rows.map((r) => ({
        ...itemOf(r),
        designs: (r.designs ?? []).map((d) => ({ name: d.name, sku: d.sku, quantity: Number(d.quantity) })),
        pieces: Number(r.pieces ?? 0),
        unreadMessages: Number(r.unread),
      })),
      total,
      page: input.page,
      pageSize: ORDERS_PAGE_SIZE,
      counterparties,
    };
  });
}

async function countOf(tx: Tx, orgId: string, f: Filters) {
  const { rows } = await tx.execute<{ n: string }>(sql`select count(*)::text as n from (${filteredOrders(orgId, f)}) x`);
  return Number(rows[0]?.n ?? 0);
}

const CSV_COLUMNS = ["Order", "Status", "At risk", "Counterparty", "Designs", "Pieces", "Total", "Currency", "Placed on", "Promised delivery", "Expected delivery", "Current milestone"];

/**
 * Every order the filters match (up to the export limit) as CSV, one row per order. A cell that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with a quote so that a spreadsheet
 * shows it as text and never runs it: design names and organization names are typed by other people.
 */
export async function exportOrdersCsv(db: Db, reader: Reader, input: { filters?: OrderFilters }) {
  const f = orderFiltersSchema.parse(input.filters ?? {});
  return withOrg(db, reader.orgId, async (tx) => {
    const { rows } = await tx.execute<PageRow>(sql`
      with page as (${filteredOrders(reader.orgId, f)} limit ${ORDERS_EXPORT_LIMIT + 1})
      select page.*, lines.designs, lines.pieces::text as pieces, '0' as unread
      from page
      left join lateral (
        select json_agg(json_build_object('name', l.design_name, 'sku', l.sku, 'quantity', l.quantity) order by l.position) as designs, sum(l.quantity) as pieces
        from order_lines l where l.order_id = page.id
      ) lines on true`);
    const truncated = rows.length > ORDERS_EXPORT_LIMIT;
    const kept = rows.slice(0, ORDERS_EXPORT_LIMIT);
    const csv = stringify(
      kept.map((r) => {
        const o = itemOf(r);
        return [
          o.number,
          ORDER_STAGE_LABELS[o.stage],
          o.atRisk ? "yes" : "no",
          o.counterparty.name,
          (r.designs ?? []).map((d) => `${d.name} (${d.sku}) × ${d.quantity}`).join("; "),
          Number(r.pieces ?? 0),
          toDecimalString(o.totalMinor, o.currency),
          o.currency,
          o.createdAt.toISOString().slice(0, 10),
          o.promisedDeliveryDate,
          o.expectedDeliveryDate,
          o.currentMilestone?.name ?? "",
        ];
      }),
      { header: true, columns: CSV_COLUMNS, escape_formulas: true, bom: true },
    );
    return { csv, rows: kept.length, truncated };
  });
}
