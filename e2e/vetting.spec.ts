import { randomInt } from "node:crypto";
import { deflateSync } from "node:zlib";
import type { Locator, Page } from "@playwright/test";
import { createOrganization, expect, newPerson, signUp, SLOW_STEP, test, uniqueOrgName } from "./fixtures";

/**
 * Issue 3 end to end: a workshop completes and publishes its profile → a brand finds it in the directory
 * with two filters → shortlists it → requests a sample → the workshop accepts with a fee → the brand sees
 * it accepted. Two browser contexts, one per organization, each with its own people.
 */

/** What a shared cache (a CDN in front of the app) is allowed to do with a signed-out public page. */
const SHARED_CACHE = "public, s-maxage=60, stale-while-revalidate=600";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG (a brass-coloured gradient), so the server's content check and sharp's resizing both run. */
function gradientPng(size = 96): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3); // each row starts with filter type 0
    for (let x = 0; x < size; x++) rows.set([180 + (x % 60), 140 + (y % 80), 60], row + 1 + x * 3);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

/** A word no other workshop has, so the full-text search finds exactly this one among earlier runs' data. */
function uniqueWord(): string {
  const letters = "bcdfghjklmnpqrstvwxz";
  return `zor${Array.from({ length: 8 }, () => letters[randomInt(letters.length)]).join("")}`;
}

const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** A YYYY-MM-DD some days ahead, and how the app shows that calendar day ("12 Dec 2026"). */
function daysAhead(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  const iso = d.toISOString().slice(0, 10);
  const shown = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
  return { iso, shown };
}

const check = (group: Locator, label: string) => group.getByRole("checkbox", { name: label, exact: true }).check();

/** A card found by its title; CardHeader puts the title two divs below the card itself. */
const card = (scope: Page | Locator, title: string) => scope.getByRole("heading", { name: title, exact: true }).locator("xpath=ancestor::div[3]");

/** The value of a `<dt>`/`<dd>` row in a details list, found by its label. */
const row = (scope: Locator, label: string) =>
  scope
    .locator("dl > div")
    .filter({ has: scope.page().locator("dt", { hasText: new RegExp(`^${label}$`) }) })
    .locator("dd");

async function expectToast(page: Page, text: string | RegExp) {
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: text })).toBeVisible(SLOW_STEP);
}

