/**
 * `npm run bench:directory`: what visitors of the directory load, under load, next to a floor.
 *
 * 1. SQL: the directory's queries timed against the database at each scale (1,000 / 10,000 / 100,000
 *    published workshops by default; BENCH_SCALES=1000,10000 to choose).
 * 2. HTTP, on `next start` at BENCH_WORKSHOPS workshops (default 10,000): the `/workshops` page (search text
 *    + 2 facets) answered from the server's result cache and never seen before, the RSC payload of a filter
 *    change (as the browser asks for it, headers captured from a real click), a profile page, the
 *    `directory.search` procedure, `/api/health` (a route handler returning a constant JSON: the floor) and
 *    `/sign-in` (a page that reads no data and no session: what Next.js itself takes to render a page here),
 *    interleaved, BENCH_REPEATS times (default 3), 10 connections; medians of requests/s and their ratio to
 *    the floor's, with the load average before each round.
 * 3. SQL statements per request of each (PostgreSQL only: the server is pointed at a counting relay), the
 *    page's HTML size, its inline payload and SVGs, and the JavaScript the browser loads for it (gzip).
 *
 * The database is one of its own per run (`bezel_bench_<random>` next to DATABASE_URL, dropped at the end;
 * without DATABASE_URL a PGlite directory of its own under .data/), so runs never touch anyone else's.
 *
 *   --sql-only    only part 1 (no build needed)
 *   --http-only   only parts 2 and 3 (no 100k load)
 *   BENCH_APP_DIRS=dirA,dirB   run the HTTP part for several builds side by side (each a checkout with .next),
 *                              interleaved with one another: before/after comparisons on a shared machine
 */
import "../server/db/load-env";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import superjson from "superjson";
import { chromium } from "@playwright/test";
import { openScriptDb, type ScriptDb } from "../server/db/script-db";
import { searchWorkshops } from "../server/services/directory";
import { directoryQueryString, directorySearchSchema, type DirectorySearchParams } from "~/lib/directory-schemas";
import { benchSearches, loadBenchWorkshops } from "./directory-data";
import { startCountingProxy } from "./pg-count-proxy";
import { stopServer } from "./next-server";

const HTTP_COUNT = Number(process.env.BENCH_WORKSHOPS ?? 10_000);
const SCALES = (process.env.BENCH_SCALES ?? "1000,10000,100000").split(",").map(Number).filter((n) => n > 0).sort((a, b) => a - b);
const SQL_ONLY = process.argv.includes("--sql-only");
const HTTP_ONLY = process.argv.includes("--http-only");
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const CONNECTIONS = 10;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const COUNT_RUNS = 20;
const APP_DIRS = (process.env.BENCH_APP_DIRS ?? ".").split(",").map((d) => path.resolve(d));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(" ");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

type BenchDb = { handle: ScriptDb; url?: string; serverEnv: Record<string, string>; where: string; drop: () => Promise<void> };

/** A fresh, migrated database of this run's own. */
async function createBenchDb(): Promise<BenchDb> {
  const name = `bezel_bench_${randomBytes(4).toString("hex")}`;
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const benchUrl = withDatabase(url, name);
    const handle = await openScriptDb({ url: benchUrl });
    const drop = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      // Only the database this run created.
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
    return { handle, url: benchUrl, serverEnv: { DATABASE_URL: benchUrl }, where: `PostgreSQL, database ${name}`, drop };
  }
  const dir = path.join(".data", name);
  const handle = await openScriptDb({ pgliteDir: dir });
  return { handle, serverEnv: { DATABASE_URL: "", PGLITE_DIR: path.resolve(dir) }, where: `embedded PostgreSQL (PGlite) in ${dir}`, drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })) };
}

// ---------------------------------------------------------------------------------------------------------
// Part 1: SQL at each scale

