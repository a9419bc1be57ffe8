import { createOrganizationSchema, updateOrganizationSchema } from "~/lib/schemas";
import { createOrganization, listMyOrganizations, updateOrganization } from "../../services/organizations";
import { leaveOrganization } from "../../services/members";
import { createTRPCRouter, orgProcedure, protectedProcedure } from "../trpc";

export const organizationRouter = createTRPCRouter({
  create: protectedProcedure
    .input(createOrganizationSchema)
    .mutation(({ ctx, input }) => createOrganization(ctx.db, ctx.userId, input, ctx.ip)),

  mine: protectedProcedure.query(({ ctx }) => listMyOrganizations(ctx.db, ctx.userId)),

  get: orgProcedure.meta({ permission: "org.view" }).query(({ ctx }) => ({ org: ctx.org, role: ctx.membership.role })),

  update: orgProcedure
    .meta({ permission: "org.update" })
    .input(updateOrganizationSchema)
    .mutation(({ ctx, input }) => updateOrganization(ctx.db, { orgId: ctx.org.id, actorId: ctx.userId }, input)),

  leave: orgProcedure.meta({ permission: "org.view" }).mutation(async ({ ctx }) => {
    await leaveOrganization(ctx.db, ctx.actor);
    return { ok: true as const };
  }),
});
