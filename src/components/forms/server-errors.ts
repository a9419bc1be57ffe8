import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

type ErrorWithData = { message?: string; data?: { fieldErrors?: Record<string, string[] | undefined> | null } | null };

/**
 * Puts a procedure's field errors next to their fields and returns the message for the whole form
 * (null when every error found its field).
 */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): string | null {
  const e = error as ErrorWithData;
  const fieldErrors = e?.data?.fieldErrors ?? null;
  let placed = false;
  let unplaced: string | null = null;
  for (const [name, messages] of Object.entries(fieldErrors ?? {})) {
    const message = messages?.[0];
    if (!message) continue;
    if (fields.includes(name)) {
      setError(name as Path<T>, { type: "server", message });
      placed = true;
    } else {
      unplaced ??= message;
    }
  }
  if (unplaced) return unplaced;
  if (placed) return null;
  return e?.message || "Something went wrong. Please try again.";
}

export function errorMessage(error: unknown): string {
  return (error as ErrorWithData)?.message || "Something went wrong. Please try again.";
}
