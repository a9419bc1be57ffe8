import type { MetalOption } from "./design-spec";
import { FINENESS_BY_METAL, METAL_COLOURS, SPEC_METALS } from "./design-spec";

/**
 * Triangle meshes from CAD attachments: parsing STL, the enclosed volume, the bounding box, and the
 * metal weight a volume makes in each alloy. Pure functions, used by the browser's CAD view and tests.
 *
 * Units: STL carries none; jewelry CAD (Rhino, Matrix, MatrixGold) exports STL in millimetres, and we
 * read it so. Volumes are mm³, weights grams (mm³ / 1000 = cm³; cm³ × g/cm³ = g).
 */

/** Flat list of triangle vertices: 9 numbers (x, y, z × 3) per triangle. */
export type Triangles = Float32Array;

export class MeshError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MeshError";
  }
}

/** A file of this many triangles or more is refused (about 50 MB of binary STL): the browser would stall. */
export const MAX_TRIANGLES = 1_000_000;

/**
 * Reads a binary or ASCII STL. Binary when the size is exactly 84 + 50 × the stated triangle count
 * (ASCII files that begin with "solid" exist in binary exports too, so the size decides first).
 */
export function parseStl(bytes: Uint8Array): Triangles {
  if (bytes.byteLength >= 84) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const count = view.getUint32(80, true);
    if (84 + 50 * count === bytes.byteLength) {
      if (count > MAX_TRIANGLES) throw new MeshError(`This model has ${count.toLocaleString("en")} triangles; at most ${MAX_TRIANGLES.toLocaleString("en")} can be shown.`);
      const out = new Float32Array(count * 9);
      for (let t = 0; t < count; t++) {
        const base = 84 + 50 * t + 12; // skip the stored normal
        for (let k = 0; k < 9; k++) out[t * 9 + k] = view.getFloat32(base + 4 * k, true);
      }
      return out;
    }
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (!/^\s*solid\b/i.test(text)) throw new MeshError("This is not an STL file we can read (neither binary nor ASCII STL).");
  const numbers: number[] = [];
  const vertex = /vertex\s+(\S+)\s+(\S+)\s+(\S+)/gi;
  for (let m = vertex.exec(text); m; m = vertex.exec(text)) {
    const xyz = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (xyz.some((n) => !Number.isFinite(n))) throw new MeshError("The STL file has a vertex that is not a number.");
    numbers.push(...xyz);
  }
  if (numbers.length === 0 || numbers.length % 9 !== 0) throw new MeshError("The STL file has no complete triangles.");
  if (numbers.length / 9 > MAX_TRIANGLES) throw new MeshError(`This model has more than ${MAX_TRIANGLES.toLocaleString("en")} triangles.`);
  return Float32Array.from(numbers);
}

/**
 * The volume enclosed by a closed mesh, in mm³: the sum of the signed volumes of the tetrahedra each
 * triangle makes with the origin (divergence theorem). Exact for a closed, consistently wound mesh
 * wherever the origin is; the absolute value makes inward-wound files count too. An open mesh has no
 * volume; its result is meaningless, which `isClosedMesh` tells.
 */
export function meshVolumeMm3(tris: Triangles): number {
  let sum = 0;
  for (let i = 0; i < tris.length; i += 9) {
    const ax = tris[i]!, ay = tris[i + 1]!, az = tris[i + 2]!;
    const bx = tris[i + 3]!, by = tris[i + 4]!, bz = tris[i + 5]!;
    const cx = tris[i + 6]!, cy = tris[i + 7]!, cz = tris[i + 8]!;
    sum += ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
  }
  return Math.abs(sum) / 6;
}

/**
 * Whether every edge is shared by exactly two triangles (a watertight mesh), comparing vertices after
 * rounding to 1 µm so float noise in exports does not split shared edges.
 */
export function isClosedMesh(tris: Triangles): boolean {
  const key = (i: number) => `${Math.round(tris[i]! * 1000)},${Math.round(tris[i + 1]! * 1000)},${Math.round(tris[i + 2]! * 1000)}`;
  const edges = new Map<string, number>();
  for (let i = 0; i < tris.length; i += 9) {
    const v = [key(i), key(i + 3), key(i + 6)];
    for (let e = 0; e < 3; e++) {
      const a = v[e]!, b = v[(e + 1) % 3]!;
      const k = a < b ? `${a}|${b}` : `${b}|${a}`;
      edges.set(k, (edges.get(k) ?? 0) + 1);
    }
  }
  if (edges.size === 0) return false;
  for (const n of edges.values()) if (n !== 2) return false;
  return true;
}

export type BoundingBox = { min: [number, number, number]; max: [number, number, number]; size: [number, number, number] };

