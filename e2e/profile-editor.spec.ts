import { createOrganization, expect, newPerson, signUp, test, uniqueOrgName } from "./fixtures";

test("the profile editor warns before unsaved edits are lost, by a tab switch or a reload", async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page, newPerson("Ines", "Editor"));
  const workshop = await createOrganization(page, { kind: "Workshop", name: uniqueOrgName("Ines Bottega") });
  await page.goto(`${workshop.path}/profile`);
  const details = page.locator("main form");
  await details.getByLabel("Headline", { exact: true }).fill("Hand-set pavé in small batches");

  // A tab of the editor: asked first; staying keeps the edit.
  const asked: string[] = [];
  page.once("dialog", (d) => {
    asked.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.getByRole("navigation", { name: "Profile sections" }).getByRole("link", { name: /^Artisans/ }).click();
  await expect.poll(() => asked).toEqual(["confirm: You have unsaved changes. Leave this page and lose them?"]);
  await expect(page).toHaveURL(`${workshop.path}/profile`);
  await expect(details.getByLabel("Headline", { exact: true })).toHaveValue("Hand-set pavé in small batches");

  // A reload: the browser's own prompt.
  const beforeUnload = page.waitForEvent("dialog");
  void page.reload().catch(() => undefined);
  const prompt = await beforeUnload;
  expect(prompt.type()).toBe("beforeunload");
  await prompt.dismiss();
  await expect(details.getByLabel("Headline", { exact: true })).toHaveValue("Hand-set pavé in small batches");

  // Saved, nothing is asked.
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("All changes saved.")).toBeVisible();
  await page.getByRole("navigation", { name: "Profile sections" }).getByRole("link", { name: /^Artisans/ }).click();
  await expect(page).toHaveURL(`${workshop.path}/profile/artisans`);
});

test("the first submit of the profile details shows the lead-time order with the other errors", async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page, newPerson("Omar", "Editor"));
  const workshop = await createOrganization(page, { kind: "Workshop", name: uniqueOrgName("Omar Atelier") });
  await page.goto(`${workshop.path}/profile`);
  const details = page.locator("main form");
  await details.getByLabel("Headline", { exact: true }).fill("x".repeat(141));
  await details.getByLabel("Shortest typical lead time (business days)", { exact: true }).fill("20");
  await details.getByLabel("Longest typical lead time (business days)", { exact: true }).fill("10");
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(details.getByText("Keep the headline to 140 characters.")).toBeVisible();
  await expect(details.getByText("The longest lead time cannot be shorter than the shortest.")).toBeVisible();
});
