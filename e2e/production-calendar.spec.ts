import { createOrganization, expect, newPerson, signUp, test, uniqueOrgName } from "./fixtures";

test("a workshop reviews its calendar by keyboard, adds a closure (errors next to the field) and removes it after confirming", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, newPerson("Lia", "Calendar"));
  const workshop = await createOrganization(page, { kind: "Workshop", name: uniqueOrgName("Lia Oreficeria") });
  await page.goto(`${workshop.path}/settings/calendar`);
  await expect(page.getByText("Holidays not reviewed")).toBeVisible();

  // One day is in the tab order; the arrow keys move the choice, and the panel says what the day is.
  const grid = page.getByRole("grid").first();
  const chosen = page.locator('button[aria-pressed="true"]');
  await expect(chosen).toHaveCount(1);
  const first = await chosen.getAttribute("aria-label");
  await chosen.focus();
  await page.keyboard.press("ArrowRight");
  await expect(chosen).toHaveCount(1);
  expect(await chosen.getAttribute("aria-label")).not.toBe(first);
  await expect(chosen).toBeFocused();
  await page.keyboard.press("PageDown");
  await expect(chosen).toBeFocused();
  await expect(grid).toBeVisible();

  // Christmas in Italy is a public holiday: its day says so, with where it came from.
  await page.getByRole("button", { name: /^Fri, 25 Dec 2026: Holiday/ }).click();
  await expect(page.getByRole("complementary", { name: "The chosen day" }).getByText(/Public holiday: Christmas Day/)).toBeVisible();

  const closures = page.locator("form").filter({ has: page.getByRole("button", { name: "Add closure" }) });
  await closures.getByLabel("First day").fill("2027-08-20");
  await closures.getByLabel("Last day").fill("2027-08-02");
  await closures.getByLabel("Name").fill("August closure");
  await closures.getByRole("button", { name: "Add closure" }).click();
  await expect(closures.getByText("The last day cannot be before the first.")).toBeVisible();

  await closures.getByLabel("First day").fill("2027-08-02");
  await closures.getByLabel("Last day").fill("2027-08-20");
  await closures.getByRole("button", { name: "Add closure" }).click();
  await expect(page.getByText("Mon, 2 Aug 2027 – Fri, 20 Aug 2027")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Tue, 10 Aug 2027: Closed: August closure/ })).toBeVisible();

  // Removing asks first; Cancel keeps it.
  await page.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(page.getByRole("alertdialog")).toContainText('Remove the closure "August closure"?');
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText("Mon, 2 Aug 2027 – Fri, 20 Aug 2027")).toBeVisible();
  await page.getByRole("button", { name: "Remove", exact: true }).click();
  await page.getByRole("button", { name: "Remove closure" }).click();
  await expect(page.getByText("No closures in the next 12 months")).toBeVisible();

  await page.getByRole("button", { name: "They are right" }).click();
  await expect(page.getByText("Holidays reviewed")).toBeVisible();
});

test("on a phone the calendar fits the screen", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signUp(page, newPerson("Kai", "Calendar"));
  const workshop = await createOrganization(page, { kind: "Workshop", name: uniqueOrgName("Kai Silver") });
  await page.goto(`${workshop.path}/settings/calendar`);
  await expect(page.getByRole("grid").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
