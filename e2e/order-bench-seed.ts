/**
 * Seeds the order of e2e/order-bench.spec.ts through the services, as the app writes it, and prints what
 * the spec needs as JSON. Run by the spec: `tsx --conditions=react-server e2e/order-bench-seed.ts`, with
 * DATABASE_URL and ORDER_DATE (the workshop's day the order was placed).
 *
 * A brand and a workshop (owners with verified emails), the workshop working every day of the week and
 * keeping no country's holidays, so business days are calendar days and the spec's dates can be written
 * out; an order of 12 rings and 12 pendants, 30 business days, planned from ORDER_DATE; its deposit, CAD
 * (approved by the brand) and materials each done on the planned day.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { memberships, organizations, productionCalendars, users } from "~/server/db/schema";
import { openScriptDb } from "~/server/db/script-db";
import { changeMilestone, recordBankTransfer } from "~/server/services/milestones";
import { hashPassword } from "~/server/services/users";
import { createWorkshopProfile } from "~/server/services/workshop-profiles";
import type { Fixture, OrgFixture } from "~/test/fixtures";
import { planOrder } from "~/test/milestones";
import { rfqBetween } from "~/test/rfqs";
import { actorOf } from "~/test/vetting";

const url = process.env.DATABASE_URL;
const orderDate = process.env.ORDER_DATE;
if (!url || !orderDate) throw new Error("DATABASE_URL and ORDER_DATE are needed");

const password = `pw-${randomUUID()}`;
const handle = await openScriptDb({ url });
const db = handle.db;
const passwordHash = await hashPassword(password);

async function org(kind: "brand" | "workshop", name: string): Promise<OrgFixture> {
  const suffix = randomUUID().slice(0, 8);
  const [o] = await db.insert(organizations).values({ kind, name: `${name} ${suffix}`, slug: `${kind}-${suffix}`, country: "IT", timeZone: "Europe/Rome", currency: "EUR" }).returning();
  if (kind === "workshop") {
    await createWorkshopProfile(db, o!);
    await db.update(productionCalendars).set({ workingWeekdays: [1, 2, 3, 4, 5, 6, 7], holidayCountry: "AQ" }).where(eq(productionCalendars.orgId, o!.id));
  }
  const people = {} as Record<"owner" | "admin" | "member", { id: string; email: string; name: string }>;
  for (const role of ["owner", "admin", "member"] as const) {
    const [u] = await db
      .insert(users)
      .values({ name: `${kind === "brand" ? "Bea" : "Wanda"} ${role}`, email: `${kind}.${role}.${suffix}@example.test`, passwordHash, emailVerifiedAt: new Date(), lastOrgId: o!.id })
      .returning();
    await db.insert(memberships).values({ orgId: o!.id, userId: u!.id, role });
    people[role] = { id: u!.id, email: u!.email, name: u!.name };
  }
  return { org: o!, ...people };
}

try {
  const brand = await org("brand", "Maison Bench");
  const workshop = await org("workshop", "Atelier Bench");
  const f = { brand, workshop } as Fixture;
  const { order } = await rfqBetween(db, f);
  const at = (day: string) => new Date(`${day}T09:00:00Z`);
  const { milestones } = await planOrder(db, { ...order, createdAt: at(orderDate) });
  const byKey = (key: string) => milestones.find((m) => m.key === key)!;
  await recordBankTransfer(db, actorOf(workshop), { orderId: order.id, receivedOn: byKey("deposit_received").plannedDate, reference: "SEPA 0042" }, at(byKey("deposit_received").plannedDate));
  const cad = byKey("cad_approved");
  await changeMilestone(db, actorOf(workshop), "workshop", "complete", { milestoneId: cad.id, note: "CAD attached", photoFileIds: [] }, at(cad.plannedDate));
  await changeMilestone(db, actorOf(brand), "brand", "approve", { milestoneId: cad.id, note: "", photoFileIds: [] }, at(cad.plannedDate));
  const materials = byKey("materials_sourced");
  await changeMilestone(db, actorOf(workshop), "workshop", "complete", { milestoneId: materials.id, note: "Silver in", photoFileIds: [] }, at(materials.plannedDate));
  const { year, seq } = order;
  process.stdout.write(
    JSON.stringify({
      password,
      brand: { slug: brand.org.slug, email: brand.owner.email },
      workshop: { slug: workshop.org.slug, email: workshop.owner.email },
      orderId: order.id,
      orderNumber: `PO-${year}-${String(seq).padStart(4, "0")}`,
      planned: Object.fromEntries(milestones.map((m) => [m.key, m.plannedDate])),
    }),
  );
} finally {
  await handle.close();
}
