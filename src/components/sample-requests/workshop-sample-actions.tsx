"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { useMutation } from "@tanstack/react-query";
import { Check, Truck } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type UseFormSetError } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { applyServerErrors } from "~/components/forms/server-errors";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Field, FormError } from "~/components/ui/field";
import { Input, Select, Textarea } from "~/components/ui/input";
import { minorUnitDigits, parseMoney } from "~/lib/money";
import { declineSampleRequestSchema, isoDateSchema, shipSampleRequestSchema } from "~/lib/sample-request-schemas";
import { useTRPC } from "~/trpc/react";
import { POST_ONLY } from "~/components/forms/post-only";

type RespondProps = { orgId: string; requestId: string; brandName: string; currencies: string[]; defaultCurrency: string; today: string; timeZone: string };

// The fee is typed as an amount with a currency beside it and sent as "45.00 EUR", the shared money text.
const acceptForm = z
  .object({ amount: z.string(), currency: z.string(), expectedShipDate: isoDateSchema })
  .superRefine((v, ctx) => {
    const parsed = parseMoney(`${v.amount} ${v.currency}`);
    if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["amount"], message: v.amount.trim() ? parsed.error : "Enter the fee, or 0 for a free sample." });
  });
type AcceptValues = z.infer<typeof acceptForm>;

/** Accept with a fee and a ship date, or decline with a reason. */
export function RespondForms(props: RespondProps) {
  const [declining, setDeclining] = useState(false);
  return declining ? <DeclineForm {...props} onBack={() => setDeclining(false)} /> : <AcceptForm {...props} onDecline={() => setDeclining(true)} />;
}

function AcceptForm({ orgId, requestId, brandName, currencies, defaultCurrency, today, timeZone, onDecline }: RespondProps & { onDecline: () => void }) {
  const router = useRouter();
  const trpc = useTRPC();
  const accept = useMutation(trpc.sampleRequest.accept.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<AcceptValues>({ resolver: zodResolver(acceptForm), defaultValues: { amount: "", currency: defaultCurrency, expectedShipDate: "" } });
  const { errors, isSubmitting } = form.formState;
  const digits = minorUnitDigits(form.watch("currency") || defaultCurrency);

  const onSubmit = form.handleSubmit(async (v) => {
    setFormError(null);
    try {
      await accept.mutateAsync({ orgId, requestId, fee: `${v.amount.trim()} ${v.currency}`, expectedShipDate: v.expectedShipDate });
      toast.success(`Accepted. ${brandName} has been told.`);
      router.refresh();
    } catch (err) {
      // The server names the combined "fee"; its message belongs next to the amount.
      const setError: UseFormSetError<AcceptValues> = (name, error, options) => form.setError((name as string) === "fee" ? "amount" : name, error, options);
      setFormError(applyServerErrors(err, setError, ["fee", "expectedShipDate"]));
    }
  });

  return (
    <Card>
      <CardHeader title="Answer the request" description={`${brandName} is waiting. Your response time shows on your public record.`} />
      <CardBody>
        <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <FormError message={formError} />
          <div className="grid grid-cols-[1fr_6.5rem] items-start gap-2">
            <Field label="Sample fee" error={errors.amount?.message} hint={digits === 0 ? "Whole amounts only; 0 for free." : "For example 45.00; 0 for free."}>
              <Input inputMode="decimal" autoComplete="off" placeholder={digits === 0 ? "4500" : "45.00"} {...form.register("amount")} />
            </Field>
            <Field label="Currency" error={errors.currency?.message}>
              <Select {...form.register("currency")}>
                {currencies.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Field label="Expected ship date" error={errors.expectedShipDate?.message} hint={`On your calendar (${timeZone.replaceAll("_", " ")}).`}>
            <Input type="date" min={today} {...form.register("expectedShipDate")} />
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" loading={isSubmitting}>
              <Check aria-hidden /> Accept request
            </Button>
            <Button type="button" variant="ghost" onClick={onDecline} disabled={isSubmitting}>
              Decline…
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}

const declineForm = declineSampleRequestSchema.pick({ reason: true });

function DeclineForm({ orgId, requestId, brandName, onBack }: RespondProps & { onBack: () => void }) {
  const trpc = useTRPC();
  const form = useForm<z.infer<typeof declineForm>>({ resolver: zodResolver(declineForm), defaultValues: { reason: "" } });
  const decline = useFormMutation(trpc.sampleRequest.decline.mutationOptions(), { form: { setError: form.setError, fields: ["reason"] } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (v) => {
    if ((await decline.run({ orgId, requestId, reason: v.reason })) === undefined) return;
    toast.success(`Declined. ${brandName} has been told why.`);
  });

  return (
    <Card>
      <CardHeader title="Decline the request" description={`${brandName} sees your reason. Declining cannot be undone.`} />
      <CardBody>
        <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <FormError message={decline.formError} />
          <Field label="Reason" error={errors.reason?.message}>
            <Textarea rows={4} autoFocus placeholder="For example: we are fully booked until March, or we do not work in platinum." {...form.register("reason")} />
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" loading={isSubmitting}>
              Decline request
            </Button>
            <Button type="button" variant="ghost" onClick={onBack} disabled={isSubmitting}>
              Back
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}

const shipForm = shipSampleRequestSchema.pick({ carrier: true, trackingNumber: true });

export function ShipForm({ orgId, requestId, brandName }: { orgId: string; requestId: string; brandName: string }) {
  const trpc = useTRPC();
  const form = useForm<z.infer<typeof shipForm>>({ resolver: zodResolver(shipForm), defaultValues: { carrier: "", trackingNumber: "" } });
  const ship = useFormMutation(trpc.sampleRequest.ship.mutationOptions(), { form: { setError: form.setError, fields: ["carrier", "trackingNumber"] } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (v) => {
    if ((await ship.run({ orgId, requestId, ...v })) === undefined) return;
    toast.success(`Marked as shipped. ${brandName} has the tracking number.`);
  });

  return (
    <Card>
      <CardHeader title="Ship the sample" description="Add the tracking so the brand can follow the parcel." />
      <CardBody>
        <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <FormError message={ship.formError} />
          <Field label="Carrier" error={errors.carrier?.message}>
            <Input list="sample-carriers" autoComplete="off" placeholder="DHL Express" {...form.register("carrier")} />
          </Field>
          <datalist id="sample-carriers">
            {["DHL Express", "FedEx", "UPS", "Malca-Amit", "Brink's", "Ferrari Group", "Poste Italiane", "La Poste", "Royal Mail", "USPS"].map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <Field label="Tracking number" error={errors.trackingNumber?.message}>
            <Input autoComplete="off" className="font-mono" {...form.register("trackingNumber")} />
          </Field>
          <Button type="submit" loading={isSubmitting} className="self-start">
            <Truck aria-hidden /> Mark as shipped
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
