"use client";

import { useFormMutation } from "~/components/forms/use-form-mutation";
import { MapPin, Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { countryName } from "~/lib/regions";
import { CAPABILITIES } from "~/lib/workshop-vocabulary";
import type { ShortlistItem } from "~/trpc/types";
import { useTRPC } from "~/trpc/react";
import { ShortlistNoteForm } from "./shortlist-note-form";

type Props = { orgId: string; item: ShortlistItem; canEdit: boolean; selected: boolean; selectable: boolean; onToggle: () => void };

export function ShortlistEntry({ orgId, item, canEdit, selected, selectable, onToggle }: Props) {
  const [editing, setEditing] = useState(false);
  const p = item.profile;
  const checkboxId = `compare-${item.id}`;
  const facts = p
    ? [
        p.moqPerDesign !== null ? `MOQ ${p.moqPerDesign}` : null,
        p.leadTimeMinDays !== null && p.leadTimeMaxDays !== null ? `${p.leadTimeMinDays}–${p.leadTimeMaxDays} business days` : null,
      ].filter(Boolean)
    : [];

  return (
    <li className="flex gap-3 px-4 py-4 sm:px-5">
      <div className="pt-1">
        <input
          id={checkboxId}
          type="checkbox"
          className="size-5 accent-brass-600"
          checked={selected}
          disabled={!selectable}
          onChange={onToggle}
          aria-label={`Compare ${item.workshopName}`}
          title={p ? undefined : "This workshop is not listed right now, so it cannot be compared."}
        />
      </div>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
          <div className="min-w-0">
            <h3 className="font-semibold">
              {p ? (
                <Link href={`/workshops/${item.workshopSlug}`} className="hover:underline">
                  {item.workshopName}
                </Link>
              ) : (
                item.workshopName
              )}
            </h3>
            {p ? (
              <p className="mt-0.5 flex flex-wrap items-center gap-x-2 text-sm text-ink-muted">
                <span className="inline-flex items-center gap-1">
                  <MapPin className="size-3.5" aria-hidden />
                  {[p.city, countryName(p.country)].filter(Boolean).join(", ")}
                </span>
                {facts.map((f) => (
                  <span key={f}>· {f}</span>
                ))}
              </p>
            ) : (
              <Badge tone="warning" className="mt-1">
                Not listed right now
              </Badge>
            )}
          </div>
          {canEdit && !editing && (
            <div className="flex gap-1">
              <Button variant="ghost" size="sm" onClick={() => setEditing(true)} aria-label={`Edit note and tags for ${item.workshopName}`}>
                <Pencil aria-hidden /> Edit
              </Button>
              <RemoveButton orgId={orgId} entryId={item.id} name={item.workshopName} />
            </div>
          )}
        </div>
        {p?.headline && <p className="mt-1 text-sm">{p.headline}</p>}
        {p && p.capabilities.length > 0 && (
          <p className="mt-1 text-sm text-ink-subtle">{p.capabilities.map((c) => CAPABILITIES.label(c)).join(" · ")}</p>
        )}
        {editing ? (
          <ShortlistNoteForm orgId={orgId} entryId={item.id} note={item.note} tags={item.tags} onDone={() => setEditing(false)} />
        ) : (
          <>
            {item.tags.length > 0 && (
              <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Tags">
                {item.tags.map((t) => (
                  <li key={t}>
                    <Badge tone="brass">{t}</Badge>
                  </li>
                ))}
              </ul>
            )}
            {item.note ? (
              <p className="mt-2 rounded-md bg-sunken px-3 py-2 text-sm whitespace-pre-line">{item.note}</p>
            ) : (
              canEdit && (
                <button type="button" onClick={() => setEditing(true)} className="mt-2 text-sm text-ink-subtle hover:text-ink hover:underline">
                  Add a private note…
                </button>
              )
            )}
          </>
        )}
      </div>
    </li>
  );
}

function RemoveButton({ orgId, entryId, name }: { orgId: string; entryId: string; name: string }) {
  const trpc = useTRPC();
  const remove = useFormMutation(trpc.shortlist.remove.mutationOptions(), { success: `${name} was removed from your shortlist.` });
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Remove ${name} from the shortlist`}>
          <Trash2 aria-hidden /> Remove
        </Button>
      }
      title={`Remove ${name}?`}
      description="Its note and tags are deleted with it. Sample requests to this workshop are kept."
      confirmLabel="Remove from shortlist"
      onConfirm={() => remove.run({ orgId, entryId })}
    />
  );
}
