import { SamplePayments } from "~/components/payments/order-payments";
import { TRPCError } from "@trpc/server";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { can } from "~/lib/permissions";
import { CURRENCIES } from "~/lib/regions";
import { todayIn, workshopSampleLabel, type SampleStatus } from "~/lib/sample-request-schemas";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { SampleRequestFrame } from "./sample-request-frame";
import { parseSampleNumber } from "./format";
import { RespondForms, ShipForm } from "./workshop-sample-actions";

const STATUS_TEXT: Record<SampleStatus, (brand: string) => string> = {
  requested: (b) => `${b} is waiting for your answer: accept with a fee and a ship date, or decline.`,
  accepted: () => "Make the sample and add the tracking number when it ships.",
  declined: () => "You declined this request.",
  cancelled: (b) => `${b} cancelled this request.`,
  shipped: (b) => `On its way. Waiting for ${b} to confirm it arrived.`,
  received: (b) => `${b} confirmed the sample arrived.`,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const missing = (err: unknown): never => {
  // A malformed reference in the address is a page that does not exist, not a server error.
  if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
  throw err;
};

/**
 * The workshop's incoming sample request at this address (its own number), or the 404 page; an old address
 * by id redirects permanently to the number. The segment's layout calls it first, outside any loading
 * boundary, so an unknown reference answers with status 404; the page reads the same cached result.
 */
export const loadWorkshopSample = cache(async (slug: string, refParam: string) => {
  const { org, role } = await loadPortal("workshop", slug);
  const caller = await api();
  if (UUID.test(refParam)) {
    const { number } = await caller.sampleRequest.inboxNumberOf({ orgId: org.id, requestId: refParam }).catch(missing);
    permanentRedirect(`/workshop/${org.slug}/samples/${number}`);
  }
  const number = parseSampleNumber(refParam);
  if (number === null) notFound();
  const sample = await caller.sampleRequest.inboxGet({ orgId: org.id, number }).catch(missing);
  return { org, role, sample };
});

export async function WorkshopSamplePage({ slug, refParam }: { slug: string; refParam: string }) {
  const { org, role, sample } = await loadWorkshopSample(slug, refParam);
  const canRespond = can(role, "samples.respond");
  const currencies = [...new Set([org.currency, ...CURRENCIES, "EUR", "USD", "GBP"])];

  return (
    <SampleRequestFrame
      sample={sample}
      side="workshop"
      title={workshopSampleLabel(sample)}
      description={sample.pieceTitle ? `A sample of ${sample.pieceTitle}` : "A sample of the brand's design"}
      back={{ href: `/workshop/${org.slug}/samples`, label: "All requests" }}
      status={
        <>
          <p className="text-sm text-ink-muted">{STATUS_TEXT[sample.status](sample.brandName)}</p>
          {!canRespond && sample.actions.length > 0 && <p className="text-sm text-ink-muted">Your role does not allow answering requests. Ask an owner or admin.</p>}
        </>
      }
      aside={
        <>
          {canRespond && sample.actions.includes("accept") && (
            <RespondForms orgId={org.id} requestId={sample.id} brandName={sample.brandName} currencies={currencies} defaultCurrency={org.currency} today={todayIn(org.timeZone)} timeZone={org.timeZone} />
          )}
          {canRespond && sample.actions.includes("ship") && <ShipForm orgId={org.id} requestId={sample.id} brandName={sample.brandName} />}
          <SamplePayments orgId={org.id} sampleRequestId={sample.id} side="workshop" />
        </>
      }
    />
  );
}
