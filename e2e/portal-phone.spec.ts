import { createOrganization, expect, newPerson, signUp, test, uniqueOrgName } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 } });

test("on a phone, every item of the portal navigation is in view, Settings too, and nothing scrolls sideways", async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page, newPerson("Lena", "Phone"));
  await createOrganization(page, { kind: "Brand", name: uniqueOrgName("Lena Jewels") });
  const nav = page.getByRole("navigation", { name: "Brand portal" });
  await nav.scrollIntoViewIfNeeded();
  const links = nav.getByRole("link");
  await expect(links).toHaveText(["Dashboard", "Collections", "Designs", "Find workshops", "Shortlist", "Samples", "Requests for quote", "Orders", "Preorders", "Payments", "Settings"]);
  for (const link of await links.all()) {
    const box = (await link.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  await expect(nav.getByRole("link", { name: "Settings", exact: true })).toBeInViewport({ ratio: 1 });
  const list = nav.getByRole("list");
  expect(await list.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
