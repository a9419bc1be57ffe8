import { TRPCClientError } from "@trpc/client";

/**
 * Which tRPC results the browser console logs in development: only failures nobody expected (the server's
 * own errors), never a refusal the page already shows (a taken email, a wrong field), and never anything of
 * an auth procedure, whose input holds passwords and tokens.
 *
 * tRPC passes the operation (with its path) at run time, though its type for results omits it; without a
 * path nothing is logged.
 */
export function shouldLogTrpcResult(op: { path?: string; direction: "up" | "down"; result?: unknown }): boolean {
  if (op.direction !== "down" || !op.path || op.path.startsWith("auth.")) return false;
  const result = op.result;
  if (!(result instanceof TRPCClientError)) return false;
  const code = (result.data as { code?: string } | undefined)?.code;
  return code === undefined || code === "INTERNAL_SERVER_ERROR";
}
