"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { ChevronLeft, ChevronRight, ImageOff, X } from "lucide-react";
import { useRef, useState } from "react";
import { fileUrl } from "~/lib/files";
import { CAPABILITIES, METALS } from "~/lib/workshop-vocabulary";
import type { Piece } from "./portfolio-gallery";

/** A horizontal swipe at least this long, and longer than it is tall, changes photo. */
const SWIPE_MIN_PX = 40;

/**
 * One piece's photos at display size, in a dialog: the arrow keys (or a swipe on a touch screen) change photo,
 * Escape closes and `onClosed` returns focus to the cover. Loaded the first time someone opens a piece.
 */
export default function PieceViewer({ piece, onClosed }: { piece: Piece; onClosed: () => void }) {
  const [index, setIndex] = useState(0);
  const photos = piece.photoFileIds;
  const count = photos.length;
  const step = (delta: number) => count > 1 && setIndex((i) => (i + delta + count) % count);
  const swipeStart = useRef<{ x: number; y: number } | null>(null);

  return (
    <Dialog.Root defaultOpen onOpenChange={(open) => !open && onClosed()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-ink/70" />
        <Dialog.Content
          className="fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-4xl -translate-x-1/2 -translate-y-1/2 flex-col overflow-hidden rounded-lg bg-surface shadow-pop"
          onKeyDown={(e) => {
            if (e.key === "ArrowLeft") step(-1);
            if (e.key === "ArrowRight") step(1);
          }}
        >
          <div className="flex items-start justify-between gap-3 border-b border-line px-5 py-3">
            <div className="min-w-0">
              <Dialog.Title className="truncate text-lg font-semibold">{piece.title}</Dialog.Title>
              <Dialog.Description className="text-sm text-ink-muted">
                {count === 0 ? "No photos" : `Photo ${index + 1} of ${count}`}
                {count > 1 && (
                  <>
                    <span className="pointer-coarse:hidden"> · use the arrow keys to browse</span>
                    <span className="hidden pointer-coarse:inline"> · swipe to browse</span>
                  </>
                )}
              </Dialog.Description>
            </div>
            <Dialog.Close className="btn btn-ghost h-8 px-2" aria-label="Close">
              <X aria-hidden className="size-4" />
            </Dialog.Close>
          </div>
          <div
            className="relative flex min-h-0 flex-1 touch-pan-y items-center justify-center bg-ink/95"
            onPointerDown={(e) => {
              if (e.pointerType !== "mouse") swipeStart.current = { x: e.clientX, y: e.clientY };
            }}
            onPointerUp={(e) => {
              const start = swipeStart.current;
              swipeStart.current = null;
              if (!start) return;
              const dx = e.clientX - start.x;
              if (Math.abs(dx) >= SWIPE_MIN_PX && Math.abs(dx) > Math.abs(e.clientY - start.y)) step(dx < 0 ? 1 : -1);
            }}
            onPointerCancel={() => {
              swipeStart.current = null;
            }}
          >
            {photos[index] ? (
              // A plain img: /api/files serves ready-made thumb and display sizes.
              <img key={photos[index]} src={fileUrl(photos[index], "display")} alt={`${piece.title}, photo ${index + 1}`} className="max-h-[60dvh] w-auto max-w-full object-contain" />
            ) : (
              <ImageOff className="my-16 size-10 text-paper/60" aria-hidden />
            )}
            {count > 1 && (
              <>
                <button type="button" className="btn btn-secondary absolute left-2 h-8 px-2" aria-label="Previous photo" onClick={() => step(-1)}>
                  <ChevronLeft aria-hidden className="size-4" />
                </button>
                <button type="button" className="btn btn-secondary absolute right-2 h-8 px-2" aria-label="Next photo" onClick={() => step(1)}>
                  <ChevronRight aria-hidden className="size-4" />
                </button>
              </>
            )}
          </div>
          {(piece.description || piece.metals.length > 0 || piece.techniques.length > 0) && (
            <div className="flex flex-col gap-2 overflow-y-auto px-5 py-4">
              {piece.description && <p className="text-sm whitespace-pre-line text-ink-muted">{piece.description}</p>}
              <div className="flex flex-wrap gap-1">
                {piece.metals.map((m) => (
                  <span key={m} className={BADGE + " bg-brass-100 text-brass-700"}>
                    {METALS.label(m)}
                  </span>
                ))}
                {piece.techniques.map((t) => (
                  <span key={t} className={BADGE + " bg-sunken text-ink-muted"}>
                    {CAPABILITIES.label(t)}
                  </span>
                ))}
              </div>
            </div>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** The look of ui/badge, without its class merging. */
const BADGE = "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium";
