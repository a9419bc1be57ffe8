import sharp from "sharp";
import type { Page } from "@playwright/test";
import { ringStl } from "../src/lib/stl-builder";
import { createOrganization, expect, newPerson, signUp, SLOW_STEP, test, uniqueOrgName } from "./fixtures";

/**
 * Issue 10 end to end: a brand creates a collection and a ring design, fills the spec, uploads a sketch
 * and an STL (the 3D view shows), approves revision 1; edits it into revision 2, changes the metal and one
 * stone, approves; the comparison of the two shows exactly those two changes.
 */

async function sketchPng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240"><rect width="320" height="240" fill="#fbf8f1"/><ellipse cx="160" cy="120" rx="70" ry="80" fill="none" stroke="#333" stroke-width="4"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** The one metal option's or stone's field of the given label. */
const field = (page: Page, testId: string, label: string) => page.getByTestId(testId).getByLabel(label, { exact: true });

test("a ring from collection to two approved revisions, with its files, 3D view and the diff of exactly what changed", async ({ page }) => {
  test.setTimeout(180_000);
  const owner = newPerson("Lena", "Designer");
  await signUp(page, owner);
  const brand = await createOrganization(page, { kind: "Brand", name: uniqueOrgName("Maison E2E"), country: "France" });

  // A collection.
  await page.getByRole("link", { name: "Collections", exact: true }).first().click();
  await expect(page.getByRole("heading", { name: "Collections", level: 1 })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Croissant capsule");
  await page.getByLabel("Season").fill("SS27");
  await page.getByRole("button", { name: "Create collection" }).click();
  await expect(page.getByRole("heading", { name: "Croissant capsule", level: 1 })).toBeVisible(SLOW_STEP);

  // A ring design in it: revision 1 opens as a draft, with what approval still needs.
  await page.getByRole("link", { name: "New design in this collection" }).click();
  await page.getByLabel("SKU").fill("ML-RG-777");
  await page.getByLabel("Name", { exact: true }).fill("Croissant signet");
  await page.getByLabel("Category").selectOption({ label: "Ring" });
  await expect(page.getByLabel("Collection")).toHaveValue(/[0-9a-f-]{36}/);
  await page.getByRole("button", { name: "Create design" }).click();
  await expect(page).toHaveURL(new RegExp(`${brand.path}/designs/[0-9a-f-]+/revisions/1$`), SLOW_STEP);
  await expect(page.getByTestId("gap-sizeRun")).toContainText("A ring needs its size run");

  // The spec.
  await page.getByRole("button", { name: "Add a metal option" }).click();
  await field(page, "metal-option", "Metal").selectOption({ label: "Gold" });
  await field(page, "metal-option", "Fineness").selectOption("18k");
  await field(page, "metal-option", "Colour").selectOption({ label: "Yellow" });
  await page.getByLabel("This piece is set with stones").check();
  await page.getByRole("button", { name: "Add a stone" }).click();
  await field(page, "gemstone", "Stone").selectOption({ label: "Diamond" });
  await field(page, "gemstone", "Origin").selectOption({ label: "Lab-grown" });
  await field(page, "gemstone", "Size (mm)").fill("2.5");
  await field(page, "gemstone", "Count").fill("5");
  await page.getByLabel("Size system").selectOption({ label: "Ring size, US" });
  await page.getByLabel("Sizes offered").fill("5, 6, 7, 8, 9");
  await page.getByLabel("Band width (mm)").fill("2.2");
  await page.getByLabel("Target metal weight (g)").fill("3.4");
  await page.getByLabel("High polish").check();
  await expect(page.getByTestId("gap-sizeRun")).toHaveCount(0);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("All changes saved")).toBeVisible(SLOW_STEP);

  // A sketch and an STL; the STL shows in 3D with its bounding box.
  await page.getByTestId("revision-file-input").setInputFiles([
    { name: "signet-sketch.png", mimeType: "image/png", buffer: await sketchPng() },
    { name: "signet.stl", mimeType: "model/stl", buffer: Buffer.from(ringStl({ innerDiameterMm: 17.3, widthMm: 2.2, thicknessMm: 1.6, segments: 48 })) },
  ]);
  const files = page.getByRole("list", { name: "Files of this revision" });
  await expect(files.getByText("signet-sketch.png")).toBeVisible(SLOW_STEP);
  await expect(files.getByText("signet.stl")).toBeVisible(SLOW_STEP);
  await expect(files.getByRole("img", { name: "signet-sketch.png" })).toBeVisible();
  await expect(page.getByTestId("gap-attachments")).toHaveCount(0);
  await page.getByRole("button", { name: "View in 3D" }).click();
  await expect(page.getByTestId("cad-bounding-box")).toContainText("mm", SLOW_STEP);
  await expect(page.getByRole("figure", { name: "3D model signet.stl" })).toBeVisible();

  // Approve revision 1, after the confirmation.
  await page.getByRole("button", { name: "Approve revision 1" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Approve revision 1" }).click();
  await expect(page.getByText("This revision is approved and frozen")).toBeVisible(SLOW_STEP);

  // "Edit" starts revision 2 from it: change the metal and one stone, approve.
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await expect(page).toHaveURL(/\/revisions\/2$/, SLOW_STEP);
  await expect(field(page, "metal-option", "Fineness")).toHaveValue("18k");
  await field(page, "metal-option", "Fineness").selectOption("14k");
  await field(page, "gemstone", "Count").fill("7");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("All changes saved")).toBeVisible(SLOW_STEP);
  await page.getByRole("button", { name: "Approve revision 2" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Approve revision 2" }).click();
  await expect(page.getByText("This revision is approved and frozen")).toBeVisible(SLOW_STEP);

  // The diff: the metal option and the stone changed, nothing else.
  await page.getByRole("link", { name: "Compare with revision 1" }).click();
  const diff = page.getByLabel("Changes from Revision 1 to Revision 2");
  await expect(diff).toBeVisible(SLOW_STEP);
  await expect(diff.getByRole("heading")).toHaveText(["Metal options", "Gemstones"]);
  const metal = diff.getByRole("table").first();
  await expect(metal.getByRole("row")).toHaveCount(2);
  await expect(metal.getByRole("row").nth(1)).toContainText("18k");
  await expect(metal.getByRole("row").nth(1)).toContainText("14k");
  const stone = diff.getByRole("table").nth(1);
  await expect(stone.getByRole("row")).toHaveCount(2);
  await expect(stone.getByRole("row").nth(1)).toContainText("5");
  await expect(stone.getByRole("row").nth(1)).toContainText("7");
  await expect(diff.getByText("Changed")).toHaveCount(2);

  // The history says who approved each revision.
  await page.getByRole("link", { name: /ML-RG-777 · Croissant signet/ }).click();
  await expect(page.getByText(`Approved by ${owner.name}`)).toHaveCount(2);
});
