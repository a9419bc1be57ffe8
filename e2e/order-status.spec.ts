import pg from "pg";
import { expect, newPerson, signIn, SLOW_STEP, test, uniqueOrgName, type Person } from "./fixtures";
import { insertOrgWithOwner } from "./seed-sql";

/**
 * Cancelling and closing an order, at 390 px. Two orders between a brand and a workshop are written
 * straight to the database (one awaiting its deposit, one delivered); the rest is the app: the brand's
 * owner cancels the first with a reason (required), the workshop sees it cancelled with the reason and no
 * controls; the brand closes the delivered one.
 */

const url = () => process.env.DATABASE_URL!;

type Seeded = { brand: { slug: string; owner: Person }; workshop: { slug: string; owner: Person }; awaiting: string; delivered: string };

async function seed(): Promise<Seeded> {
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  try {
    const org = (kind: "brand" | "workshop", name: string, owner: Person) => insertOrgWithOwner(client, kind, name, owner);
    const brandOwner = newPerson("Bianca", "Buyer");
    const workshopOwner = newPerson("Wilma", "Maker");
    const brand = await org("brand", uniqueOrgName("Maison Stop"), brandOwner);
    const workshop = await org("workshop", uniqueOrgName("Atelier Stop"), workshopOwner);
    await client.query(`insert into production_calendars (org_id, holiday_country) values ($1, 'IT')`, [workshop.id]);
    const order = async (seq: number, delivered: boolean) => {
      const rfq = await client.query<{ id: string }>(
        `insert into rfqs (brand_org_id, number, title, currency, target_date, deadline, deadline_at, status, sent_at, closed_at)
         values ($1, $2, 'Capsule rings', 'EUR', current_date + 90, current_date + 10, now() + interval '10 days', 'awarded', now(), now()) returning id`,
        [brand.id, seq],
      );
      const inv = await client.query<{ id: string }>(`insert into rfq_invitations (rfq_id, brand_org_id, workshop_org_id, status, sent_at) values ($1, $2, $3, 'awarded', now()) returning id`, [rfq.rows[0]!.id, brand.id, workshop.id]);
      const quote = await client.query<{ id: string }>(`insert into quotes (invitation_id, rfq_id, brand_org_id, workshop_org_id) values ($1, $2, $3, $4) returning id`, [inv.rows[0]!.id, rfq.rows[0]!.id, brand.id, workshop.id]);
      const pricing = JSON.stringify({ currency: "EUR", lines: [], bundle: null, depositPercent: 30 });
      const version = await client.query<{ id: string }>(
        `insert into quote_versions (quote_id, rfq_id, brand_org_id, workshop_org_id, number, status, currency, pricing, line_revisions, lead_time_days, deposit_percent, payment_terms, valid_until, sent_at, closed_at)
         values ($1, $2, $3, $4, 1, 'accepted', 'EUR', $5, '{}', 30, 30, 'balance_before_shipping', current_date + 30, now(), now()) returning id`,
        [quote.rows[0]!.id, rfq.rows[0]!.id, brand.id, workshop.id, pricing],
      );
      const priced = JSON.stringify({ met: true, currency: "EUR", lines: [], piecesTotalMinor: 87_800, feesTotalMinor: 0, totalMinor: 87_800, depositMinor: 26_340, balanceMinor: 61_460 });
      const o = await client.query<{ id: string }>(
        `insert into orders (brand_org_id, workshop_org_id, rfq_id, quote_version_id, year, seq, status, currency, pieces_total_minor, fees_total_minor, total_minor, deposit_minor, balance_minor, deposit_percent, lead_time_days, payment_terms, pricing, priced, expected_delivery_date)
         values ($1, $2, $3, $4, extract(year from now())::int, $5, $6, 'EUR', 87800, 0, 87800, 26340, 61460, 30, 30, 'balance_before_shipping', $7, $8, current_date + 45) returning id`,
        [brand.id, workshop.id, rfq.rows[0]!.id, version.rows[0]!.id, seq, delivered ? "in_production" : "open", pricing, priced],
      );
      const id = o.rows[0]!.id;
      await client.query(
        `insert into order_plans (order_id, brand_org_id, workshop_org_id, order_date, lead_time_days, promised_delivery_date, forecast_delivery_date, shipped_on, delivered_on)
         values ($1, $2, $3, current_date - 40, 30, current_date + 5, current_date + 5, $4, $4)`,
        [id, brand.id, workshop.id, delivered ? new Date().toISOString().slice(0, 10) : null],
      );
      await client.query(
        `insert into order_milestones (order_id, brand_org_id, workshop_org_id, position, key, name, share_percent, planned_day, planned_date, forecast_date, status, completed_on)
         values ($1, $2, $3, 0, 'deposit_received', 'Deposit received', 5, 2, current_date - 38, current_date - 38, $4, $5)`,
        [id, brand.id, workshop.id, delivered ? "completed" : "pending", delivered ? new Date(Date.now() - 38 * 86_400_000).toISOString().slice(0, 10) : null],
      );
      return id;
    };
    const awaiting = await order(1, false);
    const delivered = await order(2, true);
    return { brand: { slug: brand.slug, owner: brandOwner }, workshop: { slug: workshop.slug, owner: workshopOwner }, awaiting, delivered };
  } finally {
    await client.end();
  }
}

