import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ImageUpload } from "./image-upload";

const ids = ["0b7c5c36-6a0f-4c55-9f3e-1a2b3c4d5e6f", "1c8d6d47-7b1a-4d66-8a4f-2b3c4d5e6f70"];
const noop = () => undefined;

const portfolio = renderToStaticMarkup(<ImageUpload multiple orgId="org" purpose="portfolio_photo" label="Photos" value={ids} onChange={noop} />);
const attachments = renderToStaticMarkup(<ImageUpload multiple orgId="org" purpose="sample_request_attachment" label="Sketches" value={ids} onChange={noop} />);

/** The markup of each tile's picture area (what lies over the image or the document's icon). */
const previews = (html: string) => [...html.matchAll(/<div class="relative aspect-square[^"]*">(.*?)<\/div><div/g)].map((m) => m[1]!);

describe("upload tiles", () => {
  it("keep the Cover badge and the move and remove buttons off the picture, in a bar of their own", () => {
    expect(portfolio).toContain(">Cover</span>");
    const over = previews(portfolio);
    expect(over).toHaveLength(2);
    for (const p of over) {
      expect(p).not.toContain("Cover");
      expect(p).not.toContain("<button");
    }
    expect(portfolio).toContain('aria-label="Move photo 1 later"');
    expect(portfolio).toContain('aria-label="Remove photo 2"');
  });

  it("speak of files, not photos, where PDFs are accepted, and show no cover there", () => {
    expect(attachments).toContain("Add more files");
    expect(attachments).not.toContain("Add more photos");
    expect(attachments).not.toContain("Cover");
    expect(attachments).toContain('aria-label="Remove file 1"');
  });

  it("still say photos where only photos go", () => {
    expect(portfolio).toContain("Add more photos");
  });

  it("show files attached before it opened by their names, a PDF as a document and a photo as a thumbnail", () => {
    const known = [
      { id: ids[0]!, originalName: "price-sheet.pdf", contentType: "application/pdf" },
      { id: ids[1]!, originalName: "casting.jpg", contentType: "image/jpeg" },
    ];
    const html = renderToStaticMarkup(<ImageUpload multiple orgId="org" purpose="quote_attachment" label="Files" value={ids} known={known} onChange={noop} />);
    const [pdf, photo] = previews(html);
    expect(pdf).toContain(`href="/api/files/${ids[0]}"`);
    expect(pdf).toContain("price-sheet.pdf");
    expect(pdf).not.toContain("<img");
    expect(photo).toContain(`src="/api/files/${ids[1]}?variant=thumb"`);
    expect(photo).toContain('alt="casting.jpg"');
    expect(html).toContain("JPEG, PNG or WebP images or PDF");
  });
});
