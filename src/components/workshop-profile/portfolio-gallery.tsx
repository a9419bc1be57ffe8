"use client";

import { ImageOff } from "lucide-react";
import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import { fileUrl } from "~/lib/files";

export type Piece = { id: string; title: string; description: string; metals: string[]; techniques: string[]; photoFileIds: string[] };

// The viewer (a dialog, with its focus trap and scroll lock) is downloaded when someone first opens a piece:
// most visitors of a profile only look at the covers.
const PieceViewer = dynamic(() => import("./piece-viewer"));

/**
 * The portfolio as a grid of covers. Each opens a dialog with the piece's photos at display size: Tab
 * reaches every control, the arrow keys (or a swipe on a touch screen) change photo, Escape closes and
 * focus returns to the cover.
 */
export function PortfolioGallery({ pieces }: { pieces: Piece[] }) {
  const [open, setOpen] = useState<number | null>(null);
  const covers = useRef<(HTMLButtonElement | null)[]>([]);
  const piece = open === null ? undefined : pieces[open];
  return (
    <>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {pieces.map((p, i) => {
          const cover = p.photoFileIds[0];
          const count = p.photoFileIds.length;
          return (
            <li key={p.id}>
              <button
                type="button"
                ref={(el) => {
                  covers.current[i] = el;
                }}
                aria-haspopup="dialog"
                onClick={() => setOpen(i)}
                className="group block w-full overflow-hidden rounded-lg border border-line bg-surface text-left shadow-card transition-shadow hover:shadow-pop"
              >
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
                  <span className="block truncate text-sm font-medium">{p.title}</span>
                  <span className="block text-xs text-ink-subtle">{count === 1 ? "1 photo" : `${count} photos`}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {piece && (
        <PieceViewer
          key={piece.id}
          piece={piece}
          onClosed={() => {
            const i = open!;
            setOpen(null);
            // After the dialog has let go of focus: back to the cover that opened it.
            requestAnimationFrame(() => covers.current[i]?.focus());
          }}
        />
      )}
    </>
  );
}
