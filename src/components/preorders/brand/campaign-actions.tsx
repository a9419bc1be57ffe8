"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { FormError } from "~/components/ui/field";
import { useTRPC } from "~/trpc/react";

type Ids = { orgId: string; orgSlug: string; campaignId: string };

/**
 * Publishes a draft after a confirmation saying what then stays fixed. Without the brand's Stripe account
 * ready for card payments the button waits, with the way to the payout settings.
 */
export function PublishCampaign({ orgId, orgSlug, campaignId, payoutsReady, payoutsMessage }: Ids & { payoutsReady: boolean; payoutsMessage: string }) {
  const trpc = useTRPC();
  const form = useForm();
  const publish = useFormMutation(trpc.preorder.publish.mutationOptions(), {
    form: { setError: form.setError, fields: [] },
    success: "Published: customers can reserve from the public page.",
  });
  const payoutsHref = `/brand/${orgSlug}/settings/payouts`;
  const blockedByPayouts = !payoutsReady || publish.formError === payoutsMessage;
  return (
    <div className="flex flex-col gap-3">
      {blockedByPayouts ? (
        <div role="status" className="rounded-md border border-warning/30 bg-warning-soft px-3 py-2 text-sm text-ink">
          <p>{payoutsMessage}</p>
          <Link href={payoutsHref} className="mt-1 inline-block font-medium text-brass-700 hover:underline">
            Set up payouts
          </Link>
        </div>
      ) : (
        <FormError message={publish.formError} />
      )}
      <div>
        <ConfirmDialog
          trigger={<Button disabled={!payoutsReady}>Publish…</Button>}
          title="Publish this campaign?"
          description="Customers can reserve from its public page as soon as the window opens. From then on the title, web address, price, payment, opening, hold, expected delivery and workshop stay as they are; the story, the return policy, a later close and the caps can still change."
          confirmLabel="Publish"
          destructive={false}
          onConfirm={() => publish.run({ orgId, campaignId })}
        />
      </div>
    </div>
  );
}

/** Deletes a draft, with its sizes and images, after a confirmation. */
export function DeleteDraft({ orgId, orgSlug, campaignId, title }: Ids & { title: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useFormMutation(trpc.preorder.delete.mutationOptions(), {
    success: `“${title}” is deleted.`,
    refresh: false,
    onSuccess: () => router.push(`/brand/${orgSlug}/preorders`),
  });
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">Delete draft…</Button>}
      title="Delete this draft?"
      description={`“${title}”, its sizes and its images are deleted. This can't be undone.`}
      confirmLabel="Delete draft"
      onConfirm={() => remove.run({ orgId, campaignId, confirm: true })}
    />
  );
}
