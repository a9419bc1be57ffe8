import { z } from "zod";
import { createOrganizationSchema, updateOrganizationSchema } from "~/lib/schemas";
import { ORGANIZATION_KINDS } from "~/lib/organizations";
import { notFound } from "../../errors";
import { getChecklist } from "../../services/checklist";
import { getInbox } from "../../services/inbox";
import { createOrganization, currentSlugForMember, getMembership, homePathFor, listMyOrganizations, portalPath, rememberLastOrganization, updateOrganization } from "../../services/organizations";
import { leaveOrganization } from "../../services/members";
import { createTRPCRouter, orgProcedure, protectedProcedure } from "../trpc";

export const organizationRouter = createTRPCRouter({
  create: protectedProcedure
    .input(createOrganizationSchema)
    .mutation(({ ctx, input }) => createOrganization(ctx.db, ctx.userId, input, ctx.ip)),

  mine: protectedProcedure.query(({ ctx }) => listMyOrganizations(ctx.db, ctx.userId)),

  /** Where the signed-in user lands: the organization used last, else the first, else onboarding. */
  home: protectedProcedure.query(async ({ ctx }) => ({ path: await homePathFor(ctx.db, ctx.userId) })),

  /**
   * A portal's frame, addressed by the URL's slug: the organization, the caller's role in it and the
   * organizations to switch to. Not a member, or the other kind: NOT_FOUND, as for a slug that does not exist.
   */
  portal: protectedProcedure
    .input(z.object({ kind: z.enum(ORGANIZATION_KINDS, "Unknown portal."), slug: z.string().trim().min(1, "Unknown organization.").max(100, "Unknown organization.") }))
    .query(async ({ ctx, input }) => {
      const found = await getMembership(ctx.db, ctx.userId, { slug: input.slug });
      if (!found || found.org.kind !== input.kind) throw notFound("Organization");
      return { org: found.org, role: found.membership.role, organizations: await listMyOrganizations(ctx.db, ctx.userId) };
    }),

  /** Where an old portal address of one of the user's organizations leads now (after a slug change), or null. */
  renamedPortal: protectedProcedure
    .input(z.object({ kind: z.enum(ORGANIZATION_KINDS, "Unknown portal."), slug: z.string().trim().min(1, "Unknown organization.").max(100, "Unknown organization.") }))
    .output(z.object({ slug: z.string() }).nullable())
    .query(async ({ ctx, input }) => {
      const slug = await currentSlugForMember(ctx.db, ctx.userId, input.kind, input.slug);
      return slug ? { slug } : null;
    }),

  get: orgProcedure("org.view").query(({ ctx }) => ({ org: ctx.org, role: ctx.membership.role })),

  /** The dashboard's getting-started list: the steps the caller's role may take. */
  checklist: orgProcedure("org.view").query(({ ctx }) => getChecklist(ctx.db, ctx.org, ctx.membership.role)),

  /** What waits on this organization today, for the caller's role: the dashboard's to-dos and the navigation's counts. */
  inbox: orgProcedure("org.view").query(({ ctx }) => getInbox(ctx.db, ctx.org, ctx.membership.role)),

  /** Switching from the header: remembered, so the next sign-in lands here. */
  switch: orgProcedure("org.view").mutation(async ({ ctx }) => {
    await rememberLastOrganization(ctx.db, ctx.userId, ctx.org.id);
    return { path: portalPath(ctx.org) };
  }),

  update: orgProcedure("org.update")
    .input(updateOrganizationSchema)
    .mutation(({ ctx, input }) => updateOrganization(ctx.db, { orgId: ctx.org.id, actorId: ctx.userId }, input)),

  leave: orgProcedure("org.view").mutation(async ({ ctx }) => {
    await leaveOrganization(ctx.db, ctx.actor);
    return { ok: true as const };
  }),
});
