import "server-only";
import PDFDocument from "pdfkit";
import { formatMoney } from "~/lib/money";
import { PAYMENT_TERMS_LABELS, type PaymentTerms } from "~/lib/rfq-schemas";
import { fontRuns, type FontWeight } from "./fonts";

/** What a purchase order prints: the order as both parties read it (order.get) and its delivery promise. */
export type PurchaseOrderDocument = {
  number: string;
  placedOn: string;
  quoteVersionNumber: number;
  rfq: { number: string; title: string };
  brand: { name: string };
  workshop: { name: string };
  currency: string;
  lines: {
    designName: string;
    sku: string;
    revisionNumber: number;
    quantity: number;
    tierUnitPriceMinor: number;
    sizes: { size: string; quantity: number; unitPriceMinor: number; surchargeMinor: number; totalMinor: number }[];
    fees: { label: string; amountMinor: number }[];
    lineTotalMinor: number;
  }[];
  piecesTotalMinor: number;
  feesTotalMinor: number;
  totalMinor: number;
  depositPercent: number;
  depositMinor: number;
  balanceMinor: number;
  paymentTerms: PaymentTerms;
  balanceMilestone: string;
  leadTimeDays: number;
  promisedDeliveryDate: string | null;
  expectedDeliveryDate: string;
  quoteNotes: string;
  generatedOn: string;
};

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const day = (iso: string) => dayFormat.format(new Date(`${iso}T00:00:00Z`));

export const MARGIN = 50;
const INK = "#1c1917";
export const MUTED = "#57534e";
const RULE = "#d6d3d1";

type Doc = PDFKit.PDFDocument;
type TextStyle = { size?: number; weight?: FontWeight; color?: string };

/** Renders the purchase order as a PDF, fonts embedded and subset. */
export async function renderPurchaseOrder(po: PurchaseOrderDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    // Any face of ours instead of Helvetica, which pdfkit would otherwise read from its own data folder.
    font: fontRuns("A")[0]!.data as unknown as string,
    info: { Title: `Purchase order ${po.number}`, Author: po.brand.name, Subject: `${po.brand.name} to ${po.workshop.name}`, Creator: "Bezel" },
    lang: "en",
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency: po.currency });
  const w = new Writer(doc);
  const right = doc.page.width - MARGIN;
  const contentWidth = right - MARGIN;

  w.line(`Purchase order ${po.number}`, MARGIN, MARGIN, { size: 20, weight: "bold" });
  doc.y = MARGIN + 32;
  w.flow(`Placed ${day(po.placedOn)} · from quote version ${po.quoteVersionNumber} on ${po.rfq.number} ${po.rfq.title}`, { size: 10, color: MUTED });
  doc.moveDown(1);

  const top = doc.y;
  const half = contentWidth / 2 - 10;
  w.line("Buyer (brand)", MARGIN, top, { size: 9, color: MUTED });
  w.line("Maker (workshop)", MARGIN + half + 20, top, { size: 9, color: MUTED });
  w.flowAt(po.brand.name, MARGIN, top + 13, half, { size: 12, weight: "bold" });
  const afterBrand = doc.y;
  w.flowAt(po.workshop.name, MARGIN + half + 20, top + 13, half, { size: 12, weight: "bold" });
  doc.y = Math.max(afterBrand, doc.y) + 16;

  w.heading("Lines");
  for (const [i, l] of po.lines.entries()) {
    w.ensure(60);
    const y = doc.y;
    const amountWidth = 110;
    w.flowAt(`${i + 1}. ${l.designName} (${l.sku}) · revision ${l.revisionNumber}`, MARGIN, y, contentWidth - amountWidth - 10, { size: 11, weight: "bold" });
    const afterTitle = doc.y;
    w.line(money(l.lineTotalMinor), right, y, { size: 11, weight: "bold" }, "right");
    doc.y = afterTitle + 2;
    w.flow(`${l.quantity} pieces at ${money(l.tierUnitPriceMinor)} each`, { size: 10, color: MUTED });
    const sizes = l.sizes.map((s) => `size ${s.size} × ${s.quantity}${s.surchargeMinor ? ` (+${money(s.surchargeMinor)} each)` : ""}`).join(", ");
    if (sizes) w.flow(`Sizes: ${sizes}`, { size: 10 });
    if (l.fees.length > 0) w.flow(`One-time fees: ${l.fees.map((f) => `${f.label} ${money(f.amountMinor)}`).join(" · ")}`, { size: 10 });
    doc.moveDown(0.6);
    w.rule();
  }
  if (po.lines.length === 0) w.flow("No lines.", { size: 10, color: MUTED });
  doc.moveDown(0.5);

  w.ensure(110);
  const totals: [string, string, FontWeight][] = [
    ["Pieces", money(po.piecesTotalMinor), "regular"],
    ["One-time fees", money(po.feesTotalMinor), "regular"],
    ["Total", money(po.totalMinor), "bold"],
    [`Deposit (${po.depositPercent}%)`, money(po.depositMinor), "regular"],
    ["Balance", money(po.balanceMinor), "regular"],
  ];
  for (const [label, amount, weight] of totals) {
    const y = doc.y;
    w.line(label, right - 260, y, { size: 11, weight });
    w.line(amount, right, y, { size: 11, weight }, "right");
    doc.y = y + 17;
  }
  doc.moveDown(1);

  w.heading("Terms and delivery");
  const terms: [string, string][] = [
    ["Payment", `${PAYMENT_TERMS_LABELS[po.paymentTerms]}${po.balanceMilestone ? `: ${po.balanceMilestone}` : ""}`],
    ["Currency", po.currency],
    ["Lead time", `${po.leadTimeDays} business days`],
    ["Delivery promised", po.promisedDeliveryDate ? day(po.promisedDeliveryDate) : day(po.expectedDeliveryDate)],
  ];
  if (po.promisedDeliveryDate && po.expectedDeliveryDate !== po.promisedDeliveryDate) terms.push(["Expected delivery", day(po.expectedDeliveryDate)]);
  for (const [label, value] of terms) {
    w.ensure(30);
    const y = doc.y;
    w.line(label, MARGIN, y, { size: 10, color: MUTED });
    w.flowAt(value, MARGIN + 130, y, contentWidth - 130, { size: 10 });
    doc.moveDown(0.3);
  }
  if (po.quoteNotes) {
    doc.moveDown(0.5);
    const y = doc.y;
    w.line("Notes of the quote", MARGIN, y, { size: 10, color: MUTED });
    doc.y = y + 15;
    w.flow(po.quoteNotes, { size: 10 });
  }
  doc.moveDown(2);
  w.ensure(20);
  w.flow(`Generated ${day(po.generatedOn)} from the order as both parties see it.`, { size: 8, color: MUTED });
  doc.end();
  return done;
}

