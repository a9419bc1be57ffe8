import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createFixture, type Fixture } from "~/test/fixtures";
import { plannedOrderBetween } from "~/test/milestones";
import { orderLines, orders, organizations, type Order } from "../db/schema";
import { purchaseOrderResponse } from "./purchase-order-response";
import { orderNumberLabel } from "~/lib/rfq-schemas";

const db = await testDb();
const hasPdftotext = spawnSync("pdftotext", ["-v"]).status === 0;

/** The text of a PDF as poppler extracts it (through each font's ToUnicode map). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "po-"));
  writeFileSync(join(dir, "po.pdf"), pdf);
  return execFileSync("pdftotext", ["-enc", "UTF-8", join(dir, "po.pdf"), "-"]).toString("utf8");
}

/** The dictionaries of a PDF's objects (streams left out), as text. */
function objectDictionaries(pdf: Buffer): string {
  return pdf.toString("latin1").replace(/stream\r?\n[\s\S]*?\r?\nendstream/g, "stream…endstream");
}

describe("the purchase order PDF", () => {
  let f: Fixture;
  let order: Order;
  let pdf: Buffer;

  beforeAll(async () => {
    f = await createFixture(db);
    ({ order } = await plannedOrderBetween(db, f));
    await db.update(organizations).set({ name: "Doğuş Kuyumculuk ğışİ" }).where(eq(organizations.id, f.brand.org.id));
    await db.update(organizations).set({ name: "ช่างทองสยาม" }).where(eq(organizations.id, f.workshop.org.id));
    await db.update(orders).set({ currency: "INR" }).where(eq(orders.id, order.id));
    await db.update(orderLines).set({ designName: "龙纹戒指" }).where(eq(orderLines.sku, (await db.select().from(orderLines).where(eq(orderLines.orderId, order.id)))[0]!.sku));
    const res = await purchaseOrderResponse(callerFor(db, f.brand.member), "brand", f.brand.org.slug, order.id);
    expect(res.status).toBe(200);
    pdf = Buffer.from(await res.arrayBuffer());
  });

  it("is a PDF download named after the order", async () => {
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const res = await purchaseOrderResponse(callerFor(db, f.workshop.member), "workshop", f.workshop.org.slug, order.id);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${orderNumberLabel(order.year, order.seq)}.pdf"`);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("embeds its fonts, one Noto face per script, and no standard PDF font", () => {
    const dicts = objectDictionaries(pdf);
    const embedded = [...dicts.matchAll(/\/FontFile2 \d+ 0 R/g)];
    expect(embedded.length).toBeGreaterThanOrEqual(3);
    const names = [...dicts.matchAll(/\/BaseFont \/[A-Z]{6}\+([A-Za-z-]+)/g)].map((m) => m[1]);
    expect(names).toEqual(expect.arrayContaining(["NotoSans-Regular", "NotoSans-Bold", "NotoSansThai-Bold", "NotoSansSCThin-Bold"]));
    expect(dicts).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    // Each embedded font file is a real TrueType font (subset), not an empty stream.
    const fontFile = /\/FontFile2 (\d+) 0 R/.exec(dicts)![1];
    const body = new RegExp(`\\n${fontFile} 0 obj\\n<<[\\s\\S]*?>>\\nstream\\n`).exec(pdf.toString("latin1"))!;
    const start = body.index + body[0].length;
    const sfnt = inflateSync(pdf.subarray(start, pdf.indexOf("\nendstream", start)));
    // The TrueType signature: version 1.0 or "true", which fontkit's subsetter writes.
    expect([0x00010000, 0x74727565]).toContain(sfnt.readUInt32BE(0));
    expect(sfnt.length).toBeGreaterThan(1000);
  });

  // Needs poppler-utils (pdftotext); CI installs it, so there the test never skips.
  it.skipIf(!hasPdftotext && !process.env.CI)("prints Turkish, Thai, Chinese and the rupee sign as text", () => {
    const text = pdfText(pdf);
    expect(text).toContain(`Purchase order ${orderNumberLabel(order.year, order.seq)}`);
    expect(text).toContain("Doğuş Kuyumculuk ğışİ");
    expect(text).toContain("ช่างทองสยาม");
    expect(text).toContain("龙纹戒指");
    expect(text).toContain("revision 1");
    // 12 rings at 35.00 + 2 × 4.00 for size 9, the 150.00 mould, 12 pendants at 25.00; 30 % deposit.
    expect(text).toContain("₹878.00");
    expect(text).toContain("₹263.40");
    expect(text).toContain("₹150.00");
    expect(text).toMatch(/size 9 × 2 \(\+₹4\.00 each\)/);
    expect(text).toContain("30 business days");
    expect(text).toContain("Deposit at order, balance before shipping");
  });

  it("answers 404 to anyone but the order's two parties", async () => {
    const notFound = async (res: Promise<Response>) => expect((await res).status).toBe(404);
    await notFound(purchaseOrderResponse(callerFor(db, null), "brand", f.brand.org.slug, order.id));
    await notFound(purchaseOrderResponse(callerFor(db, f.outsider.brand.owner), "brand", f.outsider.brand.org.slug, order.id));
    await notFound(purchaseOrderResponse(callerFor(db, f.outsider.workshop.owner), "workshop", f.outsider.workshop.org.slug, order.id));
    await notFound(purchaseOrderResponse(callerFor(db, f.outsider.brand.owner), "brand", f.brand.org.slug, order.id));
    await notFound(purchaseOrderResponse(callerFor(db, f.brand.owner), "workshop", f.brand.org.slug, order.id));
    await notFound(purchaseOrderResponse(callerFor(db, f.brand.owner), "brand", f.brand.org.slug, "not-an-id"));
    await notFound(purchaseOrderResponse(callerFor(db, f.brand.owner), "brand", f.brand.org.slug, "00000000-0000-4000-8000-000000000000"));
  });
});
