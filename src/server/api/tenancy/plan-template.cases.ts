import { asc, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { OrgFixture } from "~/test/fixtures";
import type { TenancyCase, TenancyCaseContext } from "~/test/tenancy";
import type { Db } from "../../db/client";
import { events, planTemplateSteps } from "../../db/schema";

const everything = async (d: Db, t: OrgFixture) => ({
  steps: await d.select().from(planTemplateSteps).where(eq(planTemplateSteps.orgId, t.org.id)).orderBy(asc(planTemplateSteps.position)),
  events: await d.select().from(events).where(eq(events.orgId, t.org.id)).orderBy(asc(events.id)),
});
type Everything = Awaited<ReturnType<typeof everything>>;
const stateOf = (s: unknown) => s as Everything;

const TWO_STEPS = [
  { key: "deposit_received", name: "Deposit received", sharePercent: 10, needsApproval: false },
  { key: null, name: "Hand engraving", sharePercent: 90, needsApproval: true },
] as const;

/** A saved template of two steps, inserted directly (a brand's "row" is nothing: it has no template). */
async function savedTemplate(db: Db, t: OrgFixture) {
  if (t.org.kind !== "workshop") return;
  await db.delete(planTemplateSteps).where(eq(planTemplateSteps.orgId, t.org.id));
  await db.insert(planTemplateSteps).values(TWO_STEPS.map((s, position) => ({ ...s, orgId: t.org.id, position })));
}

export const cases = ({ db }: TenancyCaseContext): TenancyCase[] => [
  {
    procedure: "planTemplate.get",
    kind: "workshop",
    input: (t) => ({ orgId: t.org.id }),
    state: everything,
    allowed: ({ result }) => {
      const r = result as { steps: { name: string; sharePercent: number; needsApproval: boolean }[]; isDefault: boolean };
      expect(r.isDefault).toBe(true);
      expect(r.steps.map((s) => `${s.name} ${s.sharePercent}${s.needsApproval ? " approval" : ""}`)).toEqual([
        "Deposit received 5",
        "CAD approved 10 approval",
        "Materials sourced 10",
        "Casting 20",
        "Stone setting 15",
        "Polishing and finishing 10",
        "Quality check 5 approval",
        "Shipped 5",
        "Customs cleared 10",
        "Delivered 10",
      ]);
    },
  },
  {
    procedure: "planTemplate.save",
    kind: "workshop",
    input: (t) => ({ orgId: t.org.id, steps: TWO_STEPS }),
    state: everything,
    allowed: ({ after, result }) => {
      expect(stateOf(after).steps.map((s) => [s.position, s.key, s.name, s.sharePercent, s.needsApproval])).toEqual([
        [0, "deposit_received", "Deposit received", 10, false],
        [1, null, "Hand engraving", 90, true],
      ]);
      expect(result).toMatchObject({ isDefault: false });
      expect(stateOf(after).events).toContainEqual(expect.objectContaining({ action: "plan_template.saved", data: { steps: 2 } }));
    },
  },
  {
    procedure: "planTemplate.reset",
    kind: "workshop",
    input: async (t) => {
      await savedTemplate(db, t);
      return { orgId: t.org.id };
    },
    state: everything,
    allowed: ({ before, after, result }) => {
      expect(stateOf(before).steps).toHaveLength(2);
      expect(stateOf(after).steps).toEqual([]);
      expect(result).toMatchObject({ isDefault: true });
      expect((result as { steps: unknown[] }).steps).toHaveLength(10);
      expect(stateOf(after).events).toContainEqual(expect.objectContaining({ action: "plan_template.reset" }));
    },
  },
];
