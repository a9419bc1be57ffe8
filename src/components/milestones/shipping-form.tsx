"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { POST_ONLY } from "~/components/forms/post-only";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Field, FormError } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { shippingSchema } from "~/lib/milestone-schemas";
import { useTRPC } from "~/trpc/react";
import { splitErrors } from "./field-errors";
import { formatDay, type OrderTimelineView } from "./order-timeline";

type Shipping = OrderTimelineView["plan"]["shipping"];
const DATES = [
  ["shippedOn", "Shipped on"],
  ["customsEnteredOn", "Entered customs on"],
  ["customsClearedOn", "Cleared customs on"],
  ["deliveredOn", "Delivered on"],
] as const;
const FIELDS = ["carrier", "trackingNumber", ...DATES.map(([f]) => f)] as const;

/** The shipping facts of an order: the workshop keeps them, the brand reads them. */
export function ShippingCard({ orgId, orderId, shipping, editable }: { orgId: string; orderId: string; shipping: Shipping; editable: boolean }) {
  return (
    <Card>
      <CardHeader title="Shipping" description={editable ? "Carrier, tracking number and the dates of the way, as they happen." : "As the workshop reports it."} />
      <CardBody>{editable ? <ShippingForm orgId={orgId} orderId={orderId} shipping={shipping} /> : <ShippingFacts shipping={shipping} />}</CardBody>
    </Card>
  );
}

function ShippingFacts({ shipping }: { shipping: Shipping }) {
  const none = !shipping.carrier && !shipping.trackingNumber && DATES.every(([f]) => !shipping[f]);
  if (none) return <p className="text-sm text-ink-muted">Not shipped yet.</p>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-ink-muted">Carrier</dt>
      <dd>{shipping.carrier || "—"}</dd>
      <dt className="text-ink-muted">Tracking number</dt>
      <dd className="break-all">{shipping.trackingNumber || "—"}</dd>
      {DATES.map(([f, label]) => (
        <div key={f} className="contents">
          <dt className="text-ink-muted">{label}</dt>
          <dd>{shipping[f] ? formatDay(shipping[f]) : "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

function ShippingForm({ orgId, orderId, shipping }: { orgId: string; orderId: string; shipping: Shipping }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [values, setValues] = useState(() => ({
    carrier: shipping.carrier,
    trackingNumber: shipping.trackingNumber,
    shippedOn: shipping.shippedOn ?? "",
    customsEnteredOn: shipping.customsEnteredOn ?? "",
    customsClearedOn: shipping.customsClearedOn ?? "",
    deliveredOn: shipping.deliveredOn ?? "",
  }));
  const [errors, setErrors] = useState<{ fields: Record<string, string>; form: string | null }>({ fields: {}, form: null });
  const save = useMutation(trpc.milestone.updateShipping.mutationOptions());
  const set = (field: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [field]: e.target.value }));

  const submit = async () => {
    const parsed = shippingSchema.safeParse({ orderId, ...values });
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
      setErrors({ fields, form: null });
      return;
    }
    setErrors({ fields: {}, form: null });
    try {
      await save.mutateAsync({ orgId, ...values, orderId });
      toast.success("Shipping saved. The brand has been told.");
      await queryClient.invalidateQueries({ queryKey: trpc.milestone.timeline.queryKey({ orgId, orderId }) });
      router.refresh();
    } catch (err) {
      setErrors(splitErrors(err, FIELDS));
    }
  };

  return (
    <form
      {...POST_ONLY}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      className="flex flex-col gap-3"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Carrier" error={errors.fields.carrier}>
          <Input value={values.carrier} maxLength={80} onChange={set("carrier")} />
        </Field>
        <Field label="Tracking number" error={errors.fields.trackingNumber}>
          <Input value={values.trackingNumber} maxLength={80} onChange={set("trackingNumber")} />
        </Field>
        {DATES.map(([f, label]) => (
          <Field key={f} label={label} error={errors.fields[f]}>
            <Input type="date" value={values[f]} onChange={set(f)} />
          </Field>
        ))}
      </div>
      <FormError message={errors.form} />
      <Button type="submit" className="self-start" loading={save.isPending}>
        Save shipping
      </Button>
    </form>
  );
}
