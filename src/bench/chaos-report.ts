/** The arithmetic of `npm run chaos:db`, apart from the database so that it can be tested. */

export type Outcome = { at: number; ok: boolean; error?: string };

export type ChaosSummary = {
  before: { ok: number; failed: number };
  during: { ok: number; failed: number };
  after: { ok: number; failed: number };
  /** From the end of the restart command to the first request that succeeded, in ms; null if none did. */
  recoveredAfterMs: number | null;
  errors: string[];
};

/**
 * Splits the outcomes into before the restart, during (from the restart to the first success after it)
 * and after (everything from that first success on).
 */
export function summarize(outcomes: Outcome[], restart: { startedAt: number; endedAt: number }): ChaosSummary {
  const sorted = [...outcomes].sort((a, b) => a.at - b.at);
  const firstOkAfter = sorted.find((o) => o.ok && o.at >= restart.endedAt);
  const recoveredAt = firstOkAfter?.at ?? Infinity;
  const count = (list: Outcome[]) => ({ ok: list.filter((o) => o.ok).length, failed: list.filter((o) => !o.ok).length });
  const errors = [...new Set(sorted.filter((o) => !o.ok).map((o) => o.error ?? "unknown error"))];
  return {
    before: count(sorted.filter((o) => o.at < restart.startedAt)),
    during: count(sorted.filter((o) => o.at >= restart.startedAt && o.at < recoveredAt)),
    after: count(sorted.filter((o) => o.at >= recoveredAt)),
    recoveredAfterMs: firstOkAfter ? Math.max(0, firstOkAfter.at - restart.endedAt) : null,
    errors,
  };
}

/**
 * Mutations that were half-applied: an artisan without its "added" event, or an "added" event whose
 * artisan is gone without a "removed" event. Each create and each remove writes both in one transaction.
 */
export function halfApplied(artisanIds: string[], events: { action: string; subjectId: string | null }[]): string[] {
  const added = new Set(events.filter((e) => e.action === "workshop_artisan.added").map((e) => e.subjectId));
  const removed = new Set(events.filter((e) => e.action === "workshop_artisan.removed").map((e) => e.subjectId));
  const live = new Set(artisanIds);
  const problems: string[] = [];
  for (const id of live) if (!added.has(id)) problems.push(`artisan ${id} exists without its "added" event`);
  for (const id of added) if (id && !live.has(id) && !removed.has(id)) problems.push(`artisan ${id} is gone without a "removed" event`);
  for (const id of removed) if (id && live.has(id)) problems.push(`artisan ${id} has a "removed" event but still exists`);
  return problems;
}

/** Refuses anything but a database on this machine: the script restarts the server it talks to. */
export function assertLoopback(url: string): URL {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, "");
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) {
    throw new Error(`chaos:db restarts the PostgreSQL server it uses; ${host} is not this machine (use 127.0.0.1).`);
  }
  return u;
}
