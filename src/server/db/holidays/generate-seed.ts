/**
 * Prints the SQL that seeds `public_holidays` from the `date-holidays` package (code ISC; holiday data
 * CC-BY-3.0, © its contributors, https://github.com/commenthol/date-holidays) for the countries of
 * `src/lib/regions.ts` and the years below, with HOLIDAY_CORRECTIONS applied. Its output went into the
 * migration `drizzle/0019_production_calendar_rls_and_holidays.sql`; the app never reads the package at run time.
 *
 *   npx tsx src/server/db/holidays/generate-seed.ts > /tmp/holidays.sql
 */
import Holidays from "date-holidays";
import { COUNTRIES } from "~/lib/regions";
import { HOLIDAY_CORRECTIONS } from "./corrections";

export const SEED_YEARS = [2026, 2027, 2028];
const PACKAGE_SOURCE = "date-holidays 3.37.0 (CC-BY-3.0)";

type Row = { country: string; date: string; label: string; kind: "holiday" | "working_day"; source: string };

export function holidayRows(): Row[] {
  const rows = new Map<string, Row>();
  for (const { code } of COUNTRIES) {
    const hd = new Holidays(code, { languages: ["en"], types: ["public"] });
    for (const year of SEED_YEARS) {
      for (const h of hd.getHolidays(year, "en")) {
        if (h.type !== "public") continue;
        const date = h.date.slice(0, 10);
        const key = `${code}:${date}`;
        const existing = rows.get(key);
        // Two holidays on one day share the row.
        if (existing) existing.label = `${existing.label} / ${h.name}`;
        else rows.set(key, { country: code, date, label: h.name, kind: "holiday", source: PACKAGE_SOURCE });
      }
    }
  }
  for (const fix of HOLIDAY_CORRECTIONS) {
    if (fix.op === "drop") {
      for (const [key, row] of rows) {
        if (row.country === fix.country && row.label === fix.label && (!fix.date || row.date === fix.date)) rows.delete(key);
      }
      continue;
    }
    rows.set(`${fix.country}:${fix.date}`, { country: fix.country, date: fix.date, label: fix.label, kind: fix.kind ?? "holiday", source: fix.source });
  }
  return [...rows.values()].sort((a, b) => a.country.localeCompare(b.country) || a.date.localeCompare(b.date));
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

if (process.argv[1]?.endsWith("generate-seed.ts")) {
  const rows = holidayRows();
  console.log(`-- ${rows.length} public days of ${COUNTRIES.length} countries, ${SEED_YEARS.join(", ")}.`);
  console.log(`INSERT INTO public_holidays (country, date, label, kind, source) VALUES`);
  console.log(rows.map((r) => `  (${quote(r.country)}, ${quote(r.date)}, ${quote(r.label)}, ${quote(r.kind)}, ${quote(r.source)})`).join(",\n"));
  console.log(`ON CONFLICT (country, date) DO NOTHING;`);
}
