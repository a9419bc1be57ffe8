/**
 * `npm run bench:orders`: a brand's orders list (filters + a page) and its dashboard over HTTP on `next start`,
 * with 100,000 orders in the database, BENCH_BRAND_ORDERS (default 2,000) of them the measured brand's, each
 * with its plan and ten milestones. p50/p95 over BENCH_RUNS sequential requests (default 100) of each, and
 * the SQL statements per request, counted by a relay in front of PostgreSQL (the server's DATABASE_URL points
 * at it); a search that matches nothing is measured too, so a page of 25 orders and a page of none can be
 * seen to cost the same number of statements.
 * PostgreSQL only (DATABASE_URL): the database is its own, randomly named, dropped at the end. Needs a
 * production build (`npm run build`).
 * Then each page once in Chromium at 390 px wide (CHROMIUM_PATH, default /usr/bin/chromium): whether anything
 * overflows sideways, and a screenshot in BENCH_SCREENSHOTS (default the system's temporary directory).
 * Before the HTTP part, the same reads in process (the services' time alone, no rendering).
 *   BENCH_ORDERS=n         orders in all (default 100000)
 *   -- --services-only     skip the HTTP part (and the build it needs)
 *   BENCH_EXPLAIN=1        print the plan (explain analyze) of the list query with a search matching nothing
 */
import "../server/db/load-env";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { chromium } from "@playwright/test";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { emptySpec } from "../lib/design-spec";
import { todayIn } from "../lib/sample-request-schemas";
import { openScriptDb } from "../server/db/script-db";
import { designRevisions, designs, memberships, organizations, rfqInvitations, rfqLines, users, workshopProfiles } from "../server/db/schema";
import { acceptQuote, saveQuoteDraft, sendQuote } from "../server/services/quotes";
import { createRfq, inviteWorkshops, sendRfq } from "../server/services/rfqs";
import { createWorkshopProfile } from "../server/services/workshop-profiles";
import { brandOrderDashboard } from "../server/services/order-dashboards";
import { filteredOrders, listOrderPage } from "../server/services/order-lists";
import { withOrg } from "../server/db/tenant";
import { startNextServer, stopServer } from "./next-server";
import { startCountingProxy } from "./pg-count-proxy";

