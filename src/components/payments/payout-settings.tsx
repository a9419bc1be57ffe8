"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useForm } from "react-hook-form";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Field, FormError } from "~/components/ui/field";
import { Input, Textarea } from "~/components/ui/input";
import { Skeleton } from "~/components/ui/skeleton";
import { ONBOARDING_STATUS_LABELS, type BankDetailsInput } from "~/lib/payment-schemas";
import { useTRPC } from "~/trpc/react";

const STATUS_TONE = { not_started: "neutral", pending: "info", restricted: "warning", ready: "success" } as const;
const BANK_FIELDS = ["accountHolder", "bankName", "iban", "bic", "otherDetails"] as const;

/** Stripe's requirement names in words: "individual.verification.document" → "individual verification document". */
const requirementLabel = (r: string) => r.replaceAll(/[._]/g, " ");

const WORDS = {
  workshop: {
    description: "Brands pay deposits and balances by card; Stripe pays them out to your bank, less Bezel's platform fee.",
    notConfigured: "Card payments are not configured on this Bezel. Brands pay you by bank transfer, to the details below.",
  },
  brand: {
    description: "Customers of your preorder campaigns pay by card, to your Stripe account; Stripe pays it out to your bank, less Bezel's platform fee.",
    notConfigured: "Card payments are not configured on this Bezel, so your preorder campaigns cannot take reservations yet.",
  },
} as const;

/**
 * An organization's payout settings: its Stripe account for card payments and, for a workshop, its bank
 * details for transfers. A brand's account is where its preorder customers pay (it has no bank section:
 * brands pay workshops, they are not paid by transfer here).
 */
export function PayoutSettings({ orgId, canManage, kind }: { orgId: string; canManage: boolean; kind: "brand" | "workshop" }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.payment.payoutSettings.queryOptions({ orgId }));
  const params = useSearchParams();
  const onboarding = useFormMutation(trpc.payment.startOnboarding.mutationOptions(), { refresh: false, onSuccess: (data) => window.location.assign(data.url) });
  if (query.isPending) {
    return (
      <div role="status" aria-label="Loading the payout settings" className="flex flex-col gap-4">
        <Skeleton className="h-32 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  if (query.isError) return <FormError message={query.error.message} />;
  const s = query.data;
  return (
    <div className="flex flex-col gap-4">
      <Card>
        <CardHeader title="Card payments through Stripe" description={WORDS[kind].description} />
        <CardBody className="flex flex-col gap-3 text-sm">
          {!s.cardConfigured ? (
            <p className="text-ink-muted">{WORDS[kind].notConfigured}</p>
          ) : (
            <>
              <p className="flex flex-wrap items-center gap-2">
                Status: <Badge tone={STATUS_TONE[s.status]}>{ONBOARDING_STATUS_LABELS[s.status]}</Badge>
              </p>
              {kind === "brand" && s.status !== "ready" && <p className="text-ink-muted">Until Stripe says the account is ready, your preorder campaigns cannot take reservations.</p>}
              {params.get("onboarding") === "returned" && s.status !== "ready" && <p role="status">Thank you. Stripe is checking your details; this page shows the result when it is done.</p>}
              {params.get("onboarding") === "expired" && <p role="status">The Stripe link expired. Continue to get a new one.</p>}
              {s.requirements.length > 0 && (
                <div>
                  <p className="font-medium">Stripe still needs:</p>
                  <ul className="mt-1 list-disc pl-5 text-ink-muted">
                    {s.requirements.map((r) => (
                      <li key={r}>{requirementLabel(r)}</li>
                    ))}
                  </ul>
                </div>
              )}
              {canManage && s.status !== "ready" && (
                <div>
                  <Button onClick={() => void onboarding.run({ orgId })} loading={onboarding.pending}>
                    {s.connected ? "Continue on Stripe" : "Connect a Stripe account"}
                  </Button>
                </div>
              )}
              {!canManage && s.status !== "ready" && <p className="text-ink-muted">An owner or admin connects the Stripe account.</p>}
            </>
          )}
        </CardBody>
      </Card>
      {kind === "workshop" && <BankDetailsForm orgId={orgId} initial={s.bank} canManage={canManage} />}
    </div>
  );
}

function BankDetailsForm({ orgId, initial, canManage }: { orgId: string; initial: BankDetailsInput; canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<BankDetailsInput>({ defaultValues: initial });
  const save = useFormMutation(trpc.payment.saveBankDetails.mutationOptions(), {
    success: "Bank details saved.",
    form: { setError: form.setError, fields: BANK_FIELDS },
    onSuccess: async (data) => {
      form.reset(data);
      await queryClient.invalidateQueries({ queryKey: trpc.payment.payoutSettings.queryKey({ orgId }) });
    },
  });
  const err = (name: (typeof BANK_FIELDS)[number]) => form.formState.errors[name]?.message;
  return (
    <Card>
      <CardHeader title="Bank details for transfers" description="Shown to brands on the payments of their orders with you. You confirm each transfer when it arrives." />
      <CardBody>
        <form {...POST_ONLY} className="grid gap-3 sm:grid-cols-2" onSubmit={form.handleSubmit((values) => save.run({ orgId, ...values }))}>
          <Field label="Account holder" error={err("accountHolder")}>
            <Input {...form.register("accountHolder")} disabled={!canManage} autoComplete="organization" />
          </Field>
          <Field label="Bank" error={err("bankName")}>
            <Input {...form.register("bankName")} disabled={!canManage} />
          </Field>
          <Field label="IBAN" error={err("iban")}>
            <Input {...form.register("iban")} disabled={!canManage} className="font-mono" placeholder="IT60 X054 2811 1010 0000 0123 456" />
          </Field>
          <Field label="BIC" error={err("bic")}>
            <Input {...form.register("bic")} disabled={!canManage} className="font-mono" />
          </Field>
          <Field label="Other details (account number, routing, address)" error={err("otherDetails")} className="sm:col-span-2">
            <Textarea {...form.register("otherDetails")} disabled={!canManage} rows={3} />
          </Field>
          <FormError message={save.formError} />
          {canManage && (
            <div className="sm:col-span-2">
              <Button type="submit" loading={save.pending}>
                Save bank details
              </Button>
            </div>
          )}
        </form>
      </CardBody>
    </Card>
  );
}
