"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CsvExportButton } from "~/components/ui/csv-export-button";
import type { PreorderReservationStatus } from "~/lib/preorder-vocabulary";
import { useTRPC } from "~/trpc/react";

/** Downloads the reservations the current filters match as CSV, built on the server fresh on each click. */
export function ExportReservationsButton({ orgId, campaignId, filters }: { orgId: string; campaignId: string; filters: { status: PreorderReservationStatus | null; size: string | null; q: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (
    <CsvExportButton
      load={async () => {
        const out = await queryClient.fetchQuery({ ...trpc.preorderDashboard.exportCsv.queryOptions({ orgId, campaignId, ...filters }), staleTime: 0 });
        const warning = out.truncated ? `The file holds the first ${out.rows.toLocaleString("en-GB")} reservations; filter to export the rest.` : null;
        return { csv: out.csv, filename: out.filename, warning };
      }}
    />
  );
}
