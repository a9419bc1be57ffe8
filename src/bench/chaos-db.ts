/**
 * `npm run chaos:db`: restarts the local PostgreSQL in the middle of a bounded load and reports what the
 * app went through. Loopback only; it restarts the server named by DATABASE_URL, so run it where nobody
 * else depends on that server at the moment.
 *
 * It creates a throwaway database next to DATABASE_URL, a verified owner and a workshop, then six workers
 * drive the app's own tRPC procedures (in process, through the app's pool: the same error handler and
 * timeouts) in a loop: add an artisan, remove it, read the organization. After a few seconds it runs
 * `pg_ctlcluster <version> <cluster> restart`, keeps the load going, and finally checks that every
 * artisan and its events were written together.
 *
 *   CHAOS_CLUSTER="15 main"   the cluster to restart (default: the one on DATABASE_URL's port)
 *   --dry-run                 the same load and checks without restarting anything
 */
import "../server/db/load-env";
import { execFileSync } from "node:child_process";
import { eq, inArray } from "drizzle-orm";
import pg from "pg";
import { createCaller } from "../server/api/root";
import { createPgDb } from "../server/db/client";
import { openScriptDb } from "../server/db/script-db";
import { events, memberships, organizations, users, workshopArtisans, workshopProfiles } from "../server/db/schema";
import { hashPassword } from "../server/services/users";
import { assertLoopback, halfApplied, summarize, type Outcome } from "./chaos-report";

const WORKERS = 6;
const BEFORE_MS = 4_000;
const AFTER_MS = 6_000;
const TARGET_RECOVERY_MS = 5_000;
const DRY_RUN = process.argv.includes("--dry-run");

function clusterFor(port: string): [string, string] {
  const configured = process.env.CHAOS_CLUSTER?.trim().split(/\s+/);
  if (configured?.length === 2) return [configured[0]!, configured[1]!];
  const lines = execFileSync("pg_lsclusters", ["-h"], { encoding: "utf8" }).trim().split("\n");
  const match = lines.map((l) => l.split(/\s+/)).find((cols) => cols[2] === port);
  if (!match) throw new Error(`no local PostgreSQL cluster listens on port ${port}; set CHAOS_CLUSTER="<version> <name>"`);
  return [match[0]!, match[1]!];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("chaos:db needs DATABASE_URL (a PostgreSQL server on this machine).");
  const base = assertLoopback(url);
  const [version, cluster] = clusterFor(base.port || "5432");
  const name = `bezel_chaos_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;

  try {
    const setup = await openScriptDb({ url: dbUrl.toString() });
    await setup.migrate();
    const [owner] = await setup.db.insert(users).values({ name: "Chaos Owner", email: `chaos@${name}.example`, passwordHash: await hashPassword("chaos-password-1"), emailVerifiedAt: new Date() }).returning();
    const [org] = await setup.db.insert(organizations).values({ kind: "workshop", name: "Chaos Workshop", slug: name.replace(/_/g, "-"), country: "IT", timeZone: "Europe/Rome", currency: "EUR" }).returning();
    await setup.db.insert(memberships).values({ orgId: org!.id, userId: owner!.id, role: "owner" });
    // A workshop has its profile from the start (the organization service creates both together).
    await setup.db.insert(workshopProfiles).values({ orgId: org!.id, name: org!.name, country: org!.country });
    await setup.close();

    const app = createPgDb(dbUrl.toString(), 10);
    const caller = createCaller({ db: app.db, userId: owner!.id, ip: "127.0.0.1" });
    const t0 = Date.now();
    const outcomes: Outcome[] = [];
    const record = async (work: () => Promise<unknown>) => {
      try {
        await work();
        outcomes.push({ at: Date.now() - t0, ok: true });
      } catch (err) {
        outcomes.push({ at: Date.now() - t0, ok: false, error: err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err) });
      }
    };
    let stop = false;
    const worker = async (n: number) => {
      for (let i = 0; !stop; i++) {
        let created: { id: string } | undefined;
        await record(async () => {
          created = await caller.workshopProfile.artisans.create({ orgId: org!.id, name: `Worker ${n} artisan ${i}`, role: "Setter", bio: "", photoFileId: null });
        });
        if (created) await record(() => caller.workshopProfile.artisans.remove({ orgId: org!.id, artisanId: created!.id }));
        await record(() => caller.organization.get({ orgId: org!.id }));
        await sleep(10);
      }
    };
    const running = Array.from({ length: WORKERS }, (_, n) => worker(n));

    await sleep(BEFORE_MS);
    const startedAt = Date.now() - t0;
    console.log(`${DRY_RUN ? "(dry run) not restarting" : "restarting"} PostgreSQL ${version}/${cluster} at ${(startedAt / 1000).toFixed(1)} s…`);
    if (!DRY_RUN) execFileSync("pg_ctlcluster", [version, cluster, "restart"], { stdio: "inherit" });
    const endedAt = Date.now() - t0;
    console.log(`restart command finished after ${((endedAt - startedAt) / 1000).toFixed(1)} s`);
    await sleep(AFTER_MS);
    stop = true;
    await Promise.all(running);

    const summary = summarize(outcomes, { startedAt, endedAt });
    const artisans = await app.db.select({ id: workshopArtisans.id }).from(workshopArtisans).where(eq(workshopArtisans.orgId, org!.id));
    const trail = await app.db
      .select({ action: events.action, subjectId: events.subjectId })
      .from(events)
      .where(inArray(events.action, ["workshop_artisan.added", "workshop_artisan.removed"]));
    const problems = halfApplied(
      artisans.map((a) => a.id),
      trail,
    );
    await app.close();

    console.log(`requests before the restart: ${summary.before.ok} ok, ${summary.before.failed} failed`);
    console.log(`requests during the restart: ${summary.during.ok} ok, ${summary.during.failed} failed`);
    console.log(`requests after recovery:     ${summary.after.ok} ok, ${summary.after.failed} failed`);
    console.log(`serving again ${summary.recoveredAfterMs === null ? "never" : `${(summary.recoveredAfterMs / 1000).toFixed(2)} s`} after the restart finished (target ≤ ${TARGET_RECOVERY_MS / 1000} s)`);
    if (summary.errors.length) console.log(`errors seen: ${summary.errors.join(" | ")}`);
    console.log(problems.length ? `HALF-APPLIED MUTATIONS:\n  ${problems.join("\n  ")}` : `half-applied mutations: none (${artisans.length} artisans and ${trail.length} events checked)`);
    const ok = summary.recoveredAfterMs !== null && summary.recoveredAfterMs <= TARGET_RECOVERY_MS && problems.length === 0 && summary.after.failed === 0;
    process.exitCode = ok ? 0 : 1;
  } finally {
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  }
}

await main();
