import { randomUUID } from "node:crypto";
import pg from "pg";
import { expect, fitsAPhone, newPerson, signIn, SLOW_STEP, test, uniqueOrgName, type Person } from "./fixtures";
import { dbQuery, insertOrgWithOwner } from "./seed-sql";
import { postStripeEvent, stripeEventPayload } from "./stripe-events";

/**
 * Issue 14 end to end. A brand with a ready Stripe account sells a preorder of an approved design revision,
 * linked to its order with a workshop (written straight to the database, as the order's acceptance and the
 * brand's link would leave them). Everything after is the real app, on the server that has a Stripe key
 * and a local Stripe stand-in (playwright.config.ts): a customer reserves on a phone and is sent to
 * Checkout; Stripe's signed checkout.session.completed is posted to the running app, twice; the customer
 * sees the reservation paid; the brand finds it on the campaign's dashboard; the workshop records the
 * order's deposit as received a week ago, which moves the order's forecast a week earlier, and the
 * campaign's page and the reservation's page show the new date.
 *
 * Dates: the workshop works every day (all seven weekdays, its public holidays removed), so the order's
 * business days are calendar days and the dates below are plain arithmetic on the workshop's today. They
 * cannot be fixed dates: a deposit can only be recorded on a day of the last year.
 */

const url = () => process.env.DATABASE_URL!;

