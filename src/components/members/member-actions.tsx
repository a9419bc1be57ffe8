"use client";

import { useRouter } from "next/navigation";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Select } from "~/components/ui/input";
import { ROLE_LABELS, type Role } from "~/lib/permissions";
import { useTRPC } from "~/trpc/react";

export function RoleSelect({ orgId, membershipId, name, role, roles }: { orgId: string; membershipId: string; name: string; role: Role; roles: Role[] }) {
  const trpc = useTRPC();
  const change = useFormMutation(trpc.member.changeRole.mutationOptions(), { success: (_, v) => `${name} is now ${ROLE_LABELS[v.role].toLowerCase()}.` });
  return (
    <Select
      aria-label={`Role of ${name}`}
      className="h-9 w-32"
      value={role}
      disabled={change.pending}
      onChange={(e) => void change.run({ orgId, membershipId, role: e.target.value as Role })}
    >
      {roles.map((r) => (
        <option key={r} value={r}>
          {ROLE_LABELS[r]}
        </option>
      ))}
    </Select>
  );
}

export function RemoveMemberButton({ orgId, membershipId, name, orgName }: { orgId: string; membershipId: string; name: string; orgName: string }) {
  const trpc = useTRPC();
  const remove = useFormMutation(trpc.member.remove.mutationOptions(), { success: `${name} was removed.` });
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Remove ${name}`}>
          Remove
        </Button>
      }
      title={`Remove ${name}?`}
      description={`${name} will lose access to ${orgName} at once. You can invite them again later.`}
      confirmLabel="Remove member"
      onConfirm={() => remove.run({ orgId, membershipId })}
    />
  );
}

export function RevokeInvitationButton({ orgId, invitationId, email }: { orgId: string; invitationId: string; email: string }) {
  const trpc = useTRPC();
  const revoke = useFormMutation(trpc.member.revokeInvitation.mutationOptions(), { success: "Invitation withdrawn." });
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Withdraw invitation to ${email}`}>
          Withdraw
        </Button>
      }
      title="Withdraw this invitation?"
      description={`The link sent to ${email} will stop working.`}
      confirmLabel="Withdraw invitation"
      onConfirm={() => revoke.run({ orgId, invitationId })}
    />
  );
}

export function LeaveOrganizationButton({ orgId, orgName }: { orgId: string; orgName: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const leave = useFormMutation(trpc.organization.leave.mutationOptions(), { success: `You left ${orgName}.`, onSuccess: () => router.replace("/app") });
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">Leave {orgName}</Button>}
      title={`Leave ${orgName}?`}
      description="You will lose access to this organization. Someone will need to invite you again to come back."
      confirmLabel="Leave organization"
      onConfirm={() => leave.run({ orgId })}
    />
  );
}
