/**
 * `npm run bench:directory`: the workshop directory under load. Loads 10,000 published workshops into a
 * separate database, times the search service against it directly, then starts the production server on
 * that database and drives `directory.search` over HTTP with 50 concurrent connections.
 *
 *   --sql-only   time the service against the database only (no build needed)
 *   BENCH_WORKSHOPS=n   how many workshops to load (default 10000)
 */
import "../server/db/load-env";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import superjson from "superjson";
import { openScriptDb, type ScriptDb } from "../server/db/script-db";
import { createPgDb } from "../server/db/client";
import { searchWorkshops } from "../server/services/directory";
import type { DirectorySearchParams } from "~/lib/directory-schemas";
import { benchSearches, loadBenchWorkshops } from "./directory-data";

const COUNT = Number(process.env.BENCH_WORKSHOPS ?? 10_000);
const SQL_ONLY = process.argv.includes("--sql-only");
const CONNECTIONS = 50;
const DURATION_S = 10;
const DIRECT_RUNS = 200;
const BENCH_DB = "bezel_bench";
const PGLITE_BENCH_DIR = ".data/bench";

const searches = benchSearches();
const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(9);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const stats = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
};

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh, migrated bench database, and the environment the server needs to use it. */
async function createBenchDb(): Promise<{ handle: ScriptDb; url?: string; serverEnv: Record<string, string>; where: string }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
    await admin.query(`create database ${BENCH_DB}`);
    await admin.end();
    const benchUrl = withDatabase(url, BENCH_DB);
    const handle = await openScriptDb({ url: benchUrl });
    return { handle, url: benchUrl, serverEnv: { DATABASE_URL: benchUrl }, where: `PostgreSQL, database ${BENCH_DB}` };
  }
  rmSync(PGLITE_BENCH_DIR, { recursive: true, force: true });
  const handle = await openScriptDb({ pgliteDir: PGLITE_BENCH_DIR });
  return { handle, serverEnv: { DATABASE_URL: "", PGLITE_DIR: PGLITE_BENCH_DIR }, where: `embedded PostgreSQL (PGlite) in ${PGLITE_BENCH_DIR}` };
}

/** The service called in-process: one search at a time, then (on PostgreSQL) as many in flight as the HTTP run. */
async function timeDirect(handle: ScriptDb, url: string | undefined) {
  for (const s of searches) await searchWorkshops(handle.db, s);
  const serial: number[] = [];
  for (let i = 0; i < DIRECT_RUNS; i++) {
    const started = performance.now();
    await searchWorkshops(handle.db, searches[i % searches.length]!);
    serial.push(performance.now() - started);
  }
  let concurrent: number[] | null = null;
  if (url) {
    // The app's own pool size, so this is the database's share of the HTTP figures.
    const app = createPgDb(url, 10);
    concurrent = [];
    let next = 0;
    const worker = async () => {
      while (next < DIRECT_RUNS * 10) {
        const s = searches[next++ % searches.length]!;
        const started = performance.now();
        await searchWorkshops(app.db, s);
        concurrent!.push(performance.now() - started);
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, worker));
    await app.close();
  }
  return { serial: stats(serial), concurrent: concurrent && stats(concurrent) };
}

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

const searchPath = (s: DirectorySearchParams) => `/api/trpc/directory.search?input=${encodeURIComponent(JSON.stringify(superjson.serialize(s)))}`;

