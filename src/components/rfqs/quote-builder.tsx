"use client";

import { Plus, Send, Trash2 } from "lucide-react";
import { useMemo, useState } from "react";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Field, FormError } from "~/components/ui/field";
import { ImageUpload } from "~/components/ui/image-upload";
import { Input, Select, Textarea } from "~/components/ui/input";
import { minorUnitDigits } from "~/lib/money";
import { describeNextTier, priceQuote, quoteVersionPricingSchema, type PricedQuoteVersion } from "~/lib/pricing";
import { describeFix, describeShortfall } from "~/lib/quote-shortfalls";
import { PAYMENT_TERMS, PAYMENT_TERMS_LABELS, quoteTermsSchema, RFQ_LIMITS, type PaymentTerms } from "~/lib/rfq-schemas";
import { useTRPC } from "~/trpc/react";
import { amountText, money, parseAmount } from "./format";

type Line = { id: string; designName: string; sizes: { size: string; quantity: number }[] };
type Row = { a: string; b: string };
type LineState = { lineId: string; included: boolean; moq: string; tiers: Row[]; surcharges: Row[]; fees: Row[] };
type AttachedFile = { id: string; originalName: string; contentType: string };
type Start = { pricing: PricedQuoteVersion; leadTimeDays: number; paymentTerms: PaymentTerms; balanceMilestone: string; validUntil: string; notes: string; attachments: AttachedFile[] } | null;

const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);

/**
 * The quote builder: per line a MOQ, price tiers, size surcharges and one-time fees; an optional bundle
 * minimum; the terms. The preview prices it at the brand's planned quantities with the pricing engine as
 * it is typed. Saving keeps a draft; sending freezes it as the quote's new version.
 */
