"use client";

import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import type { ArtisanConsentState } from "~/lib/preorder-vocabulary";
import { useTRPC } from "~/trpc/react";

const STATE = {
  requested: { label: "Asked of you", tone: "warning" },
  granted: { label: "Granted", tone: "success" },
  declined: { label: "Declined", tone: "neutral" },
} as const;

type Props = {
  orgId: string;
  campaignId: string;
  title: string;
  brandName: string;
  consent: ArtisanConsentState;
  showArtisans: boolean;
  artisans: { name: string; role: string }[];
};

/** The brand's request to show the workshop's artisans on its campaign page, with Grant / Decline. */
export function ConsentPanel({ orgId, campaignId, title, brandName, consent, showArtisans, artisans }: Props) {
  const trpc = useTRPC();
  const answer = useFormMutation(trpc.preorderWorkshop.answerConsent.mutationOptions(), {
    success: (data) => (data.artisansConsent === "granted" ? `${brandName} can now show your artisans on “${title}”.` : `Your artisans will not be shown on “${title}”.`),
  });
  if (consent === "not_requested") return null;
  const state = STATE[consent];
  const who =
    artisans.length === 0 ? (
      <>Your profile lists no artisans yet, so none would be shown until you add them in Profile → Artisans.</>
    ) : (
      <>
        The page would show {artisans.length === 1 ? "this artisan" : `these ${artisans.length} artisans`} from your profile:{" "}
        <span className="font-medium text-ink">{artisans.map((a) => `${a.name} (${a.role})`).join(", ")}</span>.
      </>
    );
  return (
    <section aria-label="Showing your artisans" className="flex flex-col gap-2 rounded-md border border-line bg-sunken p-3">
      <p className="flex flex-wrap items-center gap-2 font-medium">
        Show your artisans on the campaign page <Badge tone={state.tone}>{state.label}</Badge>
      </p>
      <p className="text-ink-muted">
        {consent === "requested" ? `${brandName} asks to show your artisans on its public preorder page. ` : ""}
        {consent === "granted" && !showArtisans ? "The brand has turned showing them off for now. " : ""}
        {who}
      </p>
      <div className="flex flex-wrap gap-2">
        {consent !== "granted" && (
          <ConfirmDialog
            trigger={<Button variant="primary">Grant</Button>}
            title={`Show your artisans on “${title}”?`}
            description={<>{who} Their names, roles and bios appear on the public page of {brandName}&rsquo;s preorder. You can withdraw this later.</>}
            confirmLabel="Grant"
            destructive={false}
            onConfirm={() => answer.run({ orgId, campaignId, answer: "granted" })}
          />
        )}
        {consent !== "declined" && (
          <ConfirmDialog
            trigger={<Button variant="secondary">{consent === "granted" ? "Withdraw" : "Decline"}</Button>}
            title={consent === "granted" ? `Stop showing your artisans on “${title}”?` : `Decline showing your artisans on “${title}”?`}
            description={`The public page of ${brandName}'s preorder will not show your artisans; ${brandName} is told. You can grant it later.`}
            confirmLabel={consent === "granted" ? "Withdraw" : "Decline"}
            onConfirm={() => answer.run({ orgId, campaignId, answer: "declined" })}
          />
        )}
      </div>
    </section>
  );
}
