"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "~/components/forms/server-errors";
import { Button } from "~/components/ui/button";
import type { PreorderReservationStatus } from "~/lib/preorder-vocabulary";
import { useTRPC } from "~/trpc/react";

/** Downloads the reservations the current filters match as CSV, built on the server fresh on each click. */
export function ExportReservationsButton({ orgId, campaignId, filters }: { orgId: string; campaignId: string; filters: { status: PreorderReservationStatus | null; size: string | null; q: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const out = await queryClient.fetchQuery({ ...trpc.preorderDashboard.exportCsv.queryOptions({ orgId, campaignId, ...filters }), staleTime: 0 });
      const url = URL.createObjectURL(new Blob([out.csv], { type: "text/csv;charset=utf-8" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = out.filename;
      a.click();
      URL.revokeObjectURL(url);
      if (out.truncated) toast.warning(`The file holds the first ${out.rows.toLocaleString("en-GB")} reservations; filter to export the rest.`);
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="secondary" onClick={() => void download()} loading={busy}>
      <Download aria-hidden className="size-4" /> Export CSV
    </Button>
  );
}
