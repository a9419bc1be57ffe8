/**
 * Binary STL files built from simple solids, for the demo seed and for tests of the mesh functions.
 * Units are millimetres (STL carries none; jewelry CAD exports in mm). Triangles are wound
 * counter-clockwise seen from outside, so normals point outwards and the signed volume is positive.
 */

type Vec3 = readonly [number, number, number];
type Triangle = readonly [Vec3, Vec3, Vec3];

/** Encodes triangles as a binary STL: 80-byte header, uint32 count, 50 bytes per triangle. */
export function encodeBinaryStl(triangles: readonly Triangle[], header = "Bezel generated mesh, units: mm"): Uint8Array {
  const bytes = new Uint8Array(84 + 50 * triangles.length);
  const view = new DataView(bytes.buffer);
  const head = new TextEncoder().encode(header.slice(0, 80));
  bytes.set(head, 0);
  view.setUint32(80, triangles.length, true);
  let o = 84;
  for (const [a, b, c] of triangles) {
    const n = normal(a, b, c);
    for (const v of [n, a, b, c]) {
      view.setFloat32(o, v[0], true);
      view.setFloat32(o + 4, v[1], true);
      view.setFloat32(o + 8, v[2], true);
      o += 12;
    }
    view.setUint16(o, 0, true);
    o += 2;
  }
  return bytes;
}

function normal(a: Vec3, b: Vec3, c: Vec3): Vec3 {
  const u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const v = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
  const n: Vec3 = [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
  const len = Math.hypot(...n) || 1;
  return [n[0] / len, n[1] / len, n[2] / len];
}

/** The triangles of an axis-aligned box from the origin to (x, y, z). */
export function boxTriangles(x: number, y: number, z: number): Triangle[] {
  const p = (i: number, j: number, k: number): Vec3 => [i * x, j * y, k * z];
  // Each face as a quad listed counter-clockwise seen from outside.
  const quads: Vec3[][] = [
    [p(0, 0, 0), p(0, 1, 0), p(1, 1, 0), p(1, 0, 0)], // bottom (z = 0), facing -z
    [p(0, 0, 1), p(1, 0, 1), p(1, 1, 1), p(0, 1, 1)], // top, +z
    [p(0, 0, 0), p(1, 0, 0), p(1, 0, 1), p(0, 0, 1)], // front (y = 0), -y
    [p(0, 1, 0), p(0, 1, 1), p(1, 1, 1), p(1, 1, 0)], // back, +y
    [p(0, 0, 0), p(0, 0, 1), p(0, 1, 1), p(0, 1, 0)], // left (x = 0), -x
    [p(1, 0, 0), p(1, 1, 0), p(1, 1, 1), p(1, 0, 1)], // right, +x
  ];
  return quads.flatMap(([a, b, c, d]) => [
    [a!, b!, c!],
    [a!, c!, d!],
  ]);
}

/** A cube of the given side in mm, as a binary STL. */
export function cubeStl(sideMm: number): Uint8Array {
  return encodeBinaryStl(boxTriangles(sideMm, sideMm, sideMm), `Bezel cube ${sideMm} mm`);
}

export type RingShape = {
  /** Inner diameter in mm (US 7 ≈ 17.3 mm). */
  innerDiameterMm: number;
  /** Band width along the finger, mm. */
  widthMm: number;
  /** Wall thickness from inner to outer surface, mm. */
  thicknessMm: number;
  /** Facets around the band; more is rounder. */
  segments?: number;
};

/**
 * A plain band: the solid between two coaxial n-sided prisms (a hollow ring), axis along z.
 * Its exact volume is (n/2)·sin(2π/n)·(R² − r²)·width for outer radius R and inner radius r.
 */
export function ringTriangles({ innerDiameterMm, widthMm, thicknessMm, segments = 64 }: RingShape): Triangle[] {
  const r = innerDiameterMm / 2;
  const R = r + thicknessMm;
  const h = widthMm;
  const at = (radius: number, i: number, z: number): Vec3 => {
    const a = (2 * Math.PI * (i % segments)) / segments;
    return [radius * Math.cos(a), radius * Math.sin(a), z];
  };
  const tris: Triangle[] = [];
  for (let i = 0; i < segments; i++) {
    const j = i + 1;
    const o0 = at(R, i, 0), o1 = at(R, j, 0), O0 = at(R, i, h), O1 = at(R, j, h);
    const i0 = at(r, i, 0), i1 = at(r, j, 0), I0 = at(r, i, h), I1 = at(r, j, h);
    // Outer wall, facing away from the axis.
    tris.push([o0, o1, O1], [o0, O1, O0]);
    // Inner wall, facing the axis.
    tris.push([i0, I1, i1], [i0, I0, I1]);
    // Top (z = h), facing +z.
    tris.push([I0, O0, O1], [I0, O1, I1]);
    // Bottom (z = 0), facing -z.
    tris.push([i0, o1, o0], [i0, i1, o1]);
  }
  return tris;
}

/** A plain band as a binary STL. */
export function ringStl(shape: RingShape): Uint8Array {
  return encodeBinaryStl(ringTriangles(shape), `Bezel band ${shape.innerDiameterMm} mm`);
}
