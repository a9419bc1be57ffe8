import { describe, expect, it } from "vitest";
import { benchMilestone } from "./bench-milestone";

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
