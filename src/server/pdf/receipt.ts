import "server-only";
import PDFDocument from "pdfkit";
import { formatMoney } from "~/lib/money";
import { PAYMENT_KIND_LABELS, PAYMENT_METHOD_LABELS, PAYMENT_STATUS_LABELS, type PaymentKind, type PaymentMethod, type PaymentStatus } from "~/lib/payment-schemas";
import { fontRuns } from "./fonts";
import { MARGIN, MUTED, Writer } from "./purchase-order";

/** What a payment's receipt prints, for the party whose copy it is. */
export type ReceiptDocument = {
  number: string;
  /** Whose copy: the workshop's also shows the platform's fee. */
  side: "brand" | "workshop";
  brand: { name: string; country: string };
  workshop: { name: string; country: string };
  kind: PaymentKind;
  /** What it pays: "order PO-2026-0003" or "sample request SR-12". */
  subject: string;
  amountMinor: number;
  currency: string;
  status: PaymentStatus;
  method: PaymentMethod | null;
  transferReference: string;
  paidOn: string;
  platformFeeMinor: number;
  refundedMinor: number;
  generatedOn: string;
};

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const day = (iso: string) => dayFormat.format(new Date(`${iso}T00:00:00Z`));

/** Renders a payment's receipt as a PDF, fonts embedded and subset. */
export async function renderReceipt(r: ReceiptDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    // Any face of ours instead of Helvetica, which pdfkit would otherwise read from its own data folder.
    font: fontRuns("A")[0]!.data as unknown as string,
    info: { Title: `Receipt ${r.number}`, Author: r.workshop.name, Subject: `${r.brand.name} to ${r.workshop.name}`, Creator: "Bezel" },
    lang: "en",
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency: r.currency });
  const w = new Writer(doc);
  const right = doc.page.width - MARGIN;
  const contentWidth = right - MARGIN;

  w.line(`Receipt ${r.number}`, MARGIN, MARGIN, { size: 20, weight: "bold" });
  doc.y = MARGIN + 32;
  w.flow(`${PAYMENT_KIND_LABELS[r.kind]} of ${r.subject} · paid ${day(r.paidOn)}`, { size: 10, color: MUTED });
  doc.moveDown(1);

  const top = doc.y;
  const half = contentWidth / 2 - 10;
  w.line("Paid by (brand)", MARGIN, top, { size: 9, color: MUTED });
  w.line("Paid to (workshop)", MARGIN + half + 20, top, { size: 9, color: MUTED });
  w.flowAt(r.brand.name, MARGIN, top + 13, half, { size: 12, weight: "bold" });
  w.flowAt(r.brand.country, MARGIN, doc.y, half, { size: 10 });
  const afterBrand = doc.y;
  w.flowAt(r.workshop.name, MARGIN + half + 20, top + 13, half, { size: 12, weight: "bold" });
  w.flowAt(r.workshop.country, MARGIN + half + 20, doc.y, half, { size: 10 });
  doc.y = Math.max(afterBrand, doc.y) + 16;

  w.heading("Payment");
  const rows: [string, string][] = [
    ["For", `${PAYMENT_KIND_LABELS[r.kind]} of ${r.subject}`],
    ["Amount", money(r.amountMinor)],
    ["Method", r.method ? PAYMENT_METHOD_LABELS[r.method] : "Not recorded"],
  ];
  if (r.method === "transfer" && r.transferReference) rows.push(["Transfer reference", r.transferReference]);
  rows.push(["Paid on", day(r.paidOn)]);
  rows.push(["Status", PAYMENT_STATUS_LABELS[r.status]]);
  if (r.refundedMinor > 0) rows.push(["Refunded", money(r.refundedMinor)]);
  // The platform's fee is between the workshop and Bezel: only the workshop's copy shows it.
  if (r.side === "workshop") rows.push(["Platform fee", money(r.platformFeeMinor)]);
  for (const [label, value] of rows) {
    w.ensure(30);
    const y = doc.y;
    w.line(label, MARGIN, y, { size: 11, color: MUTED });
    w.flowAt(value, MARGIN + 150, y, contentWidth - 150, { size: 11, weight: label === "Amount" ? "bold" : "regular" });
    doc.moveDown(0.4);
  }
  doc.moveDown(2);
  w.ensure(20);
  w.flow(`${r.side === "brand" ? "The brand's" : "The workshop's"} copy, generated ${day(r.generatedOn)} from the payment as recorded on Bezel.`, { size: 8, color: MUTED });
  doc.end();
  return done;
}
