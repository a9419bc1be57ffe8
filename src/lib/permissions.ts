/**
 * Who may do what inside an organization. The one place roles are checked: procedures declare the
 * permission they need, and the UI asks the same map before showing a control.
 */
export const ROLES = ["owner", "admin", "member"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "org.view": ["owner", "admin", "member"],
  "org.update": ["owner", "admin"],
  "members.view": ["owner", "admin", "member"],
  "members.invite": ["owner", "admin"],
  "members.manage": ["owner", "admin"],
  /** Granting or taking away the owner role, and removing an owner. */
  "members.manageOwners": ["owner"],
  "activity.view": ["owner", "admin", "member"],
  /** Upload files (photos, attachments) for the organization's own records. */
  "files.upload": ["owner", "admin", "member"],
  /** Workshop side: the public profile, artisans and portfolio. */
  "workshopProfile.view": ["owner", "admin", "member"],
  "workshopProfile.edit": ["owner", "admin"],
  "workshopProfile.publish": ["owner", "admin"],
  /** Brand side: saved workshops with private notes and tags. */
  "shortlist.view": ["owner", "admin", "member"],
  "shortlist.edit": ["owner", "admin", "member"],
  /** Sample requests: brands request and evaluate; workshops answer and ship. */
  "samples.view": ["owner", "admin", "member"],
  "samples.request": ["owner", "admin", "member"],
  "samples.evaluate": ["owner", "admin", "member"],
  "samples.respond": ["owner", "admin", "member"],
  "notifications.view": ["owner", "admin", "member"],
  /** Requests for quote, brand side: read, draft and send; awarding commits money, so admins and owners. */
  "rfqs.view": ["owner", "admin", "member"],
  "rfqs.manage": ["owner", "admin", "member"],
  "rfqs.award": ["owner", "admin"],
  /** Quotes, workshop side: read, draft and decline; sending or withdrawing a price is the admins' and owners'. */
  "quotes.view": ["owner", "admin", "member"],
  "quotes.draft": ["owner", "admin", "member"],
  "quotes.send": ["owner", "admin"],
  /** The thread of an invitation, either side. */
  "rfqThreads.use": ["owner", "admin", "member"],
  /** Orders, both sides: read an order, its plan and timeline. */
  "orders.view": ["owner", "admin", "member"],
  /**
   * Cancelling or closing an order (the rule by status and side is ORDER_STATUS_RULES in
   * src/lib/order-status.ts): awaiting its deposit, either party's owners and admins may cancel; in
   * production only the brand's owner; the brand's owners and admins close a delivered order.
   */
  "orders.cancel": ["owner", "admin"],
  "orders.cancelInProduction": ["owner"],
  "orders.close": ["owner", "admin"],
  /** Workshop side: working days, holidays, closures and make-up days that delivery dates are counted in. */
  "calendar.view": ["owner", "admin", "member"],
  "calendar.edit": ["owner", "admin"],
  /** Brand side: collections, designs and their revisions. Every member drafts and comments; approving freezes a revision for good. */
  "designs.view": ["owner", "admin", "member"],
  "designs.edit": ["owner", "admin", "member"],
  "designs.comment": ["owner", "admin", "member"],
  "designs.approve": ["owner", "admin"],
  /** Workshop side: the plan template every new order's milestones start from. */
  "planTemplate.view": ["owner", "admin", "member"],
  "planTemplate.edit": ["owner", "admin"],
  /** Workshop side: start, complete or block a milestone from the bench, and the shipping facts. */
  "milestones.report": ["owner", "admin", "member"],
  /** Brand side: approve a milestone or ask for changes. */
  "milestones.approve": ["owner", "admin", "member"],
  /** Workshop side: record a payment received by hand (a bank transfer). */
  "payments.record": ["owner", "admin"],
  /** Brand side: review a delivered order; workshop side: answer its review. Both speak publicly for the organization. */
  "reviews.write": ["owner", "admin"],
  /** Both sides: an order's payments, the payments list and its CSV. */
  "payments.view": ["owner", "admin", "member"],
  /** Brand side: pay by card or mark a bank transfer sent (commits money, like awarding). */
  "payments.pay": ["owner", "admin"],
  /**
   * Workshop side: refund a cancelled order's payment (a Stripe refund of a card payment, or recording the
   * transfer sent back), by the rule in src/lib/refunds.ts. It gives money back, so owners and admins.
   */
  "payments.refund": ["owner", "admin"],
  /** Both sides: the payout settings (the Stripe account; a workshop's bank details brands pay to). */
  "payouts.view": ["owner", "admin", "member"],
  "payouts.manage": ["owner", "admin"],
  /** Brand side: its preorder campaigns, their dashboards and the customers' reservations (names, emails). */
  "preorders.view": ["owner", "admin", "member"],
  /** Brand side: create, edit, publish, extend and cancel campaigns; email their customers; turn totals into an RFQ or an order. */
  "preorders.manage": ["owner", "admin"],
  /** Brand side: refund a customer's reservation (gives money back). */
  "preorders.refund": ["owner", "admin"],
  /** Workshop side: see the campaigns it makes (quantities only) and grant or decline showing its artisans. */
  "preorders.consent": ["owner", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The lowest role that holds a permission, for tests and messages. */
export function lowestRoleWith(permission: Permission): Role {
  const allowed = PERMISSIONS[permission] as readonly Role[];
  return [...ROLES].reverse().find((r) => allowed.includes(r)) ?? "owner";
}

export const ROLE_LABELS: Record<Role, string> = { owner: "Owner", admin: "Admin", member: "Member" };
