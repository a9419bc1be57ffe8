/**
 * The kinds of notification. Each also goes out by email to the recipients who have not muted its kind in
 * their account; the database enum and the zod enum are built from this tuple.
 */
export const NOTIFICATION_KINDS = ["sample_request", "design_mention", "rfq", "quote", "rfq_message", "order", "review"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, { title: string; description: string }> = {
  sample_request: { title: "Sample requests", description: "A new request, and every answer, shipment and receipt." },
  design_mention: { title: "Mentions on designs", description: "A colleague mentions you in a comment on a design revision." },
  rfq: { title: "Requests for quote", description: "A request received or changed, its deadline in 24 hours, a workshop declining." },
  quote: { title: "Quotes", description: "A quote received, revised, withdrawn or expired; yours accepted or declined; an order created." },
  rfq_message: { title: "Messages on requests for quote", description: "A new message in a request's thread." },
  order: { title: "Orders", description: "A milestone started, done or blocked; an approval asked or answered; a deposit recorded; shipping; an order at risk." },
  review: { title: "Reviews", description: "A brand reviewed a delivered order." },
};
