/** Vocabularies of the milestone plan, shared by the schema, the services and the pages. */

export const MILESTONE_STATUSES = ["pending", "in_progress", "blocked", "awaiting_approval", "completed"] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** The brand's answer on a milestone that needs its approval; `none` when it needs none or was not asked yet. */
export const APPROVAL_STATES = ["none", "requested", "approved", "changes_requested"] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

/** Steps the services find by their key (deposit, shipping, delivery); custom steps have none. */
export const MILESTONE_KEYS = [
  "deposit_received",
  "cad_approved",
  "materials_sourced",
  "casting",
  "stone_setting",
  "polishing_and_finishing",
  "quality_check",
  "shipped",
  "customs_cleared",
  "delivered",
] as const;
export type MilestoneKey = (typeof MILESTONE_KEYS)[number];

export type PlanTemplateStep = { key: MilestoneKey | null; name: string; sharePercent: number; needsApproval: boolean };

/**
 * A workshop's plan template until it saves its own: the steps of the trade, in order, with each step's
 * share of the quote's lead time (percent, summing to 100). CAD and the quality check wait for the brand.
 */
export const DEFAULT_PLAN_TEMPLATE: readonly PlanTemplateStep[] = [
  { key: "deposit_received", name: "Deposit received", sharePercent: 5, needsApproval: false },
  { key: "cad_approved", name: "CAD approved", sharePercent: 10, needsApproval: true },
  { key: "materials_sourced", name: "Materials sourced", sharePercent: 10, needsApproval: false },
  { key: "casting", name: "Casting", sharePercent: 20, needsApproval: false },
  { key: "stone_setting", name: "Stone setting", sharePercent: 15, needsApproval: false },
  { key: "polishing_and_finishing", name: "Polishing and finishing", sharePercent: 10, needsApproval: false },
  { key: "quality_check", name: "Quality check", sharePercent: 5, needsApproval: true },
  { key: "shipped", name: "Shipped", sharePercent: 5, needsApproval: false },
  { key: "customs_cleared", name: "Customs cleared", sharePercent: 10, needsApproval: false },
  { key: "delivered", name: "Delivered", sharePercent: 10, needsApproval: false },
];

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  pending: "Not started",
  in_progress: "In progress",
  blocked: "Blocked",
  awaiting_approval: "Waiting for approval",
  completed: "Done",
};
