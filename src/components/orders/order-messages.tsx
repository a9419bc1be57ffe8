"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Paperclip, Send, X } from "lucide-react";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { formatDateTime } from "~/components/sample-requests/format";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Field, FormError } from "~/components/ui/field";
import { Textarea } from "~/components/ui/input";
import { acceptAttribute, fileUrl, MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL, uploadFile, UploadError } from "~/lib/files";
import { useTRPC } from "~/trpc/react";

const MAX_FILES = 10;

/**
 * The conversation of an order between its two parties, with attachments. An order is one RFQ
 * invitation accepted, and that invitation already has the thread both sides used while quoting: the
 * order continues it (same rows, same row-level security, same unread marks), so nothing said about the
 * designs before the order is in another place. Opening it marks it read for the reader.
 */
export function OrderMessages({ orgId, invitationId, otherName }: { orgId: string; invitationId: string | null; otherName: string }) {
  if (!invitationId) return null;
  return <Thread orgId={orgId} invitationId={invitationId} otherName={otherName} />;
}

function Thread({ orgId, invitationId, otherName }: { orgId: string; invitationId: string; otherName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const thread = useQuery(trpc.rfqThread.list.queryOptions({ orgId, invitationId }));
  const form = useForm<{ body: string }>({ defaultValues: { body: "" } });
  const [files, setFiles] = useState<{ id: string; name: string }[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const post = useFormMutation(trpc.rfqThread.post.mutationOptions(), {
    form: { setError: form.setError, fields: ["body", "attachmentFileIds"] },
    refresh: false,
    onSuccess: async () => {
      form.reset({ body: "" });
      setFiles([]);
      await queryClient.invalidateQueries({ queryKey: trpc.rfqThread.list.queryKey({ orgId, invitationId }) });
    },
  });
  const onSubmit = form.handleSubmit(async (v) => {
    if (!v.body.trim()) {
      form.setError("body", { message: "Write a message." });
      return;
    }
    await post.run({ orgId, invitationId, body: v.body, attachmentFileIds: files.map((f) => f.id) });
  });
  const attach = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setUploadError(null);
    const chosen = [...list];
    if (files.length + chosen.length > MAX_FILES) {
      setUploadError(`Attach at most ${MAX_FILES} files to one message.`);
      return;
    }
    const tooBig = chosen.find((f) => f.size > MAX_UPLOAD_BYTES);
    if (tooBig) {
      setUploadError(`${tooBig.name} is larger than ${MAX_UPLOAD_LABEL}.`);
      return;
    }
    setUploading(true);
    try {
      for (const file of chosen) {
        const uploaded = await uploadFile({ orgId, purpose: "rfq_message_attachment", file });
        setFiles((f) => [...f, { id: uploaded.id, name: file.name }]);
      }
    } catch (err) {
      setUploadError(err instanceof UploadError ? err.message : "The upload did not finish. Check your connection and try again.");
    } finally {
      setUploading(false);
      if (picker.current) picker.current.value = "";
    }
  };
  const messages = thread.data ?? [];
  return (
    <Card className="mt-4">
      <CardHeader title="Messages" description={`Only you and ${otherName} read these, with what was said while quoting.`} />
      <CardBody>
        <section id="messages" aria-label={`Messages with ${otherName}`} className="flex flex-col gap-3">
          {thread.isPending ? (
            <p className="text-sm text-ink-muted" role="status">
              Loading messages…
            </p>
          ) : thread.isError ? (
            <p role="alert" className="text-sm text-danger">
              The messages could not be loaded. Reload the page to try again.
            </p>
          ) : messages.length === 0 ? (
            <p className="text-sm text-ink-muted">No messages yet. Questions about the order, its pieces and its dates go here.</p>
          ) : (
            <ol className="flex max-h-[32rem] flex-col gap-2 overflow-y-auto">
              {messages.map((m) => (
                <li key={m.id} className={m.mine ? "ml-6 rounded-md bg-brass-100 p-3 sm:ml-12" : "mr-6 rounded-md bg-sunken p-3 sm:mr-12"}>
                  <p className="text-xs text-ink-muted">
                    {m.authorName ?? "A former member"} · {formatDateTime(m.createdAt)}
                  </p>
                  <p className="mt-1 text-sm break-words whitespace-pre-wrap">{m.body}</p>
                  {m.attachments.map((a) => (
                    <a key={a.id} href={fileUrl(a.id)} className="mt-1 flex items-center gap-1 text-sm break-all text-brass-700 underline">
                      <Paperclip aria-hidden className="size-3 shrink-0" /> {a.originalName}
                    </a>
                  ))}
                </li>
              ))}
            </ol>
          )}
          <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
            <FormError message={post.formError} />
            <Field label={`Message to ${otherName}`} error={form.formState.errors.body?.message ?? form.formState.errors.root?.message}>
              <Textarea rows={3} maxLength={5000} {...form.register("body")} />
            </Field>
            {files.length > 0 && (
              <ul className="flex flex-wrap gap-2" aria-label="Attachments">
                {files.map((f) => (
                  <li key={f.id} className="flex items-center gap-1 rounded-full bg-sunken px-2 py-0.5 text-sm">
                    <Paperclip aria-hidden className="size-3" />
                    <span className="max-w-48 truncate">{f.name}</span>
                    <button type="button" className="rounded-full p-0.5 hover:bg-line" aria-label={`Remove ${f.name}`} onClick={() => setFiles((all) => all.filter((x) => x.id !== f.id))}>
                      <X aria-hidden className="size-3" />
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {uploadError && (
              <p role="alert" className="text-sm text-danger">
                {uploadError}
              </p>
            )}
            <div className="flex flex-wrap gap-2">
              <input ref={picker} type="file" multiple className="sr-only" accept={acceptAttribute("rfq_message_attachment")} onChange={(e) => void attach(e.target.files)} aria-label="Attach files" tabIndex={-1} />
              <Button type="button" size="sm" variant="secondary" loading={uploading} onClick={() => picker.current?.click()}>
                <Paperclip aria-hidden /> Attach files
              </Button>
              <Button type="submit" size="sm" loading={form.formState.isSubmitting} disabled={uploading}>
                <Send aria-hidden /> Send message
              </Button>
            </div>
          </form>
        </section>
      </CardBody>
    </Card>
  );
}
