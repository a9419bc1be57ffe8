import type { OrganizationKind } from "~/server/db/schema";

export type NavItem = { label: string; href: string; exact?: boolean; /** To-dos waiting in this section. */ count?: number };

/** What waits in each section (the dashboard inbox's counts), shown next to its entry. */
export type NavCounts = { samples: number };

/** Each portal's navigation. Features add their entries here as they ship. */
export function portalNav(kind: OrganizationKind, slug: string, counts: NavCounts = { samples: 0 }): NavItem[] {
  const base = `/${kind}/${slug}`;
  return [
    { label: "Dashboard", href: base, exact: true },
    ...(kind === "workshop" ? [{ label: "Profile", href: `${base}/profile` }] : []),
    ...(kind === "brand"
      ? [
          { label: "Collections", href: `${base}/collections` },
          { label: "Designs", href: `${base}/designs` },
          { label: "Find workshops", href: "/workshops" },
          { label: "Shortlist", href: `${base}/shortlist` },
          { label: "Samples", href: `${base}/samples`, count: counts.samples },
          { label: "Requests for quote", href: `${base}/rfqs` },
          { label: "Orders", href: `${base}/orders` },
          { label: "Preorders", href: `${base}/preorders` },
          { label: "Payments", href: `${base}/payments` },
        ]
      : [
          { label: "Sample requests", href: `${base}/samples`, count: counts.samples },
          { label: "Requests for quote", href: `${base}/rfqs` },
          { label: "Orders", href: `${base}/orders` },
          { label: "Preorders", href: `${base}/preorders` },
          { label: "Payments", href: `${base}/payments` },
        ]),
    { label: "Settings", href: `${base}/settings` },
  ];
}

export function settingsNav(kind: OrganizationKind, slug: string): NavItem[] {
  const base = `/${kind}/${slug}/settings`;
  return [
    { label: "Profile", href: base, exact: true },
    { label: "Members", href: `${base}/members` },
    ...(kind === "workshop"
      ? [
          { label: "Production calendar", href: `${base}/calendar` },
          { label: "Plan template", href: `${base}/plan` },
          { label: "Payouts", href: `${base}/payouts` },
        ]
      : [{ label: "Payouts", href: `${base}/payouts` }]),
    { label: "Activity", href: `${base}/activity` },
  ];
}
