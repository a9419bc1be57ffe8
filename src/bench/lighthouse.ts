/**
 * `npm run lighthouse`: Lighthouse's mobile profile (simulated slow 4G and a 4× slower CPU, as PageSpeed
 * Insights) on the public pages of a production build, in Debian's Chromium.
 *
 * Pages: `/`, `/workshops` with search text and two facets, a published profile of the demo seed, `/sign-in`.
 * Each page is measured LIGHTHOUSE_RUNS times (default 3, at least 2), the pages interleaved round by round,
 * and the table shows the median of each figure; the failing accessibility audits of any run are listed by id.
 *
 * Without BASE_URL it serves the build itself: a database of its own (`bezel_lighthouse_<random>` next to
 * DATABASE_URL, dropped at the end; else a PGlite directory under .data/), migrated and seeded with the demo
 * data by `src/server/db/setup.ts`, uploads in a directory of its own, and `next start` on a free port.
 * Run `npm run build` first. With BASE_URL (e.g. http://127.0.0.1:3000) it measures that server, which must
 * hold the demo seed.
 *
 *   --strict   exit 1 when a page scores below performance 95 or accessibility 100 (default: only print)
 *   --save     keep each run's JSON report in .data/lighthouse-reports/ (open with the Lighthouse viewer)
 */
import "../server/db/load-env";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { stopServer } from "./next-server";

const STRICT = process.argv.includes("--strict");
const SAVE = process.argv.includes("--save");
const RUNS = Math.max(2, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const MIN_PERFORMANCE = 95;
const MIN_ACCESSIBILITY = 100;
const ROOT = process.cwd();

/** Text and two facets that match workshops of the demo seed (Kolkata, Oaxaca, Gondomar…). */
const PAGES: { name: string; path: string }[] = [
  { name: "landing", path: "/" },
  { name: "directory", path: "/workshops?q=filigree&capability=hand_fabrication&metal=silver_925" },
  { name: "profile", path: "/workshops/atelier-oro" },
  { name: "sign-in", path: "/sign-in" },
];

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const loadAverage = () => os.loadavg().map((n) => n.toFixed(2)).join(" ");

// ---------------------------------------------------------------------------------------------------------
// A server of this run's own

type Served = { base: string; stop: () => Promise<void> };

async function freePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 200; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const srv = net.createServer().once("error", () => resolve(false));
      srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port between ${preferred} and ${preferred + 199}.`);
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (b: Buffer) => (out += b.toString()));
    child.stderr.on("data", (b: Buffer) => (out += b.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(args[0] ?? cmd)} exited with ${code}:\n${out}`))));
  });
}


