/** The icons in public/icons.svg (lucide's drawings, one <symbol> each). */
export const SPRITE_ICONS = ["map-pin", "package", "clock", "gem", "x", "search", "sliders-horizontal", "loader-circle", "chevron-left", "chevron-right"] as const;
export type SpriteIconName = (typeof SPRITE_ICONS)[number];

/**
 * An icon drawn from the sprite instead of inline: for icons repeated on every result of a list (the
 * directory's cards), each is a few bytes of markup and RSC payload instead of its whole drawing. Decorative
 * unless given a label. No class merging (tailwind-merge stays out of the public pages' bundle): `icon` sets
 * only flex-shrink, so any size or colour class given adds to it.
 */
export function SpriteIcon({ name, className, label }: { name: SpriteIconName; className?: string; label?: string }) {
  return (
    <svg className={className ? `icon ${className}` : "icon"} {...(label ? { role: "img", "aria-label": label } : { "aria-hidden": true })}>
      <use href={`/icons.svg#${name}`} />
    </svg>
  );
}
