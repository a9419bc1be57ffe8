"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "~/components/forms/server-errors";
import { Button } from "~/components/ui/button";
import { useTRPC } from "~/trpc/react";

/** Downloads every payment of the organization as CSV (fetched fresh on each click). */
export function ExportCsvButton({ orgId, side }: { orgId: string; side: "brand" | "workshop" }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const options = side === "brand" ? trpc.payment.brandExport.queryOptions({ orgId }) : trpc.payment.workshopExport.queryOptions({ orgId });
      const { filename, csv } = await queryClient.fetchQuery({ ...options, staleTime: 0 });
      const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = filename;
      a.click();
      URL.revokeObjectURL(url);
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
