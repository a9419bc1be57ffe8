"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "~/trpc/react";

function left(ms: number): string {
  if (ms <= 0) return "now";
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d} day${d === 1 ? "" : "s"} ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  return `${m} min ${s % 60} s`;
}

/**
 * The time to the window's next edge, ticking in the browser (the server renders the first value), and the
 * page view, counted once from here so a cached copy of the page still counts its visitors.
 */
export function Countdown({ campaignId, to, label }: { campaignId: string; to: string; label: string }) {
  const trpc = useTRPC();
  const viewed = useMutation(trpc.preorderPublic.viewed.mutationOptions());
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    viewed.mutate({ campaignId });
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [campaignId]);
  const target = new Date(to).getTime();
  return (
    <p className="text-sm text-ink-muted">
      {label}{" "}
      <time dateTime={to} className="font-medium text-ink tabular-nums">
        {now === null ? new Date(to).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC" : `in ${left(target - now)}`}
      </time>
    </p>
  );
}
