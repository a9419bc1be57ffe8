import { describe, expect, it } from "vitest";
import { benchMilestone, opensOnTheBench } from "./bench-milestone";

const step = (name: string, status: string, actions: string[] = []) => ({ name, status, actions });

describe("the milestone of the bench", () => {
  it("is the first one not done, when the workshop can mark it done", () => {
    const view = { milestones: [step("Deposit received", "completed"), step("Casting", "in_progress", ["block", "complete"]), step("Stone setting", "pending")] };
    expect(benchMilestone(view)?.name).toBe("Casting");
  });

  it("is none while the deposit waits for its payment", () => {
    expect(benchMilestone({ milestones: [step("Deposit received", "pending", ["start", "block", "record_deposit"]), step("CAD approved", "pending")] })).toBeNull();
  });

  it("is none while a step waits for the brand, even though the next one could be marked done", () => {
    const view = { milestones: [step("Polishing", "completed"), step("Quality check", "awaiting_approval"), step("Shipped", "pending", ["start", "block", "complete"])] };
    expect(benchMilestone(view)).toBeNull();
  });

  it("is none once every milestone is done", () => {
    expect(benchMilestone({ milestones: [step("Delivered", "completed")] })).toBeNull();
  });
});

describe("a production board card", () => {
  const card = (stage: string, status: string | null) => ({ stage, currentMilestone: status === null ? null : { status } });

  it("opens on the bench while its current milestone can be reported done", () => {
    for (const status of ["pending", "in_progress", "blocked"]) expect(opensOnTheBench(card("in_production", status))).toBe(true);
  });

  it("opens on the order page while the deposit is awaited, the brand has to approve, or nothing is left", () => {
    expect(opensOnTheBench(card("awaiting_deposit", "pending"))).toBe(false);
    expect(opensOnTheBench(card("in_production", "awaiting_approval"))).toBe(false);
    expect(opensOnTheBench(card("in_production", null))).toBe(false);
    expect(opensOnTheBench(card("shipped", "pending"))).toBe(false);
  });
});