export function QuoteBuilder(props: { orgId: string; invitationId: string; currency: string; lines: Line[]; start: Start; canSend: boolean; today: string; brandName: string }) {
  const { orgId, invitationId, currency, lines, start, canSend, today, brandName } = props;
  const trpc = useTRPC();
  const digits = minorUnitDigits(currency);
  const [state, setState] = useState<LineState[]>(() =>
    lines.map((l) => {
      const q = start?.pricing.lines.find((x) => x.lineId === l.id);
      if (!q) return { lineId: l.id, included: !start, moq: "5", tiers: [{ a: "5", b: "" }], surcharges: [], fees: [] };
      return {
        lineId: l.id,
        included: true,
        moq: String(q.moq),
        tiers: q.tiers.map((t) => ({ a: String(t.minQuantity), b: amountText(t.unitPriceMinor, digits) })),
        surcharges: q.sizeSurcharges.map((s) => ({ a: s.size, b: amountText(s.amountMinor, digits) })),
        fees: q.fees.map((f) => ({ a: f.label, b: amountText(f.amountMinor, digits) })),
      };
    }),
  );
  const [bundle, setBundle] = useState(() => ({ on: !!start?.pricing.bundle, lineIds: start?.pricing.bundle?.lineIds ?? [], minQuantity: String(start?.pricing.bundle?.minQuantity ?? ""), floor: String(start?.pricing.bundle?.floor ?? "") }));
  const [terms, setTerms] = useState(() => ({
    depositPercent: String(start?.pricing.depositPercent ?? 30),
    leadTimeDays: String(start?.leadTimeDays ?? 30),
    paymentTerms: start?.paymentTerms ?? ("balance_before_shipping"),
    balanceMilestone: start?.balanceMilestone ?? "",
    validUntil: start?.validUntil ?? "",
    notes: start?.notes ?? "",
  }));
  // A revision starts with the files of the version it revises; each may be removed before sending.
  const [fileIds, setFileIds] = useState<string[]>(() => start?.attachments.map((f) => f.id) ?? []);
  const [fileError, setFileError] = useState<string | null>(null);
  const [showErrors, setShowErrors] = useState(false);

  const money$ = (s: string) => parseAmount(s, digits) ?? Number.NaN;
  const pricingInput = {
    currency,
    lines: state
      .filter((l) => l.included)
      .map((l) => ({
        lineId: l.lineId,
        moq: int(l.moq),
        tiers: l.tiers.map((t) => ({ minQuantity: int(t.a), unitPriceMinor: money$(t.b) })),
        sizeSurcharges: l.surcharges.map((s) => ({ size: s.a, amountMinor: money$(s.b) })),
        fees: l.fees.map((f) => ({ label: f.a, amountMinor: money$(f.b) })),
      })),
    bundle: bundle.on ? { lineIds: bundle.lineIds, minQuantity: int(bundle.minQuantity), floor: int(bundle.floor) } : null,
    depositPercent: Number(terms.depositPercent),
  };
  const parsed = quoteVersionPricingSchema.safeParse(pricingInput);
  const termsInput = { leadTimeDays: int(terms.leadTimeDays), paymentTerms: terms.paymentTerms, balanceMilestone: terms.balanceMilestone, validUntil: terms.validUntil, notes: terms.notes, attachmentFileIds: fileIds };
  const parsedTerms = quoteTermsSchema.safeParse(termsInput);
  const issues = new Map<string, string>();
  for (const i of parsed.success ? [] : parsed.error.issues) {
    // Issues on a line's index among the included lines, mapped back to the line's id.
    const path = [...i.path];
    if (path[0] === "lines" && typeof path[1] === "number") path[1] = pricingInput.lines[path[1]]?.lineId ?? path[1];
    const key = path.join(".");
    if (!issues.has(key)) issues.set(key, i.message);
  }
  for (const i of parsedTerms.success ? [] : parsedTerms.error.issues) issues.set(`terms.${i.path.join(".")}`, i.message);
  const err = (key: string) => (showErrors ? issues.get(key) : undefined);

  const plan = useMemo(() => Object.fromEntries(lines.map((l) => [l.id, Object.fromEntries(l.sizes.map((s) => [s.size, s.quantity]))])), [lines]);
  const names = useMemo(() => new Map(lines.map((l) => [l.id, l.designName])), [lines]);
  const preview = parsed.success ? priceQuote(parsed.data, Object.fromEntries(Object.entries(plan).filter(([id]) => parsed.data.lines.some((l) => l.lineId === id)))) : null;

  // A refused file lands under the files; any other refusal shows above the buttons.
  const serverErrors = { setError: (_name: string, e: { message?: string }) => setFileError(e.message ?? null), fields: ["terms.attachmentFileIds", "attachmentFileIds"] };
  const save = useFormMutation(trpc.quote.saveDraft.mutationOptions(), { success: "Draft saved. Only your team sees it until you send it.", form: serverErrors });
  const send = useFormMutation(trpc.quote.send.mutationOptions(), { success: `Sent. ${brandName} has been told.`, form: serverErrors });
  const valid = parsed.success && parsedTerms.success;
  const submitDraft = async () => {
    setShowErrors(true);
    if (!parsed.success || !parsedTerms.success) return undefined;
    setFileError(null);
    return save.run({ orgId, invitationId, pricing: parsed.data, terms: parsedTerms.data });
  };

  const update = (lineId: string, fn: (l: LineState) => LineState) => setState((s) => s.map((l) => (l.lineId === lineId ? fn(l) : l)));
  const rows = (lineId: string, key: "tiers" | "surcharges" | "fees", fn: (rows: Row[]) => Row[]) => update(lineId, (l) => ({ ...l, [key]: fn(l[key]) }));

  return (
    <form
      {...POST_ONLY}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submitDraft();
      }}
      className="flex flex-col gap-4"
    >
      {lines.map((l) => {
        const s = state.find((x) => x.lineId === l.id)!;
        const p = `lines.${l.id}`;
        return (
          <Card key={l.id}>
            <CardHeader
              title={l.designName}
              description={`${l.sizes.reduce((a, x) => a + x.quantity, 0)} pieces planned: ${l.sizes.map((x) => `${x.size} × ${x.quantity}`).join(", ")}`}
              action={
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={s.included} onChange={(e) => update(l.id, (x) => ({ ...x, included: e.target.checked }))} /> Quote this design
                </label>
              }
            />
            {s.included && (
              <CardBody className="flex flex-col gap-3">
                <Field label="MOQ (pieces across its sizes)" error={err(`${p}.moq`)} className="w-56">
                  <Input inputMode="numeric" value={s.moq} onChange={(e) => update(l.id, (x) => ({ ...x, moq: e.target.value }))} />
                </Field>
                <fieldset className="flex flex-col gap-2">
                  <legend className="text-sm font-medium">Price tiers ({currency})</legend>
                  {s.tiers.map((t, i) => (
                    <div key={i} className="flex flex-wrap items-start gap-2">
                      <Field label="From pieces" error={err(`${p}.tiers.${i}.minQuantity`)} className="w-32">
                        <Input inputMode="numeric" value={t.a} onChange={(e) => rows(l.id, "tiers", (r) => r.map((x, j) => (j === i ? { ...x, a: e.target.value } : x)))} />
                      </Field>
                      <Field label="Unit price" error={err(`${p}.tiers.${i}.unitPriceMinor`) && (Number.isNaN(money$(t.b)) ? `Enter a price like ${amountText(4000, digits)}.` : err(`${p}.tiers.${i}.unitPriceMinor`))} className="w-40">
                        <Input inputMode="decimal" value={t.b} onChange={(e) => rows(l.id, "tiers", (r) => r.map((x, j) => (j === i ? { ...x, b: e.target.value } : x)))} />
                      </Field>
                      {s.tiers.length > 1 && (
                        <Button type="button" variant="ghost" size="sm" className="mt-6" aria-label="Remove tier" onClick={() => rows(l.id, "tiers", (r) => r.filter((_, j) => j !== i))}>
                          <Trash2 aria-hidden />
                        </Button>
                      )}
                    </div>
                  ))}
                  {err(`${p}.tiers`) && <p className="text-sm text-danger">{err(`${p}.tiers`)}</p>}
                  <div>
                    <Button type="button" size="sm" variant="secondary" onClick={() => rows(l.id, "tiers", (r) => [...r, { a: "", b: "" }])}>
                      <Plus aria-hidden /> Add tier
                    </Button>
                  </div>
                </fieldset>
                <RowsEditor title="Size surcharges (per piece)" aLabel="Size" bLabel="Surcharge" rows={s.surcharges} onChange={(r) => rows(l.id, "surcharges", () => r)} error={(i, k) => err(`${p}.sizeSurcharges.${i}.${k === "a" ? "size" : "amountMinor"}`)} sizes={l.sizes.map((x) => x.size)} />
                <RowsEditor title="One-time fees (mould, CAD, sample)" aLabel="Fee" bLabel="Amount" rows={s.fees} onChange={(r) => rows(l.id, "fees", () => r)} error={(i, k) => err(`${p}.fees.${i}.${k === "a" ? "label" : "amountMinor"}`)} />
              </CardBody>
            )}
          </Card>
        );
      })}
      {lines.length > 1 && (
        <Card>
          <CardHeader title="Bundle minimum (optional)" description="A combined quantity across chosen designs that lets each go below its own MOQ, down to a floor." />
          <CardBody className="flex flex-col gap-2">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={bundle.on} onChange={(e) => setBundle((b) => ({ ...b, on: e.target.checked }))} /> Offer a bundle minimum
            </label>
            {bundle.on && (
              <>
                <fieldset className="flex flex-wrap gap-3">
                  <legend className="sr-only">Designs in the bundle</legend>
                  {lines.map((l) => (
                    <label key={l.id} className="flex items-center gap-2 text-sm">
                      <input type="checkbox" checked={bundle.lineIds.includes(l.id)} onChange={(e) => setBundle((b) => ({ ...b, lineIds: e.target.checked ? [...b.lineIds, l.id] : b.lineIds.filter((x) => x !== l.id) }))} /> {l.designName}
                    </label>
                  ))}
                </fieldset>
                {err("bundle.lineIds") && <p className="text-sm text-danger">{err("bundle.lineIds")}</p>}
                <div className="flex flex-wrap gap-2">
                  <Field label="Combined quantity" error={err("bundle.minQuantity")} className="w-40">
                    <Input inputMode="numeric" value={bundle.minQuantity} onChange={(e) => setBundle((b) => ({ ...b, minQuantity: e.target.value }))} />
                  </Field>
                  <Field label="Floor per design" error={err("bundle.floor")} className="w-40">
                    <Input inputMode="numeric" value={bundle.floor} onChange={(e) => setBundle((b) => ({ ...b, floor: e.target.value }))} />
                  </Field>
                </div>
              </>
            )}
          </CardBody>
        </Card>
      )}
      <Card>
        <CardHeader title="Terms" />
        <CardBody className="grid gap-3 sm:grid-cols-2">
          <Field label="Lead time (business days)" error={err("terms.leadTimeDays")} hint="Counted on your production calendar.">
            <Input inputMode="numeric" value={terms.leadTimeDays} onChange={(e) => setTerms((t) => ({ ...t, leadTimeDays: e.target.value }))} />
          </Field>
          <Field label="Deposit (%)" error={err("depositPercent")}>
            <Input inputMode="decimal" value={terms.depositPercent} onChange={(e) => setTerms((t) => ({ ...t, depositPercent: e.target.value }))} />
          </Field>
          <Field label="Payment terms" error={err("terms.paymentTerms")}>
            <Select value={terms.paymentTerms} onChange={(e) => setTerms((t) => ({ ...t, paymentTerms: e.target.value as PaymentTerms }))}>
              {PAYMENT_TERMS.map((p) => (
                <option key={p} value={p}>
                  {PAYMENT_TERMS_LABELS[p]}
                </option>
              ))}
            </Select>
          </Field>
          {terms.paymentTerms === "balance_at_milestone" && (
            <Field label="Milestone for the balance" error={err("terms.balanceMilestone")}>
              <Input value={terms.balanceMilestone} placeholder="Quality check" onChange={(e) => setTerms((t) => ({ ...t, balanceMilestone: e.target.value }))} />
            </Field>
          )}
          <Field label="Valid until" error={err("terms.validUntil")}>
            <Input type="date" min={today} value={terms.validUntil} onChange={(e) => setTerms((t) => ({ ...t, validUntil: e.target.value }))} />
          </Field>
          <Field label="Notes" error={err("terms.notes")} className="sm:col-span-2">
            <Textarea rows={3} value={terms.notes} onChange={(e) => setTerms((t) => ({ ...t, notes: e.target.value }))} />
          </Field>
          <ImageUpload
            multiple
            max={RFQ_LIMITS.files}
            orgId={orgId}
            purpose="quote_attachment"
            label="Files for the brand (optional)"
            hint={`Drawings, a price sheet, photos of similar work: ${brandName} can open them once the quote is sent.`}
            value={fileIds}
            onChange={(ids) => {
              setFileError(null);
              setFileIds(ids);
            }}
            known={start?.attachments}
            error={fileError ?? err("terms.attachmentFileIds")}
            disabled={save.pending || send.pending}
            className="sm:col-span-2"
          />
        </CardBody>
      </Card>
      <Card aria-live="polite">
        <CardHeader title="Preview at the brand's planned quantities" />
        <CardBody className="text-sm">
          {!preview ? (
            <p className="text-ink-muted">Complete the prices to see the totals.</p>
          ) : preview.met ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              {preview.lines.map((pl) => (
                <div key={pl.lineId} className="contents">
                  <dt>{names.get(pl.lineId)}</dt>
                  <dd>
                    {pl.quantity} × {money(pl.tierUnitPriceMinor, currency)} → {money(pl.lineTotalMinor, currency)}
                    {pl.nextTier && <span className="block text-xs text-ink-muted">{describeNextTier(pl.nextTier, currency)}</span>}
                  </dd>
                </div>
              ))}
              <dt className="font-medium">Total</dt>
              <dd className="font-medium">{money(preview.totalMinor, currency)}</dd>
              <dt>Deposit</dt>
              <dd>{money(preview.depositMinor, currency)}</dd>
              <dt>Balance</dt>
              <dd>{money(preview.balanceMinor, currency)}</dd>
            </dl>
          ) : (
            <p className="text-warning">
              At the planned quantities: {preview.shortfalls.map((s) => describeShortfall(s, names)).join(" ")} {describeFix(preview.fix, names)}
            </p>
          )}
        </CardBody>
      </Card>
      <FormError message={save.formError ?? send.formError} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="secondary" loading={save.pending}>
          Save draft
        </Button>
        {canSend && (
          <ConfirmDialog
            trigger={
              <Button type="button" disabled={!valid} onClick={() => setShowErrors(true)}>
                <Send aria-hidden /> Send quote…
              </Button>
            }
            title={`Send this quote to ${brandName}?`}
            description="Once sent it cannot be edited: a change is a new version that supersedes it, and both sides keep the history."
            confirmLabel="Send quote"
            destructive={false}
            onConfirm={async () => {
              const draft = await submitDraft();
              if (draft) await send.run({ orgId, quoteVersionId: draft.id });
            }}
          />
        )}
      </div>
    </form>
  );
}

