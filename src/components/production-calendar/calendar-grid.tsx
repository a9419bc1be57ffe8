"use client";

import { useMemo, useRef } from "react";
import { cn } from "~/components/ui/cn";
import { formatDay, statusText, type CalendarDayView } from "./use-calendar";

const WEEKDAY_HEADERS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

function isoWeekday(date: string) {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

const TONE: Record<CalendarDayView["status"]["reason"], string> = {
  weekday: "bg-surface text-ink",
  "working-day": "bg-success-soft text-success font-semibold",
  weekend: "bg-sunken text-ink-muted",
  holiday: "bg-brass-100 text-brass-700 font-semibold",
  closure: "bg-danger-soft text-danger font-semibold",
};

/**
 * Twelve months as grids of day buttons. One button is in the tab order (the selected day); the arrow
 * keys move by a day or a week, Home/End to the week's ends, Page Up/Down by a month, Enter picks.
 */
export function CalendarGrid({ days, selected, today, onSelect }: { days: CalendarDayView[]; selected: string; today: string; onSelect: (date: string) => void }) {
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const months = useMemo(() => {
    const byMonth = new Map<string, CalendarDayView[]>();
    for (const day of days) {
      const key = day.date.slice(0, 7);
      byMonth.set(key, [...(byMonth.get(key) ?? []), day]);
    }
    return [...byMonth.entries()];
  }, [days]);
  const index = useMemo(() => new Map(days.map((d, i) => [d.date, i])), [days]);

  const move = (date: string, by: number) => {
    const i = index.get(date);
    if (i === undefined) return;
    const next = days[Math.min(days.length - 1, Math.max(0, i + by))];
    if (!next) return;
    onSelect(next.date);
    refs.current.get(next.date)?.focus();
  };

  const onKeyDown = (event: React.KeyboardEvent, date: string) => {
    const weekday = isoWeekday(date);
    const steps: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowUp: -7,
      ArrowDown: 7,
      Home: 1 - weekday,
      End: 7 - weekday,
      PageUp: -28,
      PageDown: 28,
    };
    const by = steps[event.key];
    if (by === undefined) return;
    event.preventDefault();
    move(date, by);
  };

  return (
    <div className="grid gap-6 sm:grid-cols-2 xl:grid-cols-3">
      {months.map(([month, monthDays]) => {
        const lead = isoWeekday(monthDays[0]!.date) - 1;
        return (
          <section key={month} aria-label={monthFormat.format(new Date(`${month}-01T00:00:00Z`))}>
            <h3 className="mb-2 text-sm font-semibold">{monthFormat.format(new Date(`${month}-01T00:00:00Z`))}</h3>
            <div role="grid" className="grid grid-cols-7 gap-1 text-center text-xs">
              <div role="row" className="contents">
                {WEEKDAY_HEADERS.map((h) => (
                  <div role="columnheader" key={h} className="py-1 text-ink-muted">
                    {h}
                  </div>
                ))}
              </div>
              <div role="row" className="contents">
                {Array.from({ length: lead }, (_, i) => (
                  <div role="gridcell" key={`lead-${i}`} />
                ))}
                {monthDays.map((day) => (
                  <div role="gridcell" key={day.date}>
                    <button
                      type="button"
                      ref={(el) => {
                        if (el) refs.current.set(day.date, el);
                        else refs.current.delete(day.date);
                      }}
                      tabIndex={day.date === selected ? 0 : -1}
                      aria-pressed={day.date === selected}
                      aria-label={`${formatDay(day.date)}: ${statusText(day.status)}`}
                      aria-current={day.date === today ? "date" : undefined}
                      onClick={() => onSelect(day.date)}
                      onKeyDown={(e) => onKeyDown(e, day.date)}
                      className={cn(
                        "h-9 w-full rounded-md text-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brass-600",
                        TONE[day.status.reason],
                        day.date === selected && "ring-2 ring-ink",
                        day.date === today && "underline decoration-2 underline-offset-4",
                      )}
                    >
                      {Number(day.date.slice(8))}
                    </button>
                  </div>
                ))}
              </div>
            </div>
          </section>
        );
      })}
    </div>
  );
}

export function CalendarLegend() {
  const items: [CalendarDayView["status"]["reason"], string][] = [
    ["weekday", "Working day"],
    ["weekend", "Not working"],
    ["holiday", "Holiday"],
    ["closure", "Closure"],
    ["working-day", "Make-up working day"],
  ];
  return (
    <ul className="flex flex-wrap gap-3 text-xs" aria-label="Legend">
      {items.map(([reason, label]) => (
        <li key={reason} className="flex items-center gap-1.5">
          <span aria-hidden className={cn("inline-block h-3 w-3 rounded-sm border border-line", TONE[reason])} />
          {label}
        </li>
      ))}
    </ul>
  );
}
