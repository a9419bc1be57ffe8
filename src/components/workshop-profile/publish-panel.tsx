"use client";

import { useMutation } from "@tanstack/react-query";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { CheckCircle2, Circle, ExternalLink } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { errorMessage } from "~/components/forms/server-errors";
import { useSingleFlight } from "~/components/forms/single-flight";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import type { ProfileChecklistEntry as ChecklistEntry } from "~/trpc/types";
import { useTRPC } from "~/trpc/react";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

/** Whether the profile is public, what is still missing before it can be, and the switch itself. */
export function PublishPanel({
  orgId,
  checklist,
  publishedAt,
  publicHref,
  sectionHref,
  canPublish,
}: {
  orgId: string;
  checklist: ChecklistEntry[];
  publishedAt: Date | null;
  publicHref: string;
  sectionHref: Record<ChecklistEntry["section"], string>;
  canPublish: boolean;
}) {
  const router = useRouter();
  const trpc = useTRPC();
  const publish = useMutation(trpc.workshopProfile.publish.mutationOptions());
  const unpublish = useFormMutation(trpc.workshopProfile.unpublish.mutationOptions(), { success: "Your profile is no longer public." });
  const missing = checklist.filter((i) => !i.done).length;
  const publishOnce = useSingleFlight(async () => {
    try {
      await publish.mutateAsync({ orgId });
      toast.success("Your profile is published.", { id: "profile-published" });
    } catch (err) {
      toast.error(errorMessage(err), { id: "profile-publish-error" });
    }
    router.refresh();
  });

  return (
    <Card>
      <CardHeader
        title="Publishing"
        action={publishedAt ? <Badge tone="success">Published</Badge> : <Badge tone="neutral">Draft</Badge>}
        description={publishedAt ? `In the directory since ${dateFormat.format(publishedAt)}.` : "Only your team can see the profile until you publish it."}
      />
      <CardBody className="flex flex-col gap-4">
        <div>
          <p className="text-sm font-medium">{missing === 0 ? "Everything brands need is there." : `${missing} of ${checklist.length} still to do`}</p>
          <ul className="mt-2 flex flex-col gap-1.5">
            {checklist.map((item) => (
              <li key={item.key} className="flex items-start gap-2 text-sm">
                {item.done ? (
                  <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-success" aria-label="Done" />
                ) : (
                  <Circle className="mt-0.5 size-4 shrink-0 text-line-strong" aria-label="Missing" />
                )}
                <span>
                  {item.done ? (
                    <span className="text-ink-muted">{item.label}</span>
                  ) : (
                    <Link href={sectionHref[item.section]} className="font-medium text-ink underline decoration-line-strong underline-offset-2 hover:decoration-brass-500">
                      {item.label}
                    </Link>
                  )}
                  {item.note && (
                    <Link href={sectionHref[item.section]} className="mt-0.5 block text-ink-muted underline decoration-line underline-offset-2 hover:decoration-brass-500">
                      {item.note}
                    </Link>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </div>

        {publishedAt && (
          <Button asChild variant="secondary">
            <Link href={publicHref} target="_blank">
              View public page <ExternalLink aria-hidden />
            </Link>
          </Button>
        )}

        {!canPublish ? (
          <p className="text-sm text-ink-muted">Owners and admins publish and unpublish the profile.</p>
        ) : publishedAt ? (
          <ConfirmDialog
            trigger={<Button variant="ghost">Unpublish</Button>}
            title="Unpublish your profile?"
            description="Your page and your place in the directory disappear at once. Brands who shortlisted you keep their notes. You can publish again at any time."
            confirmLabel="Unpublish"
            onConfirm={() => unpublish.run({ orgId })}
          />
        ) : (
          <div className="flex flex-col gap-2">
            <Button
              variant="accent"
              loading={publish.isPending}
              disabled={missing > 0}
              onClick={publishOnce}
            >
              Publish profile
            </Button>
            {missing > 0 && <p className="text-sm text-ink-subtle">Complete the list above to publish.</p>}
          </div>
        )}
      </CardBody>
    </Card>
  );
}
