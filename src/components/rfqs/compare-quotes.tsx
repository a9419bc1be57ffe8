"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { formatDay } from "~/components/sample-requests/format";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { cn } from "~/components/ui/cn";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Input } from "~/components/ui/input";
import { describeFix, describeShortfall } from "~/lib/quote-shortfalls";
import { describeNextTier, priceQuote, type QuantityPlan } from "~/lib/pricing";
import { PAYMENT_TERMS_LABELS } from "~/lib/rfq-schemas";
import type { RouterOutputs } from "~/trpc/types";
import { useTRPC } from "~/trpc/react";
import { money } from "./format";

type Compare = RouterOutputs["rfq"]["compare"];

/**
 * Every live quote side by side at the quantities the brand plans, priced in the page by the pricing
 * engine as the quantities change (the same functions price the order on accept).
 */
export function CompareQuotes({ orgId, slug, data, canAward }: { orgId: string; slug: string; data: Compare; canAward: boolean }) {
  const router = useRouter();
  const trpc = useTRPC();
  const [plan, setPlan] = useState<QuantityPlan>(() => Object.fromEntries(data.lines.map((l) => [l.id, Object.fromEntries(l.sizes.map((s) => [s.size, s.quantity]))])));
  const names = useMemo(() => new Map(data.lines.map((l) => [l.id, l.designName])), [data.lines]);
  const accept = useFormMutation(trpc.rfq.accept.mutationOptions(), {
    success: (r) => `Order PO-${r.year}-${r.seq} created. The workshops have been told.`,
    refresh: false,
    onSuccess: (r) => router.push(`/brand/${slug}/orders/${r.orderId}`),
  });

  const priced = data.quotes.map((q) => {
    const quotedLines = new Set(q.pricing.lines.map((l) => l.lineId));
    const own = Object.fromEntries(Object.entries(plan).filter(([id]) => quotedLines.has(id)));
    const missing = data.lines.filter((l) => !quotedLines.has(l.id) && Object.values(plan[l.id] ?? {}).some((n) => n > 0));
    return { q, price: priceQuote(q.pricing, own), missing };
  });
  const totals = priced.flatMap((p) => (p.price.met && p.missing.length === 0 ? [p.price.totalMinor] : []));
  const best = totals.length ? Math.min(...totals) : null;
  const earliest = data.quotes.length ? [...data.quotes.map((q) => q.expectedDeliveryDate)].sort()[0] : null;
  const shortest = data.quotes.length ? Math.min(...data.quotes.map((q) => q.leadTimeDays)) : null;
  const onTimeRates = data.quotes.flatMap((q) => (q.record?.onTimeRate != null ? [q.record.onTimeRate] : []));
  const mostOnTime = onTimeRates.length ? Math.max(...onTimeRates) : null;
  /** Per line, the lowest unit price among the quotes that price it at these quantities. */
  const cheapestUnit = new Map<string, number>();
  for (const { price, missing } of priced) {
    if (!price.met || missing.length > 0) continue;
    for (const line of price.lines) {
      const seen = cheapestUnit.get(line.lineId);
      if (seen === undefined || line.tierUnitPriceMinor < seen) cheapestUnit.set(line.lineId, line.tierUnitPriceMinor);
    }
  }
  const open = data.rfq.status === "open";

  const setPieces = (lineId: string, size: string, text: string) => {
    const n = text === "" ? 0 : Number(text);
    if (!Number.isSafeInteger(n) || n < 0 || n > 1_000_000) return;
    setPlan((p) => ({ ...p, [lineId]: { ...p[lineId], [size]: n } }));
  };

  return (
    <div className="flex flex-col gap-4">
      <Card>
        <CardHeader title="Quantities you plan" description="Change them: every quote is repriced at once." />
        <CardBody className="flex flex-col gap-3">
          {data.lines.map((l) => (
            <fieldset key={l.id}>
              <legend className="text-sm font-medium">
                {l.designName} <span className="text-ink-muted">· revision {l.revisionNumber}</span>
              </legend>
              <div className="mt-1 flex flex-wrap gap-2">
                {l.sizes.map((s) => (
                  <label key={s.size} className="flex w-20 flex-col text-xs text-ink-muted">
                    {s.size}
                    <Input type="number" inputMode="numeric" min={0} value={plan[l.id]?.[s.size] ?? 0} onChange={(e) => setPieces(l.id, s.size, e.target.value)} aria-label={`${l.designName} size ${s.size}`} />
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </CardBody>
      </Card>
      {data.quotes.length === 0 ? (
        <Card>
          <CardBody className="text-sm text-ink-muted">No quotes yet. Workshops are told when you send the request; you are told when a quote arrives.</CardBody>
        </Card>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] border-collapse text-sm">
            <caption className="sr-only">Quotes at your planned quantities</caption>
            <thead>
              <tr>
                <th scope="col" className="p-2 text-left" />
                {priced.map(({ q }) => (
                  <th key={q.id} scope="col" className="p-2 text-left align-bottom">
                    {q.workshop.name}
                    <span className="block text-xs font-normal text-ink-muted">version {q.number}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {data.lines.map((l) => (
                <tr key={l.id}>
                  <th scope="row" className="p-2 text-left font-normal">
                    {l.designName}
                  </th>
                  {priced.map(({ q, price, missing }) => {
                    const line = price.met ? price.lines.find((x) => x.lineId === l.id) : undefined;
                    return (
                      <td key={q.id} className={cn("p-2", line && missing.length === 0 && data.quotes.length > 1 && line.tierUnitPriceMinor === cheapestUnit.get(l.id) && "bg-success-soft")}>
                        {!q.pricing.lines.some((x) => x.lineId === l.id) ? (
                          <span className="text-ink-muted">Not quoted</span>
                        ) : line ? (
                          <>
                            {money(line.tierUnitPriceMinor, q.currency)} / piece · {money(line.lineTotalMinor, q.currency)}
                            {line.minimumMetBy === "bundle" && <span className="block text-xs text-ink-muted">below its MOQ, through the bundle</span>}
                            {line.nextTier && <span className="block text-xs text-ink-muted">{describeNextTier(line.nextTier, q.currency)}</span>}
                          </>
                        ) : price.met ? (
                          <span className="text-ink-muted">—</span>
                        ) : (
                          <span className="text-ink-muted">No price below the minimums</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
              <Row label="One-time fees">{priced.map(({ q, price }) => <td key={q.id} className="p-2">{price.met ? money(price.feesTotalMinor, q.currency) : "—"}</td>)}</Row>
              <Row label="Order total">
                {priced.map(({ q, price, missing }) => (
                  <td key={q.id} className={cn("p-2 font-medium", price.met && missing.length === 0 && price.totalMinor === best && "bg-success-soft")}>
                    {price.met ? (
                      <>
                        {money(price.totalMinor, q.currency)}
                        {price.totalMinor === best && missing.length === 0 && <Badge tone="success" className="ml-1">Lowest</Badge>}
                      </>
                    ) : (
                      <span className="font-normal text-danger">
                        {price.shortfalls.map((s) => describeShortfall(s, names)).join(" ")} {describeFix(price.fix, names)}
                      </span>
                    )}
                    {missing.length > 0 && <span className="block text-xs font-normal text-warning">Does not quote {missing.map((m) => m.designName).join(", ")}.</span>}
                  </td>
                ))}
              </Row>
              <Row label="Deposit">{priced.map(({ q, price }) => <td key={q.id} className="p-2">{price.met ? `${money(price.depositMinor, q.currency)} (${q.depositPercent}%)` : `${q.depositPercent}%`}</td>)}</Row>
              <Row label="Payment">{priced.map(({ q }) => <td key={q.id} className="p-2">{PAYMENT_TERMS_LABELS[q.paymentTerms]}{q.balanceMilestone ? `: ${q.balanceMilestone}` : ""}</td>)}</Row>
              <Row label="Lead time">{priced.map(({ q }) => <td key={q.id} className={cn("p-2", q.leadTimeDays === shortest && "bg-success-soft")}>{q.leadTimeDays} business days</td>)}</Row>
              <Row label="Expected delivery">
                {priced.map(({ q }) => (
                  <td key={q.id} className={cn("p-2", q.expectedDeliveryDate === earliest && "bg-success-soft")}>
                    {formatDay(q.expectedDeliveryDate)}
                    <span className="block text-xs text-ink-muted">{q.expectedDeliveryDate > data.rfq.targetDate ? "after your target date" : "by your target date"}, on the workshop&apos;s calendar</span>
                  </td>
                ))}
              </Row>
              <Row label="Valid until">{priced.map(({ q }) => <td key={q.id} className="p-2">{formatDay(q.validUntil)}</td>)}</Row>
              <Row label="Record on Bezel">
                {priced.map(({ q }) => (
                  <td key={q.id} className={cn("p-2 text-ink-muted", q.record?.onTimeRate != null && q.record.onTimeRate === mostOnTime && "bg-success-soft")}>
                    <RecordCell record={q.record} />
                  </td>
                ))}
              </Row>
              {canAward && open && (
                <tr>
                  <td />
                  {priced.map(({ q, price, missing }) => (
                    <td key={q.id} className="p-2">
                      {q.status === "sent" && (
                        <ConfirmDialog
                          trigger={
                            <Button size="sm" disabled={!price.met || missing.length > 0}>
                              Accept…
                            </Button>
                          }
                          title={`Accept ${q.workshop.name}'s quote?`}
                          description={price.met ? `This creates the order at these quantities for ${money(price.totalMinor, q.currency)} (deposit ${money(price.depositMinor, q.currency)}), and declines the other quotes.` : ""}
                          confirmLabel="Accept and create the order"
                          destructive={false}
                          onConfirm={() => accept.run({ orgId, quoteVersionId: q.id, quantities: plan })}
                        />
                      )}
                    </td>
                  ))}
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

type QuoteRecord = Compare["quotes"][number]["record"];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The workshop's record as its public profile states it, each figure with the orders or requests behind it. */
function RecordCell({ record }: { record: QuoteRecord }) {
  if (!record || (record.samplesSent === 0 && record.medianResponseHours === null && record.ordersDelivered === 0 && record.reviewCount === 0)) return <>No record yet</>;
  return (
    <ul className="flex flex-col gap-0.5">
      <li>{record.onTimeRate === null ? "No orders delivered yet" : `${Math.round(record.onTimeRate * 100)}% on time, of ${plural(record.ordersDelivered, "delivered order", "delivered orders")}`}</li>
      {record.reviewAverages && (
        <li>
          Reviews {record.reviewAverages.quality.toFixed(1)} quality · {record.reviewAverages.communication.toFixed(1)} communication · {record.reviewAverages.timeliness.toFixed(1)} timeliness, of{" "}
          {plural(record.reviewCount, "order", "orders")}
        </li>
      )}
      <li>
        {plural(record.samplesSent, "sample", "samples")} sent{record.medianResponseHours !== null ? `, answers in ${Math.round(record.medianResponseHours)} h (median)` : ""}
      </li>
    </ul>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <tr>
      <th scope="row" className="p-2 text-left font-normal text-ink-muted">
        {label}
      </th>
      {children}
    </tr>
  );
}
