"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CsvExportButton } from "~/components/ui/csv-export-button";
import { useTRPC } from "~/trpc/react";

/** Downloads every payment of the organization as CSV (fetched fresh on each click). */
export function ExportCsvButton({ orgId, side }: { orgId: string; side: "brand" | "workshop" }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (
    <CsvExportButton
      load={() => {
        const options = side === "brand" ? trpc.payment.brandExport.queryOptions({ orgId }) : trpc.payment.workshopExport.queryOptions({ orgId });
        return queryClient.fetchQuery({ ...options, staleTime: 0 });
      }}
    />
  );
}
