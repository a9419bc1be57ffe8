"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useFieldArray, useForm, type FieldPath } from "react-hook-form";
import type { z } from "zod";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { useUnsavedChangesWarning } from "~/components/forms/use-unsaved-changes";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Field, FormError } from "~/components/ui/field";
import { Input, Select, Textarea } from "~/components/ui/input";
import { CAMPAIGN_POLICY_MAX, CAMPAIGN_STORY_MAX, createCampaignSchema, slugify, updateCampaignSchema } from "~/lib/preorder-schemas";
import { useTRPC } from "~/trpc/react";
import { toDecimalString } from "~/lib/money";
import { changedFields, editCampaignValues, fieldsOf, FIELDS, sizeLabel, type CampaignForEdit, type CampaignFormValues, type FieldName, type Revision } from "./campaign-form-values";

/** Puts a schema's issues next to their fields (a size's cap next to that size); true when there were none. */
function showIssues(error: z.ZodError | undefined, setError: (name: FieldPath<CampaignFormValues> | "root", message: string) => void): boolean {
  if (!error) return true;
  for (const issue of error.issues) {
    const [first, index, leaf] = issue.path;
    if (first === "sizes" && typeof index === "number" && leaf === "cap") setError(`sizes.${index}.cap`, issue.message);
    else if (typeof first === "string" && (FIELDS as readonly string[]).includes(first)) setError(first as FieldName, issue.message);
    else setError("root", issue.message);
  }
  return false;
}

type Props = {
  orgId: string;
  orgSlug: string;
  revisions: Revision[];
  workshops: { id: string; name: string }[];
  /** A new campaign's defaults; an edit starts from the campaign. */
  initial?: CampaignFormValues;
  /** Editing an existing campaign; a new one without. */
  campaign?: CampaignForEdit;
  /** The brand's time zone, for times shown as text. */
  timeZone: string;
  /** Read only (a member, or a cancelled or completed campaign), with why. */
  readOnly?: string;
};

/**
 * A new campaign, or the editor's fields of one. Once published, the fields publishing froze are shown as
 * text with why, the window can only close later, the cancellation period only get longer, and a size's cap
 * never drop below what is held and paid; the service checks the same and its refusals land here too.
 */
