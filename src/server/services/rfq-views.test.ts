import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createFixture } from "~/test/fixtures";
import { pendantPricing, ringPricing, sentRfq, terms } from "~/test/rfqs";
import { actorOf, uploadedFile } from "~/test/vetting";
import { files } from "../db/schema";
import { saveQuoteDraft, sendQuote } from "./quotes";
import { compareOutput } from "../api/routers/rfq-output";
import { compareQuotes, getBrandRfq } from "./rfq-views";

const db = await testDb();

async function named(t: Parameters<typeof uploadedFile>[1], name: string) {
  const file = await uploadedFile(db, t, "quote_attachment");
  await db.update(files).set({ originalName: name }).where(eq(files.id, file.id));
  return file.id;
}

describe("the brand's RFQ page", () => {
  it("shows every sent version of a workshop's quote, newest first, each with its own files, and never the workshop's draft", async () => {
    const f = await createFixture(db);
    const r = await sentRfq(db, f.brand, [f.workshop]);
    const invitationId = r.invitationOf(f.workshop).id;
    const pricing = { currency: "EUR", lines: [ringPricing(r.ringLine.id), pendantPricing(r.pendantLine.id)], bundle: null, depositPercent: 30 };
    const ws = actorOf(f.workshop);

    const v1 = await saveQuoteDraft(db, ws, { invitationId, pricing, terms: { ...terms(), attachmentFileIds: [await named(f.workshop, "price-sheet-v1.pdf")] } });
    await sendQuote(db, ws, { quoteVersionId: v1.id });
    const v2 = await saveQuoteDraft(db, ws, { invitationId, pricing, terms: { ...terms({ leadTimeDays: 25 }), attachmentFileIds: [await named(f.workshop, "price-sheet-v2.pdf")] } });
    await sendQuote(db, ws, { quoteVersionId: v2.id });
    await saveQuoteDraft(db, ws, { invitationId, pricing, terms: { ...terms({ leadTimeDays: 20 }), attachmentFileIds: [await named(f.workshop, "unsent-draft.pdf")] } });

    const page = await getBrandRfq(db, actorOf(f.brand), r.rfq.number);
    const [invitation] = page.invitations;
    expect(invitation!.versions.map((v) => ({ number: v.number, status: v.status, leadTimeDays: v.leadTimeDays, files: v.attachments.map((a) => a.originalName) }))).toEqual([
      { number: 2, status: "sent", leadTimeDays: 25, files: ["price-sheet-v2.pdf"] },
      { number: 1, status: "superseded", leadTimeDays: 30, files: ["price-sheet-v1.pdf"] },
    ]);
  });
});

describe("the brand's comparison", () => {
  it("declares every field the page reads: the comparison passes its output schema whole, and a field nobody listed is stripped", async () => {
    const f = await createFixture(db);
    const r = await sentRfq(db, f.brand, [f.workshop]);
    const invitationId = r.invitationOf(f.workshop).id;
    const ws = actorOf(f.workshop);
    const v = await saveQuoteDraft(db, ws, { invitationId, pricing: { currency: "EUR", lines: [ringPricing(r.ringLine.id), pendantPricing(r.pendantLine.id)], bundle: null, depositPercent: 30 }, terms: terms() });
    await sendQuote(db, ws, { quoteVersionId: v.id });

    const compared = await compareQuotes(db, f.brand.org.id, r.rfq.number);
    expect(compared.quotes.map((q) => [q.workshop.name, q.number, q.status])).toEqual([[f.workshop.org.name, 1, "sent"]]);
    expect(compareOutput.parse(compared)).toEqual(compared);
    const leaked = { ...compared, quotes: compared.quotes.map((q) => ({ ...q, createdById: ws.userId, workshop: { ...q.workshop, country: "IT" } })) };
    expect(compareOutput.parse(leaked)).toEqual(compared);
  });
});
