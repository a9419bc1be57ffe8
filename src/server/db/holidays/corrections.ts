/**
 * Corrections to the `date-holidays` data where it is wrong or incomplete for workshops, applied when the
 * seed is generated (generate-seed.ts). Each says its source; a workshop reviews and edits its copy anyway.
 *
 * - CN 2027: the package has only Feb 5–7 for the Spring Festival and no make-up working days. The State
 *   Council's notice for 2027 was not at hand when this was written: the rows follow its rules in force
 *   since 2025 (New Year's Eve and the first three days of the year are statutory, Feb 5–8; the two
 *   statutory days that fall on the weekend of Feb 6–7 give Feb 9–10 off; the break runs on to Friday
 *   Feb 12 with two make-up working days, Sunday Jan 31 and Saturday Feb 20). Check against the notice.
 * - CN: days the package lists as public that are not days off for everyone (Women's Day, Youth Day,
 *   Children's Day, Army Day are half days for some groups only) are left out.
 * - IN: the package has no Diwali (Lakshmi Puja): 2026-11-08, 2027-10-29, 2028-10-17.
 * - TH: the package has no Buddhist holidays after 2026. Makha Bucha, Visakha Bucha, Asalha Bucha and the
 *   start of Buddhist Lent fall on the full moons of the Thai lunar calendar; the dates below are those
 *   full moons (Asia/Bangkok) and the day after for Lent, to be checked against the Cabinet's announcement.
 */
export type HolidayCorrection =
  | { op: "add"; country: string; date: string; label: string; kind?: "holiday" | "working_day"; source: string }
  | { op: "drop"; country: string; date?: string; label: string; source: string };

const CN_NOTICE = "Bezel correction: State Council rules for the Spring Festival (2027 notice to be checked)";
const IN_DIWALI = "Bezel correction: Diwali (Lakshmi Puja) by the Hindu lunisolar calendar";
const TH_BUDDHIST = "Bezel correction: Thai Buddhist holidays by the full moons (to be checked)";

const days = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const HOLIDAY_CORRECTIONS: HolidayCorrection[] = [
  ...days(5, 12).map((d): HolidayCorrection => ({ op: "add", country: "CN", date: `2027-02-${String(d).padStart(2, "0")}`, label: "Spring Festival", source: CN_NOTICE })),
  { op: "add", country: "CN", date: "2027-01-31", label: "Spring Festival make-up working day", kind: "working_day", source: CN_NOTICE },
  { op: "add", country: "CN", date: "2027-02-20", label: "Spring Festival make-up working day", kind: "working_day", source: CN_NOTICE },
  ...["International Women's Day", "Youth Day", "Children's Day", "Army Day"].map(
    (label): HolidayCorrection => ({ op: "drop", country: "CN", label, source: "Bezel correction: not a day off for everyone" }),
  ),
  { op: "add", country: "IN", date: "2026-11-08", label: "Diwali", source: IN_DIWALI },
  { op: "add", country: "IN", date: "2027-10-29", label: "Diwali", source: IN_DIWALI },
  { op: "add", country: "IN", date: "2028-10-17", label: "Diwali", source: IN_DIWALI },
  { op: "add", country: "TH", date: "2027-02-20", label: "Makha Bucha", source: TH_BUDDHIST },
  { op: "add", country: "TH", date: "2027-05-20", label: "Visakha Bucha", source: TH_BUDDHIST },
  { op: "add", country: "TH", date: "2027-07-18", label: "Asalha Bucha", source: TH_BUDDHIST },
  { op: "add", country: "TH", date: "2027-07-19", label: "Buddhist Lent Day", source: TH_BUDDHIST },
  { op: "add", country: "TH", date: "2028-02-10", label: "Makha Bucha", source: TH_BUDDHIST },
  { op: "add", country: "TH", date: "2028-05-08", label: "Visakha Bucha", source: TH_BUDDHIST },
  { op: "add", country: "TH", date: "2028-07-06", label: "Asalha Bucha", source: TH_BUDDHIST },
  { op: "add", country: "TH", date: "2028-07-07", label: "Buddhist Lent Day", source: TH_BUDDHIST },
];
