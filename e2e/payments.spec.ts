import { randomUUID } from "node:crypto";
import pg from "pg";
import { expect, fitsAPhone, newPerson, signIn, SLOW_STEP, test, uniqueOrgName, type Person } from "./fixtures";
import { dbQuery, insertOrgWithOwner } from "./seed-sql";
import { postStripeEvent, stripeEventPayload } from "./stripe-events";

/**
 * Issue 13 end to end. An order between a brand and a workshop, as accepting a quote leaves it (its plan
 * and its payment schedule: a 30 % deposit of 878.00 EUR and the balance), is written straight to the
 * database; everything after is the real app: the brand marks the deposit sent by bank transfer, the
 * workshop confirms it arrived → the order is in production and "Deposit received" is done. Then the
 * balance is paid by card: a signed checkout.session.completed posted to the running app marks it paid.
 */

const url = () => process.env.DATABASE_URL!;

type Seeded = { brand: { slug: string; owner: Person }; workshop: { slug: string; owner: Person }; orderId: string; depositId: string; balanceId: string };

async function seed(): Promise<Seeded> {
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  try {
    const org = (kind: "brand" | "workshop", name: string, owner: Person) => insertOrgWithOwner(client, kind, name, owner);
    const brandOwner = newPerson("Bianca", "Buyer");
    const workshopOwner = newPerson("Wilma", "Maker");
    const brand = await org("brand", uniqueOrgName("Maison Pay"), brandOwner);
    const workshop = await org("workshop", uniqueOrgName("Atelier Pay"), workshopOwner);
    await client.query(`insert into production_calendars (org_id, holiday_country) values ($1, 'IT')`, [workshop.id]);
    await client.query(`insert into payout_accounts (org_id, bank_account_holder, bank_iban, bank_bic) values ($1, 'Atelier Pay srl', 'IT60X0542811101000000123456', 'ETICIT22')`, [workshop.id]);
    const rfq = await client.query<{ id: string }>(
      `insert into rfqs (brand_org_id, number, title, currency, target_date, deadline, deadline_at, status, sent_at, closed_at)
       values ($1, 1, 'Capsule rings', 'EUR', current_date + 90, current_date + 10, now() + interval '10 days', 'awarded', now(), now()) returning id`,
      [brand.id],
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
    const order = await client.query<{ id: string }>(
      `insert into orders (brand_org_id, workshop_org_id, rfq_id, quote_version_id, year, seq, currency, pieces_total_minor, fees_total_minor, total_minor, deposit_minor, balance_minor, deposit_percent, lead_time_days, payment_terms, pricing, priced, expected_delivery_date)
       values ($1, $2, $3, $4, extract(year from now())::int, 1, 'EUR', 87800, 0, 87800, 26340, 61460, 30, 30, 'balance_before_shipping', $5, $6, current_date + 45) returning id`,
      [brand.id, workshop.id, rfq.rows[0]!.id, version.rows[0]!.id, pricing, priced],
    );
    const orderId = order.rows[0]!.id;
    await client.query(
      `insert into order_plans (order_id, brand_org_id, workshop_org_id, order_date, lead_time_days, promised_delivery_date, forecast_delivery_date) values ($1, $2, $3, current_date, 30, current_date + 45, current_date + 45)`,
      [orderId, brand.id, workshop.id],
    );
    const steps = [
      ["deposit_received", "Deposit received", 5, 2],
      ["casting", "Casting", 60, 20],
      ["shipped", "Shipped", 35, 30],
    ] as const;
    for (const [position, [key, name, share, day]] of steps.entries()) {
      await client.query(
        `insert into order_milestones (order_id, brand_org_id, workshop_org_id, position, key, name, share_percent, planned_day, planned_date, forecast_date) values ($1, $2, $3, $4, $5, $6, $7, $8, current_date + $8::int, current_date + $8::int)`,
        [orderId, brand.id, workshop.id, position, key, name, share, day],
      );
    }
    const pay = await client.query<{ id: string; kind: string }>(
      `insert into payments (brand_org_id, workshop_org_id, order_id, kind, amount_minor, currency, due_on, due_milestone)
       values ($1, $2, $3, 'deposit', 26340, 'EUR', current_date, ''), ($1, $2, $3, 'balance', 61460, 'EUR', current_date + 30, 'Shipped') returning id, kind`,
      [brand.id, workshop.id, orderId],
    );
    return {
      brand: { slug: brand.slug, owner: brandOwner },
      workshop: { slug: workshop.slug, owner: workshopOwner },
      orderId,
      depositId: pay.rows.find((p) => p.kind === "deposit")!.id,
      balanceId: pay.rows.find((p) => p.kind === "balance")!.id,
    };
  } finally {
    await client.end();
  }
}

test.skip(!process.env.DATABASE_URL, "seeds its order by SQL: needs DATABASE_URL");

test("a bank-transfer deposit confirmed by the workshop puts the order in production; a card balance is paid by the webhook", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const s = await seed();

  // The brand marks the deposit sent, with its reference.
  const brandContext = await browser.newContext();
  const brandPage = await brandContext.newPage();
  await signIn(brandPage, s.brand.owner.email, s.brand.owner.password);
  await expect(brandPage).not.toHaveURL(/sign-in/, SLOW_STEP);
  await brandPage.goto(`/brand/${s.brand.slug}/orders/${s.orderId}`);
  const deposit = brandPage.getByTestId("payment-deposit");
  await expect(deposit).toContainText("Deposit · €263.40", SLOW_STEP);
  await expect(deposit).toContainText("Due");
  await expect(brandPage.getByText("IT60X0542811101000000123456")).toBeVisible();
  await expect(brandPage.getByText("Card payment: not configured on this Bezel.")).toBeVisible();
  await deposit.getByRole("button", { name: "I sent a bank transfer" }).click();
  await deposit.getByLabel("Transfer reference").fill("SEPA E2E-0042");
  await deposit.getByRole("button", { name: "Mark as sent" }).click();
  await expect(deposit).toContainText("Processing", SLOW_STEP);
  await expect(deposit).toContainText("reference SEPA E2E-0042");

  // The workshop confirms it arrived.
  const workshopContext = await browser.newContext();
  const workshopPage = await workshopContext.newPage();
  await signIn(workshopPage, s.workshop.owner.email, s.workshop.owner.password);
  await expect(workshopPage).not.toHaveURL(/sign-in/, SLOW_STEP);
  await workshopPage.goto(`/workshop/${s.workshop.slug}/orders/${s.orderId}`);
  const received = workshopPage.getByTestId("payment-deposit");
  await expect(received).toContainText("The brand says it sent this by bank transfer", SLOW_STEP);
  await received.getByRole("button", { name: "Confirm receipt" }).click();
  await workshopPage.getByRole("alertdialog").getByRole("button", { name: "Confirm receipt" }).click();
  await expect(received).toContainText("Paid", SLOW_STEP);

  const [order] = await dbQuery<{ status: string }>(`select status from orders where id = $1`, [s.orderId]);
  expect(order!.status).toBe("in_production");
  const [milestone] = await dbQuery<{ status: string; done: boolean }>(`select status, completed_on = current_date as done from order_milestones where order_id = $1 and key = 'deposit_received'`, [s.orderId]);
  expect(milestone).toEqual({ status: "completed", done: true });

  // The balance by card: Stripe's signed checkout.session.completed, posted to the running app.
  const payload = stripeEventPayload("checkout.session.completed", { id: `cs_e2e_${randomUUID().slice(0, 8)}`, object: "checkout.session", status: "complete", payment_status: "paid", client_reference_id: s.balanceId, metadata: { payment_id: s.balanceId }, payment_intent: `pi_e2e_${randomUUID().slice(0, 8)}` });
  expect((await postStripeEvent(baseURL!, payload, "whsec_wrong")).status).toBe(400);
  const ok = await postStripeEvent(baseURL!, payload);
  expect(ok.status).toBe(200);
  expect(await ok.json()).toEqual({ received: true, outcome: "processed" });
  const again = await postStripeEvent(baseURL!, payload);
  expect(await again.json()).toEqual({ received: true, outcome: "duplicate" });

  await brandPage.reload();
  const balance = brandPage.getByTestId("payment-balance");
  await expect(balance).toContainText("Paid", SLOW_STEP);
  await expect(balance).toContainText("Card");
  await brandContext.close();
  await workshopContext.close();
});

