import "./zod-config";
import { z } from "zod";

/** Input schemas of milestone changes, shared by the bench form, the order page and the procedures. */

export const MILESTONE_NOTE_MAX = 2000;
export const MILESTONE_PHOTOS_MAX = 8;

const note = z.string("Write a note.").trim().max(MILESTONE_NOTE_MAX, `Keep the note to ${MILESTONE_NOTE_MAX} characters.`);
const photoFileIds = z.array(z.uuid("That photo was not found. Upload it again.")).max(MILESTONE_PHOTOS_MAX, `Add at most ${MILESTONE_PHOTOS_MAX} photos.`);
const milestoneId = z.uuid("Unknown milestone.");
const day = z.iso.date("Choose a date.");

/** Start or complete a milestone (workshop): a note and photos are optional. */
export const milestoneReportSchema = z.object({ milestoneId, note: note.default(""), photoFileIds: photoFileIds.default([]) });
/** Block a milestone (workshop), or ask for changes (brand): the other side needs to know why. */
export const milestoneReasonSchema = z.object({
  milestoneId,
  note: note.min(1, "Say what is holding it up."),
  photoFileIds: photoFileIds.default([]),
});
export const milestoneApproveSchema = z.object({ milestoneId, note: note.default("") });
export const requestChangesSchema = z.object({ milestoneId, note: note.min(1, "Say what should change.") });

/** A bank transfer the workshop received for the deposit, recorded by hand until card payments land. */
export const recordBankTransferSchema = z.object({
  orderId: z.uuid("Unknown order."),
  receivedOn: day,
  reference: z.string().trim().max(120, "Keep the reference to 120 characters.").default(""),
});

const optionalDay = z.union([day, z.literal("").transform(() => null), z.null()]).default(null);

export const shippingSchema = z
  .object({
    orderId: z.uuid("Unknown order."),
    carrier: z.string().trim().max(80, "Keep the carrier to 80 characters.").default(""),
    trackingNumber: z.string().trim().max(80, "Keep the tracking number to 80 characters.").default(""),
    shippedOn: optionalDay,
    customsEnteredOn: optionalDay,
    customsClearedOn: optionalDay,
    deliveredOn: optionalDay,
  })
  .superRefine((v, ctx) => {
    const chain: [keyof typeof v, string][] = [
      ["shippedOn", "shipped"],
      ["customsEnteredOn", "entered customs"],
      ["customsClearedOn", "cleared customs"],
      ["deliveredOn", "delivered"],
    ];
    let last: { date: string; label: string } | null = null;
    for (const [field, label] of chain) {
      const date = v[field];
      if (!date) continue;
      if (last && date < last.date) ctx.addIssue({ code: "custom", path: [field], message: `It cannot have ${label} before it ${last.label}.` });
      last = { date, label };
    }
    if (v.shippedOn && !v.carrier) ctx.addIssue({ code: "custom", path: ["carrier"], message: "Name the carrier of the shipment." });
  });

export type MilestoneReportInput = z.infer<typeof milestoneReportSchema>;
export type MilestoneReasonInput = z.infer<typeof milestoneReasonSchema>;
export type RecordBankTransferInput = z.infer<typeof recordBankTransferSchema>;
export type ShippingInput = z.infer<typeof shippingSchema>;
