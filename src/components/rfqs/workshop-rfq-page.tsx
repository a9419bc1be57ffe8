import { TRPCError } from "@trpc/server";
import { Paperclip } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CadViewer } from "~/components/designs/cad-viewer";
import { PageHeader } from "~/components/portal/portal-layout";
import { formatDay } from "~/components/sample-requests/format";
import { Badge } from "~/components/ui/badge";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Markdown } from "~/components/workshop-profile/markdown";
import { SPEC_METALS, type DesignSpec } from "~/lib/design-spec";
import { fileUrl } from "~/lib/files";
import { can } from "~/lib/permissions";
import { PAYMENT_TERMS_LABELS, QUOTE_VERSION_STATUS_LABELS, RFQ_INVITATION_STATUS_LABELS, rfqNumberLabel } from "~/lib/rfq-schemas";
import { todayIn } from "~/lib/sample-request-schemas";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { INVITATION_TONE, money, orderLabel, VERSION_TONE } from "./format";
import { QuoteBuilder } from "./quote-builder";
import { RfqThread } from "./rfq-thread";
import { DeclineRfqForm, WithdrawQuoteButton } from "./workshop-rfq-actions";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CAD = /\.(stl|obj|glb)$/i;

export const loadWorkshopRfq = cache(async (slug: string, invitationId: string) => {
  const { org, role } = await loadPortal("workshop", slug);
  if (!UUID.test(invitationId)) notFound();
  const data = await (await api()).quote.rfq({ orgId: org.id, invitationId }).catch((err: unknown) => {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  });
  return { org, role, data };
});

