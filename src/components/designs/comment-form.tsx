"use client";

import { useState } from "react";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Textarea } from "~/components/ui/input";
import { COMMENT_MAX } from "~/lib/design-schemas";
import { useTRPC } from "~/trpc/react";

/** A comment on a revision: Markdown, and `@handle` mentions of colleagues, who are notified. */
export function CommentForm({ orgId, revisionId, handles }: { orgId: string; revisionId: string; handles: { handle: string; name: string }[] }) {
  const trpc = useTRPC();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const add = useFormMutation(trpc.design.comments.add.mutationOptions(), {
    success: "Comment posted.",
    form: { setError: (_name, e) => setError(e.message), fields: ["body"] },
    onSuccess: () => setBody(""),
  });
  return (
    <form
      {...POST_ONLY}
      noValidate
      className="flex flex-col gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(undefined);
        if (!body.trim()) return setError("Write a comment.");
        if (body.trim().length > COMMENT_MAX) return setError(`Keep the comment to ${COMMENT_MAX.toLocaleString("en")} characters.`);
        await add.run({ orgId, revisionId, body });
      }}
    >
      <Field label="Comment" error={error ?? add.formError ?? undefined} hint={handles.length ? `Markdown. Mention a colleague to notify them: ${handles.map((h) => `@${h.handle} (${h.name})`).join(", ")}` : "Markdown."}>
        <Textarea rows={3} name="body" value={body} onChange={(e) => setBody(e.target.value)} />
      </Field>
      <div>
        <Button type="submit" size="sm" loading={add.pending}>
          Post comment
        </Button>
      </div>
    </form>
  );
}
