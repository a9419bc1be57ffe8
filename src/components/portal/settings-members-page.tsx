import { Mail, Users } from "lucide-react";
import { InviteForm } from "~/components/members/invite-form";
import { LeaveOrganizationButton, RemoveMemberButton, RevokeInvitationButton, RoleSelect } from "~/components/members/member-actions";
import { Badge } from "~/components/ui/badge";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { can, ROLE_LABELS, ROLES, type Role } from "~/lib/permissions";
import type { OrganizationKind } from "~/server/db/schema";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

export async function SettingsMembersPage({ kind, slug }: { kind: OrganizationKind; slug: string }) {
  const { org, role, user } = await loadPortal(kind, slug);
  const { members, invitations } = await (await api()).member.list({ orgId: org.id });
  const canInvite = can(role, "members.invite");
  const canManage = can(role, "members.manage");
  const canManageOwners = can(role, "members.manageOwners");
  const grantable: Role[] = ROLES.filter((r) => r !== "owner" || canManageOwners);

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader title="Members" description={`${members.length} ${members.length === 1 ? "person has" : "people have"} access to ${org.name}.`} />
        <ul className="divide-y divide-line">
          {members.map((m) => {
            const editable = canManage && m.userId !== user.id && (m.role !== "owner" || canManageOwners);
            return (
              <li key={m.id} className="flex flex-wrap items-center gap-3 px-5 py-3.5">
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium">
                    {m.name} {m.userId === user.id && <span className="font-normal text-ink-subtle">(you)</span>}
                  </p>
                  <p className="truncate text-sm text-ink-muted">
                    {m.email} · joined {dateFormat.format(m.joinedAt)}
                  </p>
                </div>
                {editable ? (
                  <div className="flex items-center gap-1">
                    <RoleSelect orgId={org.id} membershipId={m.id} name={m.name} role={m.role} roles={grantable} />
                    <RemoveMemberButton orgId={org.id} membershipId={m.id} name={m.name} orgName={org.name} />
                  </div>
                ) : (
                  <Badge tone={m.role === "owner" ? "brass" : "neutral"}>{ROLE_LABELS[m.role]}</Badge>
                )}
              </li>
            );
          })}
        </ul>
      </Card>

      {canInvite && (
        <Card>
          <CardHeader title="Invite someone" description="They get an email with a link that works once and expires in 7 days." />
          <CardBody>
            <InviteForm orgId={org.id} grantableRoles={grantable} />
          </CardBody>
        </Card>
      )}

      <Card>
        <CardHeader title="Pending invitations" />
        {invitations.length === 0 ? (
          <EmptyState icon={<Mail />} title="No pending invitations" description={canInvite ? "Invitations you send appear here until they are accepted." : "Owners and admins can invite people."} />
        ) : (
          <ul className="divide-y divide-line">
            {invitations.map((inv) => (
              <li key={inv.id} className="flex flex-wrap items-center gap-3 px-5 py-3.5">
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium">{inv.email}</p>
                  <p className="text-sm text-ink-muted">
                    {ROLE_LABELS[inv.role]} · invited by {inv.invitedBy ?? "a former member"} · expires {dateFormat.format(inv.expiresAt)}
                  </p>
                </div>
                {canInvite && <RevokeInvitationButton orgId={org.id} invitationId={inv.id} email={inv.email} />}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card>
        <CardHeader title="Leave organization" description="An organization always keeps at least one owner." />
        <CardBody>
          {role === "owner" && members.filter((m) => m.role === "owner").length === 1 ? (
            <EmptyState
              className="py-4"
              icon={<Users />}
              title="You are the last owner"
              description={members.length === 1 ? "Invite someone and make them an owner before you leave." : "Make another member an owner before you leave."}
            />
          ) : (
            <LeaveOrganizationButton orgId={org.id} orgName={org.name} />
          )}
        </CardBody>
      </Card>
    </div>
  );
}
