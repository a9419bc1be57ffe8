/**
 * `npm run bench:uploads`: eight large image uploads at the same moment, and how responsive the app stays
 * meanwhile. Each upload is a solid-colour PNG of 8000 × 5000 pixels (40 megapixels, the most allowed; a
 * few hundred kilobytes on the wire), stored through the real upload service into a temporary directory.
 * While they run, `health.ping` is called over the tRPC HTTP handler every 20 ms; the script prints its
 * p50/p95/max, the wall time of the uploads and the peak memory. Then the same for eight 8000 × 8000 PNGs,
 * which the header check refuses before decoding.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";

const dir = mkdtempSync(path.join(os.tmpdir(), "bezel-bench-uploads-"));
process.env.UPLOADS_DIR = dir;

const { openScriptDb } = await import("../server/db/script-db");
const { handleTrpcRequest } = await import("../server/api/http-handler");
const { storeUpload } = await import("../server/services/files");
const { memberships, organizations, users } = await import("../server/db/schema");

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function run(label: string, width: number, height: number) {
  const handle = await openScriptDb({ url: process.env.DATABASE_URL || undefined, pgliteDir: undefined });
  await handle.migrate();
  const db = handle.db;
  const [user] = await db.insert(users).values({ name: "Bench", email: `bench-${Date.now()}@example.test`, passwordHash: "x", emailVerifiedAt: new Date() }).returning();
  const [org] = await db.insert(organizations).values({ kind: "workshop", name: "Bench Workshop", slug: `bench-${Date.now()}`, country: "IT", timeZone: "Europe/Rome", currency: "EUR" }).returning();
  await db.insert(memberships).values({ orgId: org!.id, userId: user!.id, role: "owner" });
  const png = await sharp({ create: { width, height, channels: 3, background: "#6b8f71" } }).png({ compressionLevel: 9 }).toBuffer();

  const pings: number[] = [];
  let peakRss = process.memoryUsage().rss;
  let done = false;
  const pinger = (async () => {
    while (!done) {
      const start = performance.now();
      await handleTrpcRequest(new Request("http://bench/api/trpc/health.ping"), () => Promise.resolve({ db, userId: null, ip: "127.0.0.1" }));
      pings.push(performance.now() - start);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const start = performance.now();
  const results = await Promise.allSettled(
    Array.from({ length: 8 }, (_, i) => storeUpload(db, { orgId: org!.id, userId: user!.id, purpose: "portfolio_photo", fileName: `huge-${i}.png`, bytes: png })),
  );
  const wall = performance.now() - start;
  done = true;
  await pinger;
  await handle.close();
  const sorted = [...pings].sort((a, b) => a - b);
  const stored = results.filter((r) => r.status === "fulfilled").length;
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => (r.reason as Error).message);
  console.log(`${label}: ${(png.length / 1024).toFixed(0)} KB each; 8 at once took ${(wall / 1000).toFixed(2)} s; stored ${stored}, refused ${refused.length}${refused[0] ? ` ("${refused[0]}")` : ""}`);
  console.log(`  health.ping meanwhile: ${pings.length} calls, p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms; peak RSS ${(peakRss / 1024 ** 2).toFixed(0)} MB`);
}

try {
  await run("8000 × 5000 PNG (40 MP, allowed)", 8000, 5000);
  await run("8000 × 8000 PNG (64 MP, refused from the header)", 8000, 8000);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
