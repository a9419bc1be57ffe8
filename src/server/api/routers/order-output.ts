import { z } from "zod";
import { MILESTONE_STATUSES } from "~/lib/milestones";
import { ORDER_STAGES } from "~/lib/order-list-schemas";

/**
 * What leaves the server on orders lists, dashboards and an order's activity. Zod strips every key not
 * listed, so nothing of the other party beyond its name reaches a list.
 */
const milestone = z.object({ id: z.uuid(), name: z.string(), status: z.enum(MILESTONE_STATUSES) }).nullable();
const day = z.string();

const orderItem = z.object({
  id: z.uuid(),
  year: z.number(),
  seq: z.number(),
  number: z.string(),
  stage: z.enum(ORDER_STAGES),
  currency: z.string(),
  totalMinor: z.number(),
  createdAt: z.date(),
  promisedDeliveryDate: day,
  expectedDeliveryDate: day,
  atRisk: z.boolean(),
  counterparty: z.object({ id: z.uuid(), name: z.string() }),
  currentMilestone: milestone,
  designs: z.array(z.object({ name: z.string(), sku: z.string(), quantity: z.number() })),
  pieces: z.number(),
  unreadMessages: z.number(),
});

export const orderPageOutput = z.object({
  items: z.array(orderItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  counterparties: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

export const orderExportOutput = z.object({ csv: z.string(), rows: z.number(), truncated: z.boolean() });

const card = z.object({
  id: z.uuid(),
  number: z.string(),
  stage: z.enum(ORDER_STAGES),
  expectedDeliveryDate: day,
  promisedDeliveryDate: day,
  atRisk: z.boolean(),
  counterpartyName: z.string(),
  currentMilestone: milestone,
});
const stages = z.array(z.object({ stage: z.enum(ORDER_STAGES), count: z.number() }));
const approvals = z.array(z.object({ orderId: z.uuid(), number: z.string(), milestoneId: z.uuid(), milestone: z.string(), requestedOn: day.nullable(), counterpartyName: z.string() }));

export const brandDashboardOutput = z.object({
  today: day,
  upcomingDays: z.number(),
  stages,
  atRisk: z.array(card),
  upcoming: z.array(card),
  approvals,
});

export const workshopDashboardOutput = z.object({
  today: day,
  board: z.array(z.object({ name: z.string(), cards: z.array(card) })),
  boardTotal: z.number(),
  boardLimit: z.number(),
  stages,
  approvals,
  dueThisMonth: z.object({ monthStart: day, monthEnd: day, orders: z.number(), pieces: z.number(), monthlyCapacity: z.number().nullable() }),
});

export const orderActivityOutput = z.object({
  items: z.array(z.object({ id: z.uuid(), action: z.string(), data: z.record(z.string(), z.unknown()), createdAt: z.date(), actorName: z.string().nullable() })),
  nextCursor: z.object({ createdAt: z.date(), id: z.uuid() }).nullable(),
});
