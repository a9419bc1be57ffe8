import { z } from "zod";

const STALE = "This list changed or the link is out of date. Reload the page.";

/**
 * Where the next page of a newest-first list starts. The date is bounded to what PostgreSQL's timestamptz
 * can read back from an ISO string (years 1–9999), so a hand-made cursor is refused instead of a 500.
 */
export const listCursorSchema = z.object({
  createdAt: z.date(STALE).min(new Date("0001-01-01T00:00:00Z"), STALE).max(new Date("9999-12-31T23:59:59.999Z"), STALE),
  id: z.uuid(STALE),
});
