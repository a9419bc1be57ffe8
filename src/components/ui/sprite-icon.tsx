import { cn } from "./cn";

/** The icons in public/icons.svg (lucide's drawings, one <symbol> each). */
export const SPRITE_ICONS = ["map-pin", "package", "clock", "gem", "x"] as const;
export type SpriteIconName = (typeof SPRITE_ICONS)[number];

/**
 * An icon drawn from the sprite instead of inline: for icons repeated on every result of a list (the
 * directory's cards), each is a few bytes of markup and RSC payload instead of its whole drawing. Decorative
 * unless given a label.
 */
export function SpriteIcon({ name, className, label }: { name: SpriteIconName; className?: string; label?: string }) {
  return (
    <svg className={cn("shrink-0", className)} {...(label ? { role: "img", "aria-label": label } : { "aria-hidden": true })}>
      <use href={`/icons.svg#${name}`} />
    </svg>
  );
}
