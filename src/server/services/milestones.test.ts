import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createFixture, type Fixture } from "~/test/fixtures";
import { milestonesOf, planOrder } from "~/test/milestones";
import { rfqBetween } from "~/test/rfqs";
import { actorOf, uploadedFile } from "~/test/vetting";
import { events, notifications, payments } from "../db/schema";
import { withOrg } from "../db/tenant";
import { readableFile } from "./file-access";
import { changeMilestone, recordBankTransfer, recordDepositReceived, updateShipping } from "./milestones";

const db = await testDb();

/** 10:00 in Rome on a day. */
const at = (day: string) => new Date(`${day}T09:00:00Z`);

/** A planned order of the fixture's parties placed on Monday 1 March 2027: see milestone-plans.test.ts for its plan. */
async function plannedOrder(f: Fixture) {
  const { order } = await rfqBetween(db, f);
  const { milestones } = await planOrder(db, { ...order, createdAt: at("2027-03-01") });
  const id = (key: string) => milestones.find((m) => m.key === key)!.id;
  return { order, id };
}

const workshopDoes = (f: Fixture, action: "start" | "complete" | "block", milestoneId: string, day: string, extra: { note?: string; photoFileIds?: string[] } = {}) =>
  changeMilestone(db, actorOf(f.workshop), "workshop", action, { milestoneId, note: extra.note ?? "", photoFileIds: extra.photoFileIds ?? [] }, at(day));
const brandDoes = (f: Fixture, action: "approve" | "request_changes", milestoneId: string, day: string, note = "") =>
  changeMilestone(db, actorOf(f.brand), "brand", action, { milestoneId, note, photoFileIds: [] }, at(day));

/** Deposit, CAD (approved by the brand) and materials, each on its planned day. */
async function onPlanUntilCasting(f: Fixture, id: (key: string) => string) {
  await recordBankTransfer(db, actorOf(f.workshop), { orderId: (await milestonesOfId(id("deposit_received"))).orderId, receivedOn: "2027-03-03", reference: "SEPA 0042" }, at("2027-03-03"));
  await workshopDoes(f, "complete", id("cad_approved"), "2027-03-08");
  await brandDoes(f, "approve", id("cad_approved"), "2027-03-08");
  await workshopDoes(f, "complete", id("materials_sourced"), "2027-03-11");
}

async function milestonesOfId(milestoneId: string) {
  const { rows } = await db.execute<{ order_id: string }>(sql`select order_id from order_milestones where id = ${milestoneId}`);
  return { orderId: rows[0]!.order_id };
}

const atRiskNotices = (orgId: string) =>
  db.select().from(notifications).where(and(eq(notifications.orgId, orgId), eq(notifications.kind, "order_at_risk"))).then((rows) => rows.filter((n) => n.title.endsWith("is at risk")));

