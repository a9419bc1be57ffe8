"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { saveCsv } from "~/components/ui/csv-export-button";
import type { orderFiltersSchema } from "~/lib/order-list-schemas";
import { ORDERS_EXPORT_LIMIT } from "~/lib/order-list-schemas";
import { useTRPC } from "~/trpc/react";
import type { z } from "zod";

/** Downloads the CSV of every order the current filters match, built on the server. */
export function OrdersExportButton({ orgId, filters, fileName }: { orgId: string; filters: z.output<typeof orderFiltersSchema>; fileName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<{ pending: boolean; message: string | null; error: boolean }>({ pending: false, message: null, error: false });
  const run = async () => {
    setState({ pending: true, message: null, error: false });
    try {
      const result = await queryClient.fetchQuery({ ...trpc.order.exportCsv.queryOptions({ orgId, filters }), staleTime: 0 });
      saveCsv(result.csv, fileName);
      setState({
        pending: false,
        error: false,
        message: result.truncated ? `The first ${ORDERS_EXPORT_LIMIT.toLocaleString("en-GB")} orders were exported; narrow the filters for the rest.` : `${result.rows} order${result.rows === 1 ? "" : "s"} exported.`,
      });
    } catch {
      setState({ pending: false, error: true, message: "The export could not be made. Check your connection and try again." });
    }
  };
  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <Button type="button" variant="secondary" onClick={() => void run()} loading={state.pending}>
        <Download className="size-4" aria-hidden />
        Export CSV
      </Button>
      {state.message && (
        <p role={state.error ? "alert" : "status"} className={state.error ? "text-sm text-danger" : "text-sm text-ink-muted"}>
          {state.message}
        </p>
      )}
    </div>
  );
}
