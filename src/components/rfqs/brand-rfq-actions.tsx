"use client";

import { Send, UserPlus, X } from "lucide-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Field, FormError } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { useTRPC } from "~/trpc/react";

type Candidate = { id: string; name: string };

/** Invite workshops from the shortlist; on an open request each receives it at once. */
export function InviteWorkshops({ orgId, rfqId, candidates, open }: { orgId: string; rfqId: string; candidates: Candidate[]; open: boolean }) {
  const trpc = useTRPC();
  const form = useForm<{ workshopOrgIds: string[] }>({ defaultValues: { workshopOrgIds: [] } });
  const invite = useFormMutation(trpc.rfq.invite.mutationOptions(), {
    form: { setError: form.setError, fields: ["workshopOrgIds"] },
    success: (r) => (open ? `Sent to ${r.invited} more workshop${r.invited === 1 ? "" : "s"}.` : `${r.invited} workshop${r.invited === 1 ? "" : "s"} will receive it when you send.`),
    onSuccess: () => form.reset({ workshopOrgIds: [] }),
  });
  const onSubmit = form.handleSubmit(async (v) => {
    if (v.workshopOrgIds.length === 0) {
      form.setError("workshopOrgIds", { message: "Choose at least one workshop." });
      return;
    }
    await invite.run({ orgId, rfqId, workshopOrgIds: v.workshopOrgIds });
  });
  if (candidates.length === 0) return <p className="text-sm text-ink-muted">Every workshop on your shortlist is invited. Shortlist more from the directory to invite them.</p>;
  return (
    <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      <FormError message={invite.formError} />
      <fieldset>
        <legend className="text-sm font-medium">From your shortlist</legend>
        <div className="mt-1 flex flex-col gap-1">
          {candidates.map((c) => (
            <label key={c.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={c.id} {...form.register("workshopOrgIds")} /> {c.name}
            </label>
          ))}
        </div>
        {form.formState.errors.workshopOrgIds?.message && (
          <p role="alert" className="mt-1 text-sm text-danger">
            {form.formState.errors.workshopOrgIds.message}
          </p>
        )}
      </fieldset>
      <div>
        <Button type="submit" size="sm" variant="secondary" loading={form.formState.isSubmitting}>
          <UserPlus aria-hidden /> {open ? "Send to them" : "Invite"}
        </Button>
      </div>
    </form>
  );
}

export function UninviteButton({ orgId, invitationId, name }: { orgId: string; invitationId: string; name: string }) {
  const trpc = useTRPC();
  const remove = useFormMutation(trpc.rfq.uninvite.mutationOptions(), { success: `${name} is off the list.` });
  return (
    <Button type="button" size="sm" variant="ghost" aria-label={`Remove ${name}`} onClick={() => void remove.run({ orgId, invitationId })}>
      <X aria-hidden />
    </Button>
  );
}

export function SendRfqButton({ orgId, rfqId, workshops }: { orgId: string; rfqId: string; workshops: number }) {
  const trpc = useTRPC();
  const send = useFormMutation(trpc.rfq.send.mutationOptions(), { success: "Sent. The workshops have been told." });
  return (
    <ConfirmDialog
      trigger={
        <Button disabled={workshops === 0}>
          <Send aria-hidden /> Send to {workshops} workshop{workshops === 1 ? "" : "s"}
        </Button>
      }
      title="Send this request?"
      description="Each invited workshop reads the designs' approved revisions, files and style guide from now on. The lines cannot be edited after sending; you can still invite more workshops, extend the deadline or close it."
      confirmLabel="Send"
      destructive={false}
      onConfirm={() => send.run({ orgId, rfqId })}
    />
  );
}

export function ExtendDeadlineForm({ orgId, rfqId, deadline }: { orgId: string; rfqId: string; deadline: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const form = useForm<{ deadline: string }>({ defaultValues: { deadline: "" } });
  const extend = useFormMutation(trpc.rfq.extendDeadline.mutationOptions(), {
    form: { setError: form.setError, fields: ["deadline"] },
    success: "Deadline extended. The workshops have been told.",
    onSuccess: () => setOpen(false),
  });
  if (!open) {
    return (
      <Button type="button" size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Extend deadline…
      </Button>
    );
  }
  return (
    <form {...POST_ONLY} noValidate onSubmit={form.handleSubmit((v) => extend.run({ orgId, rfqId, deadline: v.deadline }))} className="flex flex-wrap items-end gap-2">
      <FormError message={extend.formError} />
      <Field label="New deadline" error={form.formState.errors.deadline?.message}>
        <Input type="date" min={deadline} {...form.register("deadline", { required: "Choose a date." })} />
      </Field>
      <Button type="submit" size="sm" loading={form.formState.isSubmitting}>
        Extend
      </Button>
      <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>
        Cancel
      </Button>
    </form>
  );
}

export function CloseRfqButton({ orgId, rfqId }: { orgId: string; rfqId: string }) {
  const trpc = useTRPC();
  const close = useFormMutation(trpc.rfq.close.mutationOptions(), { success: "Closed. The workshops have been told." });
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="ghost">
          Close without an order…
        </Button>
      }
      title="Close this request?"
      description="Every quote on it is declined and the workshops are told. It cannot be reopened."
      confirmLabel="Close request"
      onConfirm={() => close.run({ orgId, rfqId })}
    />
  );
}

