import { z } from "zod";
import { acceptSampleRequestSchema, createSampleRequestSchema, declineSampleRequestSchema, evaluateSampleSchema, SAMPLE_STATUSES, shipSampleRequestSchema } from "~/lib/sample-request-schemas";
import {
  acceptSampleRequest,
  cancelSampleRequest,
  createSampleRequest,
  declineSampleRequest,
  evaluateSample,
  markSampleReceived,
  shipSampleRequest,
} from "../../services/sample-requests";
import { getBrandSampleRequest, getWorkshopSampleRequest, workshopNumberOf, listSampleRequests, sampleRequestOptions } from "../../services/sample-request-views";
import { brandProcedure, createTRPCRouter, workshopProcedure } from "../trpc";
import { workshopInboxOutput, workshopSampleOutput } from "./sample-request-output";

const requestId = z.uuid("Unknown sample request.");
const listInput = z.object({
  status: z.enum(SAMPLE_STATUSES, "Unknown status.").nullish(),
  page: z.number().int().min(1).max(10_000).default(1),
});

/** Brand-side procedures act through brandProcedure, workshop-side through workshopProcedure. */
export const sampleRequestRouter = createTRPCRouter({
  // Brand side -----------------------------------------------------------------------------------------
  requestOptions: brandProcedure("samples.request")
    .input(z.object({ workshopOrgId: z.uuid("Unknown workshop.") }))
    .query(({ ctx, input }) => sampleRequestOptions(ctx.db, ctx.org.id, input.workshopOrgId)),

  create: brandProcedure("samples.request")
    .input(createSampleRequestSchema)
    .mutation(async ({ ctx, input }) => {
      const req = await createSampleRequest(ctx.db, ctx.actor, input);
      return { id: req.id, number: req.number };
    }),

  list: brandProcedure("samples.view")
    .input(listInput)
    .query(({ ctx, input }) => listSampleRequests(ctx.db, "brand", ctx.org.id, input)),

  get: brandProcedure("samples.view")
    .input(z.object({ number: z.number("Unknown sample request.").int().min(1).max(2_147_483_647) }))
    .query(({ ctx, input }) => getBrandSampleRequest(ctx.db, ctx.org.id, input.number)),

  cancel: brandProcedure("samples.request")
    .input(z.object({ requestId }))
    .mutation(async ({ ctx, input }) => ({ status: (await cancelSampleRequest(ctx.db, ctx.actor, input)).status })),

  markReceived: brandProcedure("samples.request")
    .input(z.object({ requestId }))
    .mutation(async ({ ctx, input }) => ({ status: (await markSampleReceived(ctx.db, ctx.actor, input)).status })),

  evaluate: brandProcedure("samples.evaluate")
    .input(evaluateSampleSchema)
    .mutation(async ({ ctx, input }) => {
      const e = await evaluateSample(ctx.db, ctx.actor, input);
      return { quality: e.quality, finish: e.finish, communication: e.communication, notes: e.notes, updatedAt: e.updatedAt };
    }),

  // Workshop side: outputs are declared so nothing private to the brand can leave by accident ----------
  inbox: workshopProcedure("samples.view")
    .input(listInput)
    .output(workshopInboxOutput)
    .query(({ ctx, input }) => listSampleRequests(ctx.db, "workshop", ctx.org.id, input)),

  /** One request by the workshop's own number (its URL: /workshop/<slug>/samples/<number>). */
  inboxGet: workshopProcedure("samples.view")
    .input(z.object({ number: z.number("Unknown sample request.").int().min(1, "Unknown sample request.").max(2_147_483_647, "Unknown sample request.") }))
    .output(workshopSampleOutput)
    .query(({ ctx, input }) => getWorkshopSampleRequest(ctx.db, ctx.org.id, input.number)),

  /** The workshop's number of a request known by its id, so that old URLs by id redirect. */
  inboxNumberOf: workshopProcedure("samples.view")
    .input(z.object({ requestId }))
    .output(z.object({ number: z.number() }))
    .query(({ ctx, input }) => workshopNumberOf(ctx.db, ctx.org.id, input.requestId)),

  accept: workshopProcedure("samples.respond")
    .input(acceptSampleRequestSchema)
    .mutation(async ({ ctx, input }) => ({ status: (await acceptSampleRequest(ctx.db, ctx.actor, input)).status })),

  decline: workshopProcedure("samples.respond")
    .input(declineSampleRequestSchema)
    .mutation(async ({ ctx, input }) => ({ status: (await declineSampleRequest(ctx.db, ctx.actor, input)).status })),

  ship: workshopProcedure("samples.respond")
    .input(shipSampleRequestSchema)
    .mutation(async ({ ctx, input }) => ({ status: (await shipSampleRequest(ctx.db, ctx.actor, input)).status })),
});
