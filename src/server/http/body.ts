/**
 * Reads a request body up to a limit, so an oversized or endless body is cut off instead of buffered whole.
 * A declared Content-Length over the limit is refused before reading anything.
 */
export async function readCapped(req: Request, maxBytes: number): Promise<Uint8Array | "too_large"> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return "too_large";
  if (!req.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return "too_large";
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
