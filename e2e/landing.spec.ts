import { expect, test } from "./fixtures";

test("the landing page promises only what works today and leads to the directory", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find the workshop that makes your pieces, and vet it first.");
  const main = page.locator("body");
  // Features still to come are not sold yet.
  for (const word of [/quotes?\b/i, /deposits?\b/i, /preorders?\b/i, /milestones?\b/i, /capsule/i]) {
    await expect(main).not.toContainText(word);
  }
  await page.getByRole("link", { name: "Browse workshops" }).click();
  await expect(page).toHaveURL(/\/workshops$/);
  await expect(page.getByRole("heading", { name: "Find a workshop" })).toBeVisible();
});
