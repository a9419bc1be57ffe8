import { createOrganization, expect, newPerson, signUp, test, uniqueOrgName } from "./fixtures";

/**
 * A page that does not exist answers with HTTP status 404, not 200 with the not-found text: the existence
 * check runs before any loading skeleton streams the page's shell.
 */
test("an unknown public workshop profile answers 404", async ({ page, request }) => {
  const direct = await request.get("/workshops/does-not-exist");
  expect(direct.status()).toBe(404);

  const opened = await page.goto("/workshops/does-not-exist");
  expect(opened?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  // The directory itself, a list page with its loading state, still answers 200.
  expect((await request.get("/workshops")).status()).toBe(200);
});

test("an unknown or malformed sample request of a brand answers 404; the list answers 200", async ({ page }) => {
  const owner = newPerson("Lena", "Holt");
  await signUp(page, owner);
  const brand = await createOrganization(page, { kind: "Brand", name: uniqueOrgName("Lena Goods") });

  for (const path of [`${brand.path}/samples/999`, `${brand.path}/samples/SR-999`, `${brand.path}/samples/not-a-number`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    // The same over a plain request carrying the session cookie.
    expect((await page.request.get(path)).status(), path).toBe(404);
  }

  const list = await page.goto(`${brand.path}/samples`);
  expect(list?.status()).toBe(200);
  // A portal of an organization that does not exist stays 404 too.
  expect((await page.goto("/brand/no-such-brand-anywhere/samples/1"))?.status()).toBe(404);
});
