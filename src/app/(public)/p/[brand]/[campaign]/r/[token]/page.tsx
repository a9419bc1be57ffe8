import type { Metadata } from "next";
import { loadReservation } from "~/components/preorders/public/data";
import { ReservationPage } from "~/components/preorders/public/reservation-page";

// Private: one customer's page behind the secret in its link. Never cached, never indexed, never sent as a Referer.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your reservation", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ checkout?: string }> };

export default async function Page({ params, searchParams }: Props) {
  const { token } = await params;
  const { checkout } = await searchParams;
  return <ReservationPage r={await loadReservation(token)} token={token} checkout={checkout ?? null} />;
}
