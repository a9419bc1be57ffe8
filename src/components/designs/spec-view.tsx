import { gemstoneLabel } from "~/lib/design-diff";
import { FINISHES, SIZE_SYSTEMS, type DesignSpec } from "~/lib/design-spec";
import { metalOptionLabel } from "~/lib/mesh";

const mm = (n: number | null) => (n === null ? null : `${n.toLocaleString("en", { maximumFractionDigits: 2 })} mm`);

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[12rem_1fr]">
      <dt className="text-sm text-ink-muted">{label}</dt>
      <dd className="text-sm whitespace-pre-line">{children}</dd>
    </div>
  );
}

/** An approved revision's spec, read-only: what the workshop quotes and makes. */
export function SpecView({ spec }: { spec: DesignSpec }) {
  const dims = [mm(spec.dimensions.lengthMm) && `length ${mm(spec.dimensions.lengthMm)}`, mm(spec.dimensions.widthMm) && `width ${mm(spec.dimensions.widthMm)}`, mm(spec.dimensions.heightMm) && `height ${mm(spec.dimensions.heightMm)}`].filter(Boolean);
  return (
    <dl className="divide-y divide-line">
      <Row label="Metal options">{spec.metals.length ? <ul>{spec.metals.map((m) => <li key={m.id}>{metalOptionLabel(m)}</li>)}</ul> : "—"}</Row>
      <Row label="Gemstones">{spec.stoneSet && spec.gemstones.length ? <ul>{spec.gemstones.map((g) => <li key={g.id}>{gemstoneLabel(g)}</li>)}</ul> : "None"}</Row>
      <Row label="Sizes">{spec.sizeRun ? `${SIZE_SYSTEMS.labels[spec.sizeRun.system]}: ${spec.sizeRun.sizes.join(", ")}` : "One size"}</Row>
      <Row label="Dimensions">{dims.length ? dims.join(", ") : "—"}</Row>
      <Row label="Target metal weight">{spec.targetWeightGrams === null ? "—" : `${spec.targetWeightGrams} g`}</Row>
      <Row label="Finish">{spec.finishes.length ? spec.finishes.map((f) => FINISHES.labels[f]).join(", ") : "—"}</Row>
      <Row label="Engraving">{spec.engraving || "—"}</Row>
      <Row label="Personalisation">{spec.personalisation || "—"}</Row>
      <Row label="Hallmarking">{spec.hallmarking || "—"}</Row>
      <Row label="Packaging">{spec.packaging || "—"}</Row>
      <Row label="Notes">{spec.notes || "—"}</Row>
    </dl>
  );
}
