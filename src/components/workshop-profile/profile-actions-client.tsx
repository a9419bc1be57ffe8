"use client";

import { useMutation } from "@tanstack/react-query";
import { Bookmark, BookmarkCheck } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "~/components/forms/server-errors";
import { useSingleFlight } from "~/components/forms/single-flight";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Select } from "~/components/ui/input";
import { useTRPC } from "~/trpc/react";
import { RequestSampleDialog } from "~/components/sample-requests/request-sample-dialog";

type Brand = { id: string; name: string; slug: string; entryId: string | null; canShortlist: boolean; canRequest: boolean };
type Props = { brands: Brand[]; defaultBrandId: string; workshop: { id: string; name: string; slug: string }; pieces: { id: string; title: string }[] };

export function ProfileActionsClient({ brands, defaultBrandId, workshop, pieces }: Props) {
  const [brandId, setBrandId] = useState(defaultBrandId);
  const [entries, setEntries] = useState<Record<string, string | null>>(() => Object.fromEntries(brands.map((b) => [b.id, b.entryId])));
  const brand = brands.find((b) => b.id === brandId) ?? brands[0]!;

  return (
    <div className="flex w-full flex-col gap-2 sm:w-auto sm:items-end">
      {brands.length > 1 && (
        <label className="flex items-center gap-2 text-sm text-ink-muted">
          <span className="shrink-0">For</span>
          <Select className="h-9 w-auto min-w-40 text-sm" value={brandId} onChange={(e) => setBrandId(e.target.value)} aria-label="Brand to act for">
            {brands.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </Select>
        </label>
      )}
      <div className="flex flex-wrap gap-2">
        {brand.canShortlist && (
          <ShortlistToggle
            brand={brand}
            workshop={workshop}
            entryId={entries[brand.id] ?? null}
            onChange={(entryId) => setEntries((e) => ({ ...e, [brand.id]: entryId }))}
          />
        )}
        {brand.canRequest && <RequestSampleDialog key={brand.id} brand={brand} workshop={workshop} pieces={pieces} />}
      </div>
    </div>
  );
}

function ShortlistToggle({ brand, workshop, entryId, onChange }: { brand: Brand; workshop: Props["workshop"]; entryId: string | null; onChange: (id: string | null) => void }) {
  const router = useRouter();
  const trpc = useTRPC();
  const add = useMutation(trpc.shortlist.add.mutationOptions());
  const remove = useMutation(trpc.shortlist.remove.mutationOptions());
  const shortlistHref = `/brand/${brand.slug}/shortlist`;

  const save = useSingleFlight(async () => {
    try {
      const entry = await add.mutateAsync({ orgId: brand.id, workshopOrgId: workshop.id });
      onChange(entry.id);
      // One toast per brand and workshop, however many times it was asked for.
      toast.success(`${workshop.name} is on ${brand.name}'s shortlist.`, { id: `shortlist:${brand.id}:${workshop.id}`, action: { label: "Open shortlist", onClick: () => router.push(shortlistHref) } });
    } catch (err) {
      toast.error(errorMessage(err), { id: `shortlist-error:${brand.id}:${workshop.id}` });
    }
  });

  if (entryId === null) {
    return (
      <Button variant="secondary" aria-pressed={false} loading={add.isPending} onClick={save}>
        <Bookmark aria-hidden /> Save to shortlist
      </Button>
    );
  }
  // Taking it off deletes the private note and tags with it, so ask first.
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" aria-pressed>
          <BookmarkCheck aria-hidden className="text-brass-600" /> On your shortlist
        </Button>
      }
      title={`Remove ${workshop.name} from the shortlist?`}
      description={`${brand.name}'s private note and tags for this workshop are deleted with it.`}
      confirmLabel="Remove from shortlist"
      onConfirm={async () => {
        try {
          await remove.mutateAsync({ orgId: brand.id, entryId });
          onChange(null);
          toast.success(`${workshop.name} was removed from ${brand.name}'s shortlist.`);
        } catch (err) {
          toast.error(errorMessage(err));
        }
      }}
    />
  );
}
