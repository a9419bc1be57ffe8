import { describe, expect, it } from "vitest";
import type { MetalOption } from "./design-spec";
import { boundingBoxMm, estimateMetalWeights, isClosedMesh, meshVolumeMm3, MeshError, metalsWithoutDensity, parseStl } from "./mesh";
import { boxTriangles, cubeStl, encodeBinaryStl, ringStl } from "./stl-builder";

const metal = (over: Partial<MetalOption>): MetalOption => ({
  id: "00000000-0000-4000-8000-000000000001",
  metal: "gold",
  fineness: "18k",
  colour: "yellow",
  plating: "none",
  platingMicrons: null,
  ...over,
});

describe("mesh volume", () => {
  it("a 10 mm cube encloses 1,000 mm³", () => {
    expect(meshVolumeMm3(parseStl(cubeStl(10)))).toBeCloseTo(1000, 3);
  });

  it("a 2 × 3 × 4 mm box encloses 24 mm³ wherever it sits", () => {
    const moved = boxTriangles(2, 3, 4).map((t) => t.map(([x, y, z]) => [x + 100, y - 50, z + 7] as const) as unknown as typeof t);
    expect(meshVolumeMm3(parseStl(encodeBinaryStl(moved)))).toBeCloseTo(24, 3);
  });

  it("counts a mesh wound inside-out the same", () => {
    const inverted = boxTriangles(2, 3, 4).map(([a, b, c]) => [a, c, b] as const);
    expect(meshVolumeMm3(parseStl(encodeBinaryStl(inverted)))).toBeCloseTo(24, 3);
  });

  it("a hollow band holds only its metal, not the hole", () => {
    // US 7 band: inner Ø 17.3 mm, 4 mm wide, 1.5 mm wall, 8 facets → the octagonal annulus
    // area is 8/2·sin(45°)·(R² − r²) with R = 10.15, r = 8.65: 2·√2·28.2 = 79.7616… mm², × 4 mm.
    const octagon = parseStl(ringStl({ innerDiameterMm: 17.3, widthMm: 4, thicknessMm: 1.5, segments: 8 }));
    expect(meshVolumeMm3(octagon)).toBeCloseTo(4 * 2 * Math.SQRT2 * 28.2, 2);
    // Rounder: approaches π·(R² − r²)·width = π · 28.2 · 4 ≈ 354.37 mm³ (within 0.1 % at 512 facets).
    const round = meshVolumeMm3(parseStl(ringStl({ innerDiameterMm: 17.3, widthMm: 4, thicknessMm: 1.5, segments: 512 })));
    expect(Math.abs(round - 354.37) / 354.37).toBeLessThan(0.001);
  });
});

describe("reading STL", () => {
  it("reads ASCII STL", () => {
    const ascii = `solid tri
facet normal 0 0 1
 outer loop
  vertex 0 0 0
  vertex 1 0 0
  vertex 0 1 0
 endloop
endfacet
endsolid tri`;
    expect(Array.from(parseStl(new TextEncoder().encode(ascii)))).toEqual([0, 0, 0, 1, 0, 0, 0, 1, 0]);
  });

  it("reads a binary file whose header starts with “solid” as binary", () => {
    const bytes = encodeBinaryStl(boxTriangles(1, 1, 1), "solid but binary");
    expect(parseStl(bytes).length).toBe(12 * 9);
  });

  it("refuses what is not STL with a readable message", () => {
    expect(() => parseStl(new TextEncoder().encode("%PDF-1.7 hello"))).toThrow(MeshError);
    expect(() => parseStl(new TextEncoder().encode("%PDF-1.7 hello"))).toThrow("This is not an STL file");
  });

  it("tells a closed mesh from an open one", () => {
    expect(isClosedMesh(parseStl(cubeStl(5)))).toBe(true);
    expect(isClosedMesh(parseStl(encodeBinaryStl(boxTriangles(1, 1, 1).slice(2))))).toBe(false);
    expect(isClosedMesh(parseStl(ringStl({ innerDiameterMm: 16, widthMm: 3, thicknessMm: 1.2, segments: 32 })))).toBe(true);
  });
});

describe("bounding box", () => {
  it("measures the band's outer diameter and width", () => {
    const box = boundingBoxMm(parseStl(ringStl({ innerDiameterMm: 17.3, widthMm: 4, thicknessMm: 1.5, segments: 4 })));
    // Four facets put vertices on the axes: x and y span 2R = 20.3 mm, z the 4 mm width.
    expect(box.size[0]).toBeCloseTo(20.3, 4);
    expect(box.size[1]).toBeCloseTo(20.3, 4);
    expect(box.size[2]).toBeCloseTo(4, 4);
  });
});

describe("metal weight", () => {
  it("a 1 cm³ piece weighs its density in each alloy", () => {
    const weights = estimateMetalWeights(1000, [
      metal({ id: "00000000-0000-4000-8000-00000000000a" }),
      metal({ id: "00000000-0000-4000-8000-00000000000b", fineness: "14k" }),
      metal({ id: "00000000-0000-4000-8000-00000000000c", metal: "silver", fineness: "925", colour: null }),
      metal({ id: "00000000-0000-4000-8000-00000000000d", metal: "platinum", fineness: "950", colour: null }),
    ]);
    expect(weights.map((w) => [w.label, w.grams])).toEqual([
      ["18k yellow gold", 15.5],
      ["14k yellow gold", 13.1],
      ["925 silver", 10.36],
      ["950 platinum", 20.1],
    ]);
  });

  it("the US 7 band in 18k yellow gold weighs about 5.49 g", () => {
    const volume = meshVolumeMm3(parseStl(ringStl({ innerDiameterMm: 17.3, widthMm: 4, thicknessMm: 1.5, segments: 512 })));
    const [w] = estimateMetalWeights(volume, [metal({})]);
    expect(w!.grams).toBeCloseTo(5.49, 1);
  });

  it("every metal and fineness offered in the spec has a density", () => {
    expect(metalsWithoutDensity()).toEqual([]);
  });

  it("an alloy without a figure of its own takes its fineness' figure (green 9k → 9k gold)", () => {
    expect(estimateMetalWeights(1000, [metal({ fineness: "9k", colour: "green" })])[0]!.grams).toBeCloseTo(11.2, 6);
  });
});
