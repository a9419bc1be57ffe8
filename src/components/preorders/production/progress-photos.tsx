"use client";

import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { useTRPC } from "~/trpc/react";

type Photo = {
  milestonePhotoFileId: string;
  name: string;
  milestone: string;
  happenedOn: string;
  note: string;
  thumbUrl: string;
  published: { fileId: string; caption: string } | null;
};

/** The linked order's work-in-progress photos; the brand chooses which the campaign page shows (as copies it owns). */
export function ProgressPhotos({ orgId, campaignId, photos, canManage }: { orgId: string; campaignId: string; photos: Photo[]; canManage: boolean }) {
  const trpc = useTRPC();
  const publish = useFormMutation(trpc.preorderProduction.publishPhoto.mutationOptions(), { success: "The photo is on the campaign page." });
  const unpublish = useFormMutation(trpc.preorderProduction.unpublishPhoto.mutationOptions(), { success: "The photo is off the campaign page." });
  return (
    <Card>
      <CardHeader title="Progress photos" description="Photos the workshop posted on the order's milestones. The ones you publish appear on the campaign page." />
      <CardBody>
        {photos.length === 0 ? (
          <EmptyState title="No photos yet" description="They appear here when the workshop posts them on the order's milestones." />
        ) : (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
            {photos.map((p) => (
              <li key={p.milestonePhotoFileId} className="flex min-w-0 flex-col gap-1.5">
                <img src={p.thumbUrl} alt={`${p.milestone}, ${p.happenedOn}${p.note ? `: ${p.note}` : ""}`} className="aspect-square w-full rounded-md border border-line object-cover" loading="lazy" />
                <p className="truncate text-sm">{p.milestone}</p>
                <p className="text-xs text-ink-subtle">{p.happenedOn}</p>
                {p.published && <Badge tone="success">On the page</Badge>}
                {canManage &&
                  (p.published ? (
                    <Button size="sm" variant="secondary" loading={unpublish.pending} onClick={() => void unpublish.run({ orgId, campaignId, fileId: p.published!.fileId })}>
                      Take off the page
                    </Button>
                  ) : (
                    <Button size="sm" variant="secondary" loading={publish.pending} onClick={() => void publish.run({ orgId, campaignId, milestonePhotoFileId: p.milestonePhotoFileId, caption: p.note.slice(0, 200) })}>
                      Publish
                    </Button>
                  ))}
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
