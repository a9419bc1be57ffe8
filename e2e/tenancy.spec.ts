import { createOrganization, expect, newPerson, signUp, test, uniqueOrgName } from "./fixtures";

test.describe("a brand's portal is closed to outsiders", () => {
  test("a workshop user gets a 404 for another brand's portal, a signed-out visitor is sent to sign in", async ({ browser, page }) => {
    // Someone else's brand, created in its own browser context.
    const brandContext = await browser.newContext();
    const brandPage = await brandContext.newPage();
    await signUp(brandPage, newPerson("Cleo", "Brandt"));
    const brand = await createOrganization(brandPage, { kind: "Brand", name: uniqueOrgName("Cleo Jewels") });
    await brandContext.close();

    // A workshop user, signed in with an organization of their own.
    await signUp(page, newPerson("Dario", "Fabbri"));
    const workshop = await createOrganization(page, { kind: "Workshop", name: uniqueOrgName("Dario Bench"), country: "Italy" });

    const response = await page.goto(brand.path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Cleo Jewels")).toHaveCount(0);

    // Deeper pages and the other portal's URL for the same slug answer the same way.
    const members = await page.goto(`${brand.path}/settings/members`);
    expect(members?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    const otherKind = await page.goto(`/workshop/${brand.slug}`);
    expect(otherKind?.status()).toBe(404);

    // The workshop's own portal still opens.
    const own = await page.goto(workshop.path);
    expect(own?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Good to see you, Dario" })).toBeVisible();

    // Signed out: the portal URL leads to the sign-in page, which returns there afterwards.
    const anonymous = await browser.newContext();
    const anonymousPage = await anonymous.newPage();
    await anonymousPage.goto(brand.path);
    await expect(anonymousPage).toHaveURL(/\/sign-in\?/);
    expect(new URL(anonymousPage.url()).searchParams.get("callbackUrl")).toContain(brand.path);
    await expect(anonymousPage.getByRole("heading", { name: "Sign in to Bezel" })).toBeVisible();
    await anonymous.close();
  });
});
