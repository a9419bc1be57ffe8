import { CalendarClock, ClipboardCheck, Gem, Hammer, Scale, Search } from "lucide-react";
import Link from "next/link";
import { Button } from "~/components/ui/button";

const STEPS = [
  { icon: Search, title: "Find and vet", text: "Search workshops by capability, metals, minimums and lead time. Shortlist, request samples, and see each workshop's record on Bezel." },
  { icon: Scale, title: "Quote side by side", text: "Send locked designs to several workshops. Compare their tiers at the quantities you plan: unit price, totals, deposit and a delivery date from their calendar." },
  { icon: CalendarClock, title: "Follow production", text: "Deposit, CAD approval, casting, setting, polishing, shipping: every milestone in business days, with photos from the bench." },
];

export default function LandingPage() {
  return (
    <>
      <section className="mx-auto max-w-6xl px-4 pt-16 pb-14 sm:px-6 sm:pt-24">
        <p className="text-sm font-medium tracking-wide text-brass-700 uppercase">For jewelry brands and made-to-order workshops</p>
        <h1 className="mt-4 max-w-3xl text-4xl leading-[1.08] font-semibold sm:text-[3.4rem]">From locked design to delivered piece, on one honest timeline.</h1>
        <p className="mt-6 max-w-2xl text-lg text-ink-muted">
          Bezel is where brands find and vet workshops, collect quotes with minimums and price tiers, pay deposits, and follow every order to delivery — with dates
          counted in the workshop&apos;s real working days.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Button asChild size="lg">
            <Link href="/sign-up">Create your account</Link>
          </Button>
          <Button asChild size="lg" variant="secondary">
            <Link href="/sign-in">Sign in</Link>
          </Button>
        </div>
      </section>

      <section className="border-y border-line bg-surface" aria-labelledby="how">
        <div className="mx-auto max-w-6xl px-4 py-14 sm:px-6">
          <h2 id="how" className="text-2xl font-semibold">
            How it works
          </h2>
          <ol className="mt-8 grid gap-8 md:grid-cols-3">
            {STEPS.map((s, i) => (
              <li key={s.title}>
                <div className="flex items-center gap-3">
                  <span className="flex size-9 items-center justify-center rounded-full bg-brass-50 text-brass-700">
                    <s.icon className="size-5" aria-hidden />
                  </span>
                  <span className="text-sm text-ink-subtle">Step {i + 1}</span>
                </div>
                <h3 className="mt-3 text-lg font-semibold">{s.title}</h3>
                <p className="mt-1.5 text-ink-muted">{s.text}</p>
              </li>
            ))}
          </ol>
        </div>
      </section>

      <section className="mx-auto grid max-w-6xl gap-6 px-4 py-14 sm:px-6 md:grid-cols-2">
        <div className="rounded-lg border border-line bg-surface p-6 shadow-card">
          <Gem className="size-6 text-brass-600" aria-hidden />
          <h2 className="mt-3 text-xl font-semibold">For brands</h2>
          <ul className="mt-3 space-y-2 text-ink-muted">
            <li>Meet minimums with capsule collections and bundled pieces.</li>
            <li>Compare quotes at your quantities, not at the workshop&apos;s.</li>
            <li>Sell ahead with preorder pages that show the live delivery date.</li>
          </ul>
        </div>
        <div className="rounded-lg border border-line bg-surface p-6 shadow-card">
          <Hammer className="size-6 text-brass-600" aria-hidden />
          <h2 className="mt-3 text-xl font-semibold">For workshops</h2>
          <ul className="mt-3 space-y-2 text-ink-muted">
            <li>A public profile for your capabilities, artisans and portfolio.</li>
            <li>Answer requests for quotes with your tiers, MOQ and lead time.</li>
            <li>Report production with photos; deposits arrive before you cast.</li>
          </ul>
        </div>
      </section>

      <section className="mx-auto max-w-6xl px-4 pb-20 sm:px-6">
        <div className="flex flex-col items-start gap-4 rounded-lg bg-ink px-6 py-8 text-paper sm:flex-row sm:items-center sm:justify-between sm:px-10">
          <div className="flex items-center gap-3">
            <ClipboardCheck className="size-6 text-brass-100" aria-hidden />
            <p className="text-lg font-medium">Set up your brand or workshop in two minutes.</p>
          </div>
          <Button asChild variant="accent" size="lg">
            <Link href="/sign-up">Get started</Link>
          </Button>
        </div>
      </section>
    </>
  );
}
