import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createFixture } from "~/test/fixtures";
import { sentQuote, sentRfq } from "~/test/rfqs";
import { createOrg } from "~/test/fixtures";
import { calendarClosures, calendarWorkingDays, organizations, productionCalendars } from "../db/schema";
import { eq } from "drizzle-orm";
import { loadCalendarRowsFor } from "./production-calendar";
import { withOrg } from "../db/tenant";
import { workshopCalendars } from "./expected-delivery";
import { compareQuotes } from "./rfq-views";

const db = await testDb();

describe("expected delivery in the comparison, from the workshop's production calendar", () => {
  it("the brand's comparison counts the lead time in the workshop's business days, skipping its August closure", async () => {
    const f = await createFixture(db);
    const r = await sentRfq(db, f.brand, [f.workshop]);
    await sentQuote(db, f.workshop, r.invitationOf(f.workshop).id, { ring: r.ringLine.id, pendant: r.pendantLine.id }, { leadTimeDays: 5 });
    // Friday 30 July 2027, 12:00 in Rome. Without the closure, 5 business days land on Friday 6 August.
    const now = new Date("2027-07-30T10:00:00Z");
    const before = await compareQuotes(db, f.brand.org.id, r.rfq.number, now);
    expect(before.quotes.map((q) => q.expectedDeliveryDate)).toEqual(["2027-08-06"]);
    await db.insert(calendarClosures).values({ orgId: f.workshop.org.id, startsOn: "2027-08-02", endsOn: "2027-08-27", label: "August closure" });
    // Closed 2–27 August: Monday 30 August is day 1, Friday 3 September day 5.
    const after = await compareQuotes(db, f.brand.org.id, r.rfq.number, now);
    expect(after.quotes.map((q) => q.expectedDeliveryDate)).toEqual(["2027-09-03"]);
  });

  it("loads only the weeks a lead time needs, and more when a long closure is in the way", async () => {
    const f = await createFixture(db);
    const now = new Date("2027-07-30T10:00:00Z");
    const quotes = [{ workshopOrgId: f.workshop.org.id, leadTimeDays: 5 }];
    // From the day before today in UTC (29 July): 5 business days at five a week, plus 45 days of room.
    const short = await withOrg(db, f.workshop.org.id, (tx) => workshopCalendars(tx, quotes, now));
    expect(short.get(f.workshop.org.id)).toMatchObject({ from: "2027-07-29", to: "2027-09-19" });
    // Closed 2 August to Friday 26 November, far past that span: Monday 29 November is day 1, Friday 3 December day 5.
    await db.insert(calendarClosures).values({ orgId: f.workshop.org.id, startsOn: "2027-08-02", endsOn: "2027-11-26", label: "Rebuilding the casting room" });
    const r = await sentRfq(db, f.brand, [f.workshop]);
    await sentQuote(db, f.workshop, r.invitationOf(f.workshop).id, { ring: r.ringLine.id, pendant: r.pendantLine.id }, { leadTimeDays: 5 });
    const compared = await compareQuotes(db, f.brand.org.id, r.rfq.number, now);
    expect(compared.quotes.map((q) => q.expectedDeliveryDate)).toEqual(["2027-12-03"]);
  });

  it("reads several workshops' calendars at once, each with only its own country's holidays, closures and make-up days", async () => {
    const rome = await createOrg(db, "workshop", "Rome Casting");
    const shenzhen = await createOrg(db, "workshop", "Shenzhen Setting");
    await db.update(organizations).set({ country: "CN", timeZone: "Asia/Shanghai" }).where(eq(organizations.id, shenzhen.org.id));
    await db.update(productionCalendars).set({ holidayCountry: "CN", workingWeekdays: [1, 2, 3, 4, 5, 6] }).where(eq(productionCalendars.orgId, shenzhen.org.id));
    await db.insert(calendarClosures).values({ orgId: rome.org.id, startsOn: "2027-09-27", endsOn: "2027-09-28", label: "Kiln repair" });
    await db.insert(calendarWorkingDays).values({ orgId: shenzhen.org.id, date: "2027-10-10", label: "Make-up Sunday" });
    const rows = await loadCalendarRowsFor(db, [rome.org.id, shenzhen.org.id], "2027-09-20", "2027-10-10");
    const r = rows.get(rome.org.id)!;
    const s = rows.get(shenzhen.org.id)!;
    expect({ weekdays: r.calendar.workingWeekdays, zone: r.calendar.timeZone, holidays: r.publicDays.map((d) => d.date), closures: r.closures.map((c) => c.label), overrides: r.overrides }).toEqual({
      weekdays: [1, 2, 3, 4, 5],
      zone: "Europe/Rome",
      holidays: ["2027-10-04"],
      closures: ["Kiln repair"],
      overrides: [],
    });
    expect({ weekdays: s.calendar.workingWeekdays, zone: s.calendar.timeZone, holidays: s.publicDays.map((d) => d.date), closures: s.closures, overrides: s.overrides.map((o) => [o.date, o.label]) }).toEqual({
      weekdays: [1, 2, 3, 4, 5, 6],
      zone: "Asia/Shanghai",
      holidays: ["2027-10-01", "2027-10-02", "2027-10-03"],
      closures: [],
      overrides: [["2027-10-10", "Make-up Sunday"]],
    });
  });

  it("a brand that never sent the workshop an RFQ reads none of its closures", async () => {
    const f = await createFixture(db);
    await db.insert(calendarClosures).values({ orgId: f.workshop.org.id, startsOn: "2027-08-02", endsOn: "2027-08-27", label: "August closure" });
    const { withOrg } = await import("../db/tenant");
    const seen = await withOrg(db, f.outsider.brand.org.id, (tx) => tx.select().from(calendarClosures));
    expect(seen).toEqual([]);
  });
});