test("a cancelled order's transfer deposit: no more pay buttons, the workshop records the refund, both sides see it refunded; the pages fit a phone", async ({ browser }) => {
  test.setTimeout(120_000);
  const s = await seed();

  const brandContext = await browser.newContext();
  const brandPage = await brandContext.newPage();
  await signIn(brandPage, s.brand.owner.email, s.brand.owner.password);
  await expect(brandPage).not.toHaveURL(/sign-in/, SLOW_STEP);
  await brandPage.goto(`/brand/${s.brand.slug}/orders/${s.orderId}`);
  const deposit = brandPage.getByTestId("payment-deposit");
  await deposit.getByRole("button", { name: "I sent a bank transfer" }).click({ timeout: 20_000 });
  await deposit.getByLabel("Transfer reference").fill("SEPA E2E-0077");
  await deposit.getByRole("button", { name: "Mark as sent" }).click();
  await expect(deposit).toContainText("Processing", SLOW_STEP);

  const workshopContext = await browser.newContext();
  const workshopPage = await workshopContext.newPage();
  await signIn(workshopPage, s.workshop.owner.email, s.workshop.owner.password);
  await expect(workshopPage).not.toHaveURL(/sign-in/, SLOW_STEP);
  await workshopPage.goto(`/workshop/${s.workshop.slug}/orders/${s.orderId}`);
  const received = workshopPage.getByTestId("payment-deposit");
  await received.getByRole("button", { name: "Confirm receipt" }).click({ timeout: 20_000 });
  await workshopPage.getByRole("alertdialog").getByRole("button", { name: "Confirm receipt" }).click();
  await expect(received).toContainText("Paid", SLOW_STEP);

  // The brand's owner cancels the order in production.
  await brandPage.reload();
  const status = brandPage.getByRole("region", { name: /^Status/ });
  await status.getByRole("button", { name: "Cancel order…" }).click({ timeout: 20_000 });
  const dialog = brandPage.getByRole("alertdialog");
  await expect(dialog).toContainText("The workshop then refunds what was paid");
  await dialog.getByLabel("Reason").fill("The capsule was dropped.");
  await dialog.getByRole("button", { name: "Cancel order", exact: true }).click();
  await expect(status).toContainText("Cancelled", SLOW_STEP);
  await brandPage.reload();
  const brandDeposit = brandPage.getByTestId("payment-deposit");
  const brandBalance = brandPage.getByTestId("payment-balance");
  await expect(brandDeposit).toContainText("The order is cancelled: the workshop refunds this payment.", SLOW_STEP);
  await expect(brandBalance).toContainText("Not due");
  await expect(brandPage.getByRole("button", { name: "I sent a bank transfer" })).toHaveCount(0);
  await expect(brandPage.getByRole("button", { name: /by card/ })).toHaveCount(0);
  await fitsAPhone(brandPage);

  // The workshop records the refund: the whole deposit (production had not started), with its reference.
  await workshopPage.reload();
  const refund = workshopPage.getByRole("form", { name: "Refund the deposit" });
  await expect(refund).toContainText("Production had not started: everything paid is refunded in full.", SLOW_STEP);
  await expect(refund.getByLabel("Amount to refund (EUR)")).toHaveValue("263.40");
  await fitsAPhone(workshopPage);
  // No reference: the error stands next to its field, and nothing is asked.
  await refund.getByRole("button", { name: "Record the refund" }).click();
  await expect(refund.getByText("Enter the reference of the transfer you sent back.")).toBeVisible();
  await expect(workshopPage.getByRole("alertdialog")).toHaveCount(0);
  await refund.getByLabel("Reference of your transfer back").fill("SEPA BACK-0077");
  await refund.getByRole("button", { name: "Record the refund" }).click();
  const ask = workshopPage.getByRole("alertdialog");
  await expect(ask).toContainText("Refund €263.40 of the deposit?");
  await fitsAPhone(workshopPage);
  await ask.getByRole("button", { name: "Record refund" }).click();
  const workshopDeposit = workshopPage.getByTestId("payment-deposit");
  await expect(workshopDeposit).toContainText("Refunded", SLOW_STEP);
  await expect(workshopDeposit).toContainText("refund reference SEPA BACK-0077");
  await expect(workshopPage.getByRole("form", { name: "Refund the deposit" })).toHaveCount(0);

  const [row] = await dbQuery<{ status: string; refunded_minor: string }>(`select status, refunded_minor from payments where id = $1`, [s.depositId]);
  expect(row).toEqual({ status: "refunded", refunded_minor: "26340" });

  await brandPage.reload();
  await expect(brandPage.getByTestId("payment-deposit")).toContainText("Refunded", SLOW_STEP);
  await expect(brandPage.getByTestId("payment-deposit")).toContainText("€263.40 refunded");
  await fitsAPhone(brandPage);

  // The payments lists of both sides, on a phone.
  await brandPage.goto(`/brand/${s.brand.slug}/payments`);
  await expect(brandPage.getByText("Refunded").first()).toBeVisible(SLOW_STEP);
  await fitsAPhone(brandPage);
  await workshopPage.goto(`/workshop/${s.workshop.slug}/payments`);
  await expect(workshopPage.getByText("Refunded").first()).toBeVisible(SLOW_STEP);
  await fitsAPhone(workshopPage);
  await brandContext.close();
  await workshopContext.close();
});
