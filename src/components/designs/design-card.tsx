import { Gem } from "lucide-react";
import Link from "next/link";
import { DESIGN_CATEGORIES } from "~/lib/design-spec";
import { fileUrl } from "~/lib/files";
import type { RouterOutputs } from "~/trpc/types";
import { CompletenessMeter, RevisionStatusBadge } from "./format";

type Summary = RouterOutputs["design"]["list"]["items"][number];

/** A design in a list or an overview: cover, SKU, name, status and completeness. */
export function DesignRow({ design, href }: { design: Summary; href: string }) {
  return (
    <Link href={href} className="flex items-center gap-4 px-5 py-3 hover:bg-sunken/60">
      <span className="flex size-14 shrink-0 items-center justify-center overflow-hidden rounded-md border border-line bg-sunken">
        {design.coverFileId ? <img src={fileUrl(design.coverFileId, "thumb")} alt="" className="size-full object-cover" loading="lazy" /> : <Gem className="size-5 text-ink-subtle" aria-hidden />}
      </span>
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium">
          <span className="font-mono text-sm text-ink-muted">{design.sku}</span> {design.name}
        </span>
        <span className="block truncate text-sm text-ink-muted">
          {DESIGN_CATEGORIES.labels[design.category]}
          {design.collectionName ? ` · ${design.collectionName}` : ""}
          {design.latest ? ` · revision ${design.latest.number}` : ""}
          {design.approvedNumber !== null && design.latest?.status === "draft" ? ` (revision ${design.approvedNumber} approved)` : ""}
        </span>
      </span>
      <span className="flex shrink-0 flex-col items-end gap-1">
        {design.latest && <RevisionStatusBadge status={design.latest.status} />}
        {design.latest?.status === "draft" && <CompletenessMeter percent={design.completeness.percent} missing={design.completeness.missing} />}
      </span>
    </Link>
  );
}
