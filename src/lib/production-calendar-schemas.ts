import "./zod-config";
import { z } from "zod";
import { COUNTRY_CODES } from "./regions";

/** Input schemas of the production calendar, shared by its settings forms and procedures. */

export const CALENDAR_LABEL_MAX = 80;
/** The longest closure: a long summer or Lunar New Year shutdown fits, a typo of a year does not. */
export const CLOSURE_MAX_DAYS = 120;

const day = z.iso.date("Choose a date.");
const label = (what: string) =>
  z.string(`Name the ${what}.`).trim().min(1, `Name the ${what}.`).max(CALENDAR_LABEL_MAX, `Keep the name to ${CALENDAR_LABEL_MAX} characters.`);

export const workingWeekdaysSchema = z
  .array(z.number().int().min(1, "Choose days from the week.").max(7, "Choose days from the week."))
  .min(1, "Choose at least one working day.")
  .max(7, "Choose days from the week.")
  .refine((days) => new Set(days).size === days.length, "Choose each day once.");

export const updateCalendarSchema = z.object({
  workingWeekdays: workingWeekdaysSchema,
  holidayCountry: z.enum(COUNTRY_CODES, "Choose a country."),
});

/** Add a holiday of the workshop's own, or give a public holiday another name. */
export const setHolidaySchema = z.object({ date: day, label: label("holiday") });
/** Not a day off after all (a public holiday the workshop works), or back to the public table's word. */
export const holidayDateSchema = z.object({ date: day });

export const addClosureSchema = z
  .object({ startsOn: day, endsOn: day, label: label("closure") })
  .refine((v) => v.endsOn >= v.startsOn, { message: "The last day cannot be before the first.", path: ["endsOn"] })
  .refine((v) => (Date.parse(v.endsOn) - Date.parse(v.startsOn)) / 86_400_000 < CLOSURE_MAX_DAYS, {
    message: `A closure can be at most ${CLOSURE_MAX_DAYS} days; add another for a longer one.`,
    path: ["endsOn"],
  });
export const closureIdSchema = z.object({ closureId: z.uuid("Unknown closure.") });

export const addWorkingDaySchema = z.object({ date: day, label: label("working day") });
export const workingDayIdSchema = z.object({ workingDayId: z.uuid("Unknown working day.") });

export type UpdateCalendarInput = z.infer<typeof updateCalendarSchema>;
export type SetHolidayInput = z.infer<typeof setHolidaySchema>;
export type AddClosureInput = z.infer<typeof addClosureSchema>;
export type AddWorkingDayInput = z.infer<typeof addWorkingDaySchema>;
