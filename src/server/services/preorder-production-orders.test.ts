import { and, asc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createFixture, type Fixture } from "~/test/fixtures";
import { campaignRow, orderPhoto, publishedCampaign, reservationOf } from "~/test/preorder-production";
import { rfqBetween } from "~/test/rfqs";
import { actorOf } from "~/test/vetting";
import { emails, files, orderMilestones, orderPlans, payments, preorderCampaignImages, preorderReservations } from "../db/schema";
import { getStorage } from "../storage";
import { changeMilestone, updateShipping } from "./milestones";
import { linkOrder } from "./preorder-production";
import { listProgressPhotos, publishProgressPhoto, unpublishProgressPhoto } from "./preorder-production-photos";
import { localDateOf } from "./production-calendar";

/** What the linked order's production does to a campaign, through the order's own paths (as the workshop). */
const db = await testDb();

async function linkedCampaign(f: Fixture) {
  const r = await rfqBetween(db, f);
  const [plan] = await db.select().from(orderPlans).where(eq(orderPlans.orderId, r.order.id));
  const c = await publishedCampaign(db, f, r.ring.revision, { expectedDeliveryOn: plan!.forecastDeliveryDate });
  const deposit = await reservationOf(db, c, { size: "6", quantity: 1 });
  const second = await reservationOf(db, c, { size: "7", quantity: 2 });
  const held = await reservationOf(db, c, { size: "8", quantity: 1, status: "held" });
  await linkOrder(db, actorOf(f.brand), { campaignId: c.id, orderId: r.order.id });
  return { r, c, plan: plan!, deposit, second, held };
}

const mailOf = (to: string[]) => db.select().from(emails).where(inArray(emails.to, to));

describe("the linked order moves and ships", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(db);
  });

  it("a milestone reported weeks late re-forecasts the order, and the campaign (the brand's row) follows in the workshop's transaction, paid customers emailed", async () => {
    const { r, c, plan, deposit, second, held } = await linkedCampaign(f);
    const [first] = await db.select().from(orderMilestones).where(eq(orderMilestones.orderId, r.order.id)).orderBy(asc(orderMilestones.position)).limit(1);
    const late = new Date(Date.now() + 40 * 86_400_000);
    const result = await changeMilestone(db, actorOf(f.workshop), "workshop", "start", { milestoneId: first!.id, note: "", photoFileIds: [] }, late);
    expect(result.expectedDeliveryDate > plan.forecastDeliveryDate).toBe(true);
    const row = await campaignRow(db, c.id);
    expect([row.forecastDeliveryOn, row.announcedDeliveryOn]).toEqual([result.expectedDeliveryDate, result.expectedDeliveryDate]);
    const told = await mailOf([deposit.customerEmail, second.customerEmail, held.customerEmail]);
    expect(told.map((e) => e.to).sort()).toEqual([deposit.customerEmail, second.customerEmail].sort());
    expect(told[0]!.subject).toBe(`The Signet, made in Florence: your piece is now expected on ${result.expectedDeliveryDate}`);
  });

  it("when it ships, each paid customer is told once, and a deposit's balance becomes due", async () => {
    const { r, c, deposit, second, held } = await linkedCampaign(f);
    await db.update(payments).set({ status: "paid" }).where(and(eq(payments.orderId, r.order.id), eq(payments.kind, "balance")));
    const today = localDateOf(new Date(), f.workshop.org.timeZone);
    const ship = () => updateShipping(db, actorOf(f.workshop), { orderId: r.order.id, carrier: "DHL Express", trackingNumber: "JD0146", shippedOn: today, customsEnteredOn: null, customsClearedOn: null, deliveredOn: null });
    await ship();
    const rows = await db.select().from(preorderReservations).where(eq(preorderReservations.campaignId, c.id));
    const byId = new Map(rows.map((x) => [x.id, x]));
    expect([deposit, second].map((x) => [byId.get(x.id)!.balanceStatus, byId.get(x.id)!.shippedNoticeAt !== null])).toEqual([
      ["due", true],
      ["due", true],
    ]);
    expect([byId.get(held.id)!.balanceStatus, byId.get(held.id)!.shippedNoticeAt]).toEqual(["none", null]);
    const told = await mailOf([deposit.customerEmail, second.customerEmail, held.customerEmail]);
    expect(told.map((e) => [e.to, e.subject]).sort()).toEqual(
      [
        [deposit.customerEmail, "Your The Signet, made in Florence ships: the balance of €84.00 is due"],
        [second.customerEmail, "Your The Signet, made in Florence ships: the balance of €168.00 is due"],
      ].sort(),
    );
    expect(told.find((e) => e.to === deposit.customerEmail)!.text).toContain('"Pay the balance"');
    // Shipping facts edited again say nothing new.
    await ship();
    expect(await mailOf([deposit.customerEmail, second.customerEmail])).toHaveLength(2);
    expect((await campaignRow(db, c.id)).status).toBe("published");
  });
});

