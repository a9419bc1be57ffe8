import { errorMessage } from "~/components/forms/server-errors";

type WithFieldErrors = { data?: { fieldErrors?: Record<string, string[] | undefined> | null } | null };

/**
 * A procedure's error split for a form: the first message of each named field, and the message for the
 * whole form when no field of `fields` took it.
 */
export function splitErrors(err: unknown, fields: readonly string[]): { fields: Record<string, string>; form: string | null } {
  const found: Record<string, string> = {};
  let unplaced: string | null = null;
  for (const [name, messages] of Object.entries((err as WithFieldErrors)?.data?.fieldErrors ?? {})) {
    const message = messages?.[0];
    if (!message) continue;
    if (fields.includes(name)) found[name] ??= message;
    else unplaced ??= message;
  }
  if (unplaced) return { fields: found, form: unplaced };
  return { fields: found, form: Object.keys(found).length > 0 ? null : errorMessage(err) };
}
