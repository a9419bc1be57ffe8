import "server-only";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import * as fontkit from "fontkit";

/**
 * The fonts of generated documents. PDF's standard fonts know only Latin-1, so Turkish, Thai, Chinese and
 * the rupee sign would print as garbage; every document embeds Noto instead, subset to the glyphs used.
 * Noto comes split by script (the @fontsource packages), so text is cut into runs and each run goes to the
 * first face of the list that has its characters: Latin (with the dotless ı), then Latin extended
 * (the rest of Turkish, ₹ and most currency signs), Cyrillic, Greek, Devanagari, Thai, then simplified
 * Chinese (which also has Japanese kana and the CJK punctuation).
 *
 * The WOFF files are unpacked to plain TrueType once, when first used: fontkit reads WOFF, but it inflates a
 * compressed table again on every read, which makes subsetting the Chinese face take seconds. (Its WOFF2
 * reader is no better here: subsets made from it keep most of the glyph table.)
 */

export type FontWeight = "regular" | "bold";

type Face = { name: string; file: string; bold: string };

const noto = (subset: string, weight: number) => `@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`;
const FACES: Face[] = [
  { name: "latin", file: noto("latin", 400), bold: noto("latin", 700) },
  { name: "latin-ext", file: noto("latin-ext", 400), bold: noto("latin-ext", 700) },
  { name: "cyrillic", file: noto("cyrillic", 400), bold: noto("cyrillic", 700) },
  { name: "greek", file: noto("greek", 400), bold: noto("greek", 700) },
  { name: "devanagari", file: noto("devanagari", 400), bold: noto("devanagari", 700) },
  { name: "thai", file: "@fontsource/noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff", bold: "@fontsource/noto-sans-thai/files/noto-sans-thai-thai-700-normal.woff" },
  {
    name: "sc",
    file: "@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff",
    bold: "@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-700-normal.woff",
  },
];

type Loaded = { key: string; data: Buffer; font: fontkit.Font };
const loaded = new Map<string, Loaded>();

/** Read from node_modules at run time (the files are large; bundling them would gain nothing). */
function load(face: Face, weight: FontWeight): Loaded {
  const key = `${face.name}-${weight}`;
  const cached = loaded.get(key);
  if (cached) return cached;
  const data = woffToSfnt(readFileSync(join(process.cwd(), "node_modules", weight === "bold" ? face.bold : face.file)));
  const font = fontkit.create(data);
  if ("fonts" in font) throw new Error(`${key} is a font collection, not a font`);
  const entry = { key, data, font };
  loaded.set(key, entry);
  return entry;
}

// Characters every face may carry without deciding the run: spaces and joiners stay with their neighbours.
const NEUTRAL = /[\s\u200b-\u200d\u2060]/u;

export type FontRun = { text: string; font: string; data: Buffer };

/**
 * Cuts `text` into runs, each with the face to print it in (registered under its key). A character no
 * face has goes with the Latin face, which prints it as its missing-glyph box rather than dropping it.
 */
export function fontRuns(text: string, weight: FontWeight = "regular"): FontRun[] {
  const runs: FontRun[] = [];
  let current: Loaded | null = null;
  let buffer = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (current && (NEUTRAL.test(ch) || current.font.hasGlyphForCodePoint(cp))) {
      buffer += ch;
      continue;
    }
    const face = faceFor(cp, weight);
    if (current && face.key === current.key) {
      buffer += ch;
      continue;
    }
    if (current && buffer) runs.push({ text: buffer, font: current.key, data: current.data });
    current = face;
    buffer = ch;
  }
  if (current && buffer) runs.push({ text: buffer, font: current.key, data: current.data });
  return runs;
}

function faceFor(codePoint: number, weight: FontWeight): Loaded {
  for (const face of FACES) {
    const f = load(face, weight);
    if (f.font.hasGlyphForCodePoint(codePoint)) return f;
  }
  return load(FACES[0]!, weight);
}

/** The Latin face, for measuring and for text known to be plain ASCII. */
export function baseFont(weight: FontWeight = "regular") {
  const f = load(FACES[0]!, weight);
  return { text: "", font: f.key, data: f.data };
}

/** A WOFF 1.0 file as the TrueType/OpenType font it wraps (https://www.w3.org/TR/WOFF/). */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) return woff;
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({ tag: woff.readUInt32BE(at), checksum: woff.readUInt32BE(at + 16), data: compLength < origLength ? inflateSync(raw) : Buffer.from(raw) });
  }
  const pad = (n: number) => (n + 3) & ~3;
  const headerLength = 12 + numTables * 16;
  const out = Buffer.alloc(headerLength + tables.reduce((sum, t) => sum + pad(t.data.length), 0));
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = headerLength;
  for (const [i, t] of tables.entries()) {
    const at = 12 + i * 16;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offset);
    offset += pad(t.data.length);
  }
  return out;
}
