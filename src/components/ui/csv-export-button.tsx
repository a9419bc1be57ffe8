"use client";

import { Download } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "~/components/forms/server-errors";
import { Button } from "./button";

/** Saves a CSV built in the browser's memory under a file name, as a download. */
export function saveCsv(csv: string, filename: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the address after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "Export CSV": asks the server for the file on each click (never a cached copy), saves it, and says why
 * it could not, or what it left out (`warning`), in a toast.
 */
export function CsvExportButton({ load }: { load: () => Promise<{ csv: string; filename: string; warning?: string | null }> }) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const out = await load();
      saveCsv(out.csv, out.filename);
      if (out.warning) toast.warning(out.warning);
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type="button" variant="secondary" onClick={() => void download()} loading={busy}>
      <Download aria-hidden className="size-4" /> Export CSV
    </Button>
  );
}
