/** The two kinds of organization. The database enum and every zod schema are built from this tuple. */
export const ORGANIZATION_KINDS = ["brand", "workshop"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = { brand: "Brand", workshop: "Workshop" };
