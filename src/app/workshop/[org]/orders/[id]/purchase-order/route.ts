import { purchaseOrderResponse } from "~/server/pdf/purchase-order-response";
import { api } from "~/trpc/server";

/** GET: the order's purchase order as a PDF download; 404 for anyone but the order's two parties. */
export async function GET(_req: Request, ctx: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await ctx.params;
  return purchaseOrderResponse(await api(), "workshop", org, id);
}
