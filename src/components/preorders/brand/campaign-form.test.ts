import { describe, expect, it } from "vitest";
import { changedFields, editCampaignValues, type CampaignForEdit } from "./campaign-form-values";

/** What the editor sends: only the fields changed since the last save, never one publishing froze. */
const campaign: CampaignForEdit = {
  id: "5d1c2c8e-6f0a-4c38-9a39-0d9c0b7f1a0a",
  status: "published",
  title: "Lune signet",
  slug: "lune-signet",
  story: "Cast by hand.",
  retailPrice: { amountMinor: 24_000, currency: "EUR" },
  paymentMode: "deposit",
  depositPercent: 30,
  totalCap: 40,
  heldUnits: 0,
  paidUnits: 3,
  // Seconds and milliseconds the datetime inputs do not show.
  opensAt: new Date(2027, 0, 10, 9, 0, 30, 500),
  closesAt: new Date(2027, 0, 24, 18, 0, 12),
  holdMinutes: 30,
  returnPolicy: "Returns within 30 days.",
  cancelWithinDays: 14,
  expectedDeliveryOn: "2027-06-30",
  workshop: null,
  showArtisans: false,
  design: { revisionId: "5d1c2c8e-6f0a-4c38-9a39-0d9c0b7f1a0b", name: "Lune", sku: "LU-1", revisionNumber: 2, sizes: ["5", "6", "7"] },
  sizes: [
    { size: "6", cap: 10, heldUnits: 0, paidUnits: 3 },
    { size: "7", cap: null, heldUnits: 0, paidUnits: 0 },
  ],
  locked: { title: "The title", retailPrice: "The price", opensAt: "The opening of the window" },
};

describe("the campaign editor's changes", () => {
  const saved = editCampaignValues(campaign);

  it("sends nothing when nothing was touched, though the stored times carry seconds", () => {
    expect(saved.opensAt).toBe("2027-01-10T09:00");
    expect(changedFields(saved, saved, campaign.locked)).toEqual({});
  });

  it("offers the revision's sizes, ticked where the campaign offers them, with their caps", () => {
    expect(saved.sizes).toEqual([
      { size: "5", offered: false, cap: "" },
      { size: "6", offered: true, cap: "10" },
      { size: "7", offered: true, cap: "" },
    ]);
  });

  it("sends a later close and a new story, and never a frozen field even when its value differs", () => {
    const edited = { ...saved, title: "Another title", retailPrice: "1.00", closesAt: "2027-01-31T18:00", story: "Now longer." };
    const sent = changedFields(edited, saved, campaign.locked);
    expect(Object.keys(sent).sort()).toEqual(["closesAt", "story"]);
    expect(sent.closesAt).toEqual(new Date(2027, 0, 31, 18, 0));
  });

  it("a changed cap sends the sizes offered with their caps; an empty cap is none", () => {
    const edited = { ...saved, sizes: saved.sizes.map((s) => (s.size === "7" ? { ...s, cap: "12" } : s.size === "6" ? { ...s, cap: " " } : s)) };
    expect(changedFields(edited, saved, campaign.locked)).toEqual({
      sizes: [
        { size: "6", cap: null },
        { size: "7", cap: "12" },
      ],
    });
  });

  it("a draft's price goes as typed with its currency, and full payment as 100 %", () => {
    const draft = editCampaignValues({ ...campaign, status: "draft", locked: {} });
    const sent = changedFields({ ...draft, retailPrice: "260.00", currency: "chf", paymentMode: "full" }, draft, {});
    expect(sent).toEqual({ retailPrice: "260.00 CHF", paymentMode: "full", depositPercent: 100 });
  });
});