const TOTAL = Number(process.env.BENCH_ORDERS ?? 100_000);
const BRAND_ORDERS = Number(process.env.BENCH_BRAND_ORDERS ?? 2_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const OTHER_BRANDS = 49;
const WORKSHOPS = 20;
const SECRET = process.env.NEXTAUTH_SECRET || "bezel-bench-secret-not-for-production";

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;
const day = (offset: number) => {
  const d = new Date(`${todayIn("Europe/Paris")}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

async function columnsOf(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ column_name: string }>(
    "select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position",
    [table],
  );
  return rows.map((r) => r.column_name);
}

/** Copies the template rows of a table once per number of the series, with some columns replaced. */
async function cloneRows(client: pg.Client, table: string, where: string, overrides: Record<string, string>, series: string) {
  const cols = await columnsOf(client, table);
  const list = cols.map((c) => `"${c}"`).join(", ");
  const values = cols.map((c) => overrides[c] ?? `t."${c}"`).join(", ");
  await client.query(`insert into ${table} (${list}) select ${values} from ${table} t, ${series} where ${where}`);
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("bench:orders runs on PostgreSQL: set DATABASE_URL (a server where it may create a database).");
  const servicesOnly = process.argv.includes("--services-only");
  if (!servicesOnly && !existsSync(path.join(".next", "BUILD_ID"))) throw new Error("No production build (.next/BUILD_ID is missing): run `npm run build` first.");
  const name = `bezel_bench_orders_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const script = await openScriptDb({ url: dbUrl.toString() });
  const client = new pg.Client({ connectionString: dbUrl.toString() });
  try {
    await script.migrate();
    await client.connect();
    const db = script.db;
    const stamp = Date.now();
    const [user] = await db.insert(users).values({ name: "Bench", email: `bench-${stamp}@example.test`, passwordHash: "x", emailVerifiedAt: new Date() }).returning();
    const [brand] = await db.insert(organizations).values({ kind: "brand", name: "Bench Brand", slug: `bench-brand-${stamp}`, country: "FR", timeZone: "Europe/Paris", currency: "EUR" }).returning();
    await db.insert(memberships).values({ orgId: brand!.id, userId: user!.id, role: "owner" });
    const actor = { orgId: brand!.id, userId: user!.id, role: "owner" as const };
    const workshops = [];
    for (let w = 0; w < WORKSHOPS; w++) {
      const [org] = await db.insert(organizations).values({ kind: "workshop", name: `Bench Workshop ${w}`, slug: `bench-w-${w}-${stamp}`, country: "IT", timeZone: "Europe/Rome", currency: "EUR" }).returning();
      await createWorkshopProfile(db, org!);
      await db.update(workshopProfiles).set({ publishedAt: new Date(), headline: "Bench", monthlyCapacity: 400 }).where(eq(workshopProfiles.orgId, org!.id));
      await db.insert(memberships).values({ orgId: org!.id, userId: user!.id, role: "owner" });
      workshops.push(org!);
    }
    // One real order through the services (RFQ, quote, accept and plan), the template of the others.
    const revisionIds: string[] = [];
    for (const [i, nameOf] of ["Signet ring", "Moon pendant"].entries()) {
      const [d] = await db.insert(designs).values({ orgId: brand!.id, sku: `BN-${i}`, name: nameOf, category: "ring" }).returning();
      const [r] = await db
        .insert(designRevisions)
        .values({ orgId: brand!.id, designId: d!.id, number: 1, status: "approved", spec: { ...emptySpec(), sizeRun: { system: "ring_us", sizes: ["6", "7"] } }, approvedAt: new Date(), approvedByName: "Bench" })
        .returning();
      revisionIds.push(r!.id);
    }
    const rfq = await createRfq(db, actor, { title: "Template", currency: "EUR", targetDate: day(120), deadline: day(20), notes: "", attachmentFileIds: [], lines: revisionIds.map((revisionId) => ({ revisionId, sizes: [{ size: "6", quantity: 6 }, { size: "7", quantity: 6 }] })) });
    await inviteWorkshops(db, actor, { rfqId: rfq.id, workshopOrgIds: [workshops[0]!.id] });
    await sendRfq(db, actor, { rfqId: rfq.id });
    const [inv] = await db.select().from(rfqInvitations).where(eq(rfqInvitations.rfqId, rfq.id));
    const lines = await db.select().from(rfqLines).where(eq(rfqLines.rfqId, rfq.id));
    const wActor = { orgId: workshops[0]!.id, userId: user!.id, role: "owner" as const };
    const draft = await saveQuoteDraft(db, wActor, {
      invitationId: inv!.id,
      pricing: { currency: "EUR", depositPercent: 30, bundle: null, lines: lines.map((l) => ({ lineId: l.id, moq: 10, tiers: [{ minQuantity: 10, unitPriceMinor: 5000 }], sizeSurcharges: [], fees: [] })) },
      terms: { leadTimeDays: 35, paymentTerms: "balance_before_shipping", balanceMilestone: "", validUntil: day(60), notes: "", attachmentFileIds: [] },
    });
    const version = await sendQuote(db, wActor, { quoteVersionId: draft.id });
    const template = await acceptQuote(db, actor, { quoteVersionId: version.id, quantities: Object.fromEntries(lines.map((l) => [l.id, { "6": 6, "7": 6 }])) });

    // The other brands, then the orders by SQL: order g belongs to the bench brand for g ≤ BRAND_ORDERS.
    const started = performance.now();
    await client.query(
      `insert into organizations (kind, name, slug, country, time_zone, currency)
       select 'brand', 'Other Brand ' || g, 'other-brand-${stamp}-' || g, 'DE', 'Europe/Berlin', 'EUR' from generate_series(1, ${OTHER_BRANDS}) g`,
    );
    await client.query(`create temp table bench_orgs as
      select g, case when g <= ${BRAND_ORDERS} then '${brand!.id}'::uuid
        else (select id from organizations where slug = 'other-brand-${stamp}-' || (1 + g % ${OTHER_BRANDS})) end as brand_id,
        (array[${workshops.map((w) => `'${w.id}'::uuid`).join(", ")}])[1 + g % ${WORKSHOPS}] as workshop_id
      from generate_series(1, ${TOTAL}) g`);
    const series = "bench_orgs b";
    // Deterministic ids (so each table can point at the others), with version and variant digits of a v4 uuid.
    const idOf = (prefix: string) => `overlay(overlay(md5('${prefix}' || b.g) placing '4' from 13) placing '8' from 17)::uuid`;
    await cloneRows(client, "rfqs", `t.id = '${rfq.id}'`, { id: idOf("rfq"), brand_org_id: "b.brand_id", number: "1000 + b.g", title: "'Capsule ' || b.g" }, series);
    await cloneRows(client, "rfq_invitations", `t.id = '${inv!.id}'`, { id: idOf("inv"), rfq_id: idOf("rfq"), brand_org_id: "b.brand_id", workshop_org_id: "b.workshop_id" }, series);
    await cloneRows(client, "quotes", `t.invitation_id = '${inv!.id}'`, { id: idOf("q"), invitation_id: idOf("inv"), rfq_id: idOf("rfq"), brand_org_id: "b.brand_id", workshop_org_id: "b.workshop_id" }, series);
    await cloneRows(client, "quote_versions", `t.id = '${version.id}'`, { id: idOf("qv"), quote_id: idOf("q"), rfq_id: idOf("rfq"), brand_org_id: "b.brand_id", workshop_org_id: "b.workshop_id" }, series);
    await cloneRows(
      client,
      "orders",
      `t.id = '${template.id}'`,
      { id: idOf("o"), rfq_id: idOf("rfq"), quote_version_id: idOf("qv"), brand_org_id: "b.brand_id", workshop_org_id: "b.workshop_id", seq: "1000 + b.g", created_at: "now() - b.g * interval '5 minutes'", status: "(case when b.g % 17 = 0 then 'completed' when b.g % 23 = 0 then 'cancelled' else 'open' end)::order_status" },
      series,
    );
    await cloneRows(client, "order_lines", `t.order_id = '${template.id}'`, { id: "gen_random_uuid()", order_id: idOf("o"), brand_org_id: "b.brand_id", workshop_org_id: "b.workshop_id", rfq_line_id: "null", design_name: "t.design_name || ' ' || (b.g % 50)" }, series);
    await cloneRows(
      client,
      "order_plans",
      `t.order_id = '${template.id}'`,
      { order_id: idOf("o"), brand_org_id: "b.brand_id", workshop_org_id: "b.workshop_id", at_risk: "b.g % 10 = 0", forecast_delivery_date: "t.forecast_delivery_date + (b.g % 120 - 40)", promised_delivery_date: "t.promised_delivery_date + (b.g % 120 - 45)" },
      series,
    );
    // Milestones done up to a point that varies by order, so orders stand at every step.
    await cloneRows(
      client,
      "order_milestones",
      `t.order_id = '${template.id}'`,
      {
        id: "gen_random_uuid()",
        order_id: idOf("o"),
        brand_org_id: "b.brand_id",
        workshop_org_id: "b.workshop_id",
        status: "(case when t.position < b.g % 10 then 'completed' when t.position = b.g % 10 and t.needs_approval then 'awaiting_approval' else t.status::text end)::milestone_status",
      },
      series,
    );
    await client.query("analyze");
    const seeded = (performance.now() - started) / 1000;
    const { rows: counted } = await client.query<{ orders: string; mine: string; milestones: string }>(
      `select (select count(*) from orders) as orders, (select count(*) from orders where brand_org_id = '${brand!.id}') as mine, (select count(*) from order_milestones) as milestones`,
    );

    const reader = { orgId: brand!.id, userId: user!.id };
    const inProcess: [string, () => Promise<unknown>][] = [
      ["orders list (in production, search, by delivery, page 2)", () => listOrderPage(db, reader, { filters: { stage: "in_production", sort: "delivery", q: "ring" }, page: 2 })],
      ["orders list (at risk, delivery range, page 1)", () => listOrderPage(db, reader, { filters: { atRisk: true, deliveryFrom: day(-30), deliveryTo: day(90), sort: "newest" }, page: 1 })],
      ["orders list (a search that matches nothing)", () => listOrderPage(db, reader, { filters: { q: "no-such-design", sort: "newest" }, page: 1 })],
      ["brand dashboard (orders part)", () => brandOrderDashboard(db, reader)],
    ];
    const serviceLines: string[] = [];
    for (const [label, run] of inProcess) {
      for (let i = 0; i < 3; i++) await run();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const s0 = performance.now();
        await run();
        times.push(performance.now() - s0);
      }
      serviceLines.push(`  ${label.padEnd(58)} p50 ${ms(pct(times, 50)).padStart(9)}  p95 ${ms(pct(times, 95)).padStart(9)}`);
    }
    const header = `bench:orders on PostgreSQL: ${counted[0]!.orders} orders (${counted[0]!.mine} of them the measured brand's), ${counted[0]!.milestones} milestones; seeded by SQL in ${seeded.toFixed(1)} s`;
    if (process.env.BENCH_EXPLAIN) {
      const plan = await withOrg(db, brand!.id, (tx) => tx.execute<{ "QUERY PLAN": string }>(sql`explain analyze ${filteredOrders(brand!.id, { q: "no-such-design", sort: "newest" })}`));
      console.log(plan.rows.map((r) => r["QUERY PLAN"]).join("\n"));
    }
    if (servicesOnly) {
      console.log(header);
      console.log(`In process, ${RUNS} sequential calls each (the services alone):`);
      for (const line of serviceLines) console.log(line);
      return;
    }

    const token = await encode({ token: { sub: user!.id, sv: 0, name: "Bench", email: user!.email }, secret: SECRET });
    const headers = { cookie: `next-auth.session-token=${token}` };
    const listPath = `/brand/${brand!.slug}/orders?status=in_production&sort=delivery&q=ring&page=2`;
    const dashboardPath = `/brand/${brand!.slug}`;
    const targets = [
      { name: "orders list (in production, search, by delivery, page 2)", path: listPath },
      { name: "orders list (at risk, delivery range, page 1)", path: `/brand/${brand!.slug}/orders?risk=1&from=${day(-30)}&to=${day(90)}` },
      { name: "orders list (a search that matches nothing)", path: `/brand/${brand!.slug}/orders?q=no-such-design` },
      { name: "brand dashboard", path: dashboardPath },
      { name: `workshop dashboard (${Math.round(TOTAL / WORKSHOPS)} orders)`, path: `/workshop/${workshops[0]!.slug}` },
    ];

    const proxy = await startCountingProxy({ host: dbUrl.hostname, port: Number(dbUrl.port || 5432) });
    const relayed = new URL(dbUrl.toString());
    relayed.hostname = "127.0.0.1";
    relayed.port = String(proxy.port);
    const server = await startNextServer({ DATABASE_URL: relayed.toString() }, { secret: SECRET, port: Number(process.env.BENCH_PORT ?? 3303), timeoutMs: 60_000 });
    const results: { name: string; p50: number; p95: number; statements: number; bytes: number }[] = [];
    const narrow: string[] = [];
    try {
      for (const t of targets) {
        const first = await fetch(server.base + t.path, { headers, redirect: "manual" });
        const html = await first.text();
        if (first.status !== 200) throw new Error(`${t.path} answered ${first.status}. The server said:\n${server.output.join("").slice(-3000)}`);
        for (let i = 0; i < 5; i++) await (await fetch(server.base + t.path, { headers })).arrayBuffer();
        const idleStart = proxy.count();
        const idleAt = performance.now();
        await new Promise((r) => setTimeout(r, 500));
        const idlePerMs = (proxy.count() - idleStart) / (performance.now() - idleAt);
        const times: number[] = [];
        const before = proxy.count();
        const at = performance.now();
        for (let i = 0; i < RUNS; i++) {
          const s = performance.now();
          const res = await fetch(server.base + t.path, { headers });
          await res.arrayBuffer();
          times.push(performance.now() - s);
        }
        const background = idlePerMs * (performance.now() - at);
        results.push({ name: t.name, p50: pct(times, 50), p95: pct(times, 95), statements: Math.max(0, (proxy.count() - before - background) / RUNS), bytes: Buffer.byteLength(html) });
      }
      const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
      try {
        const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
        await context.addCookies([{ name: "next-auth.session-token", value: token, url: server.base }]);
        const page = await context.newPage();
        const dir = process.env.BENCH_SCREENSHOTS ?? tmpdir();
        for (const [i, t] of targets.entries()) {
          await page.goto(server.base + t.path);
          await page.waitForLoadState("networkidle");
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          const file = path.join(dir, `bench-orders-${i + 1}.png`);
          await page.screenshot({ path: file, fullPage: true });
          narrow.push(`  ${t.name.padEnd(58)} ${overflow > 0 ? `overflows by ${overflow} px` : "no horizontal overflow"}  (${file})`);
        }
      } finally {
        await browser.close();
      }
    } finally {
      await stopServer(server.child);
      await proxy.close();
    }
    console.log(header);
    console.log(`In process, ${RUNS} sequential calls each (the services alone):`);
    for (const line of serviceLines) console.log(line);
    console.log(`HTTP on next start, ${RUNS} sequential requests each, signed in as the brand's owner (through the counting relay):`);
    for (const r of results) console.log(`  ${r.name.padEnd(58)} p50 ${ms(r.p50).padStart(9)}  p95 ${ms(r.p95).padStart(9)}  SQL statements/request ${r.statements.toFixed(1)}  (${(r.bytes / 1024).toFixed(0)} kB)`);
    console.log("At 390 px wide in Chromium:");
    for (const line of narrow) console.log(line);
  } finally {
    await client.end().catch(() => undefined);
    await script.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
