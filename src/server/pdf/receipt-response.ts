import "server-only";
import { TRPCError } from "@trpc/server";
import { and, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { OrganizationKind } from "~/lib/organizations";
import { can } from "~/lib/permissions";
import { countryName } from "~/lib/regions";
import { orderNumberLabel } from "~/lib/rfq-schemas";
import type { createCaller } from "~/server/api/root";
import type { Db } from "~/server/db/client";
import { orders, organizations, payments, sampleRequests } from "~/server/db/schema";
import { withOrg } from "~/server/db/tenant";
import { localDateOf } from "~/server/services/production-calendar";
import { renderReceipt } from "./receipt";

type Caller = ReturnType<typeof createCaller>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HIDDEN: TRPCError["code"][] = ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"];
/** The statuses a payment has a receipt in: it was received (a refund since does not undo that). */
const RECEIVED = ["paid", "partially_refunded", "refunded"] as const;

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" } });

const brandOrg = alias(organizations, "brand_org");
const workshopOrg = alias(organizations, "workshop_org");

/** One received payment of the organization on its side, with what the receipt names; null for any other. */
async function receivedPayment(db: Db, orgId: string, side: OrganizationKind, paymentId: string) {
  return withOrg(db, orgId, async (tx) => {
    const [row] = await tx
      .select({
        payment: payments,
        brand: { name: brandOrg.name, country: brandOrg.country },
        workshop: { name: workshopOrg.name, country: workshopOrg.country },
        orderYear: orders.year,
        orderSeq: orders.seq,
        sampleNumber: sampleRequests.number,
        sampleWorkshopNumber: sampleRequests.workshopNumber,
      })
      .from(payments)
      .innerJoin(brandOrg, eq(brandOrg.id, payments.brandOrgId))
      .innerJoin(workshopOrg, eq(workshopOrg.id, payments.workshopOrgId))
      .leftJoin(orders, eq(orders.id, payments.orderId))
      .leftJoin(sampleRequests, eq(sampleRequests.id, payments.sampleRequestId))
      .where(and(eq(payments.id, paymentId), eq(side === "brand" ? payments.brandOrgId : payments.workshopOrgId, orgId), inArray(payments.status, RECEIVED)));
    return row && row.payment.paidOn ? { ...row, paidOn: row.payment.paidOn } : null;
  });
}

/**
 * A payment's receipt as a PDF, for either of its two parties once it was received. The portal procedure
 * decides membership and portal kind as for every page, the permission map whether the role may see
 * payments, and the read is scoped to the organization's side under row-level security; anyone else,
 * signed out included, and any payment not received yet get 404.
 */
export async function receiptResponse(caller: Caller, db: Db, kind: OrganizationKind, slug: string, paymentId: string, now = new Date()): Promise<Response> {
  if (!UUID.test(paymentId)) return notFound();
  let portal;
  try {
    portal = await caller.organization.portal({ kind, slug });
  } catch (err) {
    if (err instanceof TRPCError && HIDDEN.includes(err.code)) return notFound();
    throw err;
  }
  if (!can(portal.role, "payments.view")) return notFound();
  const found = await receivedPayment(db, portal.org.id, kind, paymentId);
  if (!found) return notFound();
  const p = found.payment;
  const orderNumber = found.orderYear !== null && found.orderSeq !== null ? orderNumberLabel(found.orderYear, found.orderSeq) : null;
  // The same number on both copies: the order's number and the kind, or the payment's own id for a sample fee.
  const number = orderNumber ? `${orderNumber}-${p.kind === "deposit" ? "D" : "B"}` : `SF-${p.id.slice(0, 8).toUpperCase()}`;
  const subject = orderNumber ? `order ${orderNumber}` : `sample request SR-${kind === "brand" ? found.sampleNumber : found.sampleWorkshopNumber}`;
  const pdf = await renderReceipt({
    number,
    side: kind,
    brand: { name: found.brand.name, country: countryName(found.brand.country) },
    workshop: { name: found.workshop.name, country: countryName(found.workshop.country) },
    kind: p.kind,
    subject,
    amountMinor: p.amountMinor,
    currency: p.currency,
    status: p.status,
    method: p.method,
    transferReference: p.transferReference,
    paidOn: found.paidOn,
    platformFeeMinor: p.platformFeeMinor,
    refundedMinor: p.refundedMinor,
    generatedOn: localDateOf(now, portal.org.timeZone ?? "UTC"),
  });
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.length),
      "Content-Disposition": `attachment; filename="receipt-${number}.pdf"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
