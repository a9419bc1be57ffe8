import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { APPROVAL_STATES, MILESTONE_STATUSES, type MilestoneKey } from "~/lib/milestones";
import { attachedFileColumns } from "./files";
import { organizations } from "./organizations";
import { orders } from "./rfqs";
import { users } from "./users";

export const milestoneStatus = pgEnum("milestone_status", MILESTONE_STATUSES);
export const milestoneApproval = pgEnum("milestone_approval", APPROVAL_STATES);

/**
 * A workshop's plan template: the steps every new order's milestone plan starts from, in order, each with
 * its share of the quote's lead time (percent; a saved template sums to 100) and whether the brand approves
 * it. A workshop with no rows uses DEFAULT_PLAN_TEMPLATE. The workshop's own, nobody else reads it.
 */
export const planTemplateSteps = pgTable(
  "plan_template_steps",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    /** The step the services recognise (deposit received, shipped, delivered); null for the workshop's own steps. */
    key: text().$type<MilestoneKey>(),
    name: text().notNull(),
    sharePercent: smallint().notNull(),
    needsApproval: boolean().notNull().default(false),
  },
  (t) => [
    uniqueIndex("plan_template_steps_org_position_key").on(t.orgId, t.position),
    check("plan_template_steps_share", sql`${t.sharePercent} between 0 and 100`),
  ],
);

/**
 * The plan of one order: its date, the promise fixed at order, the live forecast, the at-risk flag and the
 * shipping facts. One per order; visible to exactly the order's two parties.
 */
export const orderPlans = pgTable(
  "order_plans",
  {
    orderId: uuid()
      .primaryKey()
      .references(() => orders.id, { onDelete: "cascade" }),
    brandOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    workshopOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** The order's day in the workshop's time zone: business day 0 of the plan. */
    orderDate: date({ mode: "string" }).notNull(),
    leadTimeDays: integer().notNull(),
    /** Fixed at order: never moves, whatever the forecast does. */
    promisedDeliveryDate: date({ mode: "string" }).notNull(),
    forecastDeliveryDate: date({ mode: "string" }).notNull(),
    atRisk: boolean().notNull().default(false),
    /** When the order was last flagged at risk, so a flag is told once, not every day. */
    atRiskSince: timestamp({ withTimezone: true }),
    /** The milestone the daily job last flagged as overdue without a report (told once per milestone). */
    overdueMilestoneId: uuid(),
    carrier: text().notNull().default(""),
    trackingNumber: text().notNull().default(""),
    shippedOn: date({ mode: "string" }),
    customsEnteredOn: date({ mode: "string" }),
    customsClearedOn: date({ mode: "string" }),
    deliveredOn: date({ mode: "string" }),
    /** Business days the delivery came after the promise, in the workshop's calendar (0 when on time); null until delivered. */
    lateBusinessDays: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.brandOrgId, t.atRisk), index().on(t.workshopOrgId, t.atRisk), check("order_plans_lead_time", sql`${t.leadTimeDays} >= 0`)],
);

/** A step of an order: planned (from the template), forecast (re-computed on every change) and actual dates. */
export const orderMilestones = pgTable(
  "order_milestones",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orderPlans.orderId, { onDelete: "cascade" }),
    brandOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    workshopOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    key: text().$type<MilestoneKey>(),
    name: text().notNull(),
    sharePercent: smallint().notNull(),
    /** Business days from the order date to the planned end of this step. */
    plannedDay: integer().notNull(),
    plannedDate: date({ mode: "string" }).notNull(),
    forecastDate: date({ mode: "string" }).notNull(),
    startedOn: date({ mode: "string" }),
    completedOn: date({ mode: "string" }),
    status: milestoneStatus().notNull().default("pending"),
    needsApproval: boolean().notNull().default(false),
    approval: milestoneApproval().notNull().default("none"),
    approvalRequestedOn: date({ mode: "string" }),
    /** The last report on this step (any update), for the daily overdue check. */
    lastReportedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("order_milestones_order_position_key").on(t.orderId, t.position),
    index().on(t.brandOrgId),
    index().on(t.workshopOrgId, t.status),
    check("order_milestones_planned_day", sql`${t.plannedDay} >= 0`),
  ],
);

/** Who did what on a milestone, with a note and work-in-progress photos: the timeline's entries. */
export const orderMilestoneUpdates = pgTable(
  "order_milestone_updates",
  {
    id: uuid().primaryKey().defaultRandom(),
    milestoneId: uuid()
      .notNull()
      .references(() => orderMilestones.id, { onDelete: "cascade" }),
    orderId: uuid()
      .notNull()
      .references(() => orderPlans.orderId, { onDelete: "cascade" }),
    brandOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    workshopOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    authorOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The transition (`start`, `complete`, `block`, `approve`, `request_changes`, `record_deposit`). */
    action: text().notNull(),
    fromStatus: milestoneStatus().notNull(),
    toStatus: milestoneStatus().notNull(),
    note: text().notNull().default(""),
    /** The day it happened, in the workshop's time zone (the actual date it sets). */
    happenedOn: date({ mode: "string" }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.orderId, t.createdAt), index().on(t.milestoneId), index().on(t.brandOrgId), index().on(t.workshopOrgId)],
);

export const orderMilestonePhotos = pgTable(
  "order_milestone_photos",
  {
    updateId: uuid()
      .notNull()
      .references(() => orderMilestoneUpdates.id, { onDelete: "cascade" }),
    // orgId: the workshop's, which uploaded the photo.
    ...attachedFileColumns(),
  },
  (t) => [primaryKey({ columns: [t.updateId, t.fileId] }), uniqueIndex("order_milestone_photos_file_key").on(t.fileId), index().on(t.orgId)],
);

export type PlanTemplateStepRow = typeof planTemplateSteps.$inferSelect;
export type OrderPlan = typeof orderPlans.$inferSelect;
export type OrderMilestone = typeof orderMilestones.$inferSelect;
export type OrderMilestoneUpdate = typeof orderMilestoneUpdates.$inferSelect;