async function serveBuild(): Promise<Served> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first (or set BASE_URL).");
  const name = `bezel_lighthouse_${randomBytes(4).toString("hex")}`;
  const scratch = path.join(ROOT, ".data", name);
  mkdirSync(scratch, { recursive: true });
  const adminUrl = process.env.DATABASE_URL;
  const dbEnv: Record<string, string> = adminUrl ? { DATABASE_URL: withDatabase(adminUrl, name) } : { DATABASE_URL: "", PGLITE_DIR: path.join(scratch, "pglite") };
  if (adminUrl) await adminQuery(adminUrl, `create database ${name}`);
  const cleanUp = async () => {
    // Only what this run created.
    if (adminUrl) await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    rmSync(scratch, { recursive: true, force: true });
  };
  const port = await freePort(3400 + Math.floor(Math.random() * 400));
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, ...dbEnv, UPLOADS_DIR: path.join(scratch, "uploads"), NEXTAUTH_URL: base, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || "bezel-lighthouse-secret-not-for-production" };
  let child: ChildProcess | undefined;
  try {
    console.log(`Database: ${adminUrl ? `PostgreSQL, database ${name}` : `PGlite in ${path.relative(ROOT, scratch)}`}; migrating and seeding the demo data…`);
    await run(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "src/server/db/setup.ts"], env);
    const output: string[] = [];
    child = spawn(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env: { ...env, NODE_ENV: "production", PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (b: Buffer) => output.push(b.toString()));
    child.stderr!.on("data", (b: Buffer) => output.push(b.toString()));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`The server exited (code ${child.exitCode}):\n${output.join("")}`);
      if (Date.now() > deadline) throw new Error(`The server did not answer within 60 s:\n${output.join("")}`);
      const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const started = child;
    return {
      base,
      stop: async () => {
        await stopServer(started);
        await cleanUp();
      },
    };
  } catch (err) {
    if (child) await stopServer(child);
    await cleanUp();
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Lighthouse

type Audit = { score: number | null; scoreDisplayMode: string; numericValue?: number };
type Report = {
  categories: { performance: { score: number | null }; accessibility: { score: number | null; auditRefs: { id: string; weight: number }[] } };
  audits: Record<string, Audit>;
  environment?: { benchmarkIndex?: number };
  runtimeError?: { code: string; message: string };
};
type Sample = { performance: number; accessibility: number; lcp: number; tbt: number; cls: number; dom: number; benchmarkIndex: number; failing: string[] };

async function lighthouse(url: string, saveAs?: string): Promise<Sample> {
  const out = saveAs ?? path.join(os.tmpdir(), `bezel-lighthouse-${randomBytes(4).toString("hex")}.json`);
  const cli = path.join(ROOT, "node_modules", "lighthouse", "cli", "index.js");
  // The default config is the mobile profile: a Moto G Power screen, simulated slow 4G, 4× CPU slowdown.
  await run(process.execPath, [cli, url, "--quiet", "--output=json", `--output-path=${out}`, "--only-categories=performance,accessibility", `--chrome-path=${CHROMIUM}`, "--chrome-flags=--headless=new --no-sandbox --disable-gpu"], process.env);
  const report = JSON.parse(readFileSync(out, "utf8")) as Report;
  if (!saveAs) rmSync(out, { force: true });
  if (report.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${report.runtimeError.code} ${report.runtimeError.message}`);
  const a = report.audits;
  const failing = report.categories.accessibility.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ id: ref.id, audit: a[ref.id] }))
    .filter(({ audit }) => audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== "notApplicable")
    .map(({ id }) => id);
  return {
    performance: (report.categories.performance.score ?? NaN) * 100,
    accessibility: (report.categories.accessibility.score ?? NaN) * 100,
    lcp: a["largest-contentful-paint"]?.numericValue ?? NaN,
    tbt: a["total-blocking-time"]?.numericValue ?? NaN,
    cls: a["cumulative-layout-shift"]?.numericValue ?? NaN,
    dom: a["dom-size"]?.numericValue ?? NaN,
    benchmarkIndex: report.environment?.benchmarkIndex ?? NaN,
    failing,
  };
}

function printTable(rows: { name: string; path: string; samples: Sample[] }[]) {
  const header = ["page", "performance", "accessibility", "LCP", "TBT", "CLS", "DOM elements", "failing accessibility audits"];
  const body = rows.map(({ name, path: p, samples }) => {
    const m = (k: keyof Omit<Sample, "failing">) => median(samples.map((s) => s[k]));
    const failing = [...new Set(samples.flatMap((s) => s.failing))];
    return [
      `${name} (${p.length > 40 ? `${p.slice(0, 39)}…` : p})`,
      `${Math.round(m("performance"))} (${samples.map((s) => Math.round(s.performance)).join("/")})`,
      `${Math.round(m("accessibility"))}`,
      `${(m("lcp") / 1000).toFixed(1)} s`,
      `${Math.round(m("tbt"))} ms`,
      m("cls").toFixed(3),
      `${Math.round(m("dom"))}`,
      failing.length ? failing.join(", ") : "none",
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of body) console.log(line(r));
}

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);
  const served: Served = process.env.BASE_URL ? { base: process.env.BASE_URL.replace(/\/$/, ""), stop: () => Promise.resolve() } : await serveBuild();
  const saveDir = path.join(ROOT, ".data", "lighthouse-reports");
  if (SAVE) mkdirSync(saveDir, { recursive: true });
  const rows = PAGES.map((p) => ({ ...p, samples: [] as Sample[] }));
  const loads: string[] = [];
  try {
    // Warm the server's caches so the first round measures the page, not a cold process.
    for (const p of PAGES) {
      const res = await fetch(`${served.base}${p.path}`);
      if (!res.ok) throw new Error(`${p.path} answered ${res.status} on ${served.base}: is the demo data seeded?`);
      await res.text();
    }
    console.log(`Lighthouse (mobile profile) on ${served.base}, ${RUNS} runs per page, ${os.cpus().length} CPUs.`);
    for (let round = 1; round <= RUNS; round++) {
      const load = loadAverage();
      loads.push(load);
      console.log(`Round ${round}/${RUNS}, load average ${load}`);
      for (const row of rows) {
        row.samples.push(await lighthouse(`${served.base}${row.path}`, SAVE ? path.join(saveDir, `${row.name}-${round}.json`) : undefined));
      }
    }
  } finally {
    await served.stop();
  }
  console.log("");
  printTable(rows);
  console.log("");
  const benchmark = median(rows.flatMap((r) => r.samples.map((s) => s.benchmarkIndex)));
  console.log(`Medians of ${RUNS} runs (performance per run in brackets). Load average (1/5/15 min) before each round: ${loads.join("; ")}.`);
  console.log(
    `This machine is shared with others' builds and tests: Lighthouse's CPU benchmark index here was ${Math.round(benchmark)} (median, higher is faster; the 4× slowdown of the mobile profile is meant for an unloaded desktop-class CPU). ` +
      "The slowdown applies on top of the load, so the higher the load average, the worse TBT and LCP: compare runs taken at similar load.",
  );
  if (SAVE) console.log(`Reports: ${path.relative(ROOT, saveDir)}/<page>-<round>.json`);
  const below = rows.filter((r) => median(r.samples.map((s) => s.performance)) < MIN_PERFORMANCE || median(r.samples.map((s) => s.accessibility)) < MIN_ACCESSIBILITY);
  if (below.length > 0) {
    console.log(`Below performance ${MIN_PERFORMANCE} or accessibility ${MIN_ACCESSIBILITY}: ${below.map((r) => r.name).join(", ")}.`);
    if (STRICT) process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
