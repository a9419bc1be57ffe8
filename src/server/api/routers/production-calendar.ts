import {
  addClosureSchema,
  addWorkingDaySchema,
  closureIdSchema,
  holidayDateSchema,
  setHolidaySchema,
  updateCalendarSchema,
  workingDayIdSchema,
} from "~/lib/production-calendar-schemas";
import {
  addClosure,
  addWorkingDay,
  getCalendarView,
  markHolidaysReviewed,
  removeClosure,
  removeHoliday,
  removeWorkingDay,
  restoreHoliday,
  setHoliday,
  updateCalendar,
} from "../../services/production-calendar-edits";
import { createTRPCRouter, workshopProcedure } from "../trpc";

const view = workshopProcedure("calendar.view");
const edit = workshopProcedure("calendar.edit");

/** The workshop's own production calendar. What a brand sees of it (expected dates) comes with quotes. */
export const productionCalendarRouter = createTRPCRouter({
  get: view.query(({ ctx }) => getCalendarView(ctx.db, ctx.org.id)),
  update: edit.input(updateCalendarSchema).mutation(({ ctx, input }) => updateCalendar(ctx.db, ctx.actor, input)),
  markReviewed: edit.mutation(({ ctx }) => markHolidaysReviewed(ctx.db, ctx.actor)),
  setHoliday: edit.input(setHolidaySchema).mutation(({ ctx, input }) => setHoliday(ctx.db, ctx.actor, input)),
  removeHoliday: edit.input(holidayDateSchema).mutation(({ ctx, input }) => removeHoliday(ctx.db, ctx.actor, input)),
  restoreHoliday: edit.input(holidayDateSchema).mutation(({ ctx, input }) => restoreHoliday(ctx.db, ctx.actor, input)),
  addClosure: edit.input(addClosureSchema).mutation(({ ctx, input }) => addClosure(ctx.db, ctx.actor, input)),
  removeClosure: edit.input(closureIdSchema).mutation(({ ctx, input }) => removeClosure(ctx.db, ctx.actor, input)),
  addWorkingDay: edit.input(addWorkingDaySchema).mutation(({ ctx, input }) => addWorkingDay(ctx.db, ctx.actor, input)),
  removeWorkingDay: edit.input(workingDayIdSchema).mutation(({ ctx, input }) => removeWorkingDay(ctx.db, ctx.actor, input)),
});
