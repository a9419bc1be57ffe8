import { spawn, type ChildProcess } from "node:child_process";
import { randomInt } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo, type Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
// s3rver: a local server speaking the S3 protocol, the object storage both app servers share.
import S3rver from "s3rver";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "~/test/db";
import { emails, users } from "./db/schema";

/**
 * Two production servers (`next start` of the build) on two ports against one PostgreSQL database, as
 * behind a load balancer: what one instance does must hold on the other. Sessions are signed JWTs (the
 * shared NEXTAUTH_SECRET), uploads live in S3-compatible storage, jobs in PostgreSQL (pg-boss), so no state
 * lives in one process. Both servers run the job worker in-process here, so two workers compete for each job.
 *
 * Needs PostgreSQL (PGlite is one process's embedded database) and a production build (`npm run build`;
 * CI builds before `npm test`). The describe's name says so, and the skip reporter lists it when skipped.
 */
const ROOT = process.cwd();
const hasBuild = existsSync(path.join(ROOT, ".next", "BUILD_ID"));
const onPostgres = !!process.env.DATABASE_URL;
if (onPostgres && !hasBuild && process.env.CI) throw new Error("CI must run `npm run build` before `npm test`: the several-instances test starts the build.");
const runs = onPostgres && hasBuild;
// This file's own database (a copy of the migrated template), only when the test runs.
const handle = runs ? await testDatabase() : null;

// The one address visitors use (the reverse proxy's); both instances are told it, as in production.
const PUBLIC_URL = "http://bezel.localhost";
const SECRET = "several-instances-secret-0123456789abcdef";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** A minimal SMTP server that keeps every message it is handed, so a second delivery would show. */
type Received = { to: string; data: string };
function startSmtp(): Promise<{ port: number; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    let buffer = "";
    let inData = false;
    let to = "";
    socket.write("220 test SMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("latin1");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          received.push({ to, data: buffer.slice(0, end) });
          buffer = buffer.slice(end + 5);
          inData = false;
          socket.write("250 queued\r\n");
          continue;
        }
        const nl = buffer.indexOf("\r\n");
        if (nl === -1) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250 test\r\n");
        else if (verb === "RCPT") {
          to = /<([^>]+)>/.exec(line)?.[1] ?? "";
          socket.write("250 ok\r\n");
        } else if (verb === "DATA") {
          inData = true;
          socket.write("354 go on\r\n");
        } else if (verb === "QUIT") {
          socket.end("221 bye\r\n");
        } else socket.write("250 ok\r\n");
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        received,
        close: () => {
          for (const s of sockets) s.destroy();
          return new Promise<void>((r) => server.close(() => r()));
        },
      }),
    );
  });
}

type Instance = { name: string; base: string; child: ChildProcess; output: () => string };

function startInstance(name: string, port: number, env: Record<string, string>): Instance {
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr.on("data", (d: Buffer) => (log += d.toString()));
  return { name, base: `http://127.0.0.1:${port}`, child, output: () => log };
}

async function waitHealthy(instance: Instance, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (instance.child.exitCode !== null) throw new Error(`${instance.name} exited:\n${instance.output()}`);
    const res = await fetch(`${instance.base}/api/health`).catch(() => null);
    if (res?.ok) return;
    if (Date.now() > until) throw new Error(`${instance.name} not healthy within ${timeoutMs} ms:\n${instance.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stopInstance(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const signal = (name: NodeJS.Signals) => {
      try {
        // Its own process group (detached): next start and anything it started.
        process.kill(-instance.child.pid!, name);
      } catch {
        // Already gone.
      }
    };
    const hard = setTimeout(() => signal("SIGKILL"), 10_000);
    instance.child.once("exit", () => {
      clearTimeout(hard);
      resolve();
    });
    signal("SIGTERM");
  });
}

async function waitFor<T>(what: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await what();
    if (value) return value;
    if (Date.now() > until) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** One visitor: a cookie jar and an address of its own (the proxy's X-Forwarded-For), used on either instance. */
class Visitor {
  private cookies = new Map<string, string>();
  private readonly ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

  headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    return { "x-forwarded-for": this.ip, origin: PUBLIC_URL, ...(cookie ? { cookie } : {}), ...extra };
  }

  async fetch(instance: Instance, pathname: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
    const res = await fetch(`${instance.base}${pathname}`, { redirect: "manual", ...init, headers: this.headers(init.headers) });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    return res;
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  /** A tRPC mutation over HTTP, as the browser's client sends it (superjson). */
  async mutate<T>(instance: Instance, procedure: string, input: unknown): Promise<T> {
    const res = await this.fetch(instance, `/api/trpc/${procedure}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(superjson.serialize(input)),
    });
    const body = (await res.json()) as { result?: { data: Parameters<typeof superjson.deserialize>[0] }; error?: unknown };
    if (!res.ok || !body.result) throw new Error(`${procedure} on ${instance.name}: ${res.status} ${JSON.stringify(body.error)}`);
    return superjson.deserialize<T>(body.result.data);
  }
}

