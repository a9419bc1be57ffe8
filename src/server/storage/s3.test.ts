import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
// s3rver: a local server speaking the S3 protocol, so the S3 path is tested without a network.
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3Storage } from "./s3";

const dir = mkdtempSync(path.join(os.tmpdir(), "bezel-s3-"));
const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: "bezel-test", configs: [] }] });
let storage: S3Storage;

beforeAll(async () => {
  const { port } = (await server.run());
  storage = new S3Storage({
    bucket: "bezel-test",
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function text(body: Buffer | ReadableStream<Uint8Array>): Promise<string> {
  return Buffer.isBuffer(body) ? body.toString("utf8") : new Response(body).text();
}

describe("S3 storage (against an S3-protocol server)", () => {
  it("stores an object with its content type, reads it back, and deletes it", async () => {
    const key = "org-1/file-1/original.png";
    await storage.put(key, Buffer.from("the bytes of a ring photo"), "image/png");
    const got = await storage.get(key);
    expect(got?.contentType).toBe("image/png");
    expect(await text(got!.body)).toBe("the bytes of a ring photo");

    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
  });

  it("answers null for a key never stored, and deleting it is not an error", async () => {
    expect(await storage.get("org-1/never/original.jpg")).toBeNull();
    await expect(storage.delete("org-1/never/original.jpg")).resolves.toBeUndefined();
  });

  it("refuses keys that could leave the organization's prefix", async () => {
    await expect(storage.put("../escape", Buffer.from("x"), "text/plain")).rejects.toThrow();
    await expect(storage.get("a//b")).rejects.toThrow();
  });
});
