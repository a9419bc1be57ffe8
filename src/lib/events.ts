import type { FilePurpose } from "./files";
import type { OrganizationKind } from "./organizations";
import { ROLE_LABELS, type Role } from "./permissions";
import type { SampleStatus } from "./sample-request-schemas";

/**
 * Every action the activity log can hold, with the data it carries. `recordEvent` accepts only these
 * pairs, and `EVENT_SENTENCES` must say each one in words: a new action does not compile until it does.
 */
type SampleRef = { number: number; brand: string; workshop: string };
type Nothing = Record<string, never>;
/** An RFQ in the log: its number and title, and the other party when there is one. */
type RfqRef = { number: number; title: string; brand: string; workshop?: string };
type OrderRef = { order: string; brand: string; workshop: string };
type MilestoneRef = OrderRef & { milestone: string };
/** A payment in the log: what it is for (an order or a sample request), its kind and amount in words. */
type PaymentRef = { subject: string; kind: string; amount: string };
/** A preorder campaign in the log: its title, and the other party when the entry is the counterparty's. */
type CampaignRef = { title: string; brand?: string; workshop?: string };

export type EventPayloads = {
  "organization.created": { name: string; kind: OrganizationKind };
  "organization.updated": { changed: string[] };
  "invitation.sent": { email: string; role: Role };
  "invitation.revoked": { email: string };
  "member.joined": { name: string; role: Role };
  "member.role_changed": { name: string; from: Role; to: Role };
  "member.removed": { name: string; role: Role };
  "member.left": { name: string | null };
  "workshop_profile.updated": { changed: string[] };
  "workshop_profile.published": Nothing;
  "workshop_profile.unpublished": Nothing;
  "workshop_artisan.added": { name: string };
  "workshop_artisan.updated": { name: string; changed: string[] };
  "workshop_artisan.removed": { name: string };
  "workshop_artisan.reordered": Nothing;
  "portfolio_piece.added": { title: string };
  "portfolio_piece.updated": { title: string; changed: string[] };
  "portfolio_piece.removed": { title: string };
  "portfolio_piece.reordered": Nothing;
  "shortlist.added": { workshop: string };
  "shortlist.updated": { workshop: string; changed: string[] };
  "shortlist.removed": { workshop: string };
  "sample_request.evaluated": { number: number };
  "file.uploaded": { name: string; purpose: FilePurpose };
  "rfq.created": RfqRef;
  "rfq.updated": RfqRef;
  "rfq.sent": RfqRef & { workshops: number };
  "rfq.invited": RfqRef & { workshop: string };
  "rfq.deadline_extended": RfqRef & { deadline: string };
  "rfq.closed": RfqRef;
  "rfq.line_updated": RfqRef & { design: string; revision: number };
  "rfq.declined": RfqRef & { workshop: string };
  "quote.sent": RfqRef & { version: number };
  "quote.withdrawn": RfqRef & { version: number };
  "quote.accepted": RfqRef & { version: number };
  "quote.declined": RfqRef & { version: number };
  "quote.expired": RfqRef & { version: number };
  "quote.outdated": RfqRef & { version: number };
  "order.created": OrderRef;
  "production_calendar.updated": { changed: string[] };
  "production_calendar.reviewed": Nothing;
  "calendar_holiday.set": { date: string; label: string };
  "calendar_holiday.removed": { date: string; label: string };
  "calendar_holiday.restored": { date: string };
  "calendar_closure.added": { label: string; startsOn: string; endsOn: string };
  "calendar_closure.removed": { label: string; startsOn: string; endsOn: string };
  "calendar_working_day.added": { date: string; label: string };
  "calendar_working_day.removed": { date: string; label: string };
  "collection.created": { name: string };
  "collection.updated": { name: string; changed: string[] };
  "collection.style_guide_updated": { name: string };
  "design.created": { sku: string; name: string };
  "design.updated": { sku: string; changed: string[] };
  "design_revision.started": { sku: string; number: number; from: number | null };
  "design_revision.saved": { sku: string; number: number };
  "design_revision.approved": { sku: string; number: number };
  "design_revision.commented": { sku: string; number: number };
  "plan_template.saved": { steps: number };
  "plan_template.reset": Nothing;
  "order.planned": OrderRef & { promisedDeliveryDate: string; milestones: number };
  "milestone.started": MilestoneRef;
  "milestone.completed": MilestoneRef;
  "milestone.blocked": MilestoneRef;
  "milestone.approval_requested": MilestoneRef;
  "milestone.approved": MilestoneRef;
  "milestone.changes_requested": MilestoneRef;
  "milestone.deposit_recorded": MilestoneRef;
  "milestone.overdue": MilestoneRef;
  "order.shipping_updated": OrderRef;
  "order.at_risk": OrderRef & { expectedDeliveryDate: string; promisedDeliveryDate: string };
  "review.left": OrderRef;
  "review.answered": OrderRef;
  "order.in_production": OrderRef;
  "order.cancelled": OrderRef & { reason: string };
  "order.closed": OrderRef;
  "payment.transfer_sent": PaymentRef & { reference: string };
  "payment.paid": PaymentRef & { method: string };
  "payment.failed": PaymentRef;
  "payment.refunded": PaymentRef & { refunded: string };
  "payout.connected": Nothing;
  "payout.status_changed": { status: string };
  "payout.bank_details_updated": Nothing;
  "preorder_campaign.created": CampaignRef;
  "preorder_campaign.updated": CampaignRef & { changed: string[] };
  "preorder_campaign.published": CampaignRef;
  "preorder_campaign.deleted": CampaignRef;
  "preorder_campaign.images_changed": CampaignRef;
  "preorder_campaign.consent_requested": CampaignRef;
  "preorder_campaign.consent_granted": CampaignRef;
  "preorder_campaign.consent_declined": CampaignRef;
  "preorder_campaign.customers_emailed": CampaignRef & { subject: string; recipients: number };
} & { [S in SampleStatus as `sample_request.${S}`]: SampleRef };

