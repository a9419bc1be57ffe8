"use client";

import { useMutation } from "@tanstack/react-query";
import { Gem, ImageOff, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "~/components/forms/server-errors";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { fileUrl } from "~/lib/files";
import { METALS } from "~/lib/workshop-vocabulary";
import { PORTFOLIO_PIECES_MAX } from "~/lib/workshop-profile-schemas";
import { useTRPC } from "~/trpc/react";
import { ItemControls, useOptimisticOrder } from "./item-controls";
import { PieceForm, type PieceRow } from "./piece-form";

/** The portfolio: pieces in display order, add, edit in place, reorder, remove. */
export function PortfolioManager({ orgId, pieces, canEdit }: { orgId: string; pieces: PieceRow[]; canEdit: boolean }) {
  const router = useRouter();
  const trpc = useTRPC();
  const [editing, setEditing] = useState<string | null>(null) /* an id, or "new" */;
  const reorder = useMutation(trpc.workshopProfile.portfolio.reorder.mutationOptions());
  const remove = useMutation(trpc.workshopProfile.portfolio.remove.mutationOptions());

  const { shown, moving, move } = useOptimisticOrder(pieces, (ids) => reorder.mutateAsync({ orgId, pieceIds: ids }));

  const full = pieces.length >= PORTFOLIO_PIECES_MAX;
  if (pieces.length === 0 && editing !== "new") {
    return (
      <EmptyState
        icon={<Gem />}
        title="No portfolio pieces yet"
        description={
          canEdit
            ? "Show brands what you have made: a few pieces with good photos say more than any list of capabilities. You need at least one with a photo to publish."
            : "Owners and admins add portfolio pieces here."
        }
        action={
          canEdit && (
            <Button onClick={() => setEditing("new")}>
              <Plus aria-hidden /> Add a piece
            </Button>
          )
        }
      />
    );
  }

  return (
    <div>
      <ol className="divide-y divide-line">
        {shown.map((p, index) => (
          <li key={p.id} className="px-5 py-4">
            {editing === p.id ? (
              <PieceForm orgId={orgId} piece={p} onDone={() => setEditing(null)} />
            ) : (
              <div className="flex flex-wrap items-start gap-4 sm:flex-nowrap">
                <Cover fileId={p.photoFileIds[0]} />
                <div className="min-w-0 flex-1 basis-48">
                  <p className="font-medium">{p.title}</p>
                  <p className="text-sm text-ink-muted">
                    {p.photoFileIds.length === 0 ? "No photos yet" : `${p.photoFileIds.length} photo${p.photoFileIds.length === 1 ? "" : "s"}`}
                  </p>
                  {p.metals.length > 0 && (
                    <div className="mt-1.5 flex flex-wrap gap-1">
                      {p.metals.map((m) => (
                        <Badge key={m}>{METALS.label(m)}</Badge>
                      ))}
                    </div>
                  )}
                </div>
                {canEdit && (
                  <ItemControls
                    name={p.title}
                    index={index}
                    count={shown.length}
                    busy={moving || editing !== null}
                    onMove={move}
                    onEdit={() => setEditing(p.id)}
                    removeTitle={`Remove “${p.title}”?`}
                    removeDescription="The piece and its place in your portfolio are removed. Its photos stay in your files."
                    onRemove={async () => {
                      try {
                        await remove.mutateAsync({ orgId, pieceId: p.id });
                        toast.success(`“${p.title}” removed.`);
                        router.refresh();
                      } catch (err) {
                        toast.error(errorMessage(err));
                      }
                    }}
                  />
                )}
              </div>
            )}
          </li>
        ))}
        {editing === "new" && (
          <li className="px-5 py-4">
            <PieceForm orgId={orgId} onDone={() => setEditing(null)} />
          </li>
        )}
      </ol>
      {canEdit && editing !== "new" && (
        <div className="flex flex-wrap items-center gap-3 border-t border-line px-5 py-4">
          <Button variant="secondary" onClick={() => setEditing("new")} disabled={full || editing !== null}>
            <Plus aria-hidden /> Add a piece
          </Button>
          <span className="text-sm text-ink-subtle">{full ? `A portfolio holds at most ${PORTFOLIO_PIECES_MAX} pieces.` : `${pieces.length} of ${PORTFOLIO_PIECES_MAX}`}</span>
        </div>
      )}
    </div>
  );
}

function Cover({ fileId }: { fileId: string | undefined }) {
  if (!fileId) {
    return (
      <span className="flex size-20 shrink-0 items-center justify-center rounded-md bg-sunken text-ink-subtle" aria-hidden>
        <ImageOff className="size-6" />
      </span>
    );
  }
  // A plain img: /api/files checks access itself, and the image optimizer would not forward the session.
  return <img src={fileUrl(fileId, "thumb")} alt="" className="size-20 shrink-0 rounded-md bg-sunken object-cover" loading="lazy" />;
}
