"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Paperclip, Send } from "lucide-react";
import { Controller, useForm } from "react-hook-form";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { formatDateTime } from "~/components/sample-requests/format";
import { Button } from "~/components/ui/button";
import { Field, FormError } from "~/components/ui/field";
import { ImageUpload } from "~/components/ui/image-upload";
import { Textarea } from "~/components/ui/input";
import { fileUrl } from "~/lib/files";
import { MESSAGE_ATTACHMENTS_MAX } from "~/lib/rfq-schemas";
import { useTRPC } from "~/trpc/react";

/** The thread of one invitation, oldest first; opening it marks it read for the reader. */
export function RfqThread({ orgId, invitationId, otherName }: { orgId: string; invitationId: string; otherName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const thread = useQuery(trpc.rfqThread.list.queryOptions({ orgId, invitationId }));
  const form = useForm<{ body: string; attachmentFileIds: string[] }>({ defaultValues: { body: "", attachmentFileIds: [] } });
  const post = useFormMutation(trpc.rfqThread.post.mutationOptions(), {
    form: { setError: form.setError, fields: ["body", "attachmentFileIds"] },
    refresh: false,
    onSuccess: async () => {
      form.reset({ body: "", attachmentFileIds: [] });
      await queryClient.invalidateQueries({ queryKey: trpc.rfqThread.list.queryKey({ orgId, invitationId }) });
    },
  });
  const onSubmit = form.handleSubmit(async (v) => {
    if (!v.body.trim()) {
      form.setError("body", { message: "Write a message." });
      return;
    }
    await post.run({ orgId, invitationId, body: v.body, attachmentFileIds: v.attachmentFileIds });
  });

  return (
    <section id="messages" aria-label={`Messages with ${otherName}`} className="flex flex-col gap-3">
      {thread.isPending ? (
        <p className="text-sm text-ink-muted">Loading messages…</p>
      ) : thread.isError ? (
        <p role="alert" className="text-sm text-danger">
          The messages could not be loaded. Reload the page to try again.
        </p>
      ) : thread.data.length === 0 ? (
        <p className="text-sm text-ink-muted">No messages yet. Questions about the designs or the terms go here; only you and {otherName} read them.</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {thread.data.map((m) => (
            <li key={m.id} className={m.mine ? "ml-8 rounded-md bg-brass-100 p-3" : "mr-8 rounded-md bg-sunken p-3"}>
              <p className="text-xs text-ink-muted">
                {m.authorName ?? "Someone"} · {formatDateTime(m.createdAt)}
              </p>
              <p className="mt-1 whitespace-pre-wrap text-sm">{m.body}</p>
              {m.attachments.length > 0 && (
                <ul className="mt-1 flex flex-col gap-0.5" aria-label="Attached files">
                  {m.attachments.map((a) => (
                    <li key={a.id}>
                      <a href={fileUrl(a.id)} download className="inline-flex items-center gap-1 break-all text-sm text-brass-700 underline">
                        <Paperclip aria-hidden className="size-3 shrink-0" /> {a.originalName}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
        <FormError message={post.formError} />
        <Field label={`Message to ${otherName}`} error={form.formState.errors.body?.message}>
          <Textarea rows={3} {...form.register("body")} />
        </Field>
        <Controller
          control={form.control}
          name="attachmentFileIds"
          render={({ field, fieldState }) => (
            <ImageUpload
              multiple
              max={MESSAGE_ATTACHMENTS_MAX}
              orgId={orgId}
              purpose="rfq_message_attachment"
              label="Attach files (optional)"
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
              disabled={form.formState.isSubmitting}
            />
          )}
        />
        <div>
          <Button type="submit" size="sm" loading={form.formState.isSubmitting}>
            <Send aria-hidden /> Send message
          </Button>
        </div>
      </form>
    </section>
  );
}
