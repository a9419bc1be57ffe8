/** The two kinds of organization. The database enum and every zod schema are built from this tuple. */
export const ORGANIZATION_KINDS = ["brand", "workshop"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = { brand: "Brand", workshop: "Workshop" };

/** Why an invitation's link stopped working before it was used: a member withdrew it, or a newer invitation of the same address replaced it. */
export const INVITATION_REVOKED_REASONS = ["withdrawn", "replaced"] as const;
export type InvitationRevokedReason = (typeof INVITATION_REVOKED_REASONS)[number];
