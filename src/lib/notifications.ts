/**
 * The kinds of notification. Each also goes out by email to the recipients who have not muted its kind in
 * their account; the database enum and the zod enum are built from this tuple.
 */
export const NOTIFICATION_KINDS = [
  "sample_request",
  "design_mention",
  "rfq",
  "quote",
  "rfq_message",
  "order",
  "review",
  "order_placed",
  "milestone_done",
  "approval_requested",
  "changes_requested",
  "order_at_risk",
  "order_shipped",
  "order_delivered",
  "preorder",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, { title: string; description: string }> = {
  sample_request: { title: "Sample requests", description: "A new request, and every answer, shipment and receipt." },
  design_mention: { title: "Mentions on designs", description: "A colleague mentions you in a comment on a design revision." },
  rfq: { title: "Requests for quote", description: "A request received or changed, its deadline in 24 hours, a workshop declining." },
  quote: { title: "Quotes", description: "A quote received, revised, withdrawn or expired; yours accepted or declined; an order created." },
  rfq_message: { title: "Messages on requests for quote", description: "A new message in a request's thread." },
  order: { title: "Other order updates", description: "A milestone started or blocked, an approval given, a deposit recorded, shipping details changed." },
  order_placed: { title: "Orders placed", description: "A brand accepts your quote and the order is created." },
  milestone_done: { title: "Milestones done", description: "The workshop reports a milestone of an order done." },
  approval_requested: { title: "Approvals requested", description: "A milestone waits for the brand's approval (CAD, first piece, quality check)." },
  changes_requested: { title: "Changes requested", description: "The brand asks for changes to a milestone instead of approving it." },
  order_at_risk: { title: "Orders at risk", description: "An order's expected delivery passes its promise, or a milestone is past its planned date with no report." },
  order_shipped: { title: "Orders shipped", description: "An order leaves the workshop, with its carrier and tracking number." },
  order_delivered: { title: "Orders delivered", description: "An order arrives at the brand." },
  preorder: { title: "Preorder campaigns", description: "A brand asks to show your artisans on its preorder page, and the workshop's answer." },
  review: { title: "Reviews received", description: "A brand reviews a delivered order, or a workshop answers a review." },
};
