import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { afterCursor, pageOf, type ListCursor } from "../db/keyset";
import { events, orders, users } from "../db/schema";
import { withOrg } from "../db/tenant";
import { AppError } from "../errors";

/**
 * The activity log of one order, for one of its parties: every event the reader's organization holds
 * about the order (each side keeps its own copy of what either side did), newest first, with who did it.
 * Another organization's order answers NOT_FOUND.
 */
export async function listOrderActivity(db: Db, orgId: string, input: { orderId: string; limit: number; cursor?: ListCursor | null }) {
  return withOrg(db, orgId, async (tx) => {
    const [order] = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.id, input.orderId), sql`${orgId} in (${orders.brandOrgId}, ${orders.workshopOrgId})`));
    if (!order) throw new AppError("NOT_FOUND", "That order was not found.");
    const rows = await tx
      .select({ id: events.id, action: events.action, data: events.data, createdAt: events.createdAt, actorName: users.name })
      .from(events)
      .leftJoin(users, eq(users.id, events.actorId))
      .where(and(eq(events.orgId, orgId), eq(events.subjectType, "order"), eq(events.subjectId, order.id), afterCursor(events, orgId, input.cursor)))
      .orderBy(desc(events.createdAt), desc(events.id))
      .limit(input.limit + 1);
    return pageOf(rows, input.limit);
  });
}
