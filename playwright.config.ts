import { execFileSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests against the production build (`next build` first; CI builds before this runs).
 * The server runs on a free port (E2E_PORT to choose one), so runs side by side never collide with each
 * other or with `npm run dev`. Without DATABASE_URL it uses its own embedded database in .data/e2e (or
 * PGLITE_DIR), apart from the development one in .data/pglite.
 */
function freePort(): number {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
}
// Chosen once in the main process; the test workers it starts inherit them through the environment.
process.env.E2E_PORT ||= String(freePort());
process.env.E2E_PREORDER_PORT ||= String(freePort());
process.env.E2E_STRIPE_PORT ||= String(freePort());
const PORT = Number(process.env.E2E_PORT);
const baseURL = `http://localhost:${PORT}`;

const inherited = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
const serverEnv: Record<string, string> = {
  ...inherited,
  APP_ENV: "test", // keeps the /outbox page, where the tests read the emails the app sent
  NEXTAUTH_URL: baseURL,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || "e2e-test-secret-not-for-production-0123456789",
  PORT: String(PORT),
  E2E_PORT: String(PORT),
  // Each test sends an X-Forwarded-For of its own (fixtures.ts), as if behind one proxy, so per-IP limits
  // never add up across tests.
  TRUSTED_PROXY_HOPS: "1",
  // Webhook events are signed in payments.spec.ts with the same secret.
  STRIPE_WEBHOOK_SECRET: process.env.STRIPE_WEBHOOK_SECRET || "whsec_e2e_payments_secret",
};
if (!process.env.DATABASE_URL) serverEnv.PGLITE_DIR = process.env.PGLITE_DIR || ".data/e2e";

/**
 * The main server has no Stripe key, as a Bezel without card payments (payments.spec.ts says so on the
 * page). Preorders take card payments only, so preorders.spec.ts runs against a second `next start` of the
 * same build on the same database, with a key and STRIPE_API_BASE at a local Stripe stand-in
 * (src/test/fake-stripe.ts). Only on PostgreSQL: the embedded database allows one process, and that spec
 * seeds by SQL anyway. Web servers start one after the other, so the main one has migrated before.
 */
const PREORDER_PORT = Number(process.env.E2E_PREORDER_PORT);
const STRIPE_PORT = Number(process.env.E2E_STRIPE_PORT);
const preorderURL = `http://localhost:${PREORDER_PORT}`;
const withStripe = process.env.DATABASE_URL
  ? [
      { command: "npm run e2e:stripe", port: STRIPE_PORT, timeout: 30_000, reuseExistingServer: false, stdout: "pipe" as const, stderr: "pipe" as const, env: { ...inherited, STRIPE_STAND_IN_PORT: String(STRIPE_PORT) } },
      {
        command: "npx next start",
        url: preorderURL,
        timeout: 120_000,
        reuseExistingServer: false,
        stdout: "pipe" as const,
        stderr: "pipe" as const,
        env: { ...serverEnv, NEXTAUTH_URL: preorderURL, PORT: String(PREORDER_PORT), STRIPE_SECRET_KEY: "sk_test_e2e_stand_in", STRIPE_API_BASE: `http://127.0.0.1:${STRIPE_PORT}` },
      },
    ]
  : [];

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    navigationTimeout: 20_000,
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        },
      },
    },
  ],
  webServer: [
    {
      command: "npm run e2e:server",
      url: baseURL,
      timeout: 120_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      stderr: "pipe",
      env: serverEnv,
    },
    ...withStripe,
  ],
});
