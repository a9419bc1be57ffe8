/**
 * `npm run bench:tenancy`: what binding a transaction to an organization costs. On PostgreSQL (with
 * DATABASE_URL; the bench makes a database of its own, randomly named, and drops it), one connection
 * runs the same small tenant read in three ways, interleaved, and prints medians and ratios:
 *   floor       a transaction with the read and nothing else (the owner's connection, no policies)
 *   org only    the organization set first (`set_config('app.org_id')`), still as the owner
 *   withOrg     the organization and the non-owner role set in one statement, so policies apply
 *
 *   BENCH_TX=n   transactions per way and round (default 1000); 3 rounds.
 */
import "../server/db/load-env";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { createPgDb, type Db } from "../server/db/client";
import { memberships, organizations, users } from "../server/db/schema";
import { openScriptDb } from "../server/db/script-db";
import { withOrg } from "../server/db/tenant";

const N = Number(process.env.BENCH_TX ?? 1000);
const ROUNDS = 3;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1000;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("bench:tenancy measures PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).");
    process.exit(2);
  }
  const name = `bezel_bench_tenancy_${crypto.randomUUID().replace(/-/g, "").slice(0, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const benchUrl = withDatabase(url, name);
  const handle = await openScriptDb({ url: benchUrl });
  const { db, close } = createPgDb(benchUrl, 1);
  try {
    await handle.migrate();
    const [org] = await handle.db.insert(organizations).values({ kind: "brand", name: "Bench Brand", slug: "bench-brand", country: "FR", timeZone: "Europe/Paris", currency: "EUR" }).returning();
    const [user] = await handle.db.insert(users).values({ name: "Bench", email: "bench@example.test", passwordHash: "x" }).returning();
    await handle.db.insert(memberships).values({ orgId: org!.id, userId: user!.id, role: "owner" });
    const orgId = org!.id;
    const read = (q: Pick<Db, "select">) => q.select({ id: memberships.id }).from(memberships).where(eq(memberships.orgId, orgId));

    const ways: Record<string, () => Promise<unknown>> = {
      floor: () => db.transaction((tx) => read(tx)),
      "org only": () =>
        db.transaction(async (tx) => {
          await tx.execute(sql`select set_config('app.org_id', ${orgId}, true)`);
          return read(tx);
        }),
      withOrg: () => withOrg(db, orgId, (tx) => read(tx)),
    };
    const samples: Record<string, number[]> = Object.fromEntries(Object.keys(ways).map((k) => [k, []]));
    for (const run of Object.values(ways)) for (let i = 0; i < 50; i++) await run(); // warm up
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < N; i++) {
        // Interleaved, so drift in the machine's load touches every way alike.
        for (const [k, run] of Object.entries(ways)) samples[k]!.push(await time(run));
      }
    }
    const floor = median(samples.floor!);
    console.log(`\nbench:tenancy — PostgreSQL, one connection, ${ROUNDS} × ${N} transactions per way, interleaved`);
    console.log(`load average: ${(await import("node:os")).loadavg().map((l) => l.toFixed(2)).join(" ")}\n`);
    console.log("way        median µs   vs floor   extra µs");
    for (const k of Object.keys(ways)) {
      const m = median(samples[k]!);
      console.log(`${k.padEnd(10)} ${m.toFixed(0).padStart(9)}   ${(m / floor).toFixed(2).padStart(7)}×   ${(m - floor).toFixed(0).padStart(8)}`);
    }
    const roleCost = median(samples.withOrg!) - median(samples["org only"]!);
    console.log(`\nthe role switch itself, in the same statement as the organization: ${roleCost.toFixed(0)} µs per transaction`);
  } finally {
    await close();
    await handle.close();
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  }
}

await main();
