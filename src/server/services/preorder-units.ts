import { sql } from "drizzle-orm";
import type { Queryable, Tx } from "../db/client";
import { AppError } from "../errors";

/**
 * A preorder campaign's unit counters, in the caller's transaction as the brand. `held_units` counts open
 * holds, `paid_units` paid reservations, on the campaign and on each size; the checks
 * `held_units + paid_units <= total_cap` (and per size, `<= cap`) are what make an oversold campaign
 * impossible. Units are taken by conditional UPDATEs (the row lock makes concurrent takers queue, and each
 * re-checks the room once it has the row), so the checks never fire in practice; when they do, the caller
 * turns the violation into the same "Only N left" as a failed condition (`shortageMessage`).
 *
 * Lock order, everywhere: reservation rows first, then the campaign row, then its size rows. Holds that ran
 * out are expired with `skip locked`, so two reservations expiring the same stale holds never wait on each
 * other or deadlock.
 */

export type Units = { campaignId: string; size: string; quantity: number };
export type Counter = "held" | "paid";

const column = (c: Counter) => sql.raw(c === "held" ? "held_units" : "paid_units");

/** A violated cap check (`23514`) anywhere in an error's causes. */
export function isCapViolation(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const pg = e as Error & { code?: string; constraint?: string };
    if (pg.code === "23514" && (pg.constraint === "preorder_campaigns_cap" || pg.constraint === "preorder_campaign_sizes_cap")) return true;
  }
  return false;
}

/**
 * Takes `quantity` units into a counter of the campaign and of the size, or throws a CONFLICT that says
 * what is left. `open` also requires the campaign to be published with its window open at `now` (for a new
 * hold; a late payment that is honoured needs only the room).
 */
export async function takeUnits(tx: Tx, u: Units, into: Counter, opts: { open: boolean; now: Date }): Promise<void> {
  const col = column(into);
  const window = opts.open ? sql`and status = 'published' and opens_at <= ${opts.now} and closes_at > ${opts.now}` : sql`and status = 'published'`;
  const campaign = await tx.execute(sql`update preorder_campaigns set ${col} = ${col} + ${u.quantity}
    where id = ${u.campaignId} ${window} and held_units + paid_units + ${u.quantity} <= total_cap returning id`);
  if (campaign.rows.length === 0) throw await shortage(tx, u, opts.now);
  const size = await tx.execute(sql`update preorder_campaign_sizes set ${col} = ${col} + ${u.quantity}
    where campaign_id = ${u.campaignId} and size = ${u.size} and (cap is null or held_units + paid_units + ${u.quantity} <= cap) returning size`);
  if (size.rows.length === 0) throw await shortage(tx, u, opts.now);
}

/** Moves units between counters (held → paid), or gives them back (to null). Never fails a cap check. */
export async function moveUnits(tx: Tx, u: Units, from: Counter, to: Counter | null): Promise<void> {
  const f = column(from);
  const set = to ? sql`${f} = ${f} - ${u.quantity}, ${column(to)} = ${column(to)} + ${u.quantity}` : sql`${f} = ${f} - ${u.quantity}`;
  await tx.execute(sql`update preorder_campaigns set ${set} where id = ${u.campaignId}`);
  await tx.execute(sql`update preorder_campaign_sizes set ${set} where campaign_id = ${u.campaignId} and size = ${u.size}`);
}

/**
 * Expires the campaign's holds that ran out by `now` and frees their units; holds another transaction is
 * working on (being paid, or expired by someone else) are skipped. Returns the expired reservations.
 */
export async function expireStaleHolds(tx: Tx, campaignId: string, now: Date): Promise<{ id: string; size: string; quantity: number }[]> {
  const { rows } = await tx.execute<{ id: string; size: string; quantity: number }>(sql`update preorder_reservations set status = 'expired', updated_at = ${now}
    where id in (select id from preorder_reservations where campaign_id = ${campaignId} and status = 'held' and hold_expires_at <= ${now} for update skip locked)
    returning id, size, quantity`);
  if (rows.length === 0) return [];
  const total = rows.reduce((n, r) => n + r.quantity, 0);
  await tx.execute(sql`update preorder_campaigns set held_units = held_units - ${total} where id = ${campaignId}`);
  const bySize = new Map<string, number>();
  for (const r of rows) bySize.set(r.size, (bySize.get(r.size) ?? 0) + r.quantity);
  for (const [size, quantity] of [...bySize].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    await tx.execute(sql`update preorder_campaign_sizes set held_units = held_units - ${quantity} where campaign_id = ${campaignId} and size = ${size}`);
  }
  return rows;
}

export type Room = { left: number; sizeLeft: number | null; status: string; open: boolean };

/** What is left now, as a query sees it (read after a refusal, or outside the failed transaction). */
export async function roomOf(q: Queryable, u: Pick<Units, "campaignId" | "size">, now: Date): Promise<Room | null> {
  const { rows } = await q.execute<{ left: number; size_left: number | null; status: string; open: boolean }>(sql`
    select c.total_cap - c.held_units - c.paid_units as "left", s.cap - s.held_units - s.paid_units as size_left, c.status::text as status,
      (c.opens_at <= ${now} and c.closes_at > ${now}) as open
    from preorder_campaigns c left join preorder_campaign_sizes s on s.campaign_id = c.id and s.size = ${u.size}
    where c.id = ${u.campaignId}`);
  const r = rows[0];
  return r ? { left: r.left, sizeLeft: r.size_left, status: r.status, open: r.open } : null;
}

/** The refusal for a quantity that does not fit, in words: what is left in all, or in this size. */
export function shortageMessage(u: Units, room: Room | null): AppError {
  if (!room || room.status !== "published") return new AppError("CONFLICT", "This preorder is no longer taking reservations.");
  if (!room.open) return new AppError("CONFLICT", "This preorder's window is not open.");
  const sizeName = u.size ? `size ${u.size}` : "this piece";
  if (room.left <= 0) return new AppError("CONFLICT", "Sold out: every piece of this preorder is reserved.", "quantity");
  if (room.sizeLeft !== null && room.sizeLeft <= 0) return new AppError("CONFLICT", `Sold out in ${sizeName}.`, "size");
  const left = room.sizeLeft === null ? room.left : Math.min(room.left, room.sizeLeft);
  if (left >= u.quantity) return new AppError("CONFLICT", "Someone reserved at the same moment. Try again.", "quantity");
  return new AppError("CONFLICT", `Only ${left} left${room.sizeLeft !== null && room.sizeLeft < room.left ? ` in ${sizeName}` : ""}.`, "quantity");
}

async function shortage(tx: Tx, u: Units, now: Date): Promise<AppError> {
  return shortageMessage(u, await roomOf(tx, u, now));
}
