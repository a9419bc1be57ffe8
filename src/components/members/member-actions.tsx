"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { errorMessage } from "~/components/forms/server-errors";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Select } from "~/components/ui/input";
import { ROLE_LABELS, type Role } from "~/lib/permissions";
import { useTRPC } from "~/trpc/react";

export function RoleSelect({ orgId, membershipId, name, role, roles }: { orgId: string; membershipId: string; name: string; role: Role; roles: Role[] }) {
  const router = useRouter();
  const trpc = useTRPC();
  const change = useMutation(trpc.member.changeRole.mutationOptions());
  return (
    <Select
      aria-label={`Role of ${name}`}
      className="h-9 w-32"
      value={role}
      disabled={change.isPending}
      onChange={async (e) => {
        const next = e.target.value as Role;
        try {
          await change.mutateAsync({ orgId, membershipId, role: next });
          toast.success(`${name} is now ${ROLE_LABELS[next].toLowerCase()}.`);
        } catch (err) {
          toast.error(errorMessage(err));
        }
        router.refresh();
      }}
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
  const router = useRouter();
  const trpc = useTRPC();
  const remove = useMutation(trpc.member.remove.mutationOptions());
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
      onConfirm={async () => {
        try {
          await remove.mutateAsync({ orgId, membershipId });
          toast.success(`${name} was removed.`);
          router.refresh();
        } catch (err) {
          toast.error(errorMessage(err));
        }
      }}
    />
  );
}

export function RevokeInvitationButton({ orgId, invitationId, email }: { orgId: string; invitationId: string; email: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const revoke = useMutation(trpc.member.revokeInvitation.mutationOptions());
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
      onConfirm={async () => {
        try {
          await revoke.mutateAsync({ orgId, invitationId });
          toast.success("Invitation withdrawn.");
          router.refresh();
        } catch (err) {
          toast.error(errorMessage(err));
        }
      }}
    />
  );
}

export function LeaveOrganizationButton({ orgId, orgName }: { orgId: string; orgName: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const leave = useMutation(trpc.organization.leave.mutationOptions());
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">Leave {orgName}</Button>}
      title={`Leave ${orgName}?`}
      description="You will lose access to this organization. Someone will need to invite you again to come back."
      confirmLabel="Leave organization"
      onConfirm={async () => {
        try {
          await leave.mutateAsync({ orgId });
          toast.success(`You left ${orgName}.`);
          router.replace("/app");
          router.refresh();
        } catch (err) {
          toast.error(errorMessage(err));
        }
      }}
    />
  );
}
