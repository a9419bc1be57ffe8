import { ImageResponse } from "next/og";
import { formatMoney } from "~/lib/money";
import { loadPublicCampaign } from "~/components/preorders/public/data";

export const alt = "A preorder on Bezel";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

/** The share card: title, brand, price and what is left. next/og's bundled font; nothing fetched. */
export default async function Image({ params }: { params: Promise<{ brand: string; campaign: string }> }) {
  const { brand, campaign } = await params;
  const c = await loadPublicCampaign(brand, campaign);
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: 72, background: "#faf7f2", color: "#1c1917" }}>
        <div style={{ fontSize: 32, color: "#78716c" }}>{`${c.brand.name} · Preorder`}</div>
        <div style={{ fontSize: 76, fontWeight: 700, lineHeight: 1.1 }}>{c.title.slice(0, 80)}</div>
        <div style={{ display: "flex", gap: 48, fontSize: 36 }}>
          <div>{formatMoney({ amountMinor: c.retailPriceMinor, currency: c.currency })}</div>
          <div>{c.left > 0 ? `${c.left} of ${c.totalCap} left` : "Sold out"}</div>
          <div>{`Delivery ${c.deliveryOn}`}</div>
        </div>
      </div>
    ),
    size,
  );
}