/** The axis-aligned box around the mesh; `size` is its extent along x, y, z in mm. */
export function boundingBoxMm(tris: Triangles): BoundingBox {
  if (tris.length === 0) throw new MeshError("The model has no triangles.");
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < tris.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      const v = tris[i + k]!;
      if (v < min[k]!) min[k] = v;
      if (v > max[k]!) max[k] = v;
    }
  }
  return { min, max, size: [max[0] - min[0], max[1] - min[1], max[2] - min[2]] };
}

/**
 * Densities in g/cm³ of the alloys jewelers cast, by metal, fineness and (for gold) colour.
 *
 * Sources: refiners' published alloy data sheets — Hoover & Strong "Metal Weight Conversion" and
 * Stuller's "Metal Weight Calculator" tables for the karat golds, sterling and Argentium; Platinum
 * Guild International's "Platinum alloys" technical note for Pt 950/Ru (20.1) and Pt 900/Ir (21.5);
 * the CRC Handbook of Chemistry and Physics for the pure metals (Au 19.32, Ag 10.49, Pt 21.45,
 * Pd 12.02, Ti 4.51) and common engineering alloys (C260 brass 8.53, C510 phosphor bronze 8.86,
 * 316L stainless 8.0). Karat golds vary with the mix (white golds with palladium are heavier than
 * nickel whites); the figures below are the typical value of each published range.
 */
export const DENSITY_G_PER_CM3: Record<string, number> = {
  "gold:24k": 19.32,
  "gold:22k:yellow": 17.8,
  "gold:22k": 17.8,
  "gold:18k:yellow": 15.5,
  "gold:18k:white": 14.7,
  "gold:18k:rose": 15.1,
  "gold:18k:green": 15.6,
  "gold:18k": 15.5,
  "gold:14k:yellow": 13.1,
  "gold:14k:white": 12.6,
  "gold:14k:rose": 13.0,
  "gold:14k:green": 13.2,
  "gold:14k": 13.1,
  "gold:10k:yellow": 11.6,
  "gold:10k:white": 11.1,
  "gold:10k:rose": 11.6,
  "gold:10k": 11.6,
  "gold:9k:yellow": 11.2,
  "gold:9k:white": 11.0,
  "gold:9k:rose": 11.1,
  "gold:9k": 11.2,
  "silver:925": 10.36,
  "silver:935": 10.37,
  "silver:950": 10.4,
  "silver:999": 10.49,
  "platinum:950": 20.1,
  "platinum:900": 21.5,
  "platinum:999": 21.45,
  "palladium:950": 12.0,
  "palladium:500": 11.0,
  brass: 8.53,
  bronze: 8.86,
  titanium: 4.51,
  stainless_steel: 8.0,
};

/** The density of a metal option, most specific first (metal:fineness:colour, metal:fineness, metal). */
export function densityOf(option: Pick<MetalOption, "metal" | "fineness" | "colour">): number | null {
  const keys = [
    option.fineness && option.colour ? `${option.metal}:${option.fineness}:${option.colour}` : null,
    option.fineness ? `${option.metal}:${option.fineness}` : null,
    option.metal,
  ];
  for (const k of keys) if (k && DENSITY_G_PER_CM3[k] !== undefined) return DENSITY_G_PER_CM3[k];
  return null;
}

/** A metal option's name as a person says it: "18k yellow gold", "925 silver, rhodium plated". */
export function metalOptionLabel(m: MetalOption): string {
  const parts = [m.fineness, m.colour && m.metal === "gold" ? METAL_COLOURS.labels[m.colour].toLowerCase() : null, SPEC_METALS.labels[m.metal].toLowerCase()];
  const base = parts.filter(Boolean).join(" ");
  const plated = m.plating !== "none" ? `, ${m.plating.replace(/_/g, " ")} plated${m.platingMicrons ? ` ${m.platingMicrons} µm` : ""}` : "";
  return base.charAt(0).toUpperCase() + base.slice(1) + plated;
}

export type WeightEstimate = { metalOptionId: string; label: string; densityGPerCm3: number | null; grams: number | null };

/** Grams of metal a volume makes in each metal option (null where the alloy's density is unknown). */
export function estimateMetalWeights(volumeMm3: number, metals: readonly MetalOption[]): WeightEstimate[] {
  return metals.map((m) => {
    const density = densityOf(m);
    return { metalOptionId: m.id, label: metalOptionLabel(m), densityGPerCm3: density, grams: density === null ? null : (volumeMm3 / 1000) * density };
  });
}

/** Every fineness key in FINENESS_BY_METAL has a density (a test holds this table to the vocabulary). */
export function metalsWithoutDensity(): string[] {
  const missing: string[] = [];
  for (const metal of SPEC_METALS.keys) {
    const fins = FINENESS_BY_METAL[metal];
    if (fins.length === 0) {
      if (densityOf({ metal, fineness: null, colour: null }) === null) missing.push(metal);
    } else {
      for (const f of fins) if (densityOf({ metal, fineness: f, colour: null }) === null) missing.push(`${metal}:${f}`);
    }
  }
  return missing;
}