test("a workshop publishes its profile, a brand finds it, shortlists it and gets a sample request accepted", async ({ browser, page }) => {
  test.setTimeout(180_000);
  const word = uniqueWord();
  const workshopOwner = newPerson("Giulia", "Orafo");
  const brandOwner = newPerson("Hana", "Brandt");
  const workshopName = uniqueOrgName(`Bottega ${word[0]!.toUpperCase()}${word.slice(1)}`);
  const brandName = uniqueOrgName("Hana Jewels");
  const pieceTitle = `Enamel signet ring ${word}`;
  const photoName = `signet-${word}.png`;
  const story =
    "We are a family workshop in Vicenza, casting and setting since 1987. " +
    "We take small batches from thirty pieces per design, answer within a day, and welcome design tweaks after the first sample. " +
    "Every piece is finished and checked by hand before it leaves the bench.";
  expect(story.length).toBeGreaterThanOrEqual(200);

  // 1. The workshop owner signs up and creates a workshop.
  await signUp(page, workshopOwner);
  const workshop = await createOrganization(page, { kind: "Workshop", name: workshopName, country: "Italy" });

  // 2. Profile details.
  await page.getByRole("navigation", { name: "Workshop portal" }).getByRole("link", { name: "Profile", exact: true }).click();
  await expect(page).toHaveURL(`${workshop.path}/profile`);
  await expect(page.getByRole("heading", { name: "Workshop profile" })).toBeVisible();
  const publishing = card(page, "Publishing");
  await expect(publishing.getByRole("button", { name: "Publish profile" })).toBeDisabled();
  await expect(publishing.getByText("9 of 9 still to do")).toBeVisible();

  const details = page.locator("main form");
  await details.getByLabel("Headline", { exact: true }).fill(`Small-batch enamel and stone setting, ${word}`);
  await details.getByLabel("City", { exact: true }).fill("Vicenza");
  await details.getByLabel("Country", { exact: true }).selectOption({ label: "Italy" });
  await details.getByLabel("Story", { exact: true }).fill(story);
  await expect(details.getByRole("region", { name: "Story preview" })).toContainText("family workshop in Vicenza");
  const capabilities = details.getByRole("group", { name: "Capabilities" });
  await check(capabilities, "Enamel");
  await check(capabilities, "Stone setting");
  await check(capabilities, "Casting");
  const metals = details.getByRole("group", { name: "Metals" });
  await check(metals, "Gold 18k yellow");
  await check(metals, "Silver 925");
  await check(details.getByRole("group", { name: "Gemstone work" }), "Lab-grown stones");
  await check(details.getByRole("group", { name: "Certifications" }), "Recycled metal");
  await details.getByLabel("Minimum order per design (pieces)", { exact: true }).fill("5");
  await details.getByLabel("Monthly capacity (pieces)", { exact: true }).fill("400");
  await details.getByLabel("Shortest typical lead time (business days)", { exact: true }).fill("10");
  await details.getByLabel("Longest typical lead time (business days)", { exact: true }).fill("20");
  await check(details.getByRole("group", { name: "Languages you work in" }), "Italian");
  await details.getByRole("button", { name: "Save changes" }).click();
  await expectToast(page, "Profile saved.");
  await expect(page.getByText("All changes saved.")).toBeVisible();
  // Only the portfolio is left; its checklist entry links to the tab.
  await expect(publishing.getByText("1 of 9 still to do")).toBeVisible();
  await expect(publishing.getByRole("link", { name: "At least one portfolio piece with a photo" })).toBeVisible();
  await expect(publishing.getByRole("button", { name: "Publish profile" })).toBeDisabled();

  // 3. A portfolio piece with a photo, uploaded through the component's own button.
  await page.getByRole("navigation", { name: "Profile sections" }).getByRole("link", { name: /^Portfolio/ }).click();
  await expect(page).toHaveURL(`${workshop.path}/profile/portfolio`);
  await expect(page.getByText("No portfolio pieces yet")).toBeVisible();
  await page.getByRole("button", { name: "Add a piece" }).click();
  const pieceForm = page.getByRole("form", { name: "Add a portfolio piece" });
  await pieceForm.getByLabel("Title", { exact: true }).fill(pieceTitle);
  const chooser = page.waitForEvent("filechooser");
  await pieceForm.getByRole("button", { name: "Choose photos: Photos" }).click();
  await (await chooser).setFiles({ name: photoName, mimeType: "image/png", buffer: gradientPng() });
  const thumb = pieceForm.getByRole("img", { name: photoName });
  await expect(thumb).toBeVisible(SLOW_STEP);
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth), SLOW_STEP).toBeGreaterThan(0);
  await pieceForm.getByLabel("Description", { exact: true }).fill("Cloisonné enamel on 18k gold, a batch of 40.");
  await check(pieceForm.getByRole("group", { name: "Metals" }), "Gold 18k yellow");
  await check(pieceForm.getByRole("group", { name: "Techniques" }), "Enamel");
  await pieceForm.getByRole("button", { name: "Add piece" }).click();
  await expectToast(page, `“${pieceTitle}” added to your portfolio.`);
  await expect(page.getByRole("main").getByRole("listitem").filter({ hasText: pieceTitle })).toContainText("1 photo");

  // Signed out, the directory and profiles are answers a shared cache may keep (a minute, then stale while it
  // refreshes); before publishing neither shows the workshop.
  const visitorContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const visitorHttp = visitorContext.request;
  const directoryUrl = `/workshops?q=${word}`;
  const unpublishedDirectory = await visitorHttp.get(directoryUrl);
  expect(unpublishedDirectory.headers()["cache-control"]).toBe(SHARED_CACHE);
  expect(await unpublishedDirectory.text()).not.toContain(workshopName);
  expect((await visitorHttp.get(`/workshops/${workshop.slug}`)).status()).toBe(404);

  // 4. Publish: the checklist is complete.
  await expect(publishing.getByText("Everything brands need is there.")).toBeVisible();
  // A double-click publishes once and says so once.
  await publishing.getByRole("button", { name: "Publish profile" }).dblclick();
  await expectToast(page, "Your profile is published.");
  await page.waitForTimeout(1_000);
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Your profile is published." })).toHaveCount(1);
  await expect(publishing.getByText("Published", { exact: true })).toBeVisible();
  await expect(publishing.getByRole("link", { name: "View public page" })).toHaveAttribute("href", `/workshops/${workshop.slug}`);

  // The origin shows the change at once, so a shared cache shows it once s-maxage has passed: the page, the RSC
  // payload of a filter change and the profile, each still shareable.
  const publishedDirectory = await visitorHttp.get(directoryUrl);
  expect(publishedDirectory.headers()["cache-control"]).toBe(SHARED_CACHE);
  expect(await publishedDirectory.text()).toContain(workshopName);
  const payload = await visitorHttp.get(`${directoryUrl}&capability=enamel`, { headers: { RSC: "1" } });
  expect(payload.headers()["content-type"]).toContain("text/x-component");
  expect(payload.headers()["cache-control"]).toBe(SHARED_CACHE);
  expect(await payload.text()).toContain(workshopName);
  // Signed in, the same addresses stay private to the browser.
  for (const path of [directoryUrl, `/workshops/${workshop.slug}`]) {
    const own = await page.request.get(path);
    expect(own.status(), path).toBe(200);
    expect(own.headers()["cache-control"], path).toMatch(/^private\b.*no-store/);
  }

  // 4b. A visitor who is not signed in is offered an account on the public profile.
  const visitor = await visitorContext.newPage();
  const profileResponse = await visitor.goto(`/workshops/${workshop.slug}`);
  expect(profileResponse!.headers()["cache-control"]).toBe(SHARED_CACHE);
  expect(profileResponse!.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  await expect(visitor.getByRole("heading", { level: 1, name: workshopName })).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Sign up to save or request a sample" })).toHaveAttribute("href", "/sign-up");
  await expect(visitor.getByRole("main").getByRole("link", { name: "Sign in", exact: true })).toHaveAttribute("href", `/sign-in?callbackUrl=${encodeURIComponent(`/workshops/${workshop.slug}`)}`);

  // 5. A brand, in its own browser, finds the workshop in the directory with two filters.
  const brandContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const brandPage = await brandContext.newPage();
  await signUp(brandPage, brandOwner);
  const brand = await createOrganization(brandPage, { kind: "Brand", name: brandName, country: "Italy" });

  await brandPage.goto("/workshops");
  await expect(brandPage.getByRole("heading", { name: "Find a workshop" })).toBeVisible();
  const search = brandPage.getByRole("search");
  await search.getByRole("searchbox", { name: "Search workshops" }).fill(word);
  await search.getByRole("button", { name: "Search", exact: true }).click();
  await expect(brandPage).toHaveURL(new RegExp(`/workshops\\?q=${word}(&|$)`));
  // Ticked with the keyboard, with the long list opened: focus stays on the box and the list stays open.
  const capabilityFacet = search.getByRole("group", { name: "Capabilities" });
  await capabilityFacet.getByRole("button", { name: /^Show \d+ more$/ }).click();
  const enamel = capabilityFacet.getByRole("checkbox", { name: /^Enamel\s*1 workshop$/ });
  await enamel.focus();
  await brandPage.keyboard.press("Space");
  await expect(brandPage).toHaveURL(/[?&]capability=enamel(&|$)/);
  await expect(capabilityFacet.getByRole("checkbox", { name: /^Enamel\s*1 workshop$/ })).toBeChecked();
  await expect(capabilityFacet.getByRole("checkbox", { name: /^Enamel\s*1 workshop$/ })).toBeFocused();
  await expect(capabilityFacet.getByRole("button", { name: "Show fewer" })).toBeVisible();
  await expect(brandPage).toHaveURL(new RegExp(`[?&]q=${word}(&|$)`));
  const activeFilters = brandPage.getByRole("list", { name: "Active filters" });
  await expect(activeFilters.getByRole("link", { name: /^Remove filter:/ })).toHaveCount(2);
  const results = search.getByRole("article");
  await expect(results).toHaveCount(1);
  await expect(results).toContainText("Vicenza, Italy");
  await expect(results).toContainText("MOQ 5 per design");
  await expect(results).toContainText("10–20 business days");
  await results.getByRole("link", { name: workshopName }).click();

  // 6. The public profile: shortlist it, then ask for a sample of the portfolio piece.
  await expect(brandPage).toHaveURL(`/workshops/${workshop.slug}`);
  await expect(brandPage.getByRole("heading", { level: 1, name: workshopName })).toBeVisible();
  await expect(brandPage.getByRole("complementary", { name: "Facts" })).toContainText("5 pieces per design");
  // The portfolio photo is served to the public page.
  await brandPage.getByRole("button", { name: new RegExp(pieceTitle) }).click();
  const photo = brandPage.getByRole("dialog").getByRole("img", { name: `${pieceTitle}, photo 1` });
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth), SLOW_STEP).toBeGreaterThan(0);
  await brandPage.keyboard.press("Escape");
  await expect(brandPage.getByRole("dialog")).toHaveCount(0);

  // Signed in as a brand member: the actions themselves, no invitation to sign up.
  await expect(brandPage.getByRole("link", { name: "Sign up to save or request a sample" })).toHaveCount(0);
  // A double-click saves once and says so once.
  await brandPage.getByRole("button", { name: "Save to shortlist" }).dblclick();
  await expectToast(brandPage, `${workshopName} is on ${brandName}'s shortlist.`);
  await brandPage.waitForTimeout(1_000);
  await expect(brandPage.locator("[data-sonner-toast]").filter({ hasText: `${workshopName} is on ${brandName}'s shortlist.` })).toHaveCount(1);
  await expect(brandPage.getByRole("button", { name: "On your shortlist" })).toHaveAttribute("aria-pressed", "true");

  await brandPage.getByRole("button", { name: "Request a sample" }).click();
  const dialog = brandPage.getByRole("dialog", { name: `Request a sample from ${workshopName}` });
  await expect(dialog.getByRole("radio", { name: "A piece from their portfolio" })).toBeChecked();
  await dialog.getByLabel("Portfolio piece", { exact: true }).selectOption({ label: pieceTitle });
  await dialog.getByLabel("Changes (optional)", { exact: true }).fill("In 14k rose gold instead, size 52.");
  await dialog.getByLabel("Quantity", { exact: true }).fill("2");
  await dialog.getByLabel("Note to the workshop (optional)", { exact: true }).fill("Please ship to our Milan studio.");
  await dialog.getByRole("button", { name: "Send request" }).click();
  await expect(brandPage).toHaveURL(new RegExp(`${brand.path}/samples/\\d+$`), SLOW_STEP);
  const samplePath = new URL(brandPage.url()).pathname;
  const sampleLabel = `SR-${samplePath.split("/").at(-1)}`;
  await expect(brandPage.getByRole("heading", { level: 1, name: `${sampleLabel} · ${pieceTitle}` })).toBeVisible();
  const brandStatus = card(brandPage.getByRole("main"), "Status");
  await expect(brandStatus).toContainText("Requested");

  // 7. The workshop opens its inbox and accepts with a fee and a ship date.
  const shipDate = daysAhead(14);
  // The navigation counts what waits: the new request (the portal's frame is read again on a page load).
  await page.reload();
  await page.getByRole("navigation", { name: "Workshop portal" }).getByRole("link", { name: /^Sample requests\W+1 to do$/ }).click();
  await expect(page).toHaveURL(`${workshop.path}/samples`);
  const request = page.getByRole("main").getByRole("link").filter({ hasText: sampleLabel });
  await expect(request).toContainText(brandName);
  await expect(request).toContainText("2 pieces");
  await expect(request).toContainText("Requested");
  await request.click();
  await expect(page).toHaveURL(new RegExp(`${workshop.path}/samples/\\d+$`));
  await expect(page.getByRole("heading", { level: 1, name: `${brandName} ${sampleLabel}` })).toBeVisible();
  const requestDetails = card(page.getByRole("main"), "The request");
  await expect(row(requestDetails, "Portfolio piece")).toHaveText(pieceTitle);
  await expect(row(requestDetails, "Details")).toHaveText("In 14k rose gold instead, size 52.");
  await expect(row(requestDetails, "Note")).toHaveText("Please ship to our Milan studio.");
  await page.getByLabel("Sample fee", { exact: true }).fill("45.00");
  await page.getByLabel("Currency", { exact: true }).selectOption("EUR");
  await page.getByLabel("Expected ship date", { exact: true }).fill(shipDate.iso);
  await page.getByRole("button", { name: "Accept request" }).click();
  await expectToast(page, `Accepted. ${brandName} has been told.`);
  await expect(page.getByRole("button", { name: "Accept request" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Ship the sample" })).toBeVisible();

  // 8. The brand sees the request accepted, with the fee and the date.
  await brandPage.goto(samplePath);
  await expect(brandStatus).toContainText("Accepted");
  await expect(row(brandStatus, "Sample fee")).toHaveText("€45.00");
  await expect(row(brandStatus, "Expected to ship")).toHaveText(shipDate.shown);
  await expect(brandPage.getByText(`${workshopName} is making your sample.`)).toBeVisible();
  await expect(card(brandPage.getByRole("main"), "Timeline").getByRole("listitem").filter({ hasText: "status Accepted" })).toContainText(`${workshopOwner.name} (${workshopName}) accepted`);

  // 9. The brand's list of samples and its shortlist both show the workshop.
  await brandPage.getByRole("navigation", { name: "Brand portal" }).getByRole("link", { name: /^Samples/ }).click();
  await expect(brandPage).toHaveURL(`${brand.path}/samples`);
  const listed = brandPage.getByRole("main").getByRole("link").filter({ hasText: sampleLabel });
  await expect(listed).toContainText(workshopName);
  await expect(listed).toContainText("€45.00");
  await expect(listed).toContainText("Accepted");
  await brandPage.getByRole("navigation", { name: "Brand portal" }).getByRole("link", { name: "Shortlist", exact: true }).click();
  await expect(brandPage).toHaveURL(`${brand.path}/shortlist`);
  await expect(brandPage.getByRole("main").getByRole("heading", { level: 3, name: workshopName }).getByRole("link")).toHaveAttribute("href", `/workshops/${workshop.slug}`);

  // 10. Unpublished, the workshop leaves the directory and its profile at once at the origin (a shared cache
  // follows once s-maxage has passed).
  await page.goto(`${workshop.path}/profile`);
  await card(page, "Publishing").getByRole("button", { name: "Unpublish" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Unpublish" }).click();
  await expect(card(page, "Publishing").getByRole("button", { name: "Publish profile" })).toBeVisible();
  expect((await visitorHttp.get(`/workshops/${workshop.slug}`)).status()).toBe(404);
  const unpublishedAgain = await visitorHttp.get(directoryUrl);
  expect(unpublishedAgain.headers()["cache-control"]).toBe(SHARED_CACHE);
  expect(await unpublishedAgain.text()).not.toContain(workshopName);

  await visitorContext.close();
  await brandContext.close();
});