/** Text in runs of the face that has each character; see fonts.ts. Shared by the documents of this folder. */
export class Writer {
  private registered = new Set<string>();
  constructor(private doc: Doc) {}

  private runs(text: string, weight: FontWeight) {
    const runs = fontRuns(text, weight);
    for (const r of runs) {
      if (this.registered.has(r.font)) continue;
      this.doc.registerFont(r.font, r.data);
      this.registered.add(r.font);
    }
    return runs;
  }

  /** One line at a point, not wrapped; `right` puts its end at x. */
  line(text: string, x: number, y: number, style: TextStyle, align: "left" | "right" = "left") {
    const runs = this.runs(text, style.weight ?? "regular");
    const size = style.size ?? 10;
    const widths = runs.map((r) => this.doc.font(r.font).fontSize(size).widthOfString(r.text));
    let at = align === "right" ? x - widths.reduce((a, b) => a + b, 0) : x;
    this.doc.fillColor(style.color ?? INK);
    for (const [i, r] of runs.entries()) {
      this.doc.font(r.font).fontSize(size).text(r.text, at, y, { lineBreak: false });
      at += widths[i]!;
    }
  }

  /** A wrapped paragraph at the current position, across the content width. */
  flow(text: string, style: TextStyle) {
    this.flowAt(text, MARGIN, this.doc.y, this.doc.page.width - 2 * MARGIN, style);
  }

  flowAt(text: string, x: number, y: number, width: number, style: TextStyle) {
    const runs = this.runs(text, style.weight ?? "regular");
    const size = style.size ?? 10;
    this.doc.fillColor(style.color ?? INK);
    for (const [i, r] of runs.entries()) {
      const opts = { width, continued: i < runs.length - 1 };
      this.doc.font(r.font).fontSize(size);
      if (i === 0) this.doc.text(r.text, x, y, opts);
      else this.doc.text(r.text, opts);
    }
    this.doc.x = MARGIN;
  }

  heading(text: string) {
    this.ensure(50);
    this.line(text, MARGIN, this.doc.y, { size: 13, weight: "bold" });
    this.doc.y += 20;
    this.rule();
  }

  rule() {
    const y = this.doc.y + 2;
    this.doc.moveTo(MARGIN, y).lineTo(this.doc.page.width - MARGIN, y).strokeColor(RULE).lineWidth(0.5).stroke();
    this.doc.y = y + 8;
  }

  /** A new page when fewer than `height` points are left. */
  ensure(height: number) {
    if (this.doc.y + height > this.doc.page.height - MARGIN) this.doc.addPage();
  }
}
