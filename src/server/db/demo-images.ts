import sharp from "sharp";

/**
 * Product shots for the demo seed, drawn locally (no network): an SVG of a piece of jewelry lit with a
 * gradient in its metal's colours, rendered to PNG by sharp. Deterministic for the same options.
 */

export type DemoPieceKind = "ring" | "pendant" | "earrings" | "bangle" | "chain";
export const DEMO_PIECE_KINDS: DemoPieceKind[] = ["ring", "pendant", "earrings", "bangle", "chain"];

type Tone = [light: string, mid: string, dark: string];

const METAL_TONES: Record<string, Tone> = {
  yellow: ["#fbe7a1", "#d9a937", "#8a6414"],
  rose: ["#f8d3c2", "#d08b6e", "#8e4c36"],
  white: ["#ffffff", "#c9cdd2", "#7d838b"],
  brass: ["#f1dc94", "#c5a03f", "#7b6020"],
  bronze: ["#efb98a", "#b8743c", "#6d3f1a"],
};

const STONE_TONES: Tone[] = [
  ["#dbe9ff", "#3e6fd8", "#122a6b"], // sapphire
  ["#d8ffe9", "#1f9d62", "#0b4a2c"], // emerald
  ["#ffd9df", "#c8283f", "#5e0c1a"], // ruby
  ["#ffffff", "#e3f1f7", "#9fb8c4"], // diamond
  ["#f3e3ff", "#8e4fc9", "#3f1866"], // amethyst
];

const BACKDROPS: [string, string][] = [
  ["#f7f3ec", "#e6ddcf"],
  ["#eef1f2", "#d3dade"],
  ["#f5efe9", "#e2d2c6"],
  ["#efeee9", "#d6d3c7"],
];

/** The tone family of a metal key from the vocabulary (`gold_18k_rose` → rose, `silver_925` → white). */
export function metalTone(metal: string): keyof typeof METAL_TONES {
  if (metal.endsWith("_yellow")) return "yellow";
  if (metal.endsWith("_rose")) return "rose";
  if (metal === "brass") return "brass";
  if (metal === "bronze") return "bronze";
  return "white";
}

function gradients(metal: Tone, stone: Tone, back: [string, string]): string {
  return `<defs>
    <radialGradient id="bg" cx="50%" cy="35%" r="75%"><stop offset="0" stop-color="${back[0]}"/><stop offset="1" stop-color="${back[1]}"/></radialGradient>
    <linearGradient id="metal" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${metal[0]}"/><stop offset="0.45" stop-color="${metal[1]}"/>
      <stop offset="0.7" stop-color="${metal[0]}"/><stop offset="1" stop-color="${metal[2]}"/>
    </linearGradient>
    <radialGradient id="stone" cx="38%" cy="32%" r="70%"><stop offset="0" stop-color="${stone[0]}"/><stop offset="0.5" stop-color="${stone[1]}"/><stop offset="1" stop-color="${stone[2]}"/></radialGradient>
    <radialGradient id="shadow" cx="50%" cy="50%" r="50%"><stop offset="0" stop-color="#000" stop-opacity="0.22"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>
  </defs>`;
}

function piece(kind: DemoPieceKind, withStone: boolean): string {
  const gem = (cx: number, cy: number, r: number) =>
    withStone
      ? `<circle cx="${cx}" cy="${cy}" r="${r + 7}" fill="url(#metal)"/><circle cx="${cx}" cy="${cy}" r="${r}" fill="url(#stone)"/>
         <path d="M${cx - r * 0.5} ${cy - r * 0.35} l${r * 0.3} -${r * 0.25}" stroke="#fff" stroke-opacity="0.8" stroke-width="4" stroke-linecap="round"/>`
      : "";
  switch (kind) {
    case "ring":
      return `<ellipse cx="320" cy="520" rx="170" ry="26" fill="url(#shadow)"/>
        <ellipse cx="320" cy="350" rx="150" ry="160" fill="none" stroke="url(#metal)" stroke-width="34"/>
        <ellipse cx="320" cy="350" rx="150" ry="160" fill="none" stroke="#fff" stroke-opacity="0.25" stroke-width="4"/>
        ${gem(320, 178, 48)}`;
    case "pendant":
      return `<path d="M120 60 Q320 410 520 60" fill="none" stroke="url(#metal)" stroke-width="7" stroke-dasharray="12 5"/>
        <ellipse cx="320" cy="560" rx="90" ry="18" fill="url(#shadow)"/>
        <path d="M320 250 C395 330 410 420 320 500 C230 420 245 330 320 250 Z" fill="url(#metal)" stroke="#000" stroke-opacity="0.15" stroke-width="2"/>
        <circle cx="320" cy="236" r="16" fill="none" stroke="url(#metal)" stroke-width="8"/>
        ${gem(320, 395, 42)}`;
    case "earrings":
      return [200, 440]
        .map(
          (x) => `<ellipse cx="${x}" cy="540" rx="80" ry="14" fill="url(#shadow)"/>
          <circle cx="${x}" cy="330" r="105" fill="none" stroke="url(#metal)" stroke-width="22"/>
          <circle cx="${x}" cy="215" r="14" fill="url(#metal)"/>${gem(x, 435, 30)}`,
        )
        .join("");
    case "bangle":
      return `<ellipse cx="320" cy="500" rx="230" ry="40" fill="url(#shadow)"/>
        <ellipse cx="320" cy="340" rx="220" ry="130" fill="none" stroke="url(#metal)" stroke-width="44"/>
        <ellipse cx="320" cy="340" rx="220" ry="130" fill="none" stroke="#fff" stroke-opacity="0.3" stroke-width="5"/>
        ${gem(320, 470, 36)}`;
    case "chain": {
      const links = Array.from({ length: 13 }, (_, i) => {
        const t = i / 12;
        const x = 100 + t * 440;
        const y = 200 + Math.sin(t * Math.PI) * 260;
        return `<ellipse cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" rx="26" ry="17" transform="rotate(${(i % 2 ? 60 : -30) + t * 40} ${x.toFixed(1)} ${y.toFixed(1)})" fill="none" stroke="url(#metal)" stroke-width="10"/>`;
      });
      return `<ellipse cx="320" cy="540" rx="220" ry="22" fill="url(#shadow)"/>${links.join("")}${withStone ? gem(320, 470, 26) : ""}`;
    }
  }
}

export type DemoImageOptions = { kind: DemoPieceKind; metal: string; withStone: boolean; seed: number; size?: number };

export function demoImageSvg({ kind, metal, withStone, seed, size = 640 }: DemoImageOptions): string {
  const tone = METAL_TONES[metalTone(metal)]!;
  const stone = STONE_TONES[seed % STONE_TONES.length]!;
  const back = BACKDROPS[seed % BACKDROPS.length]!;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 640 640">
    ${gradients(tone, stone, back)}<rect width="640" height="640" fill="url(#bg)"/>${piece(kind, withStone)}</svg>`;
}

/** A square PNG of the piece. */
export async function demoImage(options: DemoImageOptions): Promise<Buffer> {
  return sharp(Buffer.from(demoImageSvg(options))).png({ compressionLevel: 6 }).toBuffer();
}