describe("milestones", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(db);
  });

  it("casting done 3 business days late moves every later date by 3 business days over Easter Monday and flags the order at risk, told once", async () => {
    const { order, id } = await plannedOrder(f);
    await onPlanUntilCasting(f, id);
    await workshopDoes(f, "start", id("casting"), "2027-03-12", { note: "Wax trees ready" });
    const done = await workshopDoes(f, "complete", id("casting"), "2027-03-24");
    expect(done).toMatchObject({ status: "completed", expectedDeliveryDate: "2027-04-16", atRisk: true });
    const { plan, milestones } = await milestonesOf(db, order.id);
    expect(milestones.map((m) => [m.name, m.completedOn, m.forecastDate])).toEqual([
      ["Deposit received", "2027-03-03", "2027-03-03"],
      ["CAD approved", "2027-03-08", "2027-03-08"],
      ["Materials sourced", "2027-03-11", "2027-03-11"],
      ["Casting", "2027-03-24", "2027-03-24"],
      ["Stone setting", null, "2027-03-31"],
      ["Polishing and finishing", null, "2027-04-05"],
      ["Quality check", null, "2027-04-07"],
      ["Shipped", null, "2027-04-08"],
      ["Customs cleared", null, "2027-04-13"],
      ["Delivered", null, "2027-04-16"],
    ]);
    // The promise stays where it was fixed; the planned dates too.
    expect(plan).toMatchObject({ promisedDeliveryDate: "2027-04-13", forecastDeliveryDate: "2027-04-16", atRisk: true });
    expect(milestones.find((m) => m.key === "delivered")!.plannedDate).toBe("2027-04-13");
    expect(await atRiskNotices(f.brand.org.id)).toHaveLength(1);
    expect(await atRiskNotices(f.workshop.org.id)).toHaveLength(1);
    // Still at risk after the next report: nobody is told again.
    await workshopDoes(f, "start", id("stone_setting"), "2027-03-25");
    expect(await atRiskNotices(f.brand.org.id)).toHaveLength(1);
    // The brand heard of each step, in its own log and notifications.
    const brandLog = await db.select({ action: events.action }).from(events).where(and(eq(events.orgId, f.brand.org.id), eq(events.subjectId, order.id))).orderBy(asc(events.createdAt));
    expect(brandLog.map((e) => e.action)).toEqual(
      expect.arrayContaining(["milestone.deposit_recorded", "milestone.approval_requested", "milestone.approved", "milestone.completed", "milestone.started", "order.at_risk"]),
    );
  });

  it("a quality check waiting 2 business days for the brand's approval moves delivery by 2 business days", async () => {
    const { order, id } = await plannedOrder(f);
    await onPlanUntilCasting(f, id);
    await workshopDoes(f, "complete", id("casting"), "2027-03-19");
    await workshopDoes(f, "complete", id("stone_setting"), "2027-03-25");
    await workshopDoes(f, "complete", id("polishing_and_finishing"), "2027-03-31");
    const asked = await workshopDoes(f, "complete", id("quality_check"), "2027-04-02", { note: "Photos of all 24 pieces" });
    expect(asked).toMatchObject({ status: "awaiting_approval", expectedDeliveryDate: "2027-04-13", atRisk: false });
    const approved = await brandDoes(f, "approve", id("quality_check"), "2027-04-06");
    expect(approved).toMatchObject({ status: "completed", expectedDeliveryDate: "2027-04-15", atRisk: true });
    const { milestones } = await milestonesOf(db, order.id);
    expect(milestones.slice(6).map((m) => [m.name, m.approval, m.completedOn, m.forecastDate])).toEqual([
      ["Quality check", "approved", "2027-04-06", "2027-04-06"],
      ["Shipped", "none", null, "2027-04-07"],
      ["Customs cleared", "none", null, "2027-04-12"],
      ["Delivered", "none", null, "2027-04-15"],
    ]);
    // The brand's approval request opens the order page; its answer opens the workshop's bench, where the next milestone is.
    const told = await db.select({ orgId: notifications.orgId, title: notifications.title, href: notifications.href }).from(notifications).where(sql`${notifications.href} like ${`%${order.id}%`} and ${notifications.title} like '%Quality check%'`);
    expect(told.find((n) => n.orgId === f.brand.org.id && n.title.includes("asks you to approve"))?.href).toBe(`/brand/${f.brand.org.slug}/orders/${order.id}`);
    expect(told.find((n) => n.orgId === f.workshop.org.id && n.title.includes("approved"))?.href).toBe(`/workshop/${f.workshop.org.slug}/orders/${order.id}/bench`);
  });

  it("refuses moves the state machine does not allow, with nothing written", async () => {
    const { order, id } = await plannedOrder(f);
    const before = await milestonesOf(db, order.id);
    await expect(workshopDoes(f, "complete", id("casting"), "2027-03-05")).rejects.toMatchObject({ code: "CONFLICT", message: "Finish Deposit received first." });
    await expect(workshopDoes(f, "complete", id("deposit_received"), "2027-03-05")).rejects.toMatchObject({ message: "The deposit is completed by recording the payment." });
    await expect(changeMilestone(db, actorOf(f.brand), "brand", "start", { milestoneId: id("deposit_received"), note: "", photoFileIds: [] })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(brandDoes(f, "approve", id("cad_approved"), "2027-03-05")).rejects.toMatchObject({ code: "CONFLICT" });
    // Another brand, and the workshop acting as if it were the brand, find nothing.
    await expect(changeMilestone(db, actorOf(f.outsider.brand), "brand", "approve", { milestoneId: id("cad_approved"), note: "", photoFileIds: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(changeMilestone(db, actorOf(f.workshop), "brand", "approve", { milestoneId: id("cad_approved"), note: "", photoFileIds: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await milestonesOf(db, order.id)).toEqual(before);
  });

  it("records the deposit once; the same path payments will call", async () => {
    const { order } = await plannedOrder(f);
    const first = await withOrg(db, f.workshop.org.id, (tx) => recordDepositReceived(tx, actorOf(f.workshop), { orderId: order.id, receivedOn: "2027-03-02", note: "Card payment" }, at("2027-03-02")));
    expect(first).toMatchObject({ status: "completed" });
    await expect(recordBankTransfer(db, actorOf(f.workshop), { orderId: order.id, receivedOn: "2027-03-02", reference: "" }, at("2027-03-02"))).rejects.toMatchObject({
      code: "CONFLICT",
      message: "The deposit of this order is recorded already.",
    });
    await expect(recordBankTransfer(db, actorOf(f.workshop), { orderId: order.id, receivedOn: "2027-03-09", reference: "" }, at("2027-03-02"))).rejects.toMatchObject({ field: "receivedOn" });
    const { milestones } = await milestonesOf(db, order.id);
    expect(milestones[0]).toMatchObject({ status: "completed", completedOn: "2027-03-02" });
  });

  it("a work-in-progress photo is readable by the order's two parties and nobody else; another organization's photo is refused", async () => {
    const { id } = await plannedOrder(f);
    await recordBankTransfer(db, actorOf(f.workshop), { orderId: (await milestonesOfId(id("deposit_received"))).orderId, receivedOn: "2027-03-03", reference: "" }, at("2027-03-03"));
    const photo = await uploadedFile(db, f.workshop, "milestone_photo");
    await db.execute(sql`update files set content_type = 'image/jpeg' where id = ${photo.id}`);
    await workshopDoes(f, "start", id("cad_approved"), "2027-03-04", { note: "First render", photoFileIds: [photo.id] });
    expect(await readableFile(db, f.brand.member.id, photo.id)).not.toBeNull();
    expect(await readableFile(db, f.workshop.member.id, photo.id)).not.toBeNull();
    expect(await readableFile(db, f.outsider.brand.owner.id, photo.id)).toBeNull();
    expect(await readableFile(db, null, photo.id)).toBeNull();
    const theirs = await uploadedFile(db, f.outsider.workshop, "milestone_photo");
    await expect(workshopDoes(f, "block", id("cad_approved"), "2027-03-04", { note: "Waiting on stones", photoFileIds: [theirs.id] })).rejects.toMatchObject({ field: "photoFileIds" });
  });

  it("shipping facts are checked in order and the brand is told", async () => {
    const { order } = await plannedOrder(f);
    const shipped = { orderId: order.id, carrier: "DHL Express", trackingNumber: "JD0146", shippedOn: "2027-03-10", customsEnteredOn: null, customsClearedOn: null, deliveredOn: null };
    // The terms put the balance before shipping: held until it is paid.
    await expect(updateShipping(db, actorOf(f.workshop), shipped, at("2027-03-12"))).rejects.toMatchObject({ code: "CONFLICT", field: "shippedOn" });
    await db.update(payments).set({ status: "paid", method: "transfer", paidOn: "2027-03-09" }).where(and(eq(payments.orderId, order.id), eq(payments.kind, "balance")));
    const row = await updateShipping(db, actorOf(f.workshop), shipped, at("2027-03-12"));
    expect(row).toMatchObject({ carrier: "DHL Express", trackingNumber: "JD0146", shippedOn: "2027-03-10" });
    await expect(updateShipping(db, actorOf(f.workshop), { orderId: order.id, carrier: "DHL", trackingNumber: "", shippedOn: "2027-03-20", customsEnteredOn: null, customsClearedOn: null, deliveredOn: null }, at("2027-03-12"))).rejects.toMatchObject({
      field: "shippedOn",
    });
    await expect(updateShipping(db, actorOf(f.brand), { orderId: order.id, carrier: "x", trackingNumber: "", shippedOn: null, customsEnteredOn: null, customsClearedOn: null, deliveredOn: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Recording the shipped date tells the brand it shipped; the delivered date, that it was delivered;
    // a change of the other facts only, that the shipping was updated.
    const told = async () =>
      (await db.select().from(notifications).where(eq(notifications.orgId, f.brand.org.id)).orderBy(asc(notifications.createdAt), asc(notifications.id)))
        .filter((n) => n.href.endsWith(order.id) && ["order", "order_shipped", "order_delivered"].includes(n.kind) && !n.title.includes("deposit"))
        .map((n) => [n.kind, n.title, n.body]);
    const label = `PO-${order.year}-${order.seq}`;
    expect(await told()).toEqual([["order_shipped", `Atelier Test shipped ${label}`, "Shipped on 2027-03-10 · DHL Express · JD0146"]]);
    await updateShipping(db, actorOf(f.workshop), { ...shipped, deliveredOn: "2027-03-12" }, at("2027-03-12"));
    await updateShipping(db, actorOf(f.workshop), { ...shipped, trackingNumber: "JD0147", deliveredOn: "2027-03-12" }, at("2027-03-12"));
    expect((await told()).slice(1)).toEqual([
      ["order_delivered", `${label} from Atelier Test was delivered`, "Delivered on 2027-03-12."],
      ["order", `Atelier Test updated the shipping of ${label}`, "DHL Express · JD0147"],
    ]);
  });
});
