import { getDb } from "~/server/db";
import { receiptResponse } from "~/server/pdf/receipt-response";
import { api } from "~/trpc/server";

/** GET: a received payment's receipt as a PDF download; 404 for anyone but its two parties and for a payment not received. */
export async function GET(_req: Request, ctx: { params: Promise<{ org: string; paymentId: string }> }) {
  const { org, paymentId } = await ctx.params;
  return receiptResponse(await api(), await getDb(), "workshop", org, paymentId);
}
