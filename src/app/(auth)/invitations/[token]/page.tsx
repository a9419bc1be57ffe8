import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "~/components/auth/auth-card";
import { AcceptInvitation } from "~/components/auth/accept-invitation";
import { VerifyEmailNotice } from "~/components/auth/verify-email-notice";
import { Button } from "~/components/ui/button";
import { ROLE_LABELS } from "~/lib/permissions";
import { currentUser } from "~/server/portal";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Invitation" };

const STATUS_TEXT = {
  accepted: "This invitation was already used. If it was yours, sign in to open the organization.",
  revoked: "This invitation was withdrawn. Ask the person who invited you to send a new one.",
  replaced: "This invitation was replaced by a newer one sent to the same address. Open the link in the most recent invitation email.",
  expired: "This invitation has expired. Ask the person who invited you to send a new one.",
} as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const caller = await api();
  const invitation = token.length >= 10 && token.length <= 200 ? await caller.invitation.byToken({ token }) : null;
  if (!invitation) {
    return (
      <AuthCard title="This link is not valid" description="Check that you opened the whole link from the email, or ask for a new invitation.">
        <Button asChild variant="secondary">
          <Link href="/">Go to Bezel</Link>
        </Button>
      </AuthCard>
    );
  }
  const kindLabel = invitation.orgKind === "brand" ? "brand" : "workshop";
  const title = `Join ${invitation.orgName}`;
  const description = (
    <>
      {invitation.inviterName ?? "A colleague"} invited <strong>{invitation.email}</strong> to the {kindLabel} {invitation.orgName} on Bezel as{" "}
      {ROLE_LABELS[invitation.role].toLowerCase()}.
    </>
  );
  if (invitation.status !== "pending") {
    return (
      <AuthCard title={title} description={description}>
        <p className="rounded-md bg-warning-soft px-3 py-2 text-sm text-warning">{STATUS_TEXT[invitation.status]}</p>
      </AuthCard>
    );
  }
  const here = `/invitations/${token}`;
  const user = await currentUser();
  if (!user) {
    return (
      <AuthCard title={title} description={description}>
        <div className="flex flex-col gap-3">
          <Button asChild size="lg">
            <Link href={`/sign-up?callbackUrl=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`}>Create an account to accept</Link>
          </Button>
          <Button asChild size="lg" variant="secondary">
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`}>I already have an account</Link>
          </Button>
        </div>
      </AuthCard>
    );
  }
  if (user.email !== invitation.email) {
    return (
      <AuthCard title={title} description={description}>
        <p className="rounded-md bg-warning-soft px-3 py-2 text-sm text-warning">
          You are signed in as {user.email}. Sign out and sign in as {invitation.email} to accept this invitation.
        </p>
        <AcceptInvitation token={token} signOutOnly callbackUrl={`/sign-in?callbackUrl=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`} />
      </AuthCard>
    );
  }
  if (!user.emailVerified) {
    return (
      <AuthCard title={title} description={description}>
        <VerifyEmailNotice email={user.email} why="Only the owner of the invited address can accept, so we need to know this address is yours." />
      </AuthCard>
    );
  }
  return (
    <AuthCard title={title} description={description}>
      <AcceptInvitation token={token} />
    </AuthCard>
  );
}
