"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { ChevronLeft, ChevronRight, ImageOff, X } from "lucide-react";
import { useRef, useState } from "react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { fileUrl } from "~/lib/files";
import { CAPABILITIES, METALS } from "~/lib/workshop-vocabulary";

type Piece = { id: string; title: string; description: string; metals: string[]; techniques: string[]; photoFileIds: string[] };

/**
 * The portfolio as a grid of covers. Each opens a dialog with the piece's photos at display size: Tab
 * reaches every control, the arrow keys (or a swipe on a touch screen) change photo, Escape closes and
 * focus returns to the cover.
 */

/** A horizontal swipe at least this long, and longer than it is tall, changes photo. */
const SWIPE_MIN_PX = 40;
export function PortfolioGallery({ pieces }: { pieces: Piece[] }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      {pieces.map((p) => (
        <li key={p.id}>
          <PieceDialog piece={p} />
        </li>
      ))}
    </ul>
  );
}

function PieceDialog({ piece }: { piece: Piece }) {
  const [index, setIndex] = useState(0);
  const photos = piece.photoFileIds;
  const count = photos.length;
  const step = (delta: number) => count > 1 && setIndex((i) => (i + delta + count) % count);
  const cover = photos[0];
  const swipeStart = useRef<{ x: number; y: number } | null>(null);

  return (
    <Dialog.Root onOpenChange={(open) => open && setIndex(0)}>
      <Dialog.Trigger className="group block w-full overflow-hidden rounded-lg border border-line bg-surface text-left shadow-card transition-shadow hover:shadow-pop">
        <span className="block aspect-square overflow-hidden bg-sunken">
          {cover ? (
            // A plain img: /api/files serves ready-made thumb and display sizes.
            <img src={fileUrl(cover, "thumb")} alt="" loading="lazy" className="size-full object-cover transition-transform group-hover:scale-[1.02]" />
          ) : (
            <span className="flex size-full items-center justify-center text-ink-subtle">
              <ImageOff className="size-6" aria-hidden />
            </span>
          )}
        </span>
        <span className="block px-3 py-2">
          <span className="block truncate text-sm font-medium">{piece.title}</span>
          <span className="block text-xs text-ink-subtle">{count === 1 ? "1 photo" : `${count} photos`}</span>
        </span>
      </Dialog.Trigger>
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
            <Dialog.Close asChild>
              <Button variant="ghost" size="sm" className="px-2" aria-label="Close">
                <X aria-hidden />
              </Button>
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
                <Button variant="secondary" size="sm" className="absolute left-2 px-2" aria-label="Previous photo" onClick={() => step(-1)}>
                  <ChevronLeft aria-hidden />
                </Button>
                <Button variant="secondary" size="sm" className="absolute right-2 px-2" aria-label="Next photo" onClick={() => step(1)}>
                  <ChevronRight aria-hidden />
                </Button>
              </>
            )}
          </div>
          {(piece.description || piece.metals.length > 0 || piece.techniques.length > 0) && (
            <div className="flex flex-col gap-2 overflow-y-auto px-5 py-4">
              {piece.description && <p className="text-sm whitespace-pre-line text-ink-muted">{piece.description}</p>}
              <div className="flex flex-wrap gap-1">
                {piece.metals.map((m) => (
                  <Badge key={m} tone="brass">
                    {METALS.label(m)}
                  </Badge>
                ))}
                {piece.techniques.map((t) => (
                  <Badge key={t}>{CAPABILITIES.label(t)}</Badge>
                ))}
              </div>
            </div>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