export type EventAction = keyof EventPayloads;

const role = (r: unknown) => (typeof r === "string" ? (r in ROLE_LABELS ? ROLE_LABELS[r as Role].toLowerCase() : r) : "");
const text = (v: unknown, fallback = "") => (typeof v === "string" && v ? v : fallback);
const rfqRef = (d: { number?: unknown; title?: unknown }) => `RFQ-${typeof d.number === "number" ? d.number : ""}${typeof d.title === "string" && d.title ? ` (${d.title})` : ""}`;
const num = (n: unknown) => (typeof n === "number" ? String(n) : "");
const sr = (n: unknown) => `SR-${typeof n === "number" ? n : ""}`;
const FIELD_LABELS: Record<string, string> = { name: "name", slug: "web address", country: "country", timeZone: "time zone", currency: "currency" };
const fields = (changed: unknown) => (Array.isArray(changed) ? changed.map((c) => FIELD_LABELS[String(c)] ?? String(c)).join(", ") : "details");

/**
 * The log's sentence for each action, after the actor's name. Rows written long ago may lack a field,
 * so each sentence reads its data defensively.
 */
export const EVENT_SENTENCES: { [A in EventAction]: (data: Partial<EventPayloads[A]>) => string } = {
  "organization.created": (d) => `created ${text(d.name, "the organization")}`,
  "organization.updated": (d) => `updated the organization's ${fields(d.changed)}`,
  "invitation.sent": (d) => `invited ${text(d.email)} as ${role(d.role)}`,
  "invitation.revoked": (d) => `withdrew the invitation to ${text(d.email)}`,
  "member.joined": (d) => `joined as ${role(d.role)}`,
  "member.role_changed": (d) => `changed ${text(d.name)}'s role from ${role(d.from)} to ${role(d.to)}`,
  "member.removed": (d) => `removed ${text(d.name)}`,
  "member.left": () => "left the organization",
  "workshop_profile.updated": () => "updated the workshop profile",
  "workshop_profile.published": () => "published the workshop profile",
  "workshop_profile.unpublished": () => "unpublished the workshop profile",
  "workshop_artisan.added": (d) => `added the artisan ${text(d.name)}`,
  "workshop_artisan.updated": (d) => `updated the artisan ${text(d.name)}`,
  "workshop_artisan.removed": (d) => `removed the artisan ${text(d.name)}`,
  "workshop_artisan.reordered": () => "reordered the artisans",
  "portfolio_piece.added": (d) => `added the portfolio piece ${text(d.title)}`,
  "portfolio_piece.updated": (d) => `updated the portfolio piece ${text(d.title)}`,
  "portfolio_piece.removed": (d) => `removed the portfolio piece ${text(d.title)}`,
  "portfolio_piece.reordered": () => "reordered the portfolio",
  "shortlist.added": (d) => `shortlisted ${text(d.workshop)}`,
  "shortlist.updated": (d) => `updated the shortlist notes on ${text(d.workshop)}`,
  "shortlist.removed": (d) => `removed ${text(d.workshop)} from the shortlist`,
  "sample_request.requested": (d) => `requested sample ${sr(d.number)} from ${text(d.workshop)}`,
  "sample_request.accepted": (d) => `accepted sample request ${sr(d.number)} from ${text(d.brand)}`,
  "sample_request.declined": (d) => `declined sample request ${sr(d.number)} from ${text(d.brand)}`,
  "sample_request.cancelled": (d) => `cancelled sample request ${sr(d.number)}`,
  "sample_request.shipped": (d) => `shipped sample ${sr(d.number)} to ${text(d.brand)}`,
  "sample_request.received": (d) => `marked sample ${sr(d.number)} received`,
  "sample_request.evaluated": (d) => `evaluated sample ${sr(d.number)}`,
  "file.uploaded": (d) => `uploaded ${text(d.name, "a file")}`,
  "rfq.created": (d) => `drafted request for quote ${rfqRef(d)}`,
  "rfq.updated": (d) => `edited request for quote ${rfqRef(d)}`,
  "rfq.sent": (d) => `sent request for quote ${rfqRef(d)}`,
  "rfq.invited": (d) => `invited ${text(d.workshop, "a workshop")} to request for quote ${rfqRef(d)}`,
  "rfq.deadline_extended": (d) => `extended the deadline of ${rfqRef(d)} to ${text(d.deadline)}`,
  "rfq.closed": (d) => `closed request for quote ${rfqRef(d)}`,
  "rfq.line_updated": (d) => `moved ${text(d.design, "a design")} of ${rfqRef(d)} to revision ${typeof d.revision === "number" ? d.revision : ""}`,
  "rfq.declined": (d) => `declined to quote on ${rfqRef(d)} from ${text(d.brand)}`,
  "quote.sent": (d) => `sent quote version ${typeof d.version === "number" ? d.version : ""} on ${rfqRef(d)}`,
  "quote.withdrawn": (d) => `withdrew the quote on ${rfqRef(d)}`,
  "quote.accepted": (d) => `accepted the quote of ${text(d.workshop, "a workshop")} on ${rfqRef(d)}`,
  "quote.declined": (d) => `declined the quote of ${text(d.workshop, "a workshop")} on ${rfqRef(d)}`,
  "quote.expired": (d) => `saw a quote on ${rfqRef(d)} expire`,
  "quote.outdated": (d) => `saw a quote on ${rfqRef(d)} become outdated by a new design revision`,
  "order.created": (d) => `created order ${text(d.order)} with ${text(d.workshop)}`,
  "production_calendar.updated": () => "updated the production calendar",
  "production_calendar.reviewed": () => "confirmed the holidays in the production calendar",
  "calendar_holiday.set": (d) => `made ${text(d.date)} a holiday (${text(d.label)})`,
  "calendar_holiday.removed": (d) => `made ${text(d.date)} no longer a holiday (${text(d.label)})`,
  "calendar_holiday.restored": (d) => `restored the public holidays' word for ${text(d.date)}`,
  "calendar_closure.added": (d) => `added the closure ${text(d.label)} (${text(d.startsOn)} to ${text(d.endsOn)})`,
  "calendar_closure.removed": (d) => `removed the closure ${text(d.label)} (${text(d.startsOn)} to ${text(d.endsOn)})`,
  "calendar_working_day.added": (d) => `made ${text(d.date)} a working day (${text(d.label)})`,
  "calendar_working_day.removed": (d) => `removed the working day ${text(d.date)} (${text(d.label)})`,
  "collection.created": (d) => `created the collection ${text(d.name)}`,
  "collection.updated": (d) => `updated the collection ${text(d.name)}`,
  "collection.style_guide_updated": (d) => `updated the style guide of ${text(d.name)}`,
  "design.created": (d) => `created the design ${text(d.sku)} ${text(d.name)}`.trimEnd(),
  "design.updated": (d) => `updated the design ${text(d.sku)}`,
  "design_revision.started": (d) => `started revision ${num(d.number)} of ${text(d.sku)}${typeof d.from === "number" ? ` from revision ${d.from}` : ""}`,
  "design_revision.saved": (d) => `saved draft revision ${num(d.number)} of ${text(d.sku)}`,
  "design_revision.approved": (d) => `approved revision ${num(d.number)} of ${text(d.sku)}`,
  "design_revision.commented": (d) => `commented on revision ${num(d.number)} of ${text(d.sku)}`,
  "plan_template.saved": (d) => `saved the plan template (${typeof d.steps === "number" ? d.steps : ""} steps)`,
  "plan_template.reset": () => "reset the plan template to the default steps",
  "milestone.started": (d) => `started ${text(d.milestone, "a milestone")} of order ${text(d.order)}`,
  "milestone.completed": (d) => `completed ${text(d.milestone, "a milestone")} of order ${text(d.order)}`,
  "milestone.blocked": (d) => `reported ${text(d.milestone, "a milestone")} of order ${text(d.order)} blocked`,
  "milestone.approval_requested": (d) => `asked for approval of ${text(d.milestone, "a milestone")} of order ${text(d.order)}`,
  "milestone.approved": (d) => `approved ${text(d.milestone, "a milestone")} of order ${text(d.order)}`,
  "milestone.changes_requested": (d) => `asked for changes to ${text(d.milestone, "a milestone")} of order ${text(d.order)}`,
  "milestone.deposit_recorded": (d) => `recorded the deposit of order ${text(d.order)}`,
  "milestone.overdue": (d) => `saw ${text(d.milestone, "a milestone")} of order ${text(d.order)} pass its planned date without a report`,
  "order.shipping_updated": (d) => `updated the shipping of order ${text(d.order)}`,
  "order.at_risk": (d) => `saw order ${text(d.order)} put at risk: expected ${text(d.expectedDeliveryDate)}, promised ${text(d.promisedDeliveryDate)}`,
  "review.left": (d) => `reviewed order ${text(d.order)} with ${text(d.workshop)}`,
  "review.answered": (d) => `answered the review of order ${text(d.order)} from ${text(d.brand)}`,
  "order.in_production": (d) => `saw order ${text(d.order)} go into production`,
  "order.cancelled": (d) => `cancelled order ${text(d.order)}: ${text(d.reason)}`,
  "order.closed": (d) => `closed order ${text(d.order)}`,
  "payment.transfer_sent": (d) => `marked the ${text(d.kind, "payment")} of ${text(d.subject)} (${text(d.amount)}) sent by bank transfer, reference ${text(d.reference)}`,
  "payment.paid": (d) => `saw the ${text(d.kind, "payment")} of ${text(d.subject)} (${text(d.amount)}) paid by ${text(d.method, "transfer")}`,
  "payment.failed": (d) => `saw the card payment of the ${text(d.kind, "payment")} of ${text(d.subject)} (${text(d.amount)}) fail`,
  "payment.refunded": (d) => `saw ${text(d.refunded)} of the ${text(d.kind, "payment")} of ${text(d.subject)} refunded`,
  "payout.connected": () => "connected a Stripe account for payouts",
  "payout.status_changed": (d) => `saw the Stripe account's status become ${text(d.status)}`,
  "payout.bank_details_updated": () => "updated the bank details for transfers",
  "preorder_campaign.created": (d) => `drafted the preorder campaign ${text(d.title)}`,
  "preorder_campaign.updated": (d) => `edited the preorder campaign ${text(d.title)}${Array.isArray(d.changed) && d.changed.length ? ` (${d.changed.join(", ")})` : ""}`,
  "preorder_campaign.published": (d) => `published the preorder campaign ${text(d.title)}`,
  "preorder_campaign.deleted": (d) => `deleted the draft preorder campaign ${text(d.title)}`,
  "preorder_campaign.images_changed": (d) => `changed the images of the preorder campaign ${text(d.title)}`,
  "preorder_campaign.consent_requested": (d) => `asked ${text(d.workshop, "the workshop")} to show its artisans on the preorder campaign ${text(d.title)}${d.brand ? ` of ${text(d.brand)}` : ""}`,
  "preorder_campaign.consent_granted": (d) => `agreed to show its artisans on the preorder campaign ${text(d.title)}${d.brand ? ` of ${text(d.brand)}` : ""}`,
  "preorder_campaign.consent_declined": (d) => `declined to show its artisans on the preorder campaign ${text(d.title)}${d.brand ? ` of ${text(d.brand)}` : ""}`,
  "preorder_campaign.customers_emailed": (d) => `emailed ${num(d.recipients)} customer${d.recipients === 1 ? "" : "s"} of the preorder campaign ${text(d.title)}: “${text(d.subject)}”`,
  "order.planned": (d) => `planned order ${text(d.order)}: ${typeof d.milestones === "number" ? d.milestones : ""} milestones, delivery promised on ${text(d.promisedDeliveryDate)}`,
};

export const EVENT_ACTIONS = Object.keys(EVENT_SENTENCES) as EventAction[];

export function isEventAction(action: string): action is EventAction {
  return Object.hasOwn(EVENT_SENTENCES, action);
}

/** The activity log's sentence for a stored event. An action no longer known is shown in plain words. */
export function describeEvent(action: string, data: Record<string, unknown>): string {
  if (!isEventAction(action)) return action.replaceAll(/[._]/g, " ");
  return (EVENT_SENTENCES[action] as (d: Record<string, unknown>) => string)(data);
}
