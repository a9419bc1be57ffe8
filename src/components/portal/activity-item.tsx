import { describeEvent } from "~/lib/events";

type EventView = { id: string; action: string; data: Record<string, unknown>; createdAt: Date; actorName: string | null };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export function ActivityItem({ event }: { event: EventView }) {
  return (
    <li className="flex flex-col gap-0.5 py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
      <span className="text-sm">
        <span className="font-medium">{event.actorName ?? "Someone"}</span> {describeEvent(event.action, event.data)}
      </span>
      <time dateTime={event.createdAt.toISOString()} className="shrink-0 text-xs text-ink-subtle">
        {dateFormat.format(event.createdAt)}
      </time>
    </li>
  );
}