export function CampaignForm({ orgId, orgSlug, revisions, workshops, initial: given, campaign, readOnly, timeZone }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  // Times become datetime-local text in the browser's zone, so the values are made here, in the browser.
  const [initial] = useState(() => given ?? editCampaignValues(campaign!));
  const form = useForm<CampaignFormValues>({ defaultValues: initial });
  const sizes = useFieldArray({ control: form.control, name: "sizes" });
  const slugEdited = useRef(!!campaign);
  const behaviour = { form: { setError: form.setError, fields: FIELDS } };
  const create = useFormMutation(trpc.preorder.create.mutationOptions(), {
    ...behaviour,
    success: "Campaign created as a draft. Add images, then publish.",
    refresh: false,
    onSuccess: (c) => router.push(`/brand/${orgSlug}/preorders/${c.id}`),
  });
  const update = useFormMutation(trpc.preorder.update.mutationOptions(), {
    ...behaviour,
    success: (c) => (c.artisansConsent === "requested" ? "Campaign saved. The workshop is asked to let you show its artisans." : "Campaign saved."),
    onSuccess: () => form.reset(form.getValues()),
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedChangesWarning(isDirty && !isSubmitting);

  const locked = campaign?.locked ?? {};
  const published = !!campaign && campaign.status !== "draft";
  const isLocked = (field: string) => !!readOnly || field in locked;
  const lockedHint = (field: string) => (readOnly ? undefined : locked[field] ? `${locked[field]} can't change once the campaign is published.` : undefined);

  const revisionId = form.watch("designRevisionId");
  const revision = revisions.find((r) => r.id === revisionId);
  const paymentMode = form.watch("paymentMode");
  const workshopOrgId = form.watch("workshopOrgId");

  const submit = form.handleSubmit(async (values) => {
    const fields = fieldsOf(values);
    const setError = (name: FieldPath<CampaignFormValues> | "root", message: string) => form.setError(name, { type: "client", message });
    if (!campaign) {
      const input = { orgId, designRevisionId: values.designRevisionId, ...fields };
      if (!showIssues(createCampaignSchema.safeParse(input).error, setError)) return;
      await create.run(input);
      return;
    }
    // Compared with what was last saved: the form's defaults move on with each save.
    const changed = changedFields(values, { ...initial, ...(form.formState.defaultValues as Partial<CampaignFormValues>) }, locked);
    if (Object.keys(changed).length === 0) {
      form.reset(values);
      return;
    }
    const input = { orgId, campaignId: campaign.id, ...changed };
    if (!showIssues(updateCampaignSchema.safeParse(input).error, setError)) return;
    await update.run(input);
  });

  // Messages placed by hand (the sizes' list has no input of its own) would otherwise block the next submit.
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    form.clearErrors();
    return submit(e);
  };

  const soldOf = (size: string) => {
    const row = campaign?.sizes.find((s) => s.size === size);
    return row ? row.heldUnits + row.paidUnits : 0;
  };
  const formError = create.formError ?? update.formError ?? errors.root?.message;

  return (
    <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-6" aria-label={campaign ? "Campaign details" : "New campaign"}>
      <FormError message={formError} />
      {readOnly && <p className="rounded-md border border-line bg-sunken px-3 py-2 text-sm text-ink-muted">{readOnly}</p>}
      <fieldset disabled={!!readOnly || isSubmitting} className="contents">
        <Card>
          <CardHeader title="What you sell" description="An approved revision of one of your designs, and the workshop that makes it." />
          <CardBody className="grid gap-4 sm:grid-cols-2">
            {campaign ? (
              <Field label="Design" hint="The revision is fixed; start a new campaign for another.">
                <Input readOnly value={`${campaign.design.name} (${campaign.design.sku}), revision ${campaign.design.revisionNumber}`} />
              </Field>
            ) : (
              <Field label="Approved design revision" error={errors.designRevisionId?.message} hint="The campaign offers this revision's sizes.">
                <Select
                  {...form.register("designRevisionId", {
                    onChange: (e: React.ChangeEvent<HTMLSelectElement>) => {
                      const next = revisions.find((r) => r.id === e.target.value);
                      sizes.replace((next?.sizes ?? []).map((size) => ({ size, offered: true, cap: "" })));
                    },
                  })}
                >
                  {revisions.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.designName} ({r.sku}), revision {r.number}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            {isLocked("workshopOrgId") ? (
              <Field label="Workshop" hint={lockedHint("workshopOrgId")}>
                <Input readOnly value={campaign?.workshop?.name ?? "None named"} />
              </Field>
            ) : (
              <Field label="Workshop" error={errors.workshopOrgId?.message} hint="One you shortlisted, asked for a quote or ordered from. Optional.">
                <Select {...form.register("workshopOrgId")}>
                  <option value="">None named</option>
                  {workshops.map((w) => (
                    <option key={w.id} value={w.id}>
                      {w.name}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <div className="flex flex-col gap-1 sm:col-span-2">
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" className="mt-0.5 size-4" disabled={!workshopOrgId && !campaign?.workshop} {...form.register("showArtisans")} />
                <span>
                  <span className="font-medium text-ink">Show the workshop&apos;s artisans on the page</span>
                  <span className="block text-ink-subtle">The workshop is asked in its portal; they appear only once it agrees.</span>
                </span>
              </label>
              {errors.showArtisans?.message && (
                <p role="alert" className="text-sm text-danger">
                  {errors.showArtisans.message}
                </p>
              )}
            </div>
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="The page" description="What customers read at the campaign's address." />
          <CardBody className="grid gap-4 sm:grid-cols-2">
            {isLocked("title") ? (
              <Field label="Title" hint={lockedHint("title")}>
                <Input readOnly value={campaign?.title ?? ""} />
              </Field>
            ) : (
              <Field label="Title" error={errors.title?.message}>
                <Input
                  autoComplete="off"
                  placeholder="Lune signet, the first hundred"
                  {...form.register("title", {
                    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
                      if (!slugEdited.current) form.setValue("slug", slugify(e.target.value), { shouldDirty: true });
                    },
                  })}
                />
              </Field>
            )}
            {isLocked("slug") ? (
              <Field label="Web address" hint={lockedHint("slug")}>
                <Input readOnly value={campaign?.slug ?? ""} className="font-mono" />
              </Field>
            ) : (
              <Field label="Web address" error={errors.slug?.message} hint="Lowercase letters, digits and hyphens; made from the title until you change it.">
                <Input
                  autoComplete="off"
                  className="font-mono"
                  {...form.register("slug", {
                    onChange: () => {
                      slugEdited.current = true;
                    },
                  })}
                />
              </Field>
            )}
            <Field label="Story" className="sm:col-span-2" error={errors.story?.message} hint={`Markdown: the artisans, the sketches, the low waste. Up to ${CAMPAIGN_STORY_MAX.toLocaleString("en")} characters.`}>
              <Textarea rows={8} {...form.register("story")} />
            </Field>
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="Price and payment" />
          <CardBody className="grid gap-4 sm:grid-cols-2">
            {isLocked("retailPrice") ? (
              <Field label="Retail price" hint={lockedHint("retailPrice")}>
                <Input readOnly value={campaign ? `${toDecimalString(campaign.retailPrice.amountMinor, campaign.retailPrice.currency)} ${campaign.retailPrice.currency}` : ""} />
              </Field>
            ) : (
              <div className="grid grid-cols-[1fr_6rem] gap-2">
                <Field label="Retail price" error={errors.retailPrice?.message}>
                  <Input inputMode="decimal" autoComplete="off" placeholder="240.00" {...form.register("retailPrice")} />
                </Field>
                <Field label="Currency">
                  <Input autoComplete="off" maxLength={3} className="uppercase" {...form.register("currency")} />
                </Field>
              </div>
            )}
            {isLocked("paymentMode") ? (
              <Field label="Customers pay" hint={lockedHint("paymentMode")}>
                <Input readOnly value={campaign?.paymentMode === "full" ? "In full when reserving" : `${campaign?.depositPercent ?? 0} % deposit, balance before shipping`} />
              </Field>
            ) : (
              <fieldset className="flex flex-col gap-1.5">
                <legend className="mb-1.5 text-sm font-medium text-ink">Customers pay</legend>
                <label className="flex items-center gap-2 text-sm">
                  <input type="radio" value="deposit" className="size-4" {...form.register("paymentMode")} />A deposit now, the balance before shipping
                </label>
                <label className="flex items-center gap-2 text-sm">
                  <input type="radio" value="full" className="size-4" {...form.register("paymentMode")} />
                  In full when reserving
                </label>
                {errors.paymentMode?.message && (
                  <p role="alert" className="text-sm text-danger">
                    {errors.paymentMode.message}
                  </p>
                )}
              </fieldset>
            )}
            {paymentMode === "deposit" && !isLocked("depositPercent") && (
              <Field label="Deposit (%)" error={errors.depositPercent?.message}>
                <Input type="number" inputMode="numeric" min={1} max={99} {...form.register("depositPercent")} />
              </Field>
            )}
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="Sizes and caps"
            description={published ? "The sizes offered are fixed once published; caps can change, never below what is already held and paid." : "Never more reservations than the caps, in total and per size."}
          />
          <CardBody className="flex flex-col gap-4">
            <Field label="Total cap (pieces)" error={errors.totalCap?.message} hint={campaign && campaign.heldUnits + campaign.paidUnits > 0 ? `${campaign.heldUnits + campaign.paidUnits} already held or paid.` : undefined} className="max-w-xs">
              <Input type="number" inputMode="numeric" min={1} {...form.register("totalCap")} />
            </Field>
            <fieldset>
              <legend className="mb-2 text-sm font-medium text-ink">Sizes offered{revision || campaign ? "" : " (choose a revision first)"}</legend>
              {sizes.fields.length === 0 ? (
                <p className="text-sm text-ink-muted">The revision has no size run.</p>
              ) : (
                <ul className="grid gap-2 sm:grid-cols-2">
                  {sizes.fields.map((s, i) => {
                    const sold = soldOf(s.size);
                    const capError = errors.sizes?.[i]?.cap?.message;
                    return (
                      <li key={s.id} className="flex flex-wrap items-center gap-3 rounded-md border border-line px-3 py-2">
                        <label className="flex min-w-24 items-center gap-2 text-sm font-medium">
                          <input type="checkbox" className="size-4" disabled={published} {...form.register(`sizes.${i}.offered`)} />
                          Size {sizeLabel(s.size)}
                        </label>
                        <label className="flex items-center gap-2 text-sm text-ink-muted">
                          Cap
                          <Input
                            type="number"
                            inputMode="numeric"
                            min={1}
                            placeholder="No cap"
                            aria-label={`Cap of size ${sizeLabel(s.size)}`}
                            aria-invalid={capError ? true : undefined}
                            className="h-9 w-24"
                            {...form.register(`sizes.${i}.cap`)}
                          />
                        </label>
                        {sold > 0 && <span className="text-xs text-ink-subtle">{sold} held or paid</span>}
                        {capError && (
                          <p role="alert" className="w-full text-sm text-danger">
                            {capError}
                          </p>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
              {(errors.sizes?.message ?? errors.sizes?.root?.message) && (
                <p role="alert" className="mt-2 text-sm text-danger">
                  {errors.sizes?.message ?? errors.sizes?.root?.message}
                </p>
              )}
            </fieldset>
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="Window and delivery" description="Times are in your browser's time zone." />
          <CardBody className="grid gap-4 sm:grid-cols-2">
            {isLocked("opensAt") ? (
              <Field label="Window opens" hint={lockedHint("opensAt")}>
                <Input readOnly value={campaign ? `${new Date(campaign.opensAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone })} (${timeZone})` : ""} />
              </Field>
            ) : (
              <Field label="Window opens" error={errors.opensAt?.message}>
                <Input type="datetime-local" {...form.register("opensAt")} />
              </Field>
            )}
            <Field label="Window closes" error={errors.closesAt?.message} hint={published ? "Once published, the window can only be extended." : undefined}>
              <Input type="datetime-local" {...form.register("closesAt")} />
            </Field>
            {isLocked("expectedDeliveryOn") ? (
              <Field label="Expected delivery" hint={lockedHint("expectedDeliveryOn")}>
                <Input readOnly value={campaign?.expectedDeliveryOn ?? ""} />
              </Field>
            ) : (
              <Field label="Expected delivery" error={errors.expectedDeliveryOn?.message} hint="After the window closes; the page shows the order's forecast once linked.">
                <Input type="date" {...form.register("expectedDeliveryOn")} />
              </Field>
            )}
            {isLocked("holdMinutes") ? (
              <Field label="Hold while paying (minutes)" hint={lockedHint("holdMinutes")}>
                <Input readOnly value={String(campaign?.holdMinutes ?? "")} />
              </Field>
            ) : (
              <Field label="Hold while paying (minutes)" error={errors.holdMinutes?.message} hint="A reservation keeps its pieces this long while its payment is open.">
                <Input type="number" inputMode="numeric" min={5} max={1440} {...form.register("holdMinutes")} />
              </Field>
            )}
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="Returns and cancelling" />
          <CardBody className="grid gap-4 sm:grid-cols-2">
            <Field label="Customers may cancel within (days)" error={errors.cancelWithinDays?.message} hint={published ? "Once published, the period can only get longer." : "Days after paying; 0 for no cancelling."} className="max-w-xs">
              <Input type="number" inputMode="numeric" min={0} max={365} {...form.register("cancelWithinDays")} />
            </Field>
            <Field label="Return policy" className="sm:col-span-2" error={errors.returnPolicy?.message} hint={`Shown on the page. Up to ${CAMPAIGN_POLICY_MAX.toLocaleString("en")} characters.`}>
              <Textarea rows={4} {...form.register("returnPolicy")} />
            </Field>
          </CardBody>
        </Card>
      </fieldset>

      {!readOnly && (
        <div className="flex flex-wrap gap-2">
          <Button type="submit" loading={isSubmitting} disabled={!campaign && revisions.length === 0}>
            {campaign ? "Save changes" : "Create draft"}
          </Button>
          {campaign && isDirty && (
            <Button type="button" variant="ghost" onClick={() => form.reset()} disabled={isSubmitting}>
              Discard changes
            </Button>
          )}
        </div>
      )}
    </form>
  );
}
