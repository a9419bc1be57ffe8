import "./zod-config";
import { z } from "zod";
import { emailCustomersSchema } from "./preorder-schemas";
import { PREORDER_RESERVATION_STATUSES, type PreorderReservationStatus } from "./preorder-vocabulary";

/**
 * The dashboard's email to a campaign's customers: subject, message, and the reservations' statuses it
 * goes to (paid ones unless the brand chooses others). Shared by the dialog and `preorderDashboard.emailCustomers`.
 */

/** How many times a campaign's customers can be emailed in an hour: enough to correct a mistake, not to spam. */
export const EMAIL_SENDS_PER_HOUR = 3;

export const EMAIL_STATUS_CHOICES: readonly PreorderReservationStatus[] = ["paid", "held", "refunded", "cancelled", "expired"];

export const emailCampaignCustomersSchema = emailCustomersSchema.extend({
  statuses: z
    .array(z.enum(PREORDER_RESERVATION_STATUSES, "Unknown status."), "Choose who receives it.")
    .min(1, "Choose who receives it.")
    .max(PREORDER_RESERVATION_STATUSES.length)
    .default(["paid"])
    .transform((s) => [...new Set(s)]),
});
export type EmailCampaignCustomersInput = z.output<typeof emailCampaignCustomersSchema>;
