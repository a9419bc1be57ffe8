import { createOrganization, expect, newPerson, signUp, SLOW_STEP, test, uniqueOrgName } from "./fixtures";

test.describe("forms before the page's script has loaded", () => {
  for (const { path, fields, submit } of [
    { path: "/sign-up", fields: { "Your name": "Early Clicker", "Work email": "early.clicker@example.test", Password: "Correct-Horse-9!" }, submit: "Create account" },
    { path: "/sign-in", fields: { Email: "early.clicker@example.test", Password: "Correct-Horse-9!" }, submit: "Sign in" },
  ]) {
    test(`${path}: submitting puts no typed value in any URL`, async ({ page }) => {
      // The JavaScript chunks are held back, so React never hydrates during this test.
      await page.route(
        (url) => url.pathname.startsWith("/_next/static/") && url.pathname.endsWith(".js"),
        () => {},
      );
      const urls: string[] = [];
      const posts: string[] = [];
      page.on("request", (r) => {
        urls.push(r.url());
        if (r.method() === "POST") posts.push(new URL(r.url()).pathname);
      });
      await page.goto(path, { waitUntil: "commit" });
      for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
      // First layer: the submit button waits for hydration, so a click (or Enter) sends nothing.
      const button = page.getByRole("button", { name: submit, exact: true });
      await expect(button).toBeDisabled();
      await button.click({ force: true });
      await page.getByLabel("Password", { exact: true }).press("Enter");
      // Second layer: even a form submitted natively goes by POST to a route that changes nothing.
      await page.locator("form").evaluate((form: HTMLFormElement) => form.submit());
      await expect.poll(() => posts, SLOW_STEP).toEqual(["/api/form-fallback"]);
      await page.waitForURL(new RegExp(`${path}$`), { waitUntil: "commit" });

      const values = Object.values(fields);
      for (const url of [...urls, page.url()]) {
        const decoded = decodeURIComponent(url.replace(/\+/g, " "));
        for (const value of values) expect(decoded, `a typed value in ${url}`).not.toContain(value);
      }
      // The browser is back on the page it came from, nothing submitted.
      await expect(page).toHaveURL(new RegExp(`${path}$`));
    });
  }
});

test("every kind of page sends the nonce policy and the security headers, and no script runs without the nonce", async ({ page }) => {
  // Public, directory, a profile address, auth pages (the CSP guard in fixtures.ts checks each document).
  for (const path of ["/", "/workshops", "/workshops?q=gold&capability=enamel", "/workshops/no-such-workshop", "/sign-in", "/sign-up", "/forgot-password", "/reset-password/not-a-real-token", "/invitations/not-a-real-token", "/verify-email/not-a-real-token", "/outbox"]) {
    const res = await page.goto(path);
    expect(res, path).not.toBeNull();
    const headers = res!.headers();
    expect(headers["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    await expect(page.locator("body")).toBeVisible();
  }

  // Both portals, with their settings and the profile editor.
  const person = newPerson("Cora", "Nonce");
  await signUp(page, person);
  const brand = await createOrganization(page, { kind: "Brand", name: uniqueOrgName("Nonce Brand") });
  for (const rest of ["", "/shortlist", "/samples", "/settings", "/settings/members", "/settings/activity"]) {
    await page.goto(`${brand.path}${rest}`);
    await expect(page.getByRole("main")).toBeVisible();
  }
  await page.goto("/onboarding");
  const workshop = await createOrganization(page, { kind: "Workshop", name: uniqueOrgName("Nonce Workshop") });
  for (const rest of ["", "/profile", "/profile/artisans", "/profile/portfolio", "/samples", "/settings/members"]) {
    await page.goto(`${workshop.path}${rest}`);
    await expect(page.getByRole("main")).toBeVisible();
  }
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Change your password" })).toBeVisible();
  // Client-side navigation and interaction run under the policy too.
  await page.goto(brand.path);
  await page.getByRole("navigation", { name: "Brand portal" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(`${brand.path}/settings`);
});

test("'Sign out of all devices' signs out the other browser too", async ({ page, browser }) => {
  const person = newPerson("Dev", "Ices");
  await signUp(page, person);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/sign-in?callbackUrl=%2Fonboarding");
  await otherPage.getByLabel("Email").fill(person.email);
  await otherPage.getByLabel("Password", { exact: true }).fill(person.password);
  await otherPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(otherPage).toHaveURL(/\/onboarding$/, SLOW_STEP);

  await page.getByRole("button", { name: `Account menu for ${person.name}` }).click();
  await page.getByRole("menuitem", { name: "Sign out of all devices" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=all$/, SLOW_STEP);
  await expect(page.getByText("You are signed out on every device.")).toBeVisible();

  // The other browser still holds its cookie, but it no longer opens anything.
  await otherPage.goto("/onboarding");
  await expect(otherPage).toHaveURL(/\/sign-in\?callbackUrl=%2Fonboarding$/, SLOW_STEP);
  await other.close();
});