/** The RFQ as an invited workshop reads it: the approved revisions read-only, files, 3D view, style guide; its quote. */
export async function WorkshopRfqPage({ slug, invitationId }: { slug: string; invitationId: string }) {
  const { org, role, data } = await loadWorkshopRfq(slug, invitationId);
  const { rfq, lines, versions, actions, invitation, styleGuides, attachments, order } = data;
  const latest = versions[0];
  const start = latest ? { pricing: latest.pricing, leadTimeDays: latest.leadTimeDays, paymentTerms: latest.paymentTerms, balanceMilestone: latest.balanceMilestone, validUntil: latest.validUntil, notes: latest.notes, attachments: latest.attachments } : null;
  const live = versions.find((v) => v.status === "sent");
  const canDraft = can(role, "quotes.draft");
  const canSend = can(role, "quotes.send");
  return (
    <>
      <PageHeader
        title={`${rfq.brandName} ${rfqNumberLabel(rfq.number)} · ${rfq.title}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={INVITATION_TONE[invitation.status]}>{RFQ_INVITATION_STATUS_LABELS[invitation.status]}</Badge>
            Quotes by {formatDay(rfq.deadline)} · delivery wanted by {formatDay(rfq.targetDate)} · in {rfq.currency}
          </span>
        }
      />
      {order && (
        <Card className="mb-4">
          <CardBody>
            {rfq.brandName} accepted your quote: order{" "}
            <Link href={`/workshop/${org.slug}/orders/${order.id}`} className="font-medium text-brass-700 underline">
              {orderLabel(order)}
            </Link>
            .
          </CardBody>
        </Card>
      )}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex flex-col gap-4">
          {lines.map((l) => {
            const spec = l.spec as unknown as DesignSpec;
            const model = l.files.find((f) => CAD.test(f.originalName));
            return (
              <Card key={l.id}>
                <CardHeader title={`${l.designName} (${l.sku})`} description={`Approved revision ${l.revisionNumber} · ${l.quantity} pieces: ${l.sizes.map((s) => `${s.size} × ${s.quantity}`).join(", ")}`} />
                <CardBody className="flex flex-col gap-3 text-sm">
                  <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                    <dt className="text-ink-muted">Metals</dt>
                    <dd>{spec.metals.length ? spec.metals.map((m) => [SPEC_METALS.labels[m.metal], m.fineness, m.plating !== "none" ? `${m.plating} plated` : null].filter(Boolean).join(" ")).join("; ") : "—"}</dd>
                    <dt className="text-ink-muted">Stones</dt>
                    <dd>{spec.stoneSet ? `${spec.gemstones.length} stone${spec.gemstones.length === 1 ? "" : "s"}` : "None"}</dd>
                    <dt className="text-ink-muted">Target weight</dt>
                    <dd>{spec.targetWeightGrams !== null ? `${spec.targetWeightGrams} g` : "—"}</dd>
                    <dt className="text-ink-muted">Finishes</dt>
                    <dd>{spec.finishes.length ? spec.finishes.join(", ") : "—"}</dd>
                    {spec.hallmarking && (
                      <>
                        <dt className="text-ink-muted">Hallmarking</dt>
                        <dd>{spec.hallmarking}</dd>
                      </>
                    )}
                    {spec.notes && (
                      <>
                        <dt className="text-ink-muted">Notes</dt>
                        <dd className="whitespace-pre-wrap">{spec.notes}</dd>
                      </>
                    )}
                  </dl>
                  {model && <CadViewer url={fileUrl(model.id)} fileName={model.originalName} metals={spec.metals} />}
                  {l.files.length > 0 && (
                    <ul className="flex flex-col gap-1">
                      {l.files.map((f) => (
                        <li key={f.id}>
                          <a href={fileUrl(f.id)} className="text-brass-700 underline">
                            {f.originalName}
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                </CardBody>
              </Card>
            );
          })}
          {styleGuides.map((g) => (
            <Card key={g.id}>
              <CardHeader title={`Style guide: ${g.name}`} />
              <CardBody className="text-sm">
                {g.styleGuide ? <Markdown>{g.styleGuide}</Markdown> : <p className="text-ink-muted">No written guide.</p>}
                {g.files.map((f) => (
                  <a key={f.id} href={fileUrl(f.id)} className="block text-brass-700 underline">
                    {f.originalName}
                  </a>
                ))}
              </CardBody>
            </Card>
          ))}
          {(rfq.notes || attachments.length > 0) && (
            <Card>
              <CardHeader title="From the brand" />
              <CardBody className="text-sm">
                {rfq.notes && <p className="whitespace-pre-wrap">{rfq.notes}</p>}
                {attachments.map((a) => (
                  <a key={a.id} href={fileUrl(a.id)} className="block text-brass-700 underline">
                    {a.originalName}
                  </a>
                ))}
              </CardBody>
            </Card>
          )}
        </div>
        <div className="flex flex-col gap-4">
          {invitation.declineReason && (
            <Card>
              <CardBody className="text-sm">You declined: “{invitation.declineReason}”</CardBody>
            </Card>
          )}
          <Card>
            <CardHeader title="Your quote versions" />
            {versions.length === 0 ? (
              <CardBody className="text-sm text-ink-muted">No quote yet.</CardBody>
            ) : (
              <ul className="divide-y divide-line text-sm">
                {versions.map((v) => (
                  <li key={v.id} className="flex flex-col gap-1 px-4 py-2">
                    <span className="flex items-center justify-between gap-2">
                      Version {v.number}
                      <Badge tone={VERSION_TONE[v.status]}>{QUOTE_VERSION_STATUS_LABELS[v.status]}</Badge>
                    </span>
                    <span className="text-ink-muted">
                      {v.leadTimeDays} business days · {v.depositPercent}% deposit · {PAYMENT_TERMS_LABELS[v.paymentTerms]} · valid until {formatDay(v.validUntil)}
                    </span>
                    <span className="text-ink-muted">
                      {v.pricing.lines.map((pl) => `${lines.find((l) => l.id === pl.lineId)?.designName ?? "Design"}: MOQ ${pl.moq}, from ${money(pl.tiers[0]?.unitPriceMinor ?? 0, v.currency)}`).join(" · ")}
                    </span>
                    {v.attachments.length > 0 && (
                      <ul className="flex flex-col gap-0.5" aria-label={`Files of version ${v.number}`}>
                        {v.attachments.map((a) => (
                          <li key={a.id}>
                            <a href={fileUrl(a.id)} download className="inline-flex items-center gap-1 break-all text-brass-700 underline">
                              <Paperclip aria-hidden className="size-3 shrink-0" /> {a.originalName}
                            </a>
                          </li>
                        ))}
                      </ul>
                    )}
                    {v.status === "sent" && canSend && <WithdrawQuoteButton orgId={org.id} quoteVersionId={v.id} number={v.number} />}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {actions.decline && canDraft && (
            <Card>
              <CardBody>
                <DeclineRfqForm orgId={org.id} invitationId={invitation.id} brandName={rfq.brandName} />
              </CardBody>
            </Card>
          )}
          <Card>
            <CardHeader title={`Messages with ${rfq.brandName}`} />
            <CardBody>
              <RfqThread orgId={org.id} invitationId={invitation.id} otherName={rfq.brandName} />
            </CardBody>
          </Card>
        </div>
      </div>
      {actions.quote && canDraft && (
        <section aria-label="Quote builder" className="mt-6">
          <h2 className="mb-2 text-lg font-semibold">{live ? `Revise your quote (version ${versions[0]!.status === "draft" ? versions[0]!.number : (latest?.number ?? 0) + 1})` : "Build your quote"}</h2>
          <QuoteBuilder orgId={org.id} invitationId={invitation.id} currency={rfq.currency} lines={lines.map((l) => ({ id: l.id, designName: l.designName, sizes: l.sizes }))} start={start} canSend={canSend} today={todayIn(org.timeZone)} brandName={rfq.brandName} />
        </section>
      )}
    </>
  );
}
