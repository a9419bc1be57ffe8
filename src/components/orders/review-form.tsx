"use client";

import { useForm } from "react-hook-form";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Button } from "~/components/ui/button";
import { cn } from "~/components/ui/cn";
import { Field, FormError } from "~/components/ui/field";
import { Textarea } from "~/components/ui/input";
import { REVIEW_LIMITS, REVIEW_RATINGS, REVIEW_RATING_LABELS, leaveReviewSchema, type ReviewRating } from "~/lib/review-schemas";
import { useTRPC } from "~/trpc/react";

type Values = Record<ReviewRating, string> & { body: string };

/** Five radio buttons for one rating: arrow keys move between them, as in any radio group. */
function RatingInput({ name, error, register }: { name: ReviewRating; error?: string; register: ReturnType<typeof useForm<Values>>["register"] }) {
  const label = REVIEW_RATING_LABELS[name];
  return (
    <fieldset className="flex flex-col gap-1.5" aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium">{label.title}</legend>
      <p className="text-sm text-ink-subtle">{label.description}</p>
      <div className="flex flex-wrap gap-1.5">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="cursor-pointer">
            <input type="radio" value={String(n)} className="peer sr-only" {...register(name)} />
            <span
              className={cn(
                "flex size-11 items-center justify-center rounded-md border border-line text-sm font-medium",
                "peer-checked:border-brass-500 peer-checked:bg-brass-100 peer-checked:text-brass-700 peer-focus-visible:ring-2 peer-focus-visible:ring-brass-500",
              )}
            >
              {n}
              <span className="sr-only"> out of 5</span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${name}-error`} role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The brand's review of a delivered order: three ratings and a text, sent once and shown publicly. */
export function ReviewForm({ orgId, orderId, workshopName }: { orgId: string; orderId: string; workshopName: string }) {
  const trpc = useTRPC();
  const form = useForm<Values>({ defaultValues: { quality: "", communication: "", timeliness: "", body: "" } });
  const leave = useFormMutation(trpc.review.leave.mutationOptions(), {
    form: { setError: form.setError, fields: [...REVIEW_RATINGS, "body"] },
    success: `Thank you. Your review is on ${workshopName}'s profile.`,
  });
  const errors = form.formState.errors;
  return (
    <form
      {...POST_ONLY}
      noValidate
      aria-label="Review this order"
      className="flex flex-col gap-4"
      onSubmit={form.handleSubmit(async (v) => {
        const parsed = leaveReviewSchema.safeParse({ orderId, ...v });
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const field = issue.path[0];
            if (field === "body" || REVIEW_RATINGS.includes(field as ReviewRating)) form.setError(field as keyof Values, { message: issue.message });
          }
          return;
        }
        await leave.run({ orgId, ...parsed.data });
      })}
    >
      <FormError message={leave.formError} />
      <div className="grid gap-4 md:grid-cols-3">
        {REVIEW_RATINGS.map((r) => (
          <RatingInput key={r} name={r} register={form.register} error={errors[r]?.message} />
        ))}
      </div>
      <Field label="Your review" error={errors.body?.message} hint={`What went well, what could be better. ${workshopName} can answer once; everyone reads both on its profile.`}>
        <Textarea rows={4} maxLength={REVIEW_LIMITS.body} {...form.register("body")} />
      </Field>
      <div>
        <Button type="submit" loading={form.formState.isSubmitting}>
          Publish review
        </Button>
      </div>
    </form>
  );
}