describe("progress photos on the campaign page", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(db);
  });

  it("a photo of the linked order is copied into a file of the brand's own, shown as progress; taken off, the copy is gone and the order's photo stays", async () => {
    const { r, c } = await linkedCampaign(f);
    const photo = await orderPhoto(db, f, r.order.id);
    const listed = await listProgressPhotos(db, f.brand.org.id, c.id);
    expect(listed.map((p) => [p.milestonePhotoFileId, p.published])).toEqual([[photo.id, null]]);

    const shown = await publishProgressPhoto(db, actorOf(f.brand, "admin"), { campaignId: c.id, milestonePhotoFileId: photo.id, caption: "Setting the stones" });
    const [copy] = await db.select().from(files).where(eq(files.id, shown.fileId));
    expect(copy).toMatchObject({ orgId: f.brand.org.id, purpose: "preorder_image", contentType: "image/jpeg", originalName: "setting.jpg" });
    expect(copy!.storageKey.startsWith(`${f.brand.org.id}/${shown.fileId}/`)).toBe(true);
    const stored = await getStorage().get(copy!.storageKey);
    expect(Buffer.from(stored!.body as Buffer).toString()).toBe("jpeg bytes of a ring being set");
    expect(await db.select().from(preorderCampaignImages).where(eq(preorderCampaignImages.campaignId, c.id))).toMatchObject([
      { fileId: shown.fileId, kind: "progress", milestonePhotoFileId: photo.id, caption: "Setting the stones", orgId: f.brand.org.id },
    ]);
    await expect(publishProgressPhoto(db, actorOf(f.brand), { campaignId: c.id, milestonePhotoFileId: photo.id, caption: "" })).rejects.toMatchObject({ code: "CONFLICT" });

    await unpublishProgressPhoto(db, actorOf(f.brand), { campaignId: c.id, fileId: shown.fileId });
    expect(await db.select().from(preorderCampaignImages).where(eq(preorderCampaignImages.campaignId, c.id))).toEqual([]);
    expect(await db.select().from(files).where(eq(files.id, shown.fileId))).toEqual([]);
    expect(await getStorage().get(copy!.storageKey)).toBeNull();
    expect(await db.select().from(files).where(eq(files.id, photo.id))).toHaveLength(1);
  });

  it("a photo of another order is not found, and nothing is written", async () => {
    const { c } = await linkedCampaign(f);
    const other = await rfqBetween(db, f);
    const photo = await orderPhoto(db, f, other.order.id);
    const before = await db.select().from(files).where(eq(files.orgId, f.brand.org.id));
    await expect(publishProgressPhoto(db, actorOf(f.brand), { campaignId: c.id, milestonePhotoFileId: photo.id, caption: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.select().from(files).where(eq(files.orgId, f.brand.org.id))).toEqual(before);
    expect(await db.select().from(preorderCampaignImages).where(eq(preorderCampaignImages.campaignId, c.id))).toEqual([]);
  });
});