function RowsEditor({ title, aLabel, bLabel, rows, onChange, error, sizes }: { title: string; aLabel: string; bLabel: string; rows: Row[]; onChange: (rows: Row[]) => void; error: (i: number, k: "a" | "b") => string | undefined; sizes?: string[] }) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-sm font-medium">{title}</legend>
      {rows.map((r, i) => (
        <div key={i} className="flex flex-wrap items-start gap-2">
          <Field label={aLabel} error={error(i, "a")} className="w-40">
            {sizes ? (
              <Select value={r.a} onChange={(e) => onChange(rows.map((x, j) => (j === i ? { ...x, a: e.target.value } : x)))}>
                <option value="">Choose…</option>
                {sizes.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            ) : (
              <Input value={r.a} onChange={(e) => onChange(rows.map((x, j) => (j === i ? { ...x, a: e.target.value } : x)))} />
            )}
          </Field>
          <Field label={bLabel} error={error(i, "b")} className="w-36">
            <Input inputMode="decimal" value={r.b} onChange={(e) => onChange(rows.map((x, j) => (j === i ? { ...x, b: e.target.value } : x)))} />
          </Field>
          <Button type="button" variant="ghost" size="sm" className="mt-6" aria-label={`Remove ${aLabel.toLowerCase()}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            <Trash2 aria-hidden />
          </Button>
        </div>
      ))}
      <div>
        <Button type="button" size="sm" variant="ghost" onClick={() => onChange([...rows, { a: "", b: "" }])}>
          <Plus aria-hidden /> Add
        </Button>
      </div>
    </fieldset>
  );
}
