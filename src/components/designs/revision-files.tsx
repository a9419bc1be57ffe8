"use client";

import { Box, Download, FileText, ImageIcon, Star, Trash2, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { toast } from "sonner";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { errorMessage } from "~/components/forms/server-errors";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Field } from "~/components/ui/field";
import { Select } from "~/components/ui/input";
import { extensionOf } from "~/lib/design-schemas";
import { ATTACHMENT_EXTENSIONS, ATTACHMENT_KINDS, VIEWABLE_CAD_EXTENSIONS, type AttachmentKind, type MetalOption } from "~/lib/design-spec";
import { acceptAttribute, fileUrl, MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL, uploadFile, UploadError } from "~/lib/files";
import { useTRPC } from "~/trpc/react";
import { CadViewer } from "./cad-viewer";
import { formatBytes } from "./format";

type Attachment = { fileId: string; name: string; kind: AttachmentKind; contentType: string; byteSize: number; width: number | null };

/** The kind a file most likely is, from its name's ending (the person can change it before adding). */
function guessKind(name: string): AttachmentKind | null {
  const ext = extensionOf(name);
  for (const kind of ["cad", "drawing", "sketch", "photo"] as const) if (ATTACHMENT_EXTENSIONS[kind].includes(ext)) return kind;
  return null;
}

const isViewable = (name: string) => (VIEWABLE_CAD_EXTENSIONS as readonly string[]).includes(extensionOf(name));

/**
 * A revision's files: image thumbnails, downloads, and a 3D view of STL, OBJ and GLB models with the
 * metal weight per metal option. On a draft, files are added (uploaded, then attached as their kind) and
 * removed; an approved revision's files only show.
 */