test.use({ baseURL: `http://localhost:${process.env.E2E_PREORDER_PORT}`, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
test.skip(!process.env.DATABASE_URL, "seeds its campaign by SQL and needs the Stripe-enabled server: needs DATABASE_URL");

// ─── Dates, written out the way people read them ──────────────────────────────────────────────────────

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Today in Rome, where the workshop is, as YYYY-MM-DD. */
function romeToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

function plusDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** "2027-01-09" → "9 January 2027". */
function written(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

// ─── The seed ─────────────────────────────────────────────────────────────────────────────────────────

type Seeded = {
  brand: { slug: string; owner: Person };
  workshop: { slug: string; owner: Person };
  orderId: string;
  campaign: { id: string; slug: string };
};

/**
 * The order was placed 14 days ago with a 60-day lead time: "Deposit received" is planned today, "Casting"
 * in 26 days and "Shipped" in 46, which is the delivery the campaign shows. Cap 20 over sizes 5, 6 and 7;
 * 120.00 EUR with a 30 % deposit.
 */
async function seed(today: string): Promise<Seeded> {
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  try {
    const org = (kind: "brand" | "workshop", name: string, owner: Person) => insertOrgWithOwner(client, kind, name, owner);
    const brandOwner = newPerson("Petra", "Preorder");
    const workshopOwner = newPerson("Otto", "Maker");
    const brand = await org("brand", uniqueOrgName("Maison Drop"), brandOwner);
    const workshop = await org("workshop", uniqueOrgName("Atelier Drop"), workshopOwner);

    // The brand's Stripe connected account, ready for destination charges (as account.updated leaves it).
    await client.query(`insert into payout_accounts (org_id, stripe_account_id, onboarding_status) values ($1, $2, 'ready')`, [brand.id, `acct_e2e_${randomUUID().slice(0, 12)}`]);
    // The workshop works every day of the week and keeps none of Italy's public holidays.
    await client.query(`insert into production_calendars (org_id, holiday_country, working_weekdays) values ($1, 'IT', '{1,2,3,4,5,6,7}')`, [workshop.id]);
    await client.query(`insert into calendar_holiday_changes (org_id, date, change) select $1, date, 'removed' from public_holidays where country = 'IT'`, [workshop.id]);

    const spec = JSON.stringify({
      metals: [{ id: randomUUID(), metal: "silver", fineness: "925", colour: "white", plating: "none", platingMicrons: null }],
      stoneSet: false,
      gemstones: [],
      sizeRun: { system: "ring_us", sizes: ["5", "6", "7"] },
      dimensions: { lengthMm: null, widthMm: 3, heightMm: 1.8 },
      targetWeightGrams: 4.2,
      finishes: ["high_polish"],
      hallmarking: "925 inside the band",
      notes: "",
    });
    const design = await client.query<{ id: string }>(`insert into designs (org_id, sku, name, category, created_by_id) values ($1, $2, 'Tide signet', 'ring', $3) returning id`, [brand.id, `TIDE-${randomUUID().slice(0, 6)}`, brand.userId]);
    const revision = await client.query<{ id: string }>(
      `insert into design_revisions (org_id, design_id, number, status, spec, created_by_id, approved_at, approved_by_id, approved_by_name) values ($1, $2, 1, 'approved', $3, $4, now(), $4, $5) returning id`,
      [brand.id, design.rows[0]!.id, spec, brand.userId, brandOwner.name],
    );

    // The order, as accepting the quote leaves it: plan, milestones, payment schedule, one line of the revision.
    const rfq = await client.query<{ id: string }>(
      `insert into rfqs (brand_org_id, number, title, currency, target_date, deadline, deadline_at, status, sent_at, closed_at)
       values ($1, 1, 'Tide signet run', 'EUR', $2::date + 60, $2::date, now(), 'awarded', now(), now()) returning id`,
      [brand.id, today],
    );
    const inv = await client.query<{ id: string }>(`insert into rfq_invitations (rfq_id, brand_org_id, workshop_org_id, status, sent_at) values ($1, $2, $3, 'awarded', now()) returning id`, [rfq.rows[0]!.id, brand.id, workshop.id]);
    const quote = await client.query<{ id: string }>(`insert into quotes (invitation_id, rfq_id, brand_org_id, workshop_org_id) values ($1, $2, $3, $4) returning id`, [inv.rows[0]!.id, rfq.rows[0]!.id, brand.id, workshop.id]);
    const pricing = JSON.stringify({ currency: "EUR", lines: [], bundle: null, depositPercent: 30 });
    const version = await client.query<{ id: string }>(
      `insert into quote_versions (quote_id, rfq_id, brand_org_id, workshop_org_id, number, status, currency, pricing, line_revisions, lead_time_days, deposit_percent, payment_terms, valid_until, sent_at, closed_at)
       values ($1, $2, $3, $4, 1, 'accepted', 'EUR', $5, '{}', 60, 30, 'balance_before_shipping', $6::date + 30, now(), now()) returning id`,
      [quote.rows[0]!.id, rfq.rows[0]!.id, brand.id, workshop.id, pricing, today],
    );
    const priced = JSON.stringify({ met: true, currency: "EUR", lines: [], piecesTotalMinor: 90_000, feesTotalMinor: 0, totalMinor: 90_000, depositMinor: 27_000, balanceMinor: 63_000 });
    const orderDate = plusDays(today, -14);
    const delivery = plusDays(today, 46);
    const order = await client.query<{ id: string }>(
      `insert into orders (brand_org_id, workshop_org_id, rfq_id, quote_version_id, year, seq, currency, pieces_total_minor, fees_total_minor, total_minor, deposit_minor, balance_minor, deposit_percent, lead_time_days, payment_terms, pricing, priced, expected_delivery_date)
       values ($1, $2, $3, $4, extract(year from now())::int, 1, 'EUR', 90000, 0, 90000, 27000, 63000, 30, 60, 'balance_before_shipping', $5, $6, $7) returning id`,
      [brand.id, workshop.id, rfq.rows[0]!.id, version.rows[0]!.id, pricing, priced, delivery],
    );
    const orderId = order.rows[0]!.id;
    await client.query(
      `insert into order_lines (order_id, brand_org_id, workshop_org_id, design_id, revision_id, position, design_name, sku, revision_number, quantity, sizes, tier_unit_price_minor, fees, fees_total_minor, line_total_minor)
       select $1, $2, $3, d.id, $4, 0, d.name, d.sku, 1, 20, $5, 4500, '[]', 0, 90000 from designs d where d.id = $6`,
      [orderId, brand.id, workshop.id, revision.rows[0]!.id, JSON.stringify(["5", "6", "7"].map((size, i) => ({ size, quantity: i === 1 ? 8 : 6, unitPriceMinor: 4500, surchargeMinor: 0, totalMinor: 4500 * (i === 1 ? 8 : 6) }))), design.rows[0]!.id],
    );
    await client.query(
      `insert into order_plans (order_id, brand_org_id, workshop_org_id, order_date, lead_time_days, promised_delivery_date, forecast_delivery_date) values ($1, $2, $3, $4, 60, $5, $5)`,
      [orderId, brand.id, workshop.id, orderDate, delivery],
    );
    const steps = [
      ["deposit_received", "Deposit received", 23, 14],
      ["casting", "Casting", 43, 40],
      ["shipped", "Shipped", 34, 60],
    ] as const;
    for (const [position, [key, name, share, day]] of steps.entries()) {
      await client.query(
        `insert into order_milestones (order_id, brand_org_id, workshop_org_id, position, key, name, share_percent, planned_day, planned_date, forecast_date) values ($1, $2, $3, $4, $5, $6, $7, $8, $9::date + $8::int, $9::date + $8::int)`,
        [orderId, brand.id, workshop.id, position, key, name, share, day, orderDate],
      );
    }
    await client.query(
      `insert into payments (brand_org_id, workshop_org_id, order_id, kind, amount_minor, currency, due_on, due_milestone)
       values ($1, $2, $3, 'deposit', 27000, 'EUR', $4, ''), ($1, $2, $3, 'balance', 63000, 'EUR', $5, 'Shipped')`,
      [brand.id, workshop.id, orderId, today, delivery],
    );

    // The campaign, published and linked to the order: its live date is the order's forecast.
    const slug = `tide-${randomUUID().slice(0, 8)}`;
    const campaign = await client.query<{ id: string }>(
      `insert into preorder_campaigns (brand_org_id, design_id, design_revision_id, workshop_org_id, quote_version_id, order_id, slug, title, story, currency, retail_price_minor, payment_mode, deposit_percent, total_cap,
         opens_at, closes_at, hold_minutes, return_policy, cancel_within_days, expected_delivery_on, forecast_delivery_on, status, published_at, created_by_id)
       values ($1, $2, $3, $4, $5, $6, $7, 'Tide signet', 'A wave on a signet, cast in **recycled** silver.', 'EUR', 12000, 'deposit', 30, 20,
         now() - interval '1 day', now() + interval '14 days', 30, 'Returns within 30 days of delivery.', 14, $8, $8, 'published', now() - interval '1 day', $9) returning id`,
      [brand.id, design.rows[0]!.id, revision.rows[0]!.id, workshop.id, version.rows[0]!.id, orderId, slug, delivery, brand.userId],
    );
    for (const [position, size] of ["5", "6", "7"].entries()) {
      await client.query(`insert into preorder_campaign_sizes (campaign_id, brand_org_id, size, position, cap) values ($1, $2, $3, $4, $5)`, [campaign.rows[0]!.id, brand.id, size, position, size === "6" ? 8 : null]);
    }
    return {
      brand: { slug: brand.slug, owner: brandOwner },
      workshop: { slug: workshop.slug, owner: workshopOwner },
      orderId,
      campaign: { id: campaign.rows[0]!.id, slug },
    };
  } finally {
    await client.end();
  }
}

test("a customer reserves on a phone and pays through Stripe's webhook; the brand sees it on the dashboard; the order's new forecast reaches both pages", async ({ page, browser, baseURL, extraHTTPHeaders }) => {
  test.setTimeout(150_000);
  const today = romeToday();
  const s = await seed(today);
  const customer = newPerson("Nora", "Customer");
  const campaignPath = `/p/${s.brand.slug}/${s.campaign.slug}`;
  const firstDelivery = written(plusDays(today, 46));

  // 1. The public page on a phone: what is left and when it arrives.
  await page.goto(campaignPath);
  await expect(page.getByRole("heading", { level: 1, name: "Tide signet" })).toBeVisible(SLOW_STEP);
  const aside = page.getByRole("complementary", { name: "Reserve" });
  await expect(aside.getByText("20 of 20 left")).toBeVisible();
  await expect(aside.getByRole("list", { name: "Left by size" }).getByRole("listitem")).toHaveText(["Size 5: 20 left", "Size 6: 8 left", "Size 7: 20 left"]);
  await expect(aside).toContainText(`Expected delivery (live from production): ${firstDelivery}`);
  await expect(aside).toContainText("Reserve with a 30 % deposit: €36.00 each, the balance before shipping.");
  await fitsAPhone(page);

  // 2. Reserving sends the customer to Stripe Checkout (the stand-in's address; not loaded).
  const form = page.getByRole("form", { name: "Reserve" });
  await form.getByLabel("Your name").fill(customer.name);
  await form.getByLabel("Email").fill(customer.email);
  await form.getByLabel("Size").selectOption("6");
  await form.getByLabel("Quantity").selectOption("2");
  await page.route("https://checkout.stripe.test/**", (route) => route.abort());
  const toCheckout = page.waitForRequest(/^https:\/\/checkout\.stripe\.test\/pay\//);
  await form.getByRole("button", { name: "Reserve and pay" }).click();
  const checkoutUrl = (await toCheckout).url();
  const sessionId = /\/pay\/(cs_test_[A-Za-z0-9_]+)$/.exec(checkoutUrl)?.[1];
  expect(sessionId, `a Checkout Session id in ${checkoutUrl}`).toBeTruthy();
  // The browser settles on its error page for the aborted address before the test navigates again.
  await expect.poll(() => page.url()).toMatch(/^chrome-error:/);

  const [held] = await dbQuery<{ id: string; reference: string; status: string; stripe_checkout_session_id: string; amount_due_minor: string; total_minor: string }>(
    `select id, reference, status, stripe_checkout_session_id, amount_due_minor, total_minor from preorder_reservations where customer_email = $1`,
    [customer.email],
  );
  expect(held).toMatchObject({ status: "held", stripe_checkout_session_id: sessionId, amount_due_minor: "7200", total_minor: "24000" });
  expect(held!.reference).toMatch(/^R-[2-9A-HJ-NP-Z]{6}$/);
  // The hold counts at once.
  await page.goto(campaignPath);
  await expect(page.getByRole("complementary", { name: "Reserve" }).getByText("18 of 20 left")).toBeVisible(SLOW_STEP);

  // 3. Stripe says the Checkout Session is paid: signed, posted to the running app, then delivered again.
  const payload = stripeEventPayload("checkout.session.completed", {
    id: sessionId,
    object: "checkout.session",
    status: "complete",
    payment_status: "paid",
    amount_total: 7200,
    currency: "eur",
    client_reference_id: held!.id,
    metadata: { preorder_reservation_id: held!.id, preorder_campaign_id: s.campaign.id },
    payment_intent: `pi_e2e_${randomUUID().replace(/-/g, "").slice(0, 16)}`,
  });
  const post = () => postStripeEvent(baseURL!, payload);
  const first = await post();
  expect(first.status).toBe(200);
  expect(await first.json()).toEqual({ received: true, outcome: "processed" });
  const again = await post();
  expect(again.status).toBe(200);
  expect(await again.json()).toEqual({ received: true, outcome: "duplicate" });

  const [paid] = await dbQuery<{ status: string; paid_minor: string; refunded_minor: string }>(`select status, paid_minor, refunded_minor from preorder_reservations where id = $1`, [held!.id]);
  expect(paid).toEqual({ status: "paid", paid_minor: "7200", refunded_minor: "0" });
  const [counters] = await dbQuery<{ held_units: number; paid_units: number }>(`select held_units, paid_units from preorder_campaigns where id = $1`, [s.campaign.id]);
  expect(counters).toEqual({ held_units: 0, paid_units: 2 });
  const [size6] = await dbQuery<{ held_units: number; paid_units: number }>(`select held_units, paid_units from preorder_campaign_sizes where campaign_id = $1 and size = '6'`, [s.campaign.id]);
  expect(size6).toEqual({ held_units: 0, paid_units: 2 });
  // One "payment received" email, not two.
  const received = await dbQuery<{ subject: string }>(`select subject from emails where "to" = $1 and subject like 'Payment received%'`, [customer.email]);
  expect(received).toEqual([{ subject: `Payment received: Tide signet (${held!.reference})` }]);

  // 4. The customer opens their reservation from the confirmation email: paid, with the delivery date.
  await page.goto(campaignPath);
  await expect(page.getByRole("complementary", { name: "Reserve" }).getByText("18 of 20 left")).toBeVisible(SLOW_STEP);
  await page.goto("/outbox");
  const confirmation = page.getByRole("listitem").filter({ hasText: `To: ${customer.email}` }).filter({ hasText: `Your reservation ${held!.reference}: Tide signet` });
  await expect(confirmation).toContainText("You reserved 2 × Tide signet, size 6 from");
  await expect(confirmation).toContainText("The deposit is €72.00 (of €240.00).");
  const reservationLink = confirmation.getByRole("link", { name: /\/r\// });
  const reservationHref = await reservationLink.getAttribute("href");
  expect(reservationHref).toMatch(new RegExp(`${campaignPath}/r/[A-Za-z0-9_-]{43}$`));
  await reservationLink.click();
  await expect(page.getByRole("heading", { level: 1, name: `Reservation ${held!.reference}` })).toBeVisible(SLOW_STEP);
  const details = page.locator("dl");
  const row = (label: string) => details.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
  await expect(row("Status")).toHaveText("Paid");
  await expect(row("Size")).toHaveText("6");
  await expect(row("Quantity")).toHaveText("2");
  await expect(row("Price")).toHaveText("€240.00 (deposit €72.00, balance €168.00 before shipping)");
  await expect(row("Paid")).toHaveText("€72.00");
  await expect(row("Delivery")).toHaveText(`${firstDelivery} (live from production)`);
  // Linked to an order, the piece is in production: no cancelling here.
  await expect(page.getByText("Your piece is in production, so this reservation can no longer be cancelled here. Contact the brand.")).toBeVisible();
  await fitsAPhone(page);
  const reservationUrl = page.url();

  // 5. The brand finds the reservation on the campaign's dashboard by its reference.
  const brandContext = await browser.newContext({ extraHTTPHeaders });
  const brandPage = await brandContext.newPage();
  await signIn(brandPage, s.brand.owner.email, s.brand.owner.password);
  await expect(brandPage).not.toHaveURL(/sign-in/, SLOW_STEP);
  const dashboard = `/brand/${s.brand.slug}/preorders/${s.campaign.id}/dashboard`;
  await brandPage.goto(dashboard);
  const figure = (label: string) => brandPage.locator("dl > div").filter({ has: brandPage.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd").first();
  await expect(figure("Paid")).toHaveText("2", SLOW_STEP);
  await expect(figure("Reserved")).toHaveText("2");
  await expect(figure("Awaiting payment")).toHaveText("0");
  await expect(figure("Left of the cap")).toHaveText("18");
  await expect(figure("Collected")).toHaveText("€72.00");
  const filter = brandPage.getByRole("search", { name: "Filter reservations" });
  await filter.getByLabel("Search").fill(held!.reference);
  await filter.getByRole("button", { name: "Filter" }).click();
  await expect(brandPage).toHaveURL(new RegExp(`${dashboard}\\?q=${held!.reference}&`));
  const listed = brandPage.getByRole("list", { name: "Reservations" }).getByRole("listitem");
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText(customer.name);
  await expect(listed).toContainText(customer.email);
  await expect(listed).toContainText(`${held!.reference} · 2 × size 6`);
  await expect(listed).toContainText("Paid");
  await expect(listed).toContainText("€72.00 paid of €240.00");
  await brandContext.close();

  // 6. The workshop records the order's deposit as received a week ago: "Deposit received" is done that day,
  // so Casting and Shipped come a week earlier than planned — the order's forecast moves to today + 39 days.
  const receivedOn = plusDays(today, -7);
  const newDelivery = plusDays(today, 39);
  const workshopContext = await browser.newContext({ extraHTTPHeaders });
  const workshopPage = await workshopContext.newPage();
  await signIn(workshopPage, s.workshop.owner.email, s.workshop.owner.password);
  await expect(workshopPage).not.toHaveURL(/sign-in/, SLOW_STEP);
  await workshopPage.goto(`/workshop/${s.workshop.slug}/orders/${s.orderId}`);
  await workshopPage.getByLabel("Received on").fill(receivedOn);
  await workshopPage.getByLabel("Bank reference (optional)").fill("SEPA TIDE-0001");
  await workshopPage.getByRole("button", { name: "Record deposit…" }).click();
  const ask = workshopPage.getByRole("alertdialog");
  await expect(ask).toContainText(`This completes "Deposit received" on ${receivedOn}`);
  await ask.getByRole("button", { name: "Record deposit" }).click();
  await expect(workshopPage.getByText("Deposit recorded.")).toBeVisible(SLOW_STEP);
  await workshopContext.close();

  const [plan] = await dbQuery<{ forecast: string }>(`select forecast_delivery_date::text as forecast from order_plans where order_id = $1`, [s.orderId]);
  expect(plan!.forecast).toBe(newDelivery);

  // 7. The public page and the reservation page show the new date.
  const movedText = written(newDelivery);
  await page.goto(campaignPath);
  await expect(page.getByRole("complementary", { name: "Reserve" })).toContainText(`Expected delivery (live from production): ${movedText}`, SLOW_STEP);
  await fitsAPhone(page);
  await page.goto(reservationUrl);
  await expect(row("Delivery")).toHaveText(`${movedText} (live from production)`, SLOW_STEP);
  await expect(row("Status")).toHaveText("Paid");
  await fitsAPhone(page);

  // A week is more than the campaign's 5 business days: the paid customer is told the new date.
  await page.goto("/outbox");
  await expect(page.getByRole("listitem").filter({ hasText: `To: ${customer.email}` }).filter({ hasText: `Tide signet: your piece is now expected on ${newDelivery}` })).toBeVisible();
});
