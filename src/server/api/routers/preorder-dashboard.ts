import { z } from "zod";
import { emailCampaignCustomersSchema } from "~/lib/preorder-dashboard-schemas";
import { refundReservationSchema, reservationFiltersSchema, reservationListSchema } from "~/lib/preorder-schemas";
import { PREORDER_CAMPAIGN_STATUSES, PREORDER_RESERVATION_STATUSES } from "~/lib/preorder-vocabulary";
import { campaignDashboard, exportReservationsCsv, listReservations } from "../../services/preorder-dashboard";
import { refundCampaignReservation } from "../../services/preorder-dashboard-refunds";
import { campaignAudience, emailCampaignCustomers } from "../../services/preorder-messages";
import { brandProcedure, createTRPCRouter } from "../trpc";

const campaignInput = z.object({ campaignId: z.uuid("Unknown campaign.") });
const status = z.enum(PREORDER_RESERVATION_STATUSES);
const byStatus = z.object(Object.fromEntries(PREORDER_RESERVATION_STATUSES.map((s) => [s, z.number()])) as Record<(typeof PREORDER_RESERVATION_STATUSES)[number], z.ZodNumber>);

/** The figures of a campaign, per size and per day (the chart), with the conversion and what was collected. */
const dashboardOutput = z.object({
  campaign: z.object({
    id: z.string(),
    title: z.string(),
    status: z.enum(PREORDER_CAMPAIGN_STATUSES),
    currency: z.string(),
    totalCap: z.number(),
    heldUnits: z.number(),
    paidUnits: z.number(),
    opensAt: z.date(),
    closesAt: z.date(),
  }),
  sizes: z.array(z.object({ size: z.string(), label: z.string(), cap: z.number().nullable(), heldUnits: z.number(), paidUnits: z.number(), reservedUnits: z.number() })),
  days: z.array(z.object({ day: z.string(), reservations: z.number(), reservedUnits: z.number(), paidUnits: z.number(), views: z.number() })),
  reservations: z.number(),
  byStatus,
  conversion: z.object({ paidReservations: z.number(), views: z.number(), label: z.string() }),
  collected: z.object({ amountMinor: z.number(), currency: z.string() }),
});

/** A customer's reservation as the brand sees it: the only place names and emails leave the server. */
const reservationOutput = z.object({
  id: z.string(),
  reference: z.string(),
  customerName: z.string(),
  customerEmail: z.string(),
  size: z.string(),
  quantity: z.number(),
  status,
  currency: z.string(),
  totalMinor: z.number(),
  amountDueMinor: z.number(),
  paidMinor: z.number(),
  refundedMinor: z.number(),
  refundPendingMinor: z.number(),
  createdAt: z.date(),
  paidAt: z.date().nullable(),
  canRefund: z.boolean(),
});

const view = brandProcedure("preorders.view");

/** A campaign's dashboard (the brand's): figures, reservations, refunds and emails to its customers. */
export const preorderDashboardRouter = createTRPCRouter({
  get: view
    .input(campaignInput)
    .output(dashboardOutput)
    .query(async ({ ctx, input }) => {
      const figures = await campaignDashboard(ctx.db, ctx.org.id, input.campaignId);
      return { ...figures, byStatus: await campaignAudience(ctx.db, ctx.org.id, input.campaignId) };
    }),
  reservations: view
    .input(reservationListSchema)
    .output(z.object({ items: z.array(reservationOutput), total: z.number(), page: z.number(), pageSize: z.number() }))
    .query(({ ctx, input }) => listReservations(ctx.db, ctx.org.id, input)),
  exportCsv: view
    .input(reservationFiltersSchema.extend(campaignInput.shape))
    .output(z.object({ filename: z.string(), csv: z.string(), rows: z.number(), truncated: z.boolean() }))
    .query(({ ctx, input }) => exportReservationsCsv(ctx.db, ctx.org.id, input)),
  refund: brandProcedure("preorders.refund")
    .input(refundReservationSchema)
    .output(z.object({ campaignId: z.string(), reservationId: z.string(), status: z.enum(["refunded", "refund_pending", "cancelled"]) }))
    .mutation(({ ctx, input }) => refundCampaignReservation(ctx.db, ctx.actor, input)),
  emailCustomers: brandProcedure("preorders.manage")
    .input(emailCampaignCustomersSchema)
    .output(z.object({ campaignId: z.string(), sent: z.number(), sendsLeftThisHour: z.number() }))
    .mutation(({ ctx, input }) => emailCampaignCustomers(ctx.db, ctx.actor, input)),
});