export function RevisionFiles({
  orgId,
  revisionId,
  designId,
  attachments,
  metals,
  editable,
  canSetCover,
  coverFileId,
}: {
  orgId: string;
  revisionId: string;
  designId: string;
  attachments: Attachment[];
  metals: MetalOption[];
  editable: boolean;
  canSetCover: boolean;
  coverFileId: string | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<AttachmentKind | "auto">("auto");
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const attach = useFormMutation(trpc.design.attachFile.mutationOptions(), { refresh: false });
  const detach = useFormMutation(trpc.design.detachFile.mutationOptions(), { success: "File removed from this revision." });
  const cover = useFormMutation(trpc.design.setCover.mutationOptions(), { success: "Cover image set." });

  async function add(files: FileList) {
    setError(null);
    const problems: string[] = [];
    for (const file of Array.from(files)) {
      const chosen = kind === "auto" ? guessKind(file.name) : kind;
      if (!chosen) {
        problems.push(`“${file.name}” is not a file a design takes: CAD (${ATTACHMENT_EXTENSIONS.cad.join(" ")}), drawings (.pdf .dxf), sketches and photos (.jpg .png .webp).`);
        continue;
      }
      if (!ATTACHMENT_EXTENSIONS[chosen].includes(extensionOf(file.name))) {
        problems.push(`A ${ATTACHMENT_KINDS.labels[chosen].toLowerCase()} is one of ${ATTACHMENT_EXTENSIONS[chosen].join(" ")}; “${file.name}” is not.`);
        continue;
      }
      if (file.size > MAX_UPLOAD_BYTES) {
        problems.push(`“${file.name}” is larger than ${MAX_UPLOAD_LABEL}.`);
        continue;
      }
      try {
        setProgress(0);
        const uploaded = await uploadFile({ orgId, purpose: "design_attachment", file, onProgress: setProgress });
        const done = await attach.run({ orgId, revisionId, fileId: uploaded.id, kind: chosen });
        if (!done) problems.push(`“${file.name}” was uploaded but could not be added. Try again.`);
      } catch (err) {
        problems.push(err instanceof UploadError ? err.message : errorMessage(err));
      }
    }
    setProgress(null);
    if (inputRef.current) inputRef.current.value = "";
    if (problems.length) setError(problems.join(" "));
    else toast.success("Added to the revision.");
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-4">
      {attachments.length === 0 ? (
        <p className="text-sm text-ink-muted">No files yet.{editable ? " Add a CAD file, a drawing or a sketch: a workshop needs one to quote." : ""}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line rounded-md border border-line" aria-label="Files of this revision">
          {attachments.map((a) => {
            const image = a.width !== null;
            const viewable = isViewable(a.name);
            return (
              <li key={a.fileId} className="flex flex-col gap-3 p-3">
                <div className="flex items-center gap-3">
                  <a href={fileUrl(a.fileId)} target="_blank" rel="noreferrer" className="flex size-16 shrink-0 items-center justify-center overflow-hidden rounded-md border border-line bg-sunken">
                    {image ? <img src={fileUrl(a.fileId, "thumb")} alt={a.name} className="size-full object-cover" loading="lazy" /> : a.kind === "cad" ? <Box className="size-6 text-ink-subtle" aria-hidden /> : <FileText className="size-6 text-ink-subtle" aria-hidden />}
                  </a>
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm font-medium">{a.name}</p>
                    <p className="flex flex-wrap items-center gap-2 text-xs text-ink-muted">
                      <Badge>{ATTACHMENT_KINDS.labels[a.kind]}</Badge> {formatBytes(a.byteSize)}
                      {coverFileId === a.fileId && <Badge tone="brass">Cover</Badge>}
                    </p>
                  </div>
                  <div className="flex shrink-0 flex-wrap justify-end gap-1">
                    {viewable && (
                      <Button type="button" size="sm" variant={viewing === a.fileId ? "primary" : "secondary"} aria-expanded={viewing === a.fileId} onClick={() => setViewing(viewing === a.fileId ? null : a.fileId)}>
                        <Box aria-hidden /> {viewing === a.fileId ? "Hide 3D" : "View in 3D"}
                      </Button>
                    )}
                    <Button asChild size="sm" variant="ghost">
                      <a href={`${fileUrl(a.fileId)}?download=1`} aria-label={`Download ${a.name}`}>
                        <Download aria-hidden />
                      </a>
                    </Button>
                    {image && canSetCover && coverFileId !== a.fileId && (
                      <Button type="button" size="sm" variant="ghost" aria-label={`Use ${a.name} as the cover`} onClick={() => void cover.run({ orgId, designId, coverFileId: a.fileId })}>
                        <Star aria-hidden />
                      </Button>
                    )}
                    {editable && (
                      <ConfirmDialog
                        trigger={
                          <Button type="button" size="sm" variant="ghost" aria-label={`Remove ${a.name}`}>
                            <Trash2 aria-hidden />
                          </Button>
                        }
                        title={`Remove ${a.name}?`}
                        description="It leaves this draft only; earlier revisions keep their files."
                        confirmLabel="Remove file"
                        onConfirm={() => detach.run({ orgId, revisionId, fileId: a.fileId })}
                      />
                    )}
                  </div>
                </div>
                {viewing === a.fileId && <CadViewer url={fileUrl(a.fileId)} fileName={a.name} metals={metals} />}
              </li>
            );
          })}
        </ul>
      )}

      {editable && (
        <div className="flex flex-col gap-3 rounded-md border border-dashed border-line-strong p-3">
          <div className="grid gap-3 sm:grid-cols-[12rem_1fr] sm:items-end">
            <Field label="Add as">
              <Select value={kind} onChange={(e) => setKind(e.target.value as AttachmentKind | "auto")}>
                <option value="auto">By file type</option>
                {ATTACHMENT_KINDS.keys.map((k) => (
                  <option key={k} value={k}>
                    {ATTACHMENT_KINDS.labels[k]} ({ATTACHMENT_EXTENSIONS[k].join(" ")})
                  </option>
                ))}
              </Select>
            </Field>
            <div className="flex flex-wrap items-center gap-3">
              <input ref={inputRef} id={inputId} type="file" multiple hidden accept={acceptAttribute("design_attachment")} onChange={(e) => e.target.files && void add(e.target.files)} data-testid="revision-file-input" />
              <Button type="button" variant="secondary" loading={progress !== null} onClick={() => inputRef.current?.click()}>
                <Upload aria-hidden /> Choose files
              </Button>
              <span className="text-sm text-ink-muted" role="status" aria-live="polite">
                {progress !== null ? `Uploading… ${Math.round(progress * 100)}%` : `Up to ${MAX_UPLOAD_LABEL} each.`}
              </span>
            </div>
          </div>
          {error && (
            <p role="alert" className="text-sm text-danger">
              {error}
            </p>
          )}
          <p className="flex items-center gap-1 text-xs text-ink-subtle">
            <ImageIcon className="size-3.5" aria-hidden /> Images get thumbnails; STL, OBJ and GLB show in 3D.
          </p>
        </div>
      )}
    </div>
  );
}
