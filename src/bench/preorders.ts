/**
 * `npm run bench:preorders`: 500 customers reserve at once, over HTTP, on a published campaign with a cap of
 * 100, against a production `next start` on its own random PostgreSQL database, with Stripe's API answered by
 * a local stand-in (STRIPE_API_BASE). Prints how many are held (must be exactly 100) and the latency
 * percentiles; then moves the holds' clock past their expiry (SQL on hold_expires_at), runs the expiry job's
 * function and prints the units freed. Builds first when there is no production build.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { openScriptDb } from "../server/db/script-db";
import { expireHolds } from "../server/services/preorder-reservations";
import { startFakeStripe } from "../test/fake-stripe";
import { startNextServer, stopServer, type NextServer } from "./next-server";
import { createOrg } from "../test/fixtures";
import { campaignFor, readyBrandPayout } from "../test/preorders";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 500);
const CAP = 100;
const SECRET = "bench-secret-bench-secret-bench-0123";

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("bench:preorders runs on PostgreSQL: set DATABASE_URL (a server where it may create a database).");
  if (!existsSync(path.join(".next", "BUILD_ID"))) {
    console.log("No production build: running next build…");
    const built = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (built.status !== 0) throw new Error("next build failed");
  }
  const name = `bezel_bench_preorders_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const script = await openScriptDb({ url: u.toString() });
  const fake = await startFakeStripe();
  let server: NextServer | null = null;
  try {
    await script.migrate();
    const db = script.db;
    const brand = await createOrg(db, "brand", "Bench Brand");
    const workshop = await createOrg(db, "workshop", "Bench Workshop");
    await readyBrandPayout(db, brand);
    const campaign = await campaignFor(db, { brand, workshop }, { totalCap: CAP });
    server = await startNextServer({ DATABASE_URL: u.toString(), STRIPE_SECRET_KEY: "sk_test_bench", STRIPE_API_BASE: fake.url, TRUSTED_PROXY_HOPS: "1", JOBS_WORKER: "separate" }, { secret: SECRET });
    const base = server.base;
    // Warm the route once (not counted): a different campaign address answers NOT_FOUND.
    await fetch(`${base}/api/trpc/preorderPublic.reserve`, { method: "POST", headers: { "content-type": "application/json", origin: base, "x-forwarded-for": "192.0.2.1" }, body: JSON.stringify({ json: { brandSlug: brand.org.slug, campaignSlug: "warm-up", name: "W", email: "w@example.test", size: "5", quantity: 1 } }) });

    const statuses = new Map<number, number>();
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CUSTOMERS }, async (_, i) => {
        const body = JSON.stringify({ json: { brandSlug: brand.org.slug, campaignSlug: campaign.slug, name: `Customer ${i}`, email: `customer.${i}@example.test`, size: campaign.sizes[i % campaign.sizes.length], quantity: 1, website: "" } });
        const t = performance.now();
        const res = await fetch(`${base}/api/trpc/preorderPublic.reserve`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: base, "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
          body,
        });
        await res.text();
        latencies.push(performance.now() - t);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }),
    );
    const wall = performance.now() - started;
    const { rows: counts } = await db.execute<{ held: number; rows: number; sessions: number }>(
      sql`select c.held_units as held, (select count(*)::int from preorder_reservations r where r.campaign_id = c.id and r.status = 'held') as rows,
        (select count(*)::int from preorder_reservations r where r.campaign_id = c.id and r.stripe_checkout_session_id is not null) as sessions
        from preorder_campaigns c where c.id = ${campaign.id}`,
    );
    const sorted = [...latencies].sort((a, b) => a - b);
    const checkouts = fake.seen.filter((s) => s.path === "/v1/checkout/sessions").length;
    console.log(`${CUSTOMERS} concurrent reservations over HTTP on a cap of ${CAP} (next start, PostgreSQL, local Stripe stand-in):`);
    console.log(`  held: ${counts[0]!.rows} reservations (campaign counter ${counts[0]!.held}; ${counts[0]!.sessions} with a Checkout Session; ${checkouts} sessions asked of Stripe)`);
    console.log(`  HTTP statuses: ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(", ")}`);
    console.log(`  latency ms: p50 ${pct(sorted, 50).toFixed(0)}, p95 ${pct(sorted, 95).toFixed(0)}, p99 ${pct(sorted, 99).toFixed(0)}, max ${sorted.at(-1)!.toFixed(0)}; all done in ${wall.toFixed(0)} ms`);
    // The pages themselves: the public one (shared-cacheable for at most 60 s), its share image, and a
    // reservation's private page (the token of the first hold is not stored, so a wrong one shows the 404).
    const pagePath = `/p/${brand.org.slug}/${campaign.slug}`;
    const t0 = performance.now();
    const pageRes = await fetch(`${base}${pagePath}`);
    const html = await pageRes.text();
    const pageMs = performance.now() - t0;
    const ogUrl = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
    const og = await fetch(ogUrl ? new URL(ogUrl.replace(/&amp;/g, "&"), base) : `${base}${pagePath}/opengraph-image`);
    const wrong = await fetch(`${base}${pagePath}/r/${"A".repeat(43)}`);
    console.log(`  campaign page: ${pageRes.status} in ${pageMs.toFixed(0)} ms, ${(html.length / 1024).toFixed(0)} KB, Cache-Control "${pageRes.headers.get("cache-control")}", shows "${/(\d+) of \d+ left|Sold out/.exec(html)?.[0] ?? "?"}"`);
    console.log(`  share image: ${og.status} ${og.headers.get("content-type")}, ${((await og.arrayBuffer()).byteLength / 1024).toFixed(0)} KB; a wrong reservation link: ${wrong.status}, Cache-Control "${wrong.headers.get("cache-control")}"`);
    const ok = counts[0]!.rows === CAP && counts[0]!.held === CAP;

    // The holds run out: move their clock, run the job's function, see the units come back.
    await db.execute(sql`update preorder_reservations set hold_expires_at = now() - interval '1 minute' where campaign_id = ${campaign.id} and status = 'held'`);
    const freed = await expireHolds(db, new Date(), fake.client());
    const { rows: after } = await db.execute<{ held: number; paid: number; left: number }>(sql`select held_units as held, paid_units as paid, total_cap - held_units - paid_units as left from preorder_campaigns where id = ${campaign.id}`);
    console.log(`  after the holds' expiry: ${freed.expired} holds expired, ${freed.units} units freed; counters held ${after[0]!.held}, paid ${after[0]!.paid}, ${after[0]!.left} of ${CAP} left`);
    if (!ok || after[0]!.held !== 0) {
      console.error("FAILED: the cap was not held exactly, or the holds did not free their units.");
      process.exitCode = 1;
    }
  } finally {
    if (server) {
      if (process.env.BENCH_SERVER_LOG) console.log(server.output.join(""));
      await stopServer(server.child);
    }
    await fake.close();
    await script.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
