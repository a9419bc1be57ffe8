/**
 * `npm run bench:quotes`: the comparison of 10 quotes × 20 lines at new quantities. Server time is the
 * `compareQuotes` read (quotes, lines, each workshop's production calendar and record) plus pricing every
 * quote at a fresh random plan, p50/p95 over 200 runs; then the pricing engine alone, per quote.
 * On PostgreSQL with DATABASE_URL (a database of its own, randomly named, dropped at the end), else on a
 * fresh PGlite in a temporary directory.
 *   BENCH_RUNS=n   runs (default 200)
 */
import "../server/db/load-env";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { priceQuote, type QuantityPlan } from "../lib/pricing";
import { openScriptDb } from "../server/db/script-db";
import { designRevisions, designs, memberships, organizations, rfqLines, users, workshopProfiles } from "../server/db/schema";
import { eq } from "drizzle-orm";
import { emptySpec } from "../lib/design-spec";
import { createWorkshopProfile } from "../server/services/workshop-profiles";
import { createRfq, inviteWorkshops, sendRfq } from "../server/services/rfqs";
import { saveQuoteDraft, sendQuote } from "../server/services/quotes";
import { compareQuotes } from "../server/services/rfq-views";
import { workshopCalendars } from "../server/services/expected-delivery";
import { addDays, DEFAULT_LOAD_DAYS, loadProductionCalendarIn, localDateOf } from "../server/services/production-calendar";
import { withOrg } from "../server/db/tenant";
import { todayIn } from "../lib/sample-request-schemas";

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const LINES = 20;
const QUOTES = 10;
const SIZES = ["5", "6", "7", "8", "9"];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (n: number) => `${n.toFixed(2)} ms`;
const day = (offset: number) => {
  const d = new Date(`${todayIn("Europe/Paris")}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

async function main() {
  const url = process.env.DATABASE_URL;
  let cleanup: () => Promise<void>;
  let open: Parameters<typeof openScriptDb>[0];
  if (url) {
    const name = `bezel_bench_quotes_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    open = { url: u.toString() };
    cleanup = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), "bezel-bench-quotes-"));
    open = { pgliteDir: dir };
    cleanup = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
  }
  const script = await openScriptDb(open);
  try {
    await script.migrate();
    const db = script.db;
    const [user] = await db.insert(users).values({ name: "Bench", email: `bench-${Date.now()}@example.test`, passwordHash: "x", emailVerifiedAt: new Date() }).returning();
    const [brand] = await db.insert(organizations).values({ kind: "brand", name: "Bench Brand", slug: `bench-brand-${Date.now()}`, country: "FR", timeZone: "Europe/Paris", currency: "EUR" }).returning();
    await db.insert(memberships).values({ orgId: brand!.id, userId: user!.id, role: "owner" });
    const brandActor = { orgId: brand!.id, userId: user!.id, role: "owner" as const };
    const revisionIds: string[] = [];
    for (let i = 0; i < LINES; i++) {
      const [d] = await db.insert(designs).values({ orgId: brand!.id, sku: `B-${i}`, name: `Design ${i}`, category: "ring" }).returning();
      const [r] = await db
        .insert(designRevisions)
        .values({ orgId: brand!.id, designId: d!.id, number: 1, status: "approved", spec: { ...emptySpec(), sizeRun: { system: "ring_us", sizes: SIZES } }, approvedAt: new Date(), approvedByName: "Bench" })
        .returning();
      revisionIds.push(r!.id);
    }
    const rfq = await createRfq(db, brandActor, {
      title: "Bench",
      currency: "EUR",
      targetDate: day(120),
      deadline: day(20),
      notes: "",
      attachmentFileIds: [],
      lines: revisionIds.map((revisionId) => ({ revisionId, sizes: SIZES.map((size) => ({ size, quantity: 3 })) })),
    });
    const lines = await db.select().from(rfqLines).where(eq(rfqLines.rfqId, rfq.id));
    const workshops = [];
    for (let w = 0; w < QUOTES; w++) {
      const [org] = await db.insert(organizations).values({ kind: "workshop", name: `Bench Workshop ${w}`, slug: `bench-w-${w}-${Date.now()}`, country: "IT", timeZone: "Europe/Rome", currency: "EUR" }).returning();
      await createWorkshopProfile(db, org!);
      await db.update(workshopProfiles).set({ publishedAt: new Date(), headline: "Bench" }).where(eq(workshopProfiles.orgId, org!.id));
      await db.insert(memberships).values({ orgId: org!.id, userId: user!.id, role: "owner" });
      workshops.push(org!);
    }
    await inviteWorkshops(db, brandActor, { rfqId: rfq.id, workshopOrgIds: workshops.map((w) => w.id) });
    await sendRfq(db, brandActor, { rfqId: rfq.id });
    const { rfqInvitations } = await import("../server/db/schema");
    const invitations = await db.select().from(rfqInvitations).where(eq(rfqInvitations.rfqId, rfq.id));
    for (const [w, org] of workshops.entries()) {
      const actor = { orgId: org.id, userId: user!.id, role: "owner" as const };
      const inv = invitations.find((i) => i.workshopOrgId === org.id)!;
      const draft = await saveQuoteDraft(db, actor, {
        invitationId: inv.id,
        pricing: {
          currency: "EUR",
          depositPercent: 30,
          bundle: { lineIds: lines.slice(0, 2).map((l) => l.id), minQuantity: 20, floor: 5 },
          lines: lines.map((l) => ({
            lineId: l.id,
            moq: 10,
            tiers: [
              { minQuantity: 10, unitPriceMinor: 5000 + w * 100 },
              { minQuantity: 20, unitPriceMinor: 4500 + w * 100 },
              { minQuantity: 50, unitPriceMinor: 4000 + w * 100 },
            ],
            sizeSurcharges: [{ size: "9", amountMinor: 400 }],
            fees: [{ label: "Mould", amountMinor: 15000 }],
          })),
        },
        terms: { leadTimeDays: 30 + w, paymentTerms: "balance_before_shipping", balanceMilestone: "", validUntil: day(60), notes: "", attachmentFileIds: [] },
      });
      await sendQuote(db, actor, { quoteVersionId: draft.id });
    }

    const randomPlan = (): QuantityPlan => Object.fromEntries(lines.map((l) => [l.id, Object.fromEntries(SIZES.map((s) => [s, Math.floor(Math.random() * 12)]))]));
    const server: number[] = [];
    const engine: number[] = [];
    let met = 0;
    for (let run = 0; run < RUNS; run++) {
      const plan = randomPlan();
      const start = performance.now();
      const data = await compareQuotes(db, brand!.id, rfq.number);
      const priced = data.quotes.map((q) => {
        const t = performance.now();
        const p = priceQuote(q.pricing, plan);
        engine.push(performance.now() - t);
        return p;
      });
      server.push(performance.now() - start);
      met += priced.filter((p) => p.met).length;
      if (data.quotes.length !== QUOTES) throw new Error(`expected ${QUOTES} quotes, got ${data.quotes.length}`);
    }
    // The calendars alone, as the comparison reads them now (the span the lead times need) and as it did
    // before (three years per workshop), on the same quotes.
    const quoted = workshops.map((org, w) => ({ workshopOrgId: org.id, leadTimeDays: 30 + w }));
    const spanNeeded: number[] = [];
    const threeYears: number[] = [];
    const from = addDays(localDateOf(new Date(), "UTC"), -1);
    for (let run = 0; run < RUNS; run++) {
      let t = performance.now();
      await withOrg(db, brand!.id, (tx) => workshopCalendars(tx, quoted));
      spanNeeded.push(performance.now() - t);
      t = performance.now();
      await withOrg(db, brand!.id, async (tx) => {
        for (const q of quoted) await loadProductionCalendarIn(tx, q.workshopOrgId, from, DEFAULT_LOAD_DAYS);
      });
      threeYears.push(performance.now() - t);
    }
    console.log(`bench:quotes on ${script.driver === "pg" ? "PostgreSQL" : "PGlite"}: ${QUOTES} quotes × ${LINES} lines, ${RUNS} runs at new quantities (${met} of ${RUNS * QUOTES} priced quotes met their minimums)`);
    console.log(`  comparison, server (read + price all quotes): p50 ${ms(pct(server, 50))}  p95 ${ms(pct(server, 95))}`);
    console.log(`  pricing engine alone, per quote:               p50 ${ms(pct(engine, 50))}  p95 ${ms(pct(engine, 95))}`);
    console.log(`  ${QUOTES} calendars, the span the lead times need:    p50 ${ms(pct(spanNeeded, 50))}  p95 ${ms(pct(spanNeeded, 95))}`);
    console.log(`  ${QUOTES} calendars, three years each (as before):     p50 ${ms(pct(threeYears, 50))}  p95 ${ms(pct(threeYears, 95))}`);
  } finally {
    await script.close();
    await cleanup();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
