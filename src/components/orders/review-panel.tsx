import { TRPCError } from "@trpc/server";
import { can } from "~/lib/permissions";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import type { OrganizationKind } from "~/server/db/schema";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { ReviewAnswerForm } from "./review-answer-form";
import { ReviewCard } from "./review-card";
import { ReviewForm } from "./review-form";

/**
 * The review of an order on its page, for either party: the brand's form once the order is delivered,
 * the review as published, and the workshop's answer form while it has not answered. Writing is for
 * admins and owners (they speak publicly for the organization); members read.
 */
export async function OrderReviewPanel({ kind, slug, orderId }: { kind: OrganizationKind; slug: string; orderId: string }) {
  const { org, role } = await loadPortal(kind, slug);
  const caller = await api();
  const data = await (kind === "brand" ? caller.review.forBrandOrder({ orgId: org.id, orderId }) : caller.review.forWorkshopOrder({ orgId: org.id, orderId })).catch((err: unknown) => {
    // The order page answers for an unknown order; the panel just stays away.
    if (err instanceof TRPCError && err.code === "NOT_FOUND") return null;
    throw err;
  });
  if (!data) return null;
  const mayWrite = can(role, "reviews.write");
  if (kind === "workshop" && !data.review) return null;
  // Not delivered yet, or cancelled: nothing to review.
  if (kind === "brand" && !data.review && !data.canReview) return null;
  return (
    <section aria-labelledby="order-review-heading" className="mt-4">
      <Card>
        <CardHeader
          title={<span id="order-review-heading">{kind === "brand" ? "Your review" : "The brand's review"}</span>}
          description={
            data.review
              ? "Published on the workshop's public profile, with its answer."
              : `The order was delivered. Tell other brands how working with ${data.workshopName} went: your review shows on its public profile.`
          }
        />
        <CardBody className="flex flex-col gap-4">
          {data.review && <ReviewCard review={data.review} workshopName={data.workshopName} />}
          {data.canReview &&
            (mayWrite ? <ReviewForm orgId={org.id} orderId={orderId} workshopName={data.workshopName} /> : <p className="text-sm text-ink-muted">An admin or owner of {org.name} can review this order.</p>)}
          {data.canAnswer &&
            data.review &&
            (mayWrite ? (
              <ReviewAnswerForm orgId={org.id} orderId={orderId} brandName={data.review.brandName} />
            ) : (
              <p className="text-sm text-ink-muted">An admin or owner of {org.name} can answer this review.</p>
            ))}
        </CardBody>
      </Card>
    </section>
  );
}
