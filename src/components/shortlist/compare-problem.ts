import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";

/**
 * What the compare page says when the in-process caller refuses its ids. That caller throws the raw error,
 * not the formatted one the HTTP client sees, so a ZodError's message is its JSON issue list: use the
 * first issue's own words instead. Errors other than "not found" or "bad input" are not ours to explain.
 */
export function compareProblem(err: unknown): string | null {
  if (!(err instanceof TRPCError)) return null;
  if (err.code === "NOT_FOUND") return err.message;
  if (err.code !== "BAD_REQUEST") return null;
  if (err.cause instanceof ZodError) {
    const issue = err.cause.issues.find((i) => i.path.length > 0 && i.code !== "invalid_format" && i.code !== "invalid_type");
    return issue?.message ?? "Those workshops are not on your shortlist. Choose them again from your shortlist.";
  }
  return err.message;
}
