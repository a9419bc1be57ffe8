import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { RevisionDiff } from "~/lib/design-diff";
import { RevisionDiffView } from "./revision-diff";

const none: RevisionDiff = {
  fields: [],
  metals: [],
  gemstones: [],
  sizes: { systemBefore: null, systemAfter: null, added: [], removed: [] },
  files: { added: [], removed: [], rekinded: [] },
  same: true,
};

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

describe("RevisionDiffView", () => {
  it("says so when nothing changed", () => {
    const html = renderToStaticMarkup(<RevisionDiffView diff={none} beforeLabel="Revision 1" afterLabel="Revision 2" />);
    expect(text(html)).toBe("Revision 1 and Revision 2 hold the same spec and files.");
  });

  it("shows a changed metal with before and after, an added size and a removed file, and no empty sections", () => {
    const diff: RevisionDiff = {
      ...none,
      same: false,
      metals: [{ id: "m1", change: "changed", label: "14k yellow gold", fields: [{ field: "fineness", label: "Fineness", before: "18k", after: "14k" }] }],
      sizes: { systemBefore: null, systemAfter: null, added: ["10"], removed: [] },
      files: { added: [], removed: [{ fileId: "f1", name: "v1.stl", kind: "cad" }], rekinded: [] },
    };
    const t = text(renderToStaticMarkup(<RevisionDiffView diff={diff} beforeLabel="Revision 1" afterLabel="Revision 2" />));
    expect(t).toContain("Metal options Changed 14k yellow gold Field Revision 1 Revision 2 Fineness 18k 14k");
    expect(t).toContain("Sizes Added 10");
    expect(t).toContain("Files Removed v1.stl (CAD)");
    expect(t).not.toContain("Gemstones");
    expect(t).not.toContain("Spec");
  });
});
