import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createFixture, type Fixture } from "~/test/fixtures";
import { rfqBetween } from "~/test/rfqs";
import { orders, organizations, payments, type Order, type Payment } from "../db/schema";
import { todayIn } from "~/lib/sample-request-schemas";
import { actorOf, publishWorkshop, uploadedFile } from "~/test/vetting";
import { cancelOrder } from "../services/order-status";
import { refundPayment } from "../services/payment-refunds";
import { confirmTransferReceived, markTransferSent } from "../services/payments";
import { acceptSampleRequest, createSampleRequest } from "../services/sample-requests";
import { receiptResponse } from "./receipt-response";
import { orderNumberLabel } from "~/lib/rfq-schemas";

const db = await testDb();
const hasPdftotext = spawnSync("pdftotext", ["-v"]).status === 0;

/** The text of a PDF as poppler extracts it (through each font's ToUnicode map). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "receipt-"));
  writeFileSync(join(dir, "receipt.pdf"), pdf);
  return execFileSync("pdftotext", ["-enc", "UTF-8", join(dir, "receipt.pdf"), "-"]).toString("utf8");
}

/** The dictionaries of a PDF's objects (streams left out), as text. */
function objectDictionaries(pdf: Buffer): string {
  return pdf.toString("latin1").replace(/stream\r?\n[\s\S]*?\r?\nendstream/g, "stream…endstream");
}

async function pdfOf(res: Promise<Response>): Promise<Buffer> {
  const r = await res;
  expect(r.status).toBe(200);
  return Buffer.from(await r.arrayBuffer());
}

