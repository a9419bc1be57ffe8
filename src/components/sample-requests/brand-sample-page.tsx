import { SamplePayments } from "~/components/payments/order-payments";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { can } from "~/lib/permissions";
import { sampleNumberLabel, type SampleStatus } from "~/lib/sample-request-schemas";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { CancelRequestButton, EvaluationForm, MarkReceivedButton } from "./brand-sample-actions";
import { parseSampleNumber } from "./format";
import { SampleRequestFrame } from "./sample-request-frame";

const STATUS_TEXT: Record<SampleStatus, (workshop: string) => string> = {
  requested: (w) => `Waiting for ${w} to accept or decline.`,
  accepted: (w) => `${w} is making your sample. You will be notified when it ships.`,
  declined: (w) => `${w} declined this request.`,
  cancelled: () => "You cancelled this request.",
  shipped: () => "On its way. Mark it as received when it arrives, then evaluate it.",
  received: () => "Received. Your evaluation below is private to your team.",
};

const clip = (text: string) => (text.length > 48 ? `${text.slice(0, 47).trimEnd()}…` : text);

/**
 * The brand's sample request at this address, or the 404 page. The segment's layout calls it first, outside
 * any loading boundary, so an unknown number answers with status 404; the page reads the same cached result.
 */
export const loadBrandSample = cache(async (slug: string, numberParam: string) => {
  const { org, role } = await loadPortal("brand", slug);
  const number = parseSampleNumber(numberParam);
  if (number === null) notFound();
  const sample = await (await api()).sampleRequest.get({ orgId: org.id, number }).catch((err: unknown) => {
    // A malformed id in the address is a page that does not exist, not a server error.
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  });
  return { org, role, sample };
});

export async function BrandSamplePage({ slug, numberParam }: { slug: string; numberParam: string }) {
  const { org, role, sample } = await loadBrandSample(slug, numberParam);
  const canRequest = can(role, "samples.request");
  const canEvaluate = can(role, "samples.evaluate");
  const actions = sample.actions;

  return (
    <SampleRequestFrame
      sample={sample}
      side="brand"
      title={`${sampleNumberLabel(sample.number)} · ${sample.pieceTitle ?? clip(sample.description)}`}
      description={`Sample request to ${sample.workshopName}`}
      back={{ href: `/brand/${org.slug}/samples`, label: "All samples" }}
      status={
        <>
          <p className="text-sm text-ink-muted">{STATUS_TEXT[sample.status](sample.workshopName)}</p>
          {canRequest && actions.includes("receive") && <MarkReceivedButton orgId={org.id} requestId={sample.id} label={sampleNumberLabel(sample.number)} />}
          {canRequest && actions.includes("cancel") && <CancelRequestButton orgId={org.id} requestId={sample.id} workshopName={sample.workshopName} />}
        </>
      }
      aside={
        <>
          <SamplePayments orgId={org.id} sampleRequestId={sample.id} side="brand" />
          {sample.status === "received" && (
          <Card>
            <CardHeader title="Your evaluation" description={`Private to your team: ${sample.workshopName} never sees it.`} />
            <CardBody>
              {canEvaluate && actions.includes("evaluate") ? (
                <EvaluationForm orgId={org.id} requestId={sample.id} evaluation={sample.evaluation} />
              ) : (
                <p className="text-sm text-ink-muted">{sample.evaluation ? `Quality ${sample.evaluation.quality}/5 · finish ${sample.evaluation.finish}/5 · communication ${sample.evaluation.communication}/5` : "Not evaluated yet."}</p>
              )}
            </CardBody>
          </Card>
          )}
        </>
      }
    />
  );
}