export function UpdateLineButton({ orgId, lineId, revisionId, revisionNumber, designName }: { orgId: string; lineId: string; revisionId: string; revisionNumber: number; designName: string }) {
  const trpc = useTRPC();
  const update = useFormMutation(trpc.rfq.updateLine.mutationOptions(), {
    success: (r) => (r.outdated > 0 ? `Updated. ${r.outdated} quote${r.outdated === 1 ? " is" : "s are"} now outdated; the workshops were asked to revise.` : "Updated. The workshops have been told."),
  });
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="secondary">
          Update to revision {revisionNumber}…
        </Button>
      }
      title={`Move ${designName} to revision ${revisionNumber}?`}
      description="Quotes priced on the current revision become outdated and can no longer be accepted. The invited workshops receive the new revision and are asked to revise."
      confirmLabel="Update the line"
      onConfirm={() => update.run({ orgId, lineId, revisionId })}
    />
  );
}

/** Invite any published workshop found in the directory by name or words in its profile. */
export function InviteFromDirectory({ orgId, rfqId, invitedIds, open }: { orgId: string; rfqId: string; invitedIds: string[]; open: boolean }) {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [q, setQ] = useState<string | null>(null);
  const search = useQuery({ ...trpc.directory.search.queryOptions({ q: q ?? "" }), enabled: q !== null });
  const invite = useFormMutation(trpc.rfq.invite.mutationOptions(), {
    success: (r) => (open ? `Sent to ${r.invited} more workshop${r.invited === 1 ? "" : "s"}.` : `${r.invited} workshop${r.invited === 1 ? "" : "s"} will receive it when you send.`),
  });
  const invited = new Set(invitedIds);
  return (
    <div className="flex flex-col gap-2">
      <form
        {...POST_ONLY}
        noValidate
        role="search"
        aria-label="Search the directory"
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(text.trim());
        }}
      >
        <Field label="From the directory" className="min-w-0 flex-1">
          <Input value={text} placeholder="Name, city or craft" maxLength={200} onChange={(e) => setText(e.target.value)} />
        </Field>
        <Button type="submit" size="sm" variant="secondary" loading={search.isFetching}>
          Search
        </Button>
      </form>
      <FormError message={invite.formError} />
      {search.isError && <p role="alert" className="text-sm text-danger">The directory could not be searched. Try again.</p>}
      {search.data && search.data.items.length === 0 && <p className="text-sm text-ink-muted">No published workshop matches.</p>}
      {search.data && search.data.items.length > 0 && (
        <ul className="flex flex-col divide-y divide-line text-sm" aria-label="Directory results">
          {search.data.items.map((w) => (
            <li key={w.orgId} className="flex items-center justify-between gap-2 py-1">
              <span className="min-w-0 truncate">
                {w.name} <span className="text-ink-muted">· {w.city}</span>
              </span>
              {invited.has(w.orgId) ? (
                <span className="text-ink-muted">Invited</span>
              ) : (
                <Button type="button" size="sm" variant="secondary" aria-label={`Invite ${w.name}`} loading={invite.pending} onClick={() => void invite.run({ orgId, rfqId, workshopOrgIds: [w.orgId] })}>
                  <UserPlus aria-hidden /> Invite
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {search.data && search.data.total > search.data.items.length && <p className="text-xs text-ink-muted">Showing the first {search.data.items.length} of {search.data.total}; search with more words to narrow it.</p>}
    </div>
  );
}
