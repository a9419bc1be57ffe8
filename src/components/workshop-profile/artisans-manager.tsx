"use client";

import { useMutation } from "@tanstack/react-query";
import { Plus, UserRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "~/components/forms/server-errors";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { ARTISANS_MAX } from "~/lib/workshop-profile-schemas";
import { useTRPC } from "~/trpc/react";
import { ArtisanForm, type ArtisanRow } from "./artisan-form";
import { ArtisanPhoto } from "./artisan-photo";
import { ItemControls, useOptimisticOrder } from "./item-controls";

/** The artisans of the profile: list in display order, add, edit in place, reorder, remove. */
export function ArtisansManager({ orgId, artisans, canEdit }: { orgId: string; artisans: ArtisanRow[]; canEdit: boolean }) {
  const router = useRouter();
  const trpc = useTRPC();
  const [editing, setEditing] = useState<string | null>(null) /* an id, or "new" */;
  const reorder = useMutation(trpc.workshopProfile.artisans.reorder.mutationOptions());
  const remove = useMutation(trpc.workshopProfile.artisans.remove.mutationOptions());

  const { shown, moving, move } = useOptimisticOrder(artisans, (ids) => reorder.mutateAsync({ orgId, artisanIds: ids }));

  const full = artisans.length >= ARTISANS_MAX;
  return (
    <div>
      {artisans.length === 0 && editing !== "new" ? (
        <EmptyState
          icon={<UserRound />}
          title="No artisans yet"
          description={
            canEdit
              ? "Brands like to know who makes their pieces. Introduce your setters, casters and designers with a photo and a few lines each."
              : "Owners and admins introduce the artisans here."
          }
          action={
            canEdit && (
              <Button onClick={() => setEditing("new")}>
                <Plus aria-hidden /> Add an artisan
              </Button>
            )
          }
        />
      ) : (
        <ol className="divide-y divide-line">
          {shown.map((a, index) => (
            <li key={a.id} className="px-5 py-4">
              {editing === a.id ? (
                <ArtisanForm orgId={orgId} artisan={a} onDone={() => setEditing(null)} />
              ) : (
                <div className="flex flex-wrap items-start gap-4 sm:flex-nowrap">
                  <ArtisanPhoto fileId={a.photoFileId} name={a.name} />
                  <div className="min-w-0 flex-1 basis-48">
                    <p className="font-medium">{a.name}</p>
                    <p className="text-sm text-ink-muted">{a.role}</p>
                    {a.bio && <p className="mt-1 line-clamp-2 text-sm text-ink-muted">{a.bio}</p>}
                  </div>
                  {canEdit && (
                    <ItemControls
                      name={a.name}
                      index={index}
                      count={shown.length}
                      busy={moving || editing !== null}
                      onMove={move}
                      onEdit={() => setEditing(a.id)}
                      removeTitle={`Remove ${a.name}?`}
                      removeDescription={`${a.name} will no longer appear on your profile. Their photo stays in your files.`}
                      onRemove={async () => {
                        try {
                          await remove.mutateAsync({ orgId, artisanId: a.id });
                          toast.success(`${a.name} removed.`);
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
              <ArtisanForm orgId={orgId} onDone={() => setEditing(null)} />
            </li>
          )}
        </ol>
      )}
      {canEdit && artisans.length > 0 && editing !== "new" && (
        <div className="flex flex-wrap items-center gap-3 border-t border-line px-5 py-4">
          <Button variant="secondary" onClick={() => setEditing("new")} disabled={full || editing !== null}>
            <Plus aria-hidden /> Add an artisan
          </Button>
          <span className="text-sm text-ink-subtle">{full ? `A profile shows at most ${ARTISANS_MAX} artisans.` : `${artisans.length} of ${ARTISANS_MAX}`}</span>
        </div>
      )}
    </div>
  );
}
