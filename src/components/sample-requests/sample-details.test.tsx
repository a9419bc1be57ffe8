import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SampleDetailsCard, type SharedSample } from "./sample-details";

const sample: SharedSample = {
  status: "requested",
  description: "A signet ring in 18k gold",
  quantity: 1,
  note: "",
  pieceTitle: null,
  brandName: "Maison Test",
  workshopName: "Atelier Test",
  workshopSlug: "atelier-test",
  feeMinor: null,
  feeCurrency: null,
  expectedShipDate: null,
  declineReason: null,
  carrier: null,
  trackingNumber: null,
  createdAt: new Date("2026-11-02T10:00:00Z"),
  respondedAt: null,
  shippedAt: null,
  receivedAt: null,
  attachments: [
    { id: "5f1e2d3c-4b5a-4697-8a7b-6c5d4e3f2a1b", originalName: "sketch.png", contentType: "image/png", byteSize: 20_480 },
    { id: "6a2f3e4d-5c6b-47a8-9b8c-7d6e5f4a3b2c", originalName: "cad.pdf", contentType: "application/pdf", byteSize: 40_960 },
  ],
  timeline: [],
};

describe("a sample request's attachments", () => {
  const html = renderToStaticMarkup(<SampleDetailsCard sample={sample} side="brand" />);

  it("show an image attachment with its thumbnail", () => {
    expect(html).toContain('<img src="/api/files/5f1e2d3c-4b5a-4697-8a7b-6c5d4e3f2a1b?variant=thumb"');
  });

  it("show a PDF with a document icon, never as an image", () => {
    expect(html).not.toContain("/api/files/6a2f3e4d-5c6b-47a8-9b8c-7d6e5f4a3b2c?variant=thumb");
    expect(html).toContain('href="/api/files/6a2f3e4d-5c6b-47a8-9b8c-7d6e5f4a3b2c"');
    expect(html).toContain("cad.pdf");
  });
});
