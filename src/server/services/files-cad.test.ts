import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createFixture } from "~/test/fixtures";
import { cubeStl } from "~/lib/stl-builder";
import { sniffModel, storeUpload } from "./files";

/** CAD and drawing files have no image magic: accepted by ending plus whatever signature the format has. */
function binaryStl(triangles: number, extra = 0): Buffer {
  const b = Buffer.alloc(84 + 50 * triangles + extra);
  b.write("binary header", 0, "latin1");
  b.writeUInt32LE(triangles, 80);
  return b;
}

describe("sniffModel", () => {
  it("binary STL: 84 + 50·n bytes for n triangles, whatever its header says", () => {
    expect(sniffModel("band.stl", binaryStl(12))?.contentType).toBe("model/stl");
    const solidHeader = binaryStl(2);
    solidHeader.write("solid exported by a CAD tool", 0, "latin1");
    expect(sniffModel("band.STL", solidHeader)?.contentType).toBe("model/stl");
    expect(sniffModel("band.stl", binaryStl(12, 1))).toBeNull();
  });

  it("ASCII STL starts with “solid”", () => {
    expect(sniffModel("band.stl", Buffer.from("solid band\nfacet normal 0 0 1\nendsolid band\n"))?.ext).toBe("stl");
    expect(sniffModel("band.stl", Buffer.from("hello world"))).toBeNull();
  });

  it("GLB starts with glTF; STEP with ISO-10303-21; Rhino 3dm with its header; DXF with group code 0", () => {
    const glb = Buffer.alloc(20);
    glb.write("glTF", 0, "latin1");
    expect(sniffModel("ring.glb", glb)?.contentType).toBe("model/gltf-binary");
    expect(sniffModel("ring.glb", Buffer.from("not a model at all"))).toBeNull();
    expect(sniffModel("ring.step", Buffer.from("ISO-10303-21;\nHEADER;\n"))?.contentType).toBe("model/step");
    expect(sniffModel("ring.stp", Buffer.from("<html>"))).toBeNull();
    expect(sniffModel("ring.3dm", Buffer.from("3D Geometry File Format         \0\0\0"))?.ext).toBe("3dm");
    expect(sniffModel("ring.3dm", Buffer.from("PK\u0003\u0004"))).toBeNull();
    expect(sniffModel("plan.dxf", Buffer.from("  0\nSECTION\n  2\nHEADER\n"))?.contentType).toBe("image/vnd.dxf");
    expect(sniffModel("plan.dxf", Buffer.from("%PDF-1.7"))).toBeNull();
  });

  it("OBJ has no signature: plain text with OBJ statements", () => {
    expect(sniffModel("ring.obj", Buffer.from("# made by hand\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n"))?.contentType).toBe("model/obj");
    expect(sniffModel("ring.obj", Buffer.from([0x00, 0x01, 0x02, 0x76, 0x20]))).toBeNull();
  });

  it("an ending that is not CAD, or none, is not a model", () => {
    expect(sniffModel("ring.exe", binaryStl(1))).toBeNull();
    expect(sniffModel("ring", binaryStl(1))).toBeNull();
  });
});

const db = await testDb();
const f = await createFixture(db);

describe("uploading design files", () => {
  const objects = new Map<string, Buffer>();
  const storage = { put: async (k: string, b: Buffer) => void objects.set(k, b), get: async () => null, delete: async (k: string) => void objects.delete(k) };
  const upload = (org: typeof f.brand, purpose: "design_attachment" | "collection_style_file", fileName: string, bytes: Buffer) =>
    storeUpload(db, { orgId: org.org.id, userId: org.owner.id, purpose, fileName, bytes }, storage);

  it("a brand's STL is stored as model/stl with no image variants; a STEP and a PDF drawing too", async () => {
    const stl = await upload(f.brand, "design_attachment", "band.stl", Buffer.from(cubeStl(10)));
    expect({ type: stl.contentType, width: stl.width, variants: stl.variants, key: stl.storageKey.endsWith("/original.stl") }).toEqual({ type: "model/stl", width: null, variants: {}, key: true });
    expect((await upload(f.brand, "design_attachment", "band.step", Buffer.from("ISO-10303-21;\nHEADER;\nENDSEC;\n"))).contentType).toBe("model/step");
    expect((await upload(f.brand, "design_attachment", "plan.pdf", Buffer.from("%PDF-1.7\n%\u00e2\u00e3"))).contentType).toBe("application/pdf");
  });

  it("a file whose content does not match its CAD ending is refused with the field named, and nothing is stored", async () => {
    const before = objects.size;
    await expect(upload(f.brand, "design_attachment", "band.stl", Buffer.from("MZ not a mesh"))).rejects.toMatchObject({ code: "BAD_REQUEST", field: "file", message: "“band.stl” does not look like a STL file: its content is something else. Export it again and retry." });
    await expect(upload(f.brand, "design_attachment", "tool.exe", Buffer.from("MZ"))).rejects.toMatchObject({ code: "BAD_REQUEST", field: "file" });
    expect(objects.size).toBe(before);
  });

  it("style-guide files take images and PDFs but no CAD; only brands upload design files", async () => {
    await expect(upload(f.brand, "collection_style_file", "band.stl", Buffer.from(cubeStl(5)))).rejects.toMatchObject({ code: "BAD_REQUEST", field: "file" });
    await expect(upload(f.workshop, "design_attachment", "band.stl", Buffer.from(cubeStl(5)))).rejects.toMatchObject({ code: "BAD_REQUEST", field: "purpose" });
  });
});