const SQL_CASES: { name: string; params: DirectorySearchParams[] }[] = [
  { name: "no filter (first page)", params: [directorySearchSchema.parse({})] },
  { name: "one facet (casting)", params: [directorySearchSchema.parse({ capabilities: ["casting"] })] },
  { name: "one country (IT)", params: [directorySearchSchema.parse({ countries: ["IT"] })] },
  { name: "two facets", params: [directorySearchSchema.parse({ capabilities: ["casting"], metals: ["silver_925"] })] },
  { name: "range (MOQ ≤ 10)", params: [directorySearchSchema.parse({ moqMax: 10 })] },
  { name: "q=gold", params: [directorySearchSchema.parse({ q: "gold" })] },
  { name: "q=gold + two facets", params: [directorySearchSchema.parse({ q: "gold", capabilities: ["casting"], metals: ["silver_925"] })] },
  { name: "q=gold, page 50", params: [directorySearchSchema.parse({ q: "gold", page: 50 })] },
  { name: "no filter, page 500", params: [directorySearchSchema.parse({ page: 500 })] },
  { name: "the HTTP part's searches", params: benchSearches() },
];

async function timeSql(handle: ScriptDb, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (const c of SQL_CASES) {
    for (const p of c.params) await searchWorkshops(handle.db, p);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await searchWorkshops(handle.db, c.params[i % c.params.length]!);
      samples.push(performance.now() - started);
    }
    out.push(median(samples));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Part 2: HTTP

async function freePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 50; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const srv = net.createServer().once("error", () => resolve(false));
      srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port between ${preferred} and ${preferred + 49}.`);
}

type Server = { child: ChildProcess; output: string[]; base: string; dir: string };

async function startServer(dir: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort(Number(process.env.BENCH_PORT ?? 3222));
  const output: string[] = [];
  const child = spawn(process.execPath, [path.join(dir, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: dir,
    env: {
      ...process.env,
      ...env,
      NODE_ENV: "production",
      PORT: String(port),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || "bezel-bench-secret-not-for-production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (b: Buffer) => output.push(b.toString());
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (code ${child.exitCode}):\n${output.join("")}`);
    try {
      const res = await fetch(`${base}/workshops`);
      if (res.ok) return { child, output, base, dir };
      if (res.status >= 500) throw new Error(`The server answered ${res.status}: ${(await res.text()).slice(0, 300)}\n${output.join("")}`);
    } catch (err) {
      if (err instanceof Error && !/fetch failed|ECONNREFUSED/.test(err.message + String(err.cause))) throw err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not answer within 60 s:\n${output.join("")}`);
}


/** Text + 2 facets, as people filter: each search with its first two facets. */
function pageSearches(): DirectorySearchParams[] {
  return benchSearches().map((s) => {
    const facets = (["capabilities", "metals", "gemstoneWork", "countries", "certifications"] as const).filter((k) => s[k].length > 0).slice(0, 2);
    return directorySearchSchema.parse({ q: s.q, sort: s.sort, ...Object.fromEntries(facets.map((k) => [k, s[k]])) });
  });
}

type Request = { path: string; headers?: Record<string, string> };
/** `wanted`: the most this target may cost, as a multiple of the floor. */
type Target = { name: string; request: (i: number) => Request; wanted?: number };

const trpcPath = (s: DirectorySearchParams) => `/api/trpc/directory.search?input=${encodeURIComponent(JSON.stringify(superjson.serialize(s)))}`;

/** A never-seen search: an MOQ bound above every workshop's, unique per request. */
const unseen = (s: DirectorySearchParams, i: number): DirectorySearchParams => ({ ...s, moqMax: 50_000 + ((i * 7919 + Date.now()) % 50_000) });

function targets({ rscHeaders, rscParam }: { rscHeaders: Record<string, string>; rscParam: string }): Target[] {
  const searches = pageSearches();
  const page = (s: DirectorySearchParams) => `/workshops${directoryQueryString(s)}`;
  // Next.js checks `_rsc` against a hash of the router headers, so it is the browser's own value.
  const rsc = (s: DirectorySearchParams): Request => {
    const p = page(s);
    return { path: `${p}${p.includes("?") ? "&" : "?"}_rsc=${rscParam}`, headers: rscHeaders };
  };
  return [
    { name: "GET /api/health (floor)", request: () => ({ path: "/api/health" }) },
    // Next.js's own cost of a server-rendered page here: a page that reads nothing (no data, no session).
    { name: "/sign-in (a page that reads nothing)", request: () => ({ path: "/sign-in" }) },
    { name: "/workshops page, cached", request: (i) => ({ path: page(searches[i % searches.length]!) }), wanted: 5 },
    { name: "/workshops page, not cached", request: (i) => ({ path: page(unseen(searches[i % searches.length]!, i)) }), wanted: 10 },
    { name: "RSC of a filter change, cached", request: (i) => rsc(searches[i % searches.length]!), wanted: 3 },
    { name: "RSC of a filter change, not cached", request: (i) => rsc(unseen(searches[i % searches.length]!, i)), wanted: 6 },
    { name: "/workshops/<slug> profile", request: (i) => ({ path: `/workshops/bench-${1 + ((i * 37) % 500)}` }), wanted: 5 },
    { name: "directory.search (tRPC), cached", request: (i) => ({ path: trpcPath(benchSearches()[i % 8]!) }) },
  ];
}

async function drive(base: string, target: Target, duration: number): Promise<{ rps: number; failed: number }> {
  let i = 0;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration,
    timeout: 10,
    requests: [
      {
        method: "GET",
        setupRequest: (req) => {
          const r = target.request(i++);
          return { ...req, path: r.path, headers: { ...req.headers, ...r.headers } };
        },
      },
    ],
  });
  return { rps: result.requests.total / result.duration, failed: result.errors + result.timeouts + result.non2xx };
}

/** The headers the browser sends for the RSC payload of a filter change, and what the page loads. */
async function inBrowser(base: string) {
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const scripts = new Map<string, Promise<number>>();
    page.on("requestfinished", (req) => {
      if (req.resourceType() === "script") scripts.set(req.url(), req.sizes().then((s) => s.responseBodySize));
    });
    await page.goto(`${base}/workshops${directoryQueryString(pageSearches()[0]!)}`, { waitUntil: "networkidle" });
    const jsBytes = (await Promise.all(scripts.values())).reduce((a, b) => a + b, 0);
    const jsFiles = scripts.size;
    const rscRequest = page.waitForRequest((r) => r.headers()["rsc"] === "1" && !r.headers()["next-router-prefetch"]);
    await page.locator('input[type="checkbox"]:not(:checked):not(:disabled)').first().check();
    const req = await rscRequest;
    const h = req.headers();
    const rscHeaders = Object.fromEntries(Object.entries(h).filter(([k]) => ["rsc", "next-router-state-tree", "next-url"].includes(k)));
    const rscParam = new URL(req.url()).searchParams.get("_rsc") ?? "";
    return { rscHeaders, rscParam, jsBytes, jsFiles };
  } finally {
    await browser.close();
  }
}

async function htmlFacts(base: string) {
  const res = await fetch(`${base}/workshops${directoryQueryString(pageSearches()[0]!)}`, { headers: { "accept-encoding": "identity" } });
  const html = await res.text();
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + m[1]!.length, 0);
  // Inline drawings, not references to the sprite (`<svg><use href="/icons.svg#…"/></svg>`).
  const svgs = (html.match(/<svg\b[^>]*>(?!<use\b)/g) ?? []).length;
  const gz = await fetch(`${base}/workshops${directoryQueryString(pageSearches()[0]!)}`, { headers: { "accept-encoding": "gzip" } });
  return { bytes: Buffer.byteLength(html), inline, svgs, cacheControl: res.headers.get("cache-control"), gzip: gz.headers.get("content-encoding") };
}

/** Statements per request: the server on a counting relay, COUNT_RUNS requests of each target one after another. */
async function countStatements(dir: string, url: string, ts: Target[]): Promise<Map<string, number>> {
  const u = new URL(url);
  const proxy = await startCountingProxy({ host: u.hostname, port: Number(u.port || 5432) });
  const relayed = new URL(url);
  relayed.hostname = "127.0.0.1";
  relayed.port = String(proxy.port);
  const server = await startServer(dir, { DATABASE_URL: relayed.toString() });
  const out = new Map<string, number>();
  try {
    for (const t of ts) {
      // Warm: the pool's connections, the result cache for the cached targets.
      for (let i = 0; i < 10; i++) await fetch(server.base + t.request(i).path, { headers: t.request(i).headers });
      // Let background work (the in-process job worker's polling) be measured apart.
      const idleStart = proxy.count();
      const idleStarted = performance.now();
      await new Promise((r) => setTimeout(r, 500));
      const idlePerMs = (proxy.count() - idleStart) / (performance.now() - idleStarted);
      const before = proxy.count();
      const started = performance.now();
      for (let i = 0; i < COUNT_RUNS; i++) {
        const r = t.request(i);
        const res = await fetch(server.base + r.path, { headers: r.headers });
        await res.arrayBuffer();
      }
      const background = idlePerMs * (performance.now() - started);
      out.set(t.name, Math.max(0, (proxy.count() - before - background) / COUNT_RUNS));
    }
  } finally {
    await stopServer(server.child);
    await proxy.close();
  }
  return out;
}

async function httpPart(bench: BenchDb) {
  let facts: { dir: string; browser: Awaited<ReturnType<typeof inBrowser>>; html: Awaited<ReturnType<typeof htmlFacts>> }[] = [];
  const label = (dir: string) => (APP_DIRS.length > 1 ? path.basename(dir) : "");
  for (const dir of APP_DIRS) {
    if (!existsSync(path.join(dir, ".next", "BUILD_ID"))) throw new Error(`No production build in ${dir} (.next/BUILD_ID is missing): run \`npm run build\` there first.`);
  }
  const servers: Server[] = [];
  try {
    for (const dir of APP_DIRS) servers.push(await startServer(dir, bench.serverEnv));
    facts = [];
    for (const s of servers) facts.push({ dir: s.dir, browser: await inBrowser(s.base), html: await htmlFacts(s.base) });
    const ts = facts.map((f) => targets(f.browser));
    // Each server warmed on every target.
    for (const [k, s] of servers.entries()) for (const t of ts[k]!) await drive(s.base, t, 1);

    const rps = new Map<string, number[]>();
    let failed = 0;
    for (let round = 1; round <= REPEATS; round++) {
      console.log(`Round ${round}/${REPEATS}, load average ${load()}`);
      for (let ti = 0; ti < ts[0]!.length; ti++) {
        for (const [k, s] of servers.entries()) {
          const t = ts[k]![ti]!;
          const r = await drive(s.base, t, DURATION_S);
          failed += r.failed;
          const key = `${label(s.dir)}|${t.name}`;
          rps.set(key, [...(rps.get(key) ?? []), r.rps]);
        }
      }
    }
    console.log(`\nHTTP at ${HTTP_COUNT.toLocaleString("en")} workshops, ${CONNECTIONS} connections, ${DURATION_S} s each, ${REPEATS} interleaved rounds (median req/s; × = floor req/s ÷ this req/s):`);
    for (const s of servers) {
      if (label(s.dir)) console.log(`\n  ${label(s.dir)} (${s.dir})`);
      const floor = median(rps.get(`${label(s.dir)}|${ts[0]![0]!.name}`)!);
      const bare = floor / median(rps.get(`${label(s.dir)}|${ts[0]![1]!.name}`)!);
      console.log(`  ${"".padEnd(38)} ${"".padStart(13)} ${"".padStart(7)}   wanted`);
      for (const t of ts[0]!) {
        const m = median(rps.get(`${label(s.dir)}|${t.name}`)!);
        const wanted = t.wanted === undefined ? "" : `≤ ${t.wanted}×${t.wanted < bare ? " (below the page that reads nothing)" : ""}`;
        console.log(`  ${t.name.padEnd(38)} ${m.toFixed(0).padStart(7)} req/s ${(floor / m).toFixed(1).padStart(6)}×   ${wanted}`);
      }
    }
    if (failed) {
      console.log(`\n${failed} requests failed.`);
      process.exitCode = 1;
    }
    for (const f of facts) {
      console.log(`\n${label(f.dir) || "The page"}: /workshops HTML ${kb(f.html.bytes)} (inline scripts ${kb(f.html.inline)}, ${f.html.svgs} inline SVGs), compression ${f.html.gzip ?? "none"}, Cache-Control signed out: ${f.html.cacheControl}`);
      console.log(`  JavaScript the browser loads for /workshops: ${kb(f.browser.jsBytes)} over the wire in ${f.browser.jsFiles} files`);
    }
  } finally {
    for (const s of servers) await stopServer(s.child);
  }
  if (bench.url) {
    console.log(`\nSQL statements per request (${COUNT_RUNS} requests each, one at a time):`);
    const counts = [];
    for (const f of facts) counts.push({ dir: f.dir, counts: await countStatements(f.dir, bench.url, targets(f.browser)) });
    for (const c of counts) {
      if (label(c.dir)) console.log(`  ${label(c.dir)}`);
      for (const [name, n] of c.counts) console.log(`  ${name.padEnd(38)} ${n.toFixed(1).padStart(5)}`);
    }
  } else {
    console.log("\nSQL statements per request: only counted on PostgreSQL (set DATABASE_URL).");
  }
}

