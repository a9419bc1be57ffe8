import { randomUUID } from "node:crypto";
import pg from "pg";
import { expect, test } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** A published workshop with a long story and a piece of two photos, written straight to the database. */
async function seedWorkshop(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const slug = `phone-atelier-${randomUUID().slice(0, 8)}`;
    const org = await client.query<{ id: string }>(
      `insert into organizations (kind, name, slug, country, time_zone, currency) values ('workshop', 'Phone Atelier', $1, 'IT', 'Europe/Rome', 'EUR') returning id`,
      [slug],
    );
    const orgId = org.rows[0]!.id;
    await client.query(
      `insert into workshop_profiles (org_id, name, headline, story, city, country, capabilities, metals, moq_per_design, lead_time_min_days, lead_time_max_days, published_at)
       values ($1, 'Phone Atelier', 'Casting in small batches', $2, 'Vicenza', 'IT', '{casting}', '{silver_925}', 5, 30, 45, now())`,
      [orgId, "We cast, set and polish every piece by hand in our own workshop. ".repeat(40)],
    );
    const piece = await client.query<{ id: string }>(`insert into portfolio_pieces (org_id, title, position) values ($1, 'Signet ring', 0) returning id`, [orgId]);
    for (const position of [0, 1]) {
      const file = await client.query<{ id: string }>(
        `insert into files (org_id, purpose, original_name, content_type, byte_size, storage_key) values ($1, 'portfolio_photo', 'ring.jpg', 'image/jpeg', 100, $2) returning id`,
        [orgId, `test/${randomUUID()}`],
      );
      await client.query(`insert into portfolio_piece_photos (piece_id, file_id, org_id, position) values ($1, $2, $3, $4)`, [piece.rows[0]!.id, file.rows[0]!.id, orgId, position]);
    }
    return slug;
  } finally {
    await client.end();
  }
}

test("on a phone, a profile's key facts come before the story, and the gallery swipes and says so", async ({ page }) => {
  test.skip(!process.env.DATABASE_URL, "seeds a published workshop straight into PostgreSQL (DATABASE_URL)");
  const slug = await seedWorkshop(process.env.DATABASE_URL!);
  await page.goto(`/workshops/${slug}`);

  const facts = page.getByRole("complementary", { name: "Facts" });
  await expect(facts).toContainText("5 pieces per design");
  const story = page.getByText("Their story");
  const factsTop = (await facts.boundingBox())!.y;
  const storyTop = (await story.boundingBox())!.y;
  expect(factsTop).toBeLessThan(storyTop);

  await page.getByRole("button", { name: /Signet ring/ }).click();
  const dialog = page.getByRole("dialog", { name: "Signet ring" });
  await expect(dialog).toContainText("Photo 1 of 2");
  await expect(dialog).toContainText("swipe to browse");
  await expect(dialog.getByText("use the arrow keys to browse")).toBeHidden();

  // A swipe from right to left shows the next photo.
  // (The photos have no bytes in storage; the swipe is about the stage they sit on.)
  const photo = dialog.getByRole("img", { name: "Signet ring, photo 1" });
  const box = (await dialog.boundingBox())!;
  const y = box.y + box.height / 2;
  await photo.dispatchEvent("pointerdown", { pointerType: "touch", clientX: box.x + box.width - 30, clientY: y, isPrimary: true });
  await photo.dispatchEvent("pointerup", { pointerType: "touch", clientX: box.x + 30, clientY: y, isPrimary: true });
  await expect(dialog).toContainText("Photo 2 of 2");
});
