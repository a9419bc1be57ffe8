import "server-only";
import { TRPCError } from "@trpc/server";
import { orderNumberLabel, rfqNumberLabel } from "~/lib/rfq-schemas";
import type { OrganizationKind } from "~/lib/organizations";
import type { createCaller } from "~/server/api/root";
import { localDateOf } from "~/server/services/production-calendar";
import { renderPurchaseOrder } from "./purchase-order";

type Caller = ReturnType<typeof createCaller>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HIDDEN: TRPCError["code"][] = ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"];

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" } });

/** Null where the caller may not read it: the same answer for an order that is not theirs as for none. */
async function orHidden<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof TRPCError && HIDDEN.includes(err.code)) return null;
    throw err;
  }
}

/**
 * The purchase order of an order as a PDF, for either of its two parties. Everything is read through the
 * procedures the order page uses (the portal, order.get, the timeline), so the same membership, role and
 * tenant checks decide; anyone else, signed out included, gets 404.
 */
export async function purchaseOrderResponse(caller: Caller, kind: OrganizationKind, slug: string, orderId: string, now = new Date()): Promise<Response> {
  if (!UUID.test(orderId)) return notFound();
  const portal = await orHidden(caller.organization.portal({ kind, slug }));
  if (!portal) return notFound();
  const order = await orHidden(caller.order.get({ orgId: portal.org.id, orderId }));
  if (!order) return notFound();
  const timeline = await orHidden(kind === "brand" ? caller.milestone.brandTimeline({ orgId: portal.org.id, orderId }) : caller.milestone.timeline({ orgId: portal.org.id, orderId }));
  const number = orderNumberLabel(order.year, order.seq);
  const pdf = await renderPurchaseOrder({
    number,
    placedOn: timeline?.plan.orderDate ?? order.createdAt.toISOString().slice(0, 10),
    quoteVersionNumber: order.quoteVersionNumber,
    rfq: { number: rfqNumberLabel(order.rfq.number), title: order.rfq.title },
    brand: { name: order.brand.name },
    workshop: { name: order.workshop.name },
    currency: order.currency,
    lines: order.lines,
    piecesTotalMinor: order.piecesTotalMinor,
    feesTotalMinor: order.feesTotalMinor,
    totalMinor: order.totalMinor,
    depositPercent: order.depositPercent,
    depositMinor: order.depositMinor,
    balanceMinor: order.balanceMinor,
    paymentTerms: order.paymentTerms,
    balanceMilestone: order.balanceMilestone,
    leadTimeDays: order.leadTimeDays,
    promisedDeliveryDate: timeline?.plan.promisedDeliveryDate ?? null,
    expectedDeliveryDate: timeline?.plan.forecastDeliveryDate ?? order.expectedDeliveryDate,
    quoteNotes: order.quoteNotes,
    generatedOn: localDateOf(now, portal.org.timeZone ?? "UTC"),
  });
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.length),
      "Content-Disposition": `attachment; filename="${number}.pdf"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
