"use client";

import { ArrowLeft, ArrowRight, FileText, ImagePlus, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { acceptAttribute, acceptsPdf, fileUrl, MAX_PORTFOLIO_PHOTOS, MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL, uploadFile, UploadError, type FilePurpose } from "~/lib/files";
import { Button } from "./button";
import { cn } from "./cn";

type CommonProps = {
  orgId: string;
  purpose: FilePurpose;
  subjectId?: string;
  label: string;
  hint?: React.ReactNode;
  /** A validation message from the surrounding form, shown with the upload errors. */
  error?: string;
  disabled?: boolean;
  className?: string;
  /** Files already attached before this widget opened (a saved draft): their names, and which are not images. */
  known?: { id: string; originalName: string; contentType: string }[];
};

type SingleProps = CommonProps & { multiple?: false; value?: string | null; onChange: (fileId: string | null) => void };
type MultipleProps = CommonProps & { multiple: true; value?: string[]; onChange: (fileIds: string[]) => void; max?: number };

type Progress = { index: number; total: number; fraction: number };

/**
 * Uploads images through /api/uploads and hands back file ids. A real button opens the picker (the file
 * input stays hidden), files may also be dropped on the area, and the server's message shows right here.
 */
export function ImageUpload(props: SingleProps | MultipleProps) {
  const { orgId, purpose, subjectId, label, hint, disabled, className, known } = props;
  const multiple = props.multiple === true;
  const max = props.multiple ? (props.max ?? MAX_PORTFOLIO_PHOTOS) : 1;
  const ids = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];

  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  // Uploads finish one after another; each adds to the list as it stands then, not as it stood at the start.
  const idsRef = useRef(ids);
  useEffect(() => {
    idsRef.current = ids;
  });
  useEffect(() => () => abortRef.current?.abort(), []);

  const [progress, setProgress] = useState<Progress | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const [notImages, setNotImages] = useState<Set<string>>(() => new Set((known ?? []).filter((f) => !f.contentType.startsWith("image/")).map((f) => f.id)));
  const [names, setNames] = useState<Record<string, string>>(() => Object.fromEntries((known ?? []).map((f) => [f.id, f.originalName])));

  const emit = (next: string[]) => {
    if (props.multiple) props.onChange(next);
    else props.onChange(next[0] ?? null);
  };

  async function handleFiles(list: FileList | File[]) {
    const chosen = Array.from(list);
    if (chosen.length === 0 || progress) return;
    const room = multiple ? max - idsRef.current.length : 1;
    const problems: string[] = [];
    if (room <= 0) {
      setErrors([`You can add up to ${max} ${acceptsPdf(purpose) ? "files" : "photos"}. Remove one to add another.`]);
      return;
    }
    if (chosen.length > room) problems.push(`Only ${max} ${acceptsPdf(purpose) ? "files" : "photos"} fit here, so ${chosen.length - room} of the chosen files were left out.`);
    const queue = chosen.slice(0, room).filter((file) => {
      if (file.size <= MAX_UPLOAD_BYTES) return true;
      problems.push(`“${file.name}” is larger than ${MAX_UPLOAD_LABEL}.`);
      return false;
    });

    const controller = new AbortController();
    abortRef.current = controller;
    setErrors([]);
    for (const [index, file] of queue.entries()) {
      setProgress({ index: index + 1, total: queue.length, fraction: 0 });
      try {
        const result = await uploadFile({ orgId, purpose, subjectId, file, signal: controller.signal, onProgress: (fraction) => setProgress({ index: index + 1, total: queue.length, fraction }) });
        setNames((n) => ({ ...n, [result.id]: result.name }));
        if (result.thumbUrl === null) setNotImages((s) => new Set(s).add(result.id));
        const next = multiple ? [...idsRef.current, result.id] : [result.id];
        idsRef.current = next;
        emit(next);
      } catch (err) {
        if (controller.signal.aborted) break;
        problems.push(err instanceof UploadError ? err.message : `“${file.name}” could not be uploaded. Try again.`);
      }
    }
    abortRef.current = null;
    setProgress(null);
    setErrors(problems);
    if (inputRef.current) inputRef.current.value = "";
  }

  const remove = (fileId: string) => emit(ids.filter((x) => x !== fileId));
  const move = (from: number, to: number) => {
    const next = [...ids];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    emit(next);
  };

  const busy = progress !== null;
  const full = multiple && ids.length >= max;
  const messages = [...(props.error ? [props.error] : []), ...errors];
  const describedBy = [hint ? `${id}-hint` : null, messages.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  // Sample attachments may be PDFs, and only a portfolio piece has a cover photo.
  const noun = acceptsPdf(purpose) ? "file" : "photo";
  const hasCover = purpose === "portfolio_photo";
  const buttonLabel = multiple ? (ids.length ? `Add more ${noun}s` : `Choose ${noun}s`) : ids.length ? `Replace ${noun}` : `Choose ${noun}`;

  return (
    <div role="group" aria-labelledby={`${id}-label`} className={cn("flex flex-col gap-1.5", className)}>
      <span id={`${id}-label`} className="text-sm font-medium text-ink">
        {label}
      </span>

      {ids.length > 0 && (
        <ul className={cn("grid gap-3", multiple ? "grid-cols-2 sm:grid-cols-4" : "grid-cols-1")}>
          {ids.map((fileId, index) => (
            // The preview and its controls are stacked, not overlaid, so no badge or button covers the
            // picture, a document's icon or its name, however narrow the tile.
            <li key={fileId} data-testid="upload-tile" className={cn("flex flex-col overflow-hidden rounded-md border border-line bg-surface", !multiple && "w-40")}>
              <div className="relative aspect-square bg-sunken">
                {notImages.has(fileId) ? (
                  <a href={fileUrl(fileId)} target="_blank" rel="noreferrer" className="flex h-full flex-col items-center justify-center gap-2 p-2 text-center text-sm text-ink-muted">
                    <FileText className="size-8 shrink-0" aria-hidden />
                    <span className="line-clamp-2 break-all">{names[fileId] ?? "Document"}</span>
                  </a>
                ) : (
                  // A plain img: private files need the session cookie, which the image optimizer would not send.
                  <img
                    src={fileUrl(fileId, "thumb")}
                    alt={names[fileId] ?? (multiple ? `${label}, ${noun} ${index + 1}` : label)}
                    className="size-full object-cover"
                    loading="lazy"
                    onError={() => setNotImages((s) => new Set(s).add(fileId))}
                  />
                )}
              </div>
              <div className="flex items-center gap-1 border-t border-line p-1">
                {hasCover && index === 0 && ids.length > 1 && <span className="rounded-sm bg-ink/75 px-1.5 py-0.5 text-xs text-paper">Cover</span>}
                <span className="ml-auto flex gap-1">
                  {multiple && index > 0 && (
                    <TileButton label={`Move ${noun} ${index + 1} earlier`} onClick={() => move(index, index - 1)} disabled={disabled || busy}>
                      <ArrowLeft />
                    </TileButton>
                  )}
                  {multiple && index < ids.length - 1 && (
                    <TileButton label={`Move ${noun} ${index + 1} later`} onClick={() => move(index, index + 1)} disabled={disabled || busy}>
                      <ArrowRight />
                    </TileButton>
                  )}
                  <TileButton label={multiple ? `Remove ${noun} ${index + 1}` : `Remove ${noun}`} onClick={() => remove(fileId)} disabled={disabled || busy}>
                    <X />
                  </TileButton>
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}

      {!full && (
        <div
          onDragOver={(e) => {
            if (disabled || busy) return;
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            if (!disabled && !busy) void handleFiles(e.dataTransfer.files);
          }}
          className={cn(
            "flex flex-col items-start gap-3 rounded-md border border-dashed border-line-strong bg-surface p-4 transition-colors sm:flex-row sm:items-center",
            dragging && "border-brass-500 bg-brass-50",
          )}
        >
          <input
            ref={inputRef}
            type="file"
            hidden
            multiple={multiple}
            accept={acceptAttribute(purpose)}
            onChange={(e) => e.target.files && void handleFiles(e.target.files)}
          />
          {busy ? (
            <div className="flex w-full flex-col gap-2" role="status" aria-live="polite">
              <div className="flex items-center justify-between gap-3 text-sm text-ink-muted">
                <span>
                  {progress.fraction < 1 ? `Uploading${progress.total > 1 ? ` ${progress.index} of ${progress.total}` : ""}… ${Math.round(progress.fraction * 100)}%` : `Preparing the ${acceptsPdf(purpose) ? "file" : "photo"}…`}
                </span>
                <Button type="button" variant="ghost" size="sm" onClick={() => abortRef.current?.abort()}>
                  Cancel
                </Button>
              </div>
              <div
                role="progressbar"
                aria-label="Upload progress"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(progress.fraction * 100)}
                className="h-1.5 overflow-hidden rounded-full bg-sunken"
              >
                <div key={progress.index} className="h-full bg-brass-500 transition-[width]" style={{ width: `${Math.max(4, progress.fraction * 100)}%` }} />
              </div>
            </div>
          ) : (
            <>
              <Button type="button" variant="secondary" onClick={() => inputRef.current?.click()} disabled={disabled} aria-label={`${buttonLabel}: ${label}`} aria-describedby={describedBy}>
                <ImagePlus aria-hidden />
                {buttonLabel}
              </Button>
              <p className="text-sm text-ink-subtle">
                or drop {multiple ? "them" : "it"} here. JPEG, PNG or WebP{acceptsPdf(purpose) ? " images or PDF" : ""}, up to {MAX_UPLOAD_LABEL}
                {multiple ? `; ${ids.length} of ${max} added` : ""}.
              </p>
            </>
          )}
        </div>
      )}

      {hint && messages.length === 0 && (
        <p id={`${id}-hint`} className="text-sm text-ink-subtle">
          {hint}
        </p>
      )}
      {messages.length > 0 && (
        <div id={`${id}-error`} role="alert" className="text-sm text-danger">
          {messages.length === 1 ? <p>{messages[0]}</p> : <ul className="list-disc pl-5">{messages.map((m) => <li key={m}>{m}</li>)}</ul>}
        </div>
      )}
    </div>
  );
}

function TileButton({ label, onClick, disabled, children }: { label: string; onClick: () => void; disabled?: boolean; children: React.ReactNode }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      disabled={disabled}
      className="inline-flex size-8 items-center justify-center rounded-md text-ink hover:bg-sunken disabled:opacity-50 [&_svg]:size-4"
    >
      {children}
    </button>
  );
}
