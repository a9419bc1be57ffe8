import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FigureCards } from "./figure-cards";
import { dashboardHref, filtersOf } from "./filters";
import { UnitsChart } from "./units-chart";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

describe("the dashboard's filters in the address", () => {
  it("keep a known status, a size and a search; drop an unknown status and a bad page", () => {
    expect(filtersOf({ status: "paid", size: "6", q: "  ines ", page: "2" })).toEqual({ status: "paid", size: "6", q: "ines", page: 2 });
    expect(filtersOf({ status: "stolen", size: "", page: "-3" })).toEqual({ status: null, size: null, q: "", page: 1 });
    expect(filtersOf({ status: ["held", "paid"] }).status).toBe("held");
  });

  it("write only what is set, so page 1 of everything is the bare address", () => {
    expect(dashboardHref("/d", { status: null, size: null, q: "", page: 1 })).toBe("/d");
    expect(dashboardHref("/d", { status: "paid", size: "6", q: "a&b", page: 3 })).toBe("/d?status=paid&size=6&q=a%26b&page=3");
  });
});

describe("the chart of units over time", () => {
  const days = [
    { day: "2026-11-18", reservations: 1, reservedUnits: 2, paidUnits: 2, views: 5 },
    { day: "2026-11-19", reservations: 2, reservedUnits: 3, paidUnits: 0, views: 1 },
    { day: "2026-11-20", reservations: 0, reservedUnits: 0, paidUnits: 1, views: 0 },
  ];
  const html = renderToStaticMarkup(<UnitsChart days={days} />);

  it("is an image described in words: the span and the running totals at its end", () => {
    expect(html).toContain('role="img"');
    expect(html).toMatch(/<desc id="units-chart-desc">From 18 Nov to 20 Nov: 5 units reserved in all and 3 units paid\.<\/desc>/);
  });

  it("has the same figures as a table, day by day", () => {
    const rows = [...html.matchAll(/<tr class="border-t[^"]*">(.*?)<\/tr>/g)].map((m) => text(m[1]!));
    expect(rows).toEqual(["18 Nov 1 2 2 5", "19 Nov 2 3 0 1", "20 Nov 0 0 1 0"]);
  });

  it("with no days says that nothing is reserved yet", () => {
    expect(renderToStaticMarkup(<UnitsChart days={[]} />)).toContain("Nothing reserved yet.");
  });
});

describe("the figure cards", () => {
  it("show what is left of the cap, the conversion and the money collected in its currency", () => {
    const html = renderToStaticMarkup(
      <FigureCards data={{ campaign: { totalCap: 100, heldUnits: 3, paidUnits: 20, currency: "EUR" }, conversion: { paidReservations: 12, views: 400, label: "3 %" }, collected: { amountMinor: 123_456, currency: "EUR" } }} />,
    );
    const t = text(html);
    expect(t).toContain("Reserved 23 units of 100");
    expect(t).toContain("Left of the cap 77 of 100");
    expect(t).toContain("Conversion 3 % 12 paid reservations from 400 views");
    expect(t).toContain("Collected €1,234.56");
  });
});
