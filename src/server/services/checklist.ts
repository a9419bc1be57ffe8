import { and, count, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { withOrg } from "../db/tenant";
import { events, invitations, memberships, sampleRequests, shortlistEntries, workshopProfiles, type Organization } from "../db/schema";
import { can, type Permission, type Role } from "~/lib/permissions";

export type ChecklistItem = { key: string; title: string; description: string; href: string; done: boolean };
type Step = ChecklistItem & { permission: Permission };

/**
 * The dashboard's getting-started list, computed from the organization's data. Each feature adds the
 * steps it brings (finding workshops, publishing a profile, sending an RFQ…) here. A member sees only the
 * steps their role may take (the permission map); without a role, every step.
 */
export async function getChecklist(db: Db, org: Organization, role: Role = "owner"): Promise<ChecklistItem[]> {
  const steps = await checklistSteps(db, org);
  return steps.filter((s) => can(role, s.permission)).map(({ permission: _permission, ...step }) => step);
}

async function checklistSteps(db: Db, org: Organization): Promise<Step[]> {
  const base = `/${org.kind}/${org.slug}`;
  return withOrg(db, org.id, async (tx) => {
    const [members] = await tx.select({ n: count() }).from(memberships).where(eq(memberships.orgId, org.id));
    const [pending] = await tx
      .select({ n: count() })
      .from(invitations)
      .where(and(eq(invitations.orgId, org.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())));
    const [reviewed] = await tx
      .select({ n: count() })
      .from(events)
      .where(and(eq(events.orgId, org.id), eq(events.action, "organization.updated")));
    const [profile] =
      org.kind === "workshop" ? await tx.select({ publishedAt: workshopProfiles.publishedAt }).from(workshopProfiles).where(eq(workshopProfiles.orgId, org.id)) : [];
    const brandSteps: Step[] = [];
    if (org.kind === "brand") {
      const [shortlisted] = await tx.select({ n: count() }).from(shortlistEntries).where(eq(shortlistEntries.brandOrgId, org.id));
      const [requested] = await tx.select({ n: count() }).from(sampleRequests).where(eq(sampleRequests.brandOrgId, org.id));
      brandSteps.push(
        {
          key: "shortlist",
          title: "Shortlist workshops",
          description: "Search the directory and save the workshops you want to vet, with private notes.",
          href: "/workshops",
          done: (shortlisted?.n ?? 0) > 0,
          permission: "shortlist.edit",
        },
        {
          key: "sample",
          title: "Request a sample",
          description: "Judge a workshop's quality, finish and communication on a real piece before you order.",
          href: (shortlisted?.n ?? 0) > 0 ? `${base}/shortlist` : "/workshops",
          done: (requested?.n ?? 0) > 0,
          permission: "samples.request",
        },
      );
    }
    return [
      {
        key: "create",
        title: `Create your ${org.kind}`,
        description: `${org.name} is on Bezel.`,
        href: base,
        done: true,
        permission: "org.view",
      },
      {
        key: "profile",
        title: "Check your organization's details",
        description: "Name, web address, country, time zone and currency. Delivery dates are counted in your time zone.",
        href: `${base}/settings`,
        done: (reviewed?.n ?? 0) > 0,
        permission: "org.update",
      },
      {
        key: "team",
        title: "Invite your team",
        description: org.kind === "brand" ? "Designers and production managers work better with the whole team on board." : "Let your production lead and sales contact answer brands.",
        href: `${base}/settings/members`,
        done: (members?.n ?? 0) > 1 || (pending?.n ?? 0) > 0,
        permission: "members.invite",
      },
      ...(org.kind === "workshop"
        ? [
            {
              key: "publish-profile",
              title: "Publish your workshop profile",
              description: "Brands find you in the workshop directory once your capabilities, lead times and portfolio are published.",
              href: `${base}/profile`,
              done: !!profile?.publishedAt,
              permission: "workshopProfile.publish" as const,
            },
          ]
        : []),
      ...brandSteps,
    ];
  });
}
