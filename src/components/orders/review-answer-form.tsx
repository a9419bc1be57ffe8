"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Button } from "~/components/ui/button";
import { Field, FormError } from "~/components/ui/field";
import { Textarea } from "~/components/ui/input";
import { REVIEW_LIMITS, answerReviewSchema } from "~/lib/review-schemas";
import { useTRPC } from "~/trpc/react";

/**
 * The workshop's one public answer to the review of an order. It cannot be changed afterwards, so the
 * first submit asks to confirm and only the second publishes.
 */
export function ReviewAnswerForm({ orgId, orderId, brandName }: { orgId: string; orderId: string; brandName: string }) {
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const form = useForm<{ answer: string }>({ defaultValues: { answer: "" } });
  const answer = useFormMutation(trpc.review.answer.mutationOptions(), { form: { setError: form.setError, fields: ["answer"] }, success: "Your answer is published." });
  return (
    <form
      {...POST_ONLY}
      noValidate
      aria-label="Answer the review"
      className="flex flex-col gap-3"
      onSubmit={form.handleSubmit(async (v) => {
        const parsed = answerReviewSchema.safeParse({ orderId, answer: v.answer });
        if (!parsed.success) {
          setConfirming(false);
          return form.setError("answer", { message: parsed.error.issues[0]?.message ?? "Write your answer." });
        }
        if (!confirming) return setConfirming(true);
        const done = await answer.run({ orgId, ...parsed.data });
        if (!done) setConfirming(false);
      })}
    >
      <FormError message={answer.formError} />
      <Field label="Your answer" error={form.formState.errors.answer?.message} hint={`Shown under ${brandName}'s review on your public profile. You answer once.`}>
        <Textarea rows={3} maxLength={REVIEW_LIMITS.answer} readOnly={confirming} {...form.register("answer")} />
      </Field>
      {confirming ? (
        <div role="alertdialog" aria-label="Publish this answer?" className="flex flex-col gap-2 rounded-md border border-line bg-sunken p-3 text-sm">
          <p>Publish this answer? Everyone who opens your profile reads it, and it cannot be changed afterwards.</p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" autoFocus loading={form.formState.isSubmitting}>
              Publish
            </Button>
            <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
              Keep editing
            </Button>
          </div>
        </div>
      ) : (
        <div>
          <Button type="submit">Publish answer…</Button>
        </div>
      )}
    </form>
  );
}