function startServer(port: number, env: Record<string, string>): { child: ChildProcess; output: string[] } {
  const output: string[] = [];
  const child = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
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
  return { child, output };
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

async function waitUntilServing(base: string, child: ChildProcess, output: string[]) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (code ${child.exitCode}):\n${output.join("")}`);
    try {
      const res = await fetch(base + searchPath(searches[0]!));
      if (res.ok) {
        const body = (await res.json()) as { result?: { data?: { json?: { total?: number } } } };
        const total = body.result?.data?.json?.total;
        if (typeof total !== "number") throw new Error(`Unexpected response: ${JSON.stringify(body).slice(0, 300)}`);
        return total;
      }
      if (res.status >= 500) throw new Error(`The server answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    } catch (err) {
      if (err instanceof Error && !/fetch failed|ECONNREFUSED/.test(err.message + String(err.cause))) throw err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not answer within 60 s:\n${output.join("")}`);
}

async function drive(base: string, connections: number, duration: number, pathFor = (i: number) => searchPath(searches[i % searches.length]!)) {
  let i = 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url: base,
    connections,
    duration,
    timeout: 10,
    requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: pathFor(i++) }) }],
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await instance;
  return { result, ...stats(latencies) };
}

async function main() {
  if (!SQL_ONLY && !existsSync(path.join(".next", "BUILD_ID"))) {
    console.error("No production build found (.next/BUILD_ID is missing).\nRun `npm run build` first, then `npm run bench:directory` again.\n(`npm run bench:directory -- --sql-only` times the database part without a build.)");
    process.exit(1);
  }
  const { handle, url, serverEnv, where } = await createBenchDb();
  let direct: Awaited<ReturnType<typeof timeDirect>>;
  try {
    const t0 = performance.now();
    await handle.migrate();
    await loadBenchWorkshops(handle.db, COUNT);
    console.log(`Loaded ${COUNT.toLocaleString("en")} published workshops into ${where} in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
    const sample = await searchWorkshops(handle.db, searches[0]!);
    console.log(`Searches: text + 3 facets, ${searches.length} variants rotated (the first finds ${sample.total} workshops).`);
    direct = await timeDirect(handle, url);
  } finally {
    // PGlite allows one process per data directory: the server opens it next.
    await handle.close();
  }

  console.log("");
  console.log(`                                              p50       p95       p99     req/s`);
  console.log(`Service, direct (${DIRECT_RUNS} runs, one at a time)    ${ms(direct.serial.p50)} ${ms(direct.serial.p95)} ${ms(direct.serial.p99)}`);
  if (direct.concurrent) console.log(`Service, direct (${CONNECTIONS} in flight, pool of 10)   ${ms(direct.concurrent.p50)} ${ms(direct.concurrent.p95)} ${ms(direct.concurrent.p99)}`);
  if (SQL_ONLY) return;

  const port = await freePort(3200);
  const base = `http://127.0.0.1:${port}`;
  const { child, output } = startServer(port, serverEnv);
  const stop = () => void stopServer(child).then(() => process.exit(130));
  process.once("SIGINT", stop);
  try {
    await waitUntilServing(base, child, output);
    await drive(base, 10, 3);
    // The floor: the same HTTP + Next.js + tRPC path with a procedure that does nothing.
    const floor = await drive(base, CONNECTIONS, 5, () => "/api/trpc/health.ping");
    const floorRps = floor.result.requests.total / floor.result.duration;
    console.log(`HTTP GET health.ping, no-op floor (${CONNECTIONS} conn., 5 s) ${ms(floor.p50)} ${ms(floor.p95)} ${ms(floor.p99)} ${floorRps.toFixed(0).padStart(9)}`);
    const http = await drive(base, CONNECTIONS, DURATION_S);
    // The same searches made unique (an MOQ bound above every workshop's), so none is answered from the
    // server's result cache: what a long tail of distinct searches costs.
    const uncached = await drive(base, CONNECTIONS, DURATION_S, (i) => searchPath({ ...searches[i % searches.length]!, moqMax: 50_000 + (i % 50_000) }));
    const uncachedRps = uncached.result.requests.total / uncached.result.duration;
    const failed = http.result.errors + http.result.timeouts + http.result.non2xx;
    const rps = http.result.requests.total / http.result.duration;
    console.log(`HTTP GET directory.search (${CONNECTIONS} connections, ${DURATION_S} s) ${ms(http.p50)} ${ms(http.p95)} ${ms(http.p99)} ${rps.toFixed(0).padStart(9)}`);
    console.log(`HTTP GET directory.search, every search new (${CONNECTIONS} conn., ${DURATION_S} s) ${ms(uncached.p50)} ${ms(uncached.p95)} ${ms(uncached.p99)} ${uncachedRps.toFixed(0).padStart(9)}`);
    console.log("");
    if (failed) console.log(`${failed} requests failed (errors ${http.result.errors}, timeouts ${http.result.timeouts}, non-2xx ${http.result.non2xx}).`);
    const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
    console.log(`Target p95 < 50 ms over HTTP: ${verdict(http.p95 < 50)} (${http.p95.toFixed(1)} ms).`);
    console.log(`HTTP p95 / direct p95, one at a time: ${(http.p95 / direct.serial.p95).toFixed(2)}× (target ≤ 1.5×: ${verdict(http.p95 <= 1.5 * direct.serial.p95)}).`);
    if (direct.concurrent) {
      console.log(`HTTP p95 / direct p95, same concurrency: ${(http.p95 / direct.concurrent.p95).toFixed(2)}× (target ≤ 1.5×: ${verdict(http.p95 <= 1.5 * direct.concurrent.p95)}).`);
    }
    console.log(`HTTP p95 of directory.search / HTTP p95 of the no-op floor: ${(http.p95 / floor.p95).toFixed(2)}×.`);
    if (failed) process.exitCode = 1;
  } finally {
    process.removeListener("SIGINT", stop);
    await stopServer(child);
  }
}

await main();
