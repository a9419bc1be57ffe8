"use client";

import { useMutation, type UseMutationOptions } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldValues, UseFormSetError } from "react-hook-form";
import { toast } from "sonner";
import { applyServerErrors, errorMessage } from "./server-errors";
import { useSingleFlight } from "./single-flight";

type Behaviour<TData, TVars, TValues extends FieldValues> = {
  /** The toast after success; none when omitted. */
  success?: string | ((data: TData, vars: TVars) => string);
  /** Runs after success, before the page refreshes (reset a form, close a dialog, navigate). */
  onSuccess?: (data: TData, vars: TVars) => void | Promise<void>;
  /** Re-render the server components after success (default true). */
  refresh?: boolean;
  /** A form's fields: server field errors land next to them, the rest in `formError`. Without it, errors toast. */
  form?: { setError: UseFormSetError<TValues>; fields: readonly string[] };
};

/**
 * The one way a component runs a mutation: submit → toast → refresh. Errors go next to the form's fields
 * (and `formError`) when a form is given, else to a toast. `run` never throws.
 */
export function useFormMutation<TData, TError, TVars, TContext, TValues extends FieldValues = FieldValues>(
  options: UseMutationOptions<TData, TError, TVars, TContext>,
  behaviour: Behaviour<TData, TVars, TValues> = {},
) {
  const router = useRouter();
  const mutation = useMutation(options);
  const [formError, setFormError] = useState<string | null>(null);

  // A second submit or click with the same input while the first is saving joins it rather than saving
  // (and toasting) twice.
  const run = useSingleFlight(
    async (vars: TVars): Promise<TData | undefined> => {
      setFormError(null);
      let data: TData;
      try {
        data = await mutation.mutateAsync(vars);
      } catch (err) {
        if (behaviour.form) setFormError(applyServerErrors(err, behaviour.form.setError, behaviour.form.fields));
        else toast.error(errorMessage(err));
        return undefined;
      }
      const message = typeof behaviour.success === "function" ? behaviour.success(data, vars) : behaviour.success;
      if (message) toast.success(message);
      await behaviour.onSuccess?.(data, vars);
      if (behaviour.refresh ?? true) router.refresh();
      return data;
    },
    (vars) => JSON.stringify(vars) ?? "",
  );

  return { run, formError, setFormError, pending: mutation.isPending };
}