describe.skipIf(!runs)("two app servers on one PostgreSQL (needs DATABASE_URL and a production build)", () => {
  let a: Instance;
  let b: Instance;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let s3: S3rver;
  let s3Dir: string;
  beforeAll(async () => {
    smtp = await startSmtp();
    s3Dir = mkdtempSync(path.join(os.tmpdir(), "bezel-instances-s3-"));
    s3 = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: s3Dir, configureBuckets: [{ name: "bezel-uploads", configs: [] }] });
    const { port: s3Port } = await s3.run();
    const env = {
      DATABASE_URL: handle!.url!,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: PUBLIC_URL,
      APP_ENV: "production",
      TRUSTED_PROXY_HOPS: "1",
      JOBS_WORKER: "in-process",
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      S3_BUCKET: "bezel-uploads",
      S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
      S3_FORCE_PATH_STYLE: "true",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      // Nothing on local disk: an upload kept there would not reach the other instance.
      UPLOADS_DIR: path.join(s3Dir, "must-stay-empty"),
    };
    // Started together, as a deployment starts its replicas.
    a = startInstance("instance A", await freePort(), env);
    b = startInstance("instance B", await freePort(), env);
    handle!.beforeClose(async () => {
      await Promise.all([stopInstance(a), stopInstance(b)]);
    });
    await Promise.all([waitHealthy(a, 60_000), waitHealthy(b, 60_000)]);
  }, 90_000);

  afterAll(async () => {
    // The servers first (the database's beforeClose), then what they used.
    await Promise.all([a && stopInstance(a), b && stopInstance(b)]);
    await smtp?.close();
    await s3?.close();
    if (s3Dir) rmSync(s3Dir, { recursive: true, force: true });
  });

  const person = { name: "Ines Replica", email: `ines.${Date.now()}-${randomInt(1_000_000)}@example.test`, password: `pw-${randomInt(1_000_000_000)}-long` };
  const visitor = new Visitor();
  let orgId = "";

  it("runs a job enqueued by one instance exactly once, with both instances' workers polling", async () => {
    // Signing up on A enqueues the verification email (pg-boss, in the sign-up's transaction).
    await visitor.mutate(a, "auth.signUp", person);
    const delivered = await waitFor(() => smtp.received.find((m) => m.to === person.email), 20_000);
    expect(delivered.data).toContain("Verify your email");
    // Long enough for the other worker to poll several times (every 0.5 s) and for a retry to show.
    await new Promise((r) => setTimeout(r, 4_000));
    expect(smtp.received.filter((m) => m.to === person.email)).toHaveLength(1);

    const [row] = await handle!.db.select().from(emails).where(eq(emails.to, person.email));
    expect(row).toMatchObject({ attempts: 1, error: null, failedAt: null });
    expect(row!.sentAt).not.toBeNull();
    const jobs = await handle!.db.execute<{ state: string }>(sql`select state from pgboss.job where name = 'email-send' and data->>'emailId' = ${row!.id}`);
    expect(jobs.rows).toEqual([{ state: "completed" }]);

    // The link in that email, opened on B, verifies the account A created.
    const body = delivered.data.replace(/=\r\n/g, "");
    const token = /\/verify-email\/([A-Za-z0-9_-]{10,200})/.exec(body)?.[1];
    expect(token, "a verification link in the email").toBeTruthy();
    await visitor.mutate(b, "auth.verifyEmail", { token });
    const [user] = await handle!.db.select({ verified: users.emailVerifiedAt }).from(users).where(eq(users.email, person.email));
    expect(user!.verified).not.toBeNull();
  });

  it("keeps a session made on one instance on the other", async () => {
    const csrf = await visitor.fetch(a, "/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signIn = await visitor.fetch(a, "/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email: person.email, password: person.password, json: "true" }).toString(),
    });
    expect(signIn.status).toBeLessThan(400);
    expect(visitor.hasCookie("next-auth.session-token")).toBe(true);

    const session = await visitor.fetch(b, "/api/auth/session");
    expect(((await session.json()) as { user?: { email?: string } }).user?.email).toBe(person.email);

    // A change made on B as that session: the procedure needs a signed-in, verified user.
    const org = await visitor.mutate<{ id: string; name: string }>(b, "organization.create", { kind: "brand", name: "Replica Rings", country: "IT", timeZone: "Europe/Rome", currency: "EUR" });
    expect(org.name).toBe("Replica Rings");
    orgId = org.id;

    // A visitor without the cookie is signed out on both.
    const stranger = new Visitor();
    expect(await (await stranger.fetch(a, "/api/auth/session")).json()).toEqual({});
    expect(await (await stranger.fetch(b, "/api/auth/session")).json()).toEqual({});
  });

  it("serves a file uploaded through one instance from the other (S3 storage)", async () => {
    expect(orgId, "the organization made in the test before").not.toBe("");
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1");
    const form = new FormData();
    form.set("orgId", orgId);
    form.set("purpose", "collection_style_file");
    form.set("file", new Blob([new Uint8Array(pdf)], { type: "application/pdf" }), "style-guide.pdf");
    const uploadRes = await fetch(`${b.base}/api/uploads`, { method: "POST", body: form, headers: visitor.headers() });
    const uploaded = (await uploadRes.json()) as { id: string; url: string; error?: string };
    expect(uploadRes.status, uploaded.error).toBe(201);

    const download = await visitor.fetch(a, uploaded.url);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    // Private to the organization on A as well.
    expect((await new Visitor().fetch(a, uploaded.url)).status).toBe(404);
    // Nothing was written to either instance's local disk.
    expect(existsSync(path.join(s3Dir, "must-stay-empty"))).toBe(false);
  });
});
