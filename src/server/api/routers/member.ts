import { z } from "zod";
import { inviteSchema, roleSchema } from "~/lib/schemas";
import { withOrg } from "../../db/tenant";
import { changeRole, listMembers, removeMember } from "../../services/members";
import { inviteMember, listPendingInvitations, revokeInvitation } from "../../services/invitations";
import { createTRPCRouter, orgProcedure } from "../trpc";

const membershipId = z.uuid("Unknown member.");

export const memberRouter = createTRPCRouter({
  list: orgProcedure("members.view").query(({ ctx }) =>
    withOrg(ctx.db, ctx.org.id, async (tx) => ({
      members: await listMembers(tx, ctx.org.id),
      invitations: await listPendingInvitations(tx, ctx.org.id),
    })),
  ),

  invite: orgProcedure("members.invite")
    .input(inviteSchema)
    .mutation(({ ctx, input }) => inviteMember(ctx.db, ctx.actor, input, ctx.ip)),

  revokeInvitation: orgProcedure("members.invite")
    .input(z.object({ invitationId: z.uuid("Unknown invitation.") }))
    .mutation(async ({ ctx, input }) => {
      await revokeInvitation(ctx.db, ctx.actor, input);
      return { ok: true as const };
    }),

  changeRole: orgProcedure("members.manage")
    .input(z.object({ membershipId, role: roleSchema }))
    .mutation(({ ctx, input }) => changeRole(ctx.db, ctx.actor, input)),

  remove: orgProcedure("members.manage")
    .input(z.object({ membershipId }))
    .mutation(async ({ ctx, input }) => {
      await removeMember(ctx.db, ctx.actor, input);
      return { ok: true as const };
    }),
});
