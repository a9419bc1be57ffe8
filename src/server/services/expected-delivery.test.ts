import { describe, expect, it } from "vitest";
import { addWorkingDays, expectedDelivery } from "./expected-delivery";

const monToFri = { timeZone: "Europe/Rome", workingDays: [1, 2, 3, 4, 5] };

describe("expected delivery in the workshop's working days", () => {
  it("the start date is day 0: 1 business day after Monday 2027-02-01 is Tuesday", () => {
    expect(addWorkingDays(monToFri, "2027-02-01", 1)).toBe("2027-02-02");
  });

  it("skips the weekend: 5 business days after Friday 2027-02-05 is Friday 2027-02-12", () => {
    expect(addWorkingDays(monToFri, "2027-02-05", 5)).toBe("2027-02-12");
  });

  it("a start on a Saturday rolls forward to Monday first; 0 days gives that Monday", () => {
    expect(addWorkingDays(monToFri, "2027-02-06", 0)).toBe("2027-02-08");
    expect(addWorkingDays(monToFri, "2027-02-06", 1)).toBe("2027-02-09");
  });

  it("a six-day week counts Saturdays", () => {
    expect(addWorkingDays({ timeZone: "Asia/Shanghai", workingDays: [1, 2, 3, 4, 5, 6] }, "2027-02-05", 2)).toBe("2027-02-08");
  });

  it("today is the workshop's today: 23:30 UTC on a Friday is already Saturday in Shanghai", () => {
    const now = new Date("2027-02-05T23:30:00Z");
    expect(expectedDelivery({ timeZone: "Asia/Shanghai", workingDays: [1, 2, 3, 4, 5] }, 1, now)).toBe("2027-02-09");
    expect(expectedDelivery({ timeZone: "America/New_York", workingDays: [1, 2, 3, 4, 5] }, 1, now)).toBe("2027-02-08");
  });
});
