import { count, eq } from "drizzle-orm";
import type { Db } from "./client";
import { memberships, organizations, users } from "./schema";
import { recordEvent } from "../services/events";
import { hashPassword } from "../services/users";
import { seedBrandDesigns } from "./seed-designs";
import { seedDemoOrders } from "./seed-orders";
import { seedDemoPreorders } from "./seed-preorders";
import { seedDemoOrder, seedDemoRfq } from "./seed-rfqs";
import { seedWorkshopImages, seedWorkshops, type PieceToPhotograph } from "./seed-workshops";

export const DEMO_PASSWORD = "bezel-demo-2026";

type DemoUser = { name: string; email: string };
type DemoOrg = {
  kind: "brand" | "workshop";
  name: string;
  slug: string;
  country: string;
  timeZone: string;
  currency: string;
  members: { user: DemoUser; role: "owner" | "admin" | "member" }[];
};

const ava = { name: "Ava Laurent", email: "ava@maisonlune.example" };
const noah = { name: "Noah Kim", email: "noah@maisonlune.example" };
const marco = { name: "Marco Bellini", email: "marco@atelieroro.example" };
const priya = { name: "Priya Nair", email: "priya@jaipurgemworks.example" };
const sam = { name: "Sam Rivera", email: "sam@bezel.example" };

export const DEMO_USERS: (DemoUser & { about: string })[] = [
  { ...ava, about: "owner of the brand Maison Lune" },
  { ...noah, about: "member of Maison Lune" },
  { ...marco, about: "owner of the workshop Atelier Oro (Vicenza)" },
  { ...priya, about: "owner of the workshop Jaipur Gemworks" },
  { ...sam, about: "admin of the brand Studio Sable and member of Atelier Oro (two organizations)" },
];

const DEMO_ORGS: DemoOrg[] = [
  { kind: "brand", name: "Maison Lune", slug: "maison-lune", country: "FR", timeZone: "Europe/Paris", currency: "EUR", members: [{ user: ava, role: "owner" }, { user: noah, role: "member" }] },
  { kind: "brand", name: "Studio Sable", slug: "studio-sable", country: "US", timeZone: "America/New_York", currency: "USD", members: [{ user: ava, role: "owner" }, { user: sam, role: "admin" }] },
  { kind: "workshop", name: "Atelier Oro", slug: "atelier-oro", country: "IT", timeZone: "Europe/Rome", currency: "EUR", members: [{ user: marco, role: "owner" }, { user: sam, role: "member" }] },
  { kind: "workshop", name: "Jaipur Gemworks", slug: "jaipur-gemworks", country: "IN", timeZone: "Asia/Kolkata", currency: "INR", members: [{ user: priya, role: "owner" }] },
];

/**
 * Demo organizations and people, and the workshop directory with photos. Runs once: a database that has
 * users is left alone.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let pieces: PieceToPhotograph[] = [];
  const brands: { orgId: string; ownerId: string; currency: string; timeZone: string }[] = [];
  const demoWorkshops: { orgId: string; userId: string; role: "owner" }[] = [];
  await db.transaction(async (tx) => {
    const loginWorkshops = new Map<string, { orgId: string; ownerId: string }>();
    const ids = new Map<string, string>();
    for (const u of [ava, noah, marco, priya, sam]) {
      const [row] = await tx.insert(users).values({ ...u, passwordHash, emailVerifiedAt: new Date() }).returning({ id: users.id });
      ids.set(u.email, row!.id);
    }
    for (const o of DEMO_ORGS) {
      const { members, ...fields } = o;
      const [org] = await tx.insert(organizations).values(fields).returning({ id: organizations.id });
      const ownerId = ids.get(members[0]!.user.email)!;
      await recordEvent(tx, { orgId: org!.id, actorId: ownerId, action: "organization.created", subjectType: "organization", subjectId: org!.id, data: { name: o.name, kind: o.kind } });
      for (const m of members) {
        const userId = ids.get(m.user.email)!;
        await tx.insert(memberships).values({ orgId: org!.id, userId, role: m.role });
        if (userId !== ownerId) {
          await recordEvent(tx, { orgId: org!.id, actorId: userId, action: "member.joined", subjectType: "membership", data: { name: m.user.name, role: m.role } });
        }
      }
      await tx.update(users).set({ lastOrgId: org!.id }).where(eq(users.id, ownerId));
      if (o.kind === "workshop") {
        loginWorkshops.set(o.slug, { orgId: org!.id, ownerId });
        demoWorkshops.push({ orgId: org!.id, userId: ownerId, role: "owner" });
      } else brands.push({ orgId: org!.id, ownerId, currency: o.currency, timeZone: o.timeZone });
    }
    pieces = await seedWorkshops(tx, passwordHash, loginWorkshops);
  });
  await seedWorkshopImages(db, pieces);
  for (const b of brands) await seedBrandDesigns(db, { orgId: b.orgId, userId: b.ownerId, role: "owner" }, b.currency);
  // Maison Lune's request for quote to Atelier Oro and Jaipur Gemworks, both quoted, open to compare.
  const first = brands[0];
  if (first) await seedDemoRfq(db, { orgId: first.orgId, userId: first.ownerId, role: "owner" }, first.timeZone, first.currency, demoWorkshops);
  // Orders in every state between the demo brands and workshops, with photos, slips, one at risk and a review.
  await seedDemoOrders(db, brands.map((b) => ({ orgId: b.orgId, userId: b.ownerId, role: "owner" as const, timeZone: b.timeZone, currency: b.currency })), demoWorkshops);
  // Studio Sable's order with Atelier Oro: the deposit paid by bank transfer (in production), the balance due.
  const second = brands[1];
  if (second) await seedDemoOrder(db, { orgId: second.orgId, userId: second.ownerId, role: "owner" }, second.timeZone, second.currency, demoWorkshops);
  // Maison Lune's preorders: its payout account ready, a published campaign with reservations, a draft.
  if (first) await seedDemoPreorders(db, { orgId: first.orgId, userId: first.ownerId, role: "owner" });
  return true;
}

/** The demo logins; with `baseUrl`, where to open the app (`npm run dev` prints that once the server listens). */
export function demoLoginsText(baseUrl?: string): string {
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  return [
    "",
    `  Bezel demo logins (password for all: ${DEMO_PASSWORD})`,
    ...DEMO_USERS.map((u) => `    ${u.email.padEnd(width)}  ${u.about}`),
    `    ${"owner@<workshop>.example".padEnd(width)}  owner of each directory workshop, e.g. owner@taller-plata-taxco.example`,
    ...(baseUrl ? [`  Open ${baseUrl}`] : []),
    "",
  ].join("\n");
}