describe("the payment receipt PDF", () => {
  let f: Fixture;
  let order: Order;
  let deposit: Payment;
  let balance: Payment;
  let brandPdf: Buffer;
  let workshopPdf: Buffer;

  beforeAll(async () => {
    f = await createFixture(db);
    ({ order } = await rfqBetween(db, f));
    await db.update(organizations).set({ name: "Doğuş Kuyumculuk ğışİ", country: "TR" }).where(eq(organizations.id, f.brand.org.id));
    await db.update(organizations).set({ name: "ช่างทองสยาม", country: "TH" }).where(eq(organizations.id, f.workshop.org.id));
    await db.update(orders).set({ currency: "INR" }).where(eq(orders.id, order.id));
    await db.delete(payments).where(eq(payments.orderId, order.id));
    const common = { brandOrgId: f.brand.org.id, workshopOrgId: f.workshop.org.id, orderId: order.id, currency: "INR" };
    const depositValues = { ...common, kind: "deposit" as const, amountMinor: 26340, status: "paid" as const, method: "transfer" as const, transferReference: "HDFC-77815", platformFeeMinor: 790, paidOn: "2026-11-20", paidAt: new Date("2026-11-20T09:00:00Z") };
    deposit = (await db.insert(payments).values(depositValues).returning())[0]!;
    balance = (await db.insert(payments).values({ ...common, kind: "balance", amountMinor: 61460, status: "due", platformFeeMinor: 1844 }).returning())[0]!;
    brandPdf = await pdfOf(receiptResponse(callerFor(db, f.brand.member), db, "brand", f.brand.org.slug, deposit.id));
    workshopPdf = await pdfOf(receiptResponse(callerFor(db, f.workshop.member), db, "workshop", f.workshop.org.slug, deposit.id));
  });

  it("is a PDF download named after the order and the payment's kind", async () => {
    expect(brandPdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const res = await receiptResponse(callerFor(db, f.brand.owner), db, "brand", f.brand.org.slug, deposit.id);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="receipt-${orderNumberLabel(order.year, order.seq)}-D.pdf"`);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("embeds its fonts and no standard PDF font", () => {
    for (const pdf of [brandPdf, workshopPdf]) {
      const dicts = objectDictionaries(pdf);
      expect([...dicts.matchAll(/\/FontFile2 \d+ 0 R/g)].length).toBeGreaterThanOrEqual(3);
      const names = [...dicts.matchAll(/\/BaseFont \/[A-Z]{6}\+([A-Za-z-]+)/g)].map((m) => m[1]);
      expect(names).toEqual(expect.arrayContaining(["NotoSans-Regular", "NotoSans-Bold", "NotoSansThai-Bold"]));
      expect(dicts).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    }
  });

  // Needs poppler-utils (pdftotext); CI installs it, so there the test never skips.
  it.skipIf(!hasPdftotext && !process.env.CI)("prints the parties, what it pays, the amount in rupees, the method and the day", () => {
    const text = pdfText(brandPdf);
    expect(text).toContain(`Receipt ${orderNumberLabel(order.year, order.seq)}-D`);
    expect(text).toContain("Doğuş Kuyumculuk ğışİ");
    expect(text).toContain("Türkiye");
    expect(text).toContain("ช่างทองสยาม");
    expect(text).toContain("Thailand");
    expect(text).toContain(`Deposit of order ${orderNumberLabel(order.year, order.seq)}`);
    expect(text).toContain("₹263.40");
    expect(text).toMatch(/Method\s+Bank transfer/);
    expect(text).toContain("HDFC-77815");
    expect(text).toContain("20 November 2026");
    expect(text).not.toContain("Refunded");
  });

  it.skipIf(!hasPdftotext && !process.env.CI)("shows the platform fee on the workshop's copy only", () => {
    expect(pdfText(workshopPdf)).toMatch(/Platform fee\s+₹7\.90/);
    expect(pdfText(brandPdf)).not.toContain("Platform fee");
    expect(pdfText(brandPdf)).not.toContain("₹7.90");
  });

  it.skipIf(!hasPdftotext && !process.env.CI)("has a receipt for a refunded card payment, with what was refunded", async () => {
    const notFound = await receiptResponse(callerFor(db, f.brand.member), db, "brand", f.brand.org.slug, balance.id);
    expect(notFound.status).toBe(404);
    await db.update(payments).set({ status: "partially_refunded", method: "card", refundedMinor: 10000, paidOn: "2026-11-27", paidAt: new Date("2026-11-27T10:00:00Z") }).where(eq(payments.id, balance.id));
    const text = pdfText(await pdfOf(receiptResponse(callerFor(db, f.brand.member), db, "brand", f.brand.org.slug, balance.id)));
    expect(text).toContain(`Receipt ${orderNumberLabel(order.year, order.seq)}-B`);
    expect(text).toContain("₹614.60");
    expect(text).toMatch(/Method\s+Card/);
    expect(text).toContain("Partially refunded");
    expect(text).toMatch(/Refunded\s+₹100\.00/);
  });

  it("answers 404 to anyone but the payment's two parties and for a payment not received", async () => {
    const notFound = async (res: Promise<Response>) => expect((await res).status).toBe(404);
    await notFound(receiptResponse(callerFor(db, null), db, "brand", f.brand.org.slug, deposit.id));
    await notFound(receiptResponse(callerFor(db, f.loner), db, "brand", f.brand.org.slug, deposit.id));
    await notFound(receiptResponse(callerFor(db, f.outsider.brand.owner), db, "brand", f.outsider.brand.org.slug, deposit.id));
    await notFound(receiptResponse(callerFor(db, f.outsider.workshop.owner), db, "workshop", f.outsider.workshop.org.slug, deposit.id));
    await notFound(receiptResponse(callerFor(db, f.outsider.brand.owner), db, "brand", f.brand.org.slug, deposit.id));
    // The wrong portal: the brand's own slug under the workshop portal, and the workshop reading as the brand.
    await notFound(receiptResponse(callerFor(db, f.brand.owner), db, "workshop", f.brand.org.slug, deposit.id));
    await notFound(receiptResponse(callerFor(db, f.workshop.owner), db, "brand", f.workshop.org.slug, deposit.id));
    await notFound(receiptResponse(callerFor(db, f.brand.owner), db, "brand", f.brand.org.slug, "not-an-id"));
    await notFound(receiptResponse(callerFor(db, f.brand.owner), db, "brand", f.brand.org.slug, "00000000-0000-4000-8000-000000000000"));
    for (const status of ["due", "processing", "failed"] as const) {
      await db.update(payments).set({ status }).where(eq(payments.id, deposit.id));
      await notFound(receiptResponse(callerFor(db, f.brand.owner), db, "brand", f.brand.org.slug, deposit.id));
      await notFound(receiptResponse(callerFor(db, f.workshop.owner), db, "workshop", f.workshop.org.slug, deposit.id));
    }
    await db.update(payments).set({ status: "paid" }).where(eq(payments.id, deposit.id));
    expect((await receiptResponse(callerFor(db, f.workshop.owner), db, "workshop", f.workshop.org.slug, deposit.id)).status).toBe(200);
  });
});

describe("a sample fee's receipt", () => {
  it("is printed for both parties once the fee, paid the same way as an order's payments, was received; 404 for everyone else and before", async () => {
    const f = await createFixture(db);
    await publishWorkshop(db, f.workshop);
    const request = await createSampleRequest(db, actorOf(f.brand), { workshopOrgId: f.workshop.org.id, description: "A signet ring in silver 925", quantity: 1, note: "", attachmentFileIds: [(await uploadedFile(db, f.brand)).id] });
    await acceptSampleRequest(db, actorOf(f.workshop), { requestId: request.id, fee: { amountMinor: 4_500, currency: "EUR" }, expectedShipDate: todayIn(f.workshop.org.timeZone) });
    const [fee] = await db.select().from(payments).where(eq(payments.sampleRequestId, request.id));
    expect(fee).toMatchObject({ kind: "sample_fee", amountMinor: 4_500, currency: "EUR", status: "due" });
    const notFound = async (res: Promise<Response>) => expect((await res).status).toBe(404);
    // Not received yet: no receipt.
    await notFound(receiptResponse(callerFor(db, f.brand.owner), db, "brand", f.brand.org.slug, fee!.id));

    await markTransferSent(db, actorOf(f.brand), { paymentId: fee!.id, reference: "SEPA SR 1" });
    await notFound(receiptResponse(callerFor(db, f.workshop.owner), db, "workshop", f.workshop.org.slug, fee!.id));
    await confirmTransferReceived(db, actorOf(f.workshop), { paymentId: fee!.id, receivedOn: "2026-11-30" }, new Date("2026-12-01T12:00:00Z"));

    const number = `SF-${fee!.id.slice(0, 8).toUpperCase()}`;
    const brandRes = await receiptResponse(callerFor(db, f.brand.member), db, "brand", f.brand.org.slug, fee!.id);
    expect(brandRes.status).toBe(200);
    expect(brandRes.headers.get("content-disposition")).toBe(`attachment; filename="receipt-${number}.pdf"`);
    const workshopPdf = await pdfOf(receiptResponse(callerFor(db, f.workshop.member), db, "workshop", f.workshop.org.slug, fee!.id));
    if (hasPdftotext || process.env.CI) {
      const brandText = pdfText(Buffer.from(await brandRes.arrayBuffer()));
      expect(brandText).toContain(`Receipt ${number}`);
      expect(brandText).toContain(`Sample fee of sample request SR-${request.number}`);
      expect(brandText).toContain("€45.00");
      expect(brandText).toMatch(/Method\s+Bank transfer/);
      expect(brandText).toContain("SEPA SR 1");
      expect(brandText).toContain("30 November 2026");
      expect(pdfText(workshopPdf)).toContain(`Receipt ${number}`);
    }

    // Another organization (its own slug or the party's), signed out, a user with no organization: 404.
    await notFound(receiptResponse(callerFor(db, null), db, "brand", f.brand.org.slug, fee!.id));
    await notFound(receiptResponse(callerFor(db, null), db, "workshop", f.workshop.org.slug, fee!.id));
    await notFound(receiptResponse(callerFor(db, f.loner), db, "workshop", f.workshop.org.slug, fee!.id));
    await notFound(receiptResponse(callerFor(db, f.outsider.brand.owner), db, "brand", f.outsider.brand.org.slug, fee!.id));
    await notFound(receiptResponse(callerFor(db, f.outsider.workshop.owner), db, "workshop", f.outsider.workshop.org.slug, fee!.id));
    await notFound(receiptResponse(callerFor(db, f.outsider.workshop.owner), db, "workshop", f.workshop.org.slug, fee!.id));
  });

  it("an order's receipt is 404 to another organization's members even with the party's own slug, and stays after a refund", async () => {
    const f = await createFixture(db);
    const { order } = await rfqBetween(db, f);
    const [deposit] = await db.select().from(payments).where(and(eq(payments.orderId, order.id), eq(payments.kind, "deposit")));
    await markTransferSent(db, actorOf(f.brand), { paymentId: deposit!.id, reference: "SEPA 7" });
    await confirmTransferReceived(db, actorOf(f.workshop), { paymentId: deposit!.id, receivedOn: todayIn(f.workshop.org.timeZone) });
    await cancelOrder(db, actorOf(f.brand), { orderId: order.id, reason: "Dropped." });
    await refundPayment(db, actorOf(f.workshop), { paymentId: deposit!.id, amountMinor: 26_340, reference: "SEPA back 7" }, new Date(), null);
    const text = await pdfOf(receiptResponse(callerFor(db, f.brand.member), db, "brand", f.brand.org.slug, deposit!.id));
    if (hasPdftotext || process.env.CI) expect(pdfText(text)).toMatch(/Refunded\s+€263\.40/);
    const notFound = async (res: Promise<Response>) => expect((await res).status).toBe(404);
    await notFound(receiptResponse(callerFor(db, f.outsider.brand.owner), db, "brand", f.brand.org.slug, deposit!.id));
    await notFound(receiptResponse(callerFor(db, f.outsider.workshop.member), db, "workshop", f.workshop.org.slug, deposit!.id));
    await notFound(receiptResponse(callerFor(db, f.outsider.workshop.owner), db, "workshop", f.outsider.workshop.org.slug, deposit!.id));
  });
});