async function main() {
  const bench = await createBenchDb();
  const stop = () => void bench.drop().finally(() => process.exit(130));
  process.once("SIGINT", stop);
  try {
    console.log(`Database: ${bench.where}. Load average ${load()} (${os.cpus().length} cores).`);
    const scales = SQL_ONLY ? SCALES : HTTP_ONLY ? [HTTP_COUNT] : [...new Set([...SCALES, HTTP_COUNT])].sort((a, b) => a - b);
    const sqlRows: { scale: number; p50: number[] }[] = [];
    await bench.handle.migrate();
    let loaded = 0;
    let httpDone = SQL_ONLY;
    for (const scale of scales) {
      const t0 = performance.now();
      // In batches: each statement stays well within the connection's statement timeout (15 s), counter
      // triggers included (publishing 10,000 profiles in one statement adds about 1.3 million pair increments).
      const BATCH = 2_500;
      for (let from = loaded + 1; from <= scale; from += BATCH) await loadBenchWorkshops(bench.handle.db, Math.min(scale, from + BATCH - 1), from, from + BATCH - 1 >= scale);
      loaded = scale;
      console.log(`Loaded ${scale.toLocaleString("en")} published workshops in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
      if (!HTTP_ONLY) {
        sqlRows.push({ scale, p50: await timeSql(bench.handle, scale >= 100_000 ? 9 : 25) });
      }
      if (!httpDone && scale === HTTP_COUNT) {
        // PGlite allows one process per data directory: the server opens it while the script lets go.
        if (!bench.url) await bench.handle.close();
        await httpPart(bench);
        httpDone = true;
        if (!bench.url) break;
      }
    }
    if (sqlRows.length) {
      console.log(`\nSearch SQL, p50 (ms) per query, searchWorkshops without the result cache:`);
      console.log(`  ${"".padEnd(28)}${sqlRows.map((r) => r.scale.toLocaleString("en").padStart(10)).join("")}`);
      SQL_CASES.forEach((c, i) => console.log(`  ${c.name.padEnd(28)}${sqlRows.map((r) => r.p50[i]!.toFixed(1).padStart(10)).join("")}`));
      const worst = Math.max(...sqlRows[sqlRows.length - 1]!.p50);
      console.log(`  Target ≤ 25 ms p50 for every query at ${sqlRows[sqlRows.length - 1]!.scale.toLocaleString("en")}: ${worst <= 25 ? "met" : "NOT met"} (worst ${worst.toFixed(1)} ms).`);
    }
  } finally {
    process.removeListener("SIGINT", stop);
    await bench.handle.close().catch(() => {});
    await bench.drop();
  }
}

await main();
