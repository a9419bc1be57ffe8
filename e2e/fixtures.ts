import { randomInt } from "node:crypto";
import { expect, test as base, type Page } from "@playwright/test";

/**
 * Shared steps for the end-to-end suite. Every test seeds its own people and organizations with unique
 * emails and names, so tests never depend on each other or on what an earlier run left in the database.
 */
export const test = base.extend<{ cspGuard: void }>({
  // Each test looks like its own client to the per-IP sign-in limit, so failed sign-ins that a test makes
  // on purpose never add up across tests and reruns against the same database.
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide) => {
    await provide({ ...extraHTTPHeaders, "x-forwarded-for": `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` });
  },
  /**
   * On every page a test opens: the page must come with the nonce CSP, every script tag in its HTML must
   * carry that nonce, and the browser must report no CSP violation. The test fails otherwise.
   */
  cspGuard: [
    async ({ page }, provide) => {
      const problems: string[] = [];
      await page.exposeBinding("__bezelCspViolation", (_source, text: string) => {
        problems.push(text);
      });
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => {
          (window as unknown as { __bezelCspViolation: (t: string) => void }).__bezelCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline code"} on ${location.pathname}`);
        });
      });
      page.on("console", (m) => {
        if (/Content Security Policy/i.test(m.text())) problems.push(m.text());
      });
      page.on("response", async (res) => {
        if (res.request().resourceType() !== "document" || res.status() >= 300) return;
        const url = new URL(res.url());
        if (url.pathname.startsWith("/api/")) return;
        const csp = res.headers()["content-security-policy"] ?? "";
        const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
        if (!nonce || !csp.includes("frame-ancestors 'none'")) {
          problems.push(`${url.pathname}: no nonce policy (${csp || "no CSP header"})`);
          return;
        }
        const html = await res.text().catch(() => "");
        for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
          if (!tag.includes(`nonce="${nonce}"`)) problems.push(`${url.pathname}: a script without the nonce: ${tag.slice(0, 120)}`);
        }
      });
      await provide();
      expect(problems, "Content-Security-Policy problems").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export type Person = { name: string; email: string; password: string };

/**
 * Steps that hash or check a password (argon2, deliberately slow) or open a cold server path can take
 * several seconds on a busy CI machine; they get this much time instead of the default expect timeout.
 */
export const SLOW_STEP = { timeout: 30_000 };

/** At 390 px wide (a phone) the page scrolls only vertically; the viewport is restored afterwards. */
export async function fitsAPhone(page: Page) {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow at 390 px on ${new URL(page.url()).pathname}`).toBeLessThanOrEqual(0);
  if (before) await page.setViewportSize(before);
}

function uniqueSuffix(): string {
  return `${Date.now()}-${randomInt(1_000_000)}`;
}

/** A person nobody has used yet: `ava.<time>-<random>@example.test`. */
export function newPerson(firstName: string, lastName = "Tester"): Person {
  return {
    name: `${firstName} ${lastName}`,
    email: `${firstName.toLowerCase()}.${uniqueSuffix()}@example.test`,
    password: `pw-${uniqueSuffix()}-long`,
  };
}

/** An organization name nobody has used yet, so its web address (slug) is predictable enough to assert on. */
export function uniqueOrgName(base: string): string {
  return `${base} ${uniqueSuffix()}`;
}

/**
 * Signs up through the form, verifies the email from the outbox and signs in. New accounts land on
 * /onboarding unless the page was opened with a callbackUrl.
 */
export async function signUp(page: Page, person: Person, opts: { expectUrl?: RegExp } = {}) {
  if (!/\/sign-up(\?|$)/.test(page.url())) await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(person.name);
  const email = page.getByLabel("Work email");
  if ((await email.inputValue()) !== person.email) await email.fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible(SLOW_STEP);

  await followEmailLink(page, person.email, /Verify your email/);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByText(`Your email ${person.email} is verified.`)).toBeVisible(SLOW_STEP);
  await page.getByRole("link", { name: "Sign in to continue" }).click();
  await expect(page).toHaveURL(/\/sign-in\?/);
  await expect(page.getByLabel("Email")).toHaveValue(person.email);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(opts.expectUrl ?? /\/onboarding$/, SLOW_STEP);
}

export async function signIn(page: Page, email: string, password: string) {
  if (!/\/sign-in(\?|$)/.test(page.url())) await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Creates a brand or workshop from /onboarding and returns its web address once its portal is open. */
export async function createOrganization(page: Page, org: { kind: "Brand" | "Workshop"; name: string; country?: string }) {
  await expect(page).toHaveURL(/\/onboarding$/);
  // The radio itself is visually hidden; people click its card.
  const radio = page.getByRole("radio", { name: new RegExp(`^${org.kind}\\b`) });
  await page.locator("label").filter({ has: radio }).click();
  await expect(radio).toBeChecked();
  await page.getByLabel("Organization name").fill(org.name);
  await page.getByLabel("Country").selectOption({ label: org.country ?? "Italy" });
  await page.getByRole("button", { name: "Create organization" }).click();
  const kindPath = org.kind.toLowerCase();
  await expect(page).toHaveURL(new RegExp(`/${kindPath}/[a-z0-9-]+$`), SLOW_STEP);
  await expect(page.getByRole("button", { name: `Current organization: ${org.name}. Switch organization` })).toBeVisible();
  const slug = new URL(page.url()).pathname.split("/")[2];
  if (!slug) throw new Error(`no organization slug in ${page.url()}`);
  return { slug, path: `/${kindPath}/${slug}` };
}

/** Signs out through the account menu in the portal header. */
export async function signOut(page: Page, name: string) {
  await page.getByRole("button", { name: `Account menu for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/$/, SLOW_STEP);
}

/**
 * Opens /outbox and follows the first link of the newest email sent to `to` whose subject matches.
 * The outbox lists emails newest first; the address is unique to the test, so no other test's mail matches.
 */
export async function followEmailLink(page: Page, to: string, subject: RegExp) {
  await page.goto("/outbox");
  await expect(page.getByRole("heading", { name: "Email outbox" })).toBeVisible();
  const email = page.getByRole("listitem").filter({ hasText: `To: ${to}` }).filter({ hasText: subject }).first();
  await expect(email).toBeVisible();
  const link = email.getByRole("link").first();
  const href = await link.getAttribute("href");
  if (!href) throw new Error(`the email to ${to} has no link`);
  await link.click();
  await expect(page).toHaveURL(href);
  return href;
}
