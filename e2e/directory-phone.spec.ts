import { expect, test } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 } });

test("on a phone, a very long search word wraps instead of widening the directory", async ({ page }) => {
  const word = "microsettingwithoutanyspacesatallinasinglewordthatgoesonandon".repeat(2);
  await page.goto(`/workshops?q=${word}`);
  await expect(page.getByRole("heading", { name: "Find a workshop" })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});