test.skip(!process.env.DATABASE_URL, "seeds its orders by SQL: needs DATABASE_URL");
test.use({ viewport: { width: 390, height: 844 } });

test("the brand cancels an order awaiting its deposit with a reason both sides see, and closes a delivered one", async ({ browser }) => {
  test.setTimeout(120_000);
  const s = await seed();
  const year = new Date().getFullYear();

  const brandContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const brand = await brandContext.newPage();
  await signIn(brand, s.brand.owner.email, s.brand.owner.password);
  await expect(brand).not.toHaveURL(/sign-in/, SLOW_STEP);
  await brand.goto(`/brand/${s.brand.slug}/orders/${s.awaiting}`);
  const status = brand.getByRole("region", { name: /^Status/ });
  await expect(status).toContainText("Awaiting deposit", SLOW_STEP);
  await expect(status.getByRole("button", { name: "Close order…" })).toHaveCount(0);

  // The reason is required; Escape leaves the order as it was.
  await status.getByRole("button", { name: "Cancel order…" }).click();
  const dialog = brand.getByRole("alertdialog");
  await expect(dialog).toContainText(`Cancel PO-${year}-0001?`);
  await dialog.getByRole("button", { name: "Cancel order", exact: true }).click();
  await expect(dialog.getByText("Say why the order is cancelled.")).toBeVisible();
  await dialog.getByLabel("Reason").fill("The capsule collection was dropped.");
  await dialog.getByRole("button", { name: "Cancel order", exact: true }).click();
  await expect(dialog).toHaveCount(0, SLOW_STEP);
  await expect(status).toContainText("Cancelled", SLOW_STEP);
  await expect(status).toContainText("The capsule collection was dropped.");
  await expect(status.getByRole("button", { name: "Cancel order…" })).toHaveCount(0);
  expect(await brand.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The workshop sees it cancelled, with the reason, and nothing to do.
  const workshopContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const workshop = await workshopContext.newPage();
  await signIn(workshop, s.workshop.owner.email, s.workshop.owner.password);
  await expect(workshop).not.toHaveURL(/sign-in/, SLOW_STEP);
  await workshop.goto(`/workshop/${s.workshop.slug}/orders/${s.awaiting}`);
  const seen = workshop.getByRole("region", { name: /^Status/ });
  await expect(seen).toContainText("Cancelled", SLOW_STEP);
  await expect(seen).toContainText("The capsule collection was dropped.");
  await expect(seen.getByRole("button")).toHaveCount(0);

  // The delivered order: the workshop may not close it, the brand does.
  await workshop.goto(`/workshop/${s.workshop.slug}/orders/${s.delivered}`);
  await expect(workshop.getByRole("region", { name: /^Status/ })).toContainText("Delivered", SLOW_STEP);
  await expect(workshop.getByRole("button", { name: "Close order…" })).toHaveCount(0);
  await brand.goto(`/brand/${s.brand.slug}/orders/${s.delivered}`);
  const closing = brand.getByRole("region", { name: /^Status/ });
  await expect(closing).toContainText("Delivered", SLOW_STEP);
  await expect(closing.getByRole("button", { name: "Cancel order…" })).toHaveCount(0);
  await closing.getByRole("button", { name: "Close order…" }).click();
  await brand.getByRole("alertdialog").getByRole("button", { name: "Close order", exact: true }).click();
  await expect(closing).toContainText("Closed", SLOW_STEP);
  await expect(closing.getByRole("button")).toHaveCount(0);

  await brandContext.close();
  await workshopContext.close();
});
