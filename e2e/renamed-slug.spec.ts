import { createOrganization, expect, newPerson, signUp, SLOW_STEP, test, uniqueOrgName } from "./fixtures";

test("after a slug change, old portal links redirect permanently to the same page under the new address", async ({ page }) => {
  const owner = newPerson("Mara", "Quint");
  await signUp(page, owner);
  const brand = await createOrganization(page, { kind: "Brand", name: uniqueOrgName("Mara Works") });
  const newSlug = `${brand.slug}-moved`;

  await page.goto(`${brand.path}/settings`);
  // Typed again until it holds: text typed before the form hydrates can be overwritten by it. Save becomes
  // enabled once the hydrated form sees the change.
  const address = page.getByLabel("Web address");
  await expect(async () => {
    await address.fill(newSlug);
    await expect(page.getByRole("button", { name: "Save changes" })).toBeEnabled({ timeout: 2_000 });
    await expect(address).toHaveValue(newSlug, { timeout: 500 });
  }).toPass(SLOW_STEP);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/brand/${newSlug}/settings$`), SLOW_STEP);

  // Over HTTP, not followed: a permanent redirect (308) to the new address, the rest of the path kept.
  for (const [from, to] of [
    [brand.path, `/brand/${newSlug}`],
    [`${brand.path}/samples`, `/brand/${newSlug}/samples`],
    [`${brand.path}/settings/members`, `/brand/${newSlug}/settings/members`],
  ] as const) {
    const res = await page.request.get(from, { maxRedirects: 0 });
    expect([301, 308], from).toContain(res.status());
    expect(new URL(res.headers().location!, page.url()).pathname, from).toBe(to);
  }

  // In the browser, an old shared link opens the page at its new address.
  await page.goto(`${brand.path}/samples`);
  await expect(page).toHaveURL(new RegExp(`/brand/${newSlug}/samples$`));

  // The old address is not a brand's for someone else: another person gets 404, not the redirect.
  const stranger = newPerson("Olek", "Stone");
  const other = await page.context().browser()!.newContext({ baseURL: new URL(page.url()).origin });
  const strangerPage = await other.newPage();
  await signUp(strangerPage, stranger);
  expect((await strangerPage.request.get(brand.path, { maxRedirects: 0 })).status()).toBe(404);
  await other.close();
});
