"use client";

import { POST_ONLY } from "~/components/forms/post-only";
import { useState } from "react";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Button } from "~/components/ui/button";
import { FormError } from "~/components/ui/field";
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS, type NotificationKind } from "~/lib/notifications";
import { useTRPC } from "~/trpc/react";

/** One checkbox per kind of notification email: checked means the email comes. */
export function EmailPreferencesForm({ mutedKinds }: { mutedKinds: NotificationKind[] }) {
  const trpc = useTRPC();
  const [muted, setMuted] = useState<NotificationKind[]>(mutedKinds);
  const save = useFormMutation(trpc.account.updateEmailPreferences.mutationOptions(), { success: "Email preferences saved." });

  return (
    <form
      {...POST_ONLY}
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run({ mutedKinds: muted });
      }}
    >
      <FormError message={save.formError} />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-medium">Email me about</legend>
        {NOTIFICATION_KINDS.map((kind) => (
          <label key={kind} className="flex items-start gap-3">
            <input
              type="checkbox"
              className="mt-1 size-4 accent-brass-600"
              checked={!muted.includes(kind)}
              onChange={(e) => setMuted((m) => (e.target.checked ? m.filter((k) => k !== kind) : [...m, kind]))}
            />
            <span>
              <span className="block font-medium">{NOTIFICATION_KIND_LABELS[kind].title}</span>
              <span className="block text-sm text-ink-muted">{NOTIFICATION_KIND_LABELS[kind].description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="text-sm text-ink-muted">Notifications still appear under the bell in your portals. Invitations and password resets are always sent.</p>
      <Button type="submit" loading={save.pending} className="self-start">
        Save
      </Button>
    </form>
  );
}
