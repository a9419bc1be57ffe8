import { ClipboardCheck, Gem, Hammer, Package, Search, Star } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "~/components/ui/button-variants";
import { LandingShowcase } from "~/components/directory/landing-showcase";

// What the product does today, and nothing it does not do yet.
const STEPS = [
  { icon: Search, title: "Find", text: "Search published workshops by capability, metals, gemstone work, certifications, country, minimum order and lead time." },
  { icon: Star, title: "Shortlist and compare", text: "Save workshops with private notes and tags, then put two to four of them side by side: minimums, lead times and their record on Bezel." },
  { icon: Package, title: "Request samples", text: "Ask for a sample of a portfolio piece or of your own design. The workshop answers with a fee and a ship date; you evaluate what arrives, privately." },
];

export default function LandingPage() {
  return (
    <>
      <section className="mx-auto grid max-w-6xl gap-10 px-4 pt-16 pb-14 sm:px-6 sm:pt-24 lg:grid-cols-[minmax(0,1fr)_minmax(0,28rem)] lg:items-center">
        <div>
          <p className="text-sm font-medium tracking-wide text-brass-700 uppercase">For jewelry brands and made-to-order workshops</p>
          <h1 className="mt-4 max-w-3xl text-4xl leading-[1.08] font-semibold sm:text-[3.4rem]">Find the workshop that makes your pieces, and vet it first.</h1>
          <p className="mt-6 max-w-2xl text-lg text-ink-muted">
            Bezel is where brands find made-to-order workshops by what they really make, shortlist them, compare them side by side and request samples — and
            where workshops show their craft, their artisans and their portfolio.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link href="/sign-up" className={buttonVariants({ size: "lg" })}>Create your account</Link>
            <Link href="/workshops" className={buttonVariants({ variant: "secondary", size: "lg" })}>Browse workshops</Link>
          </div>
        </div>
        <LandingShowcase />
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
            <li>Filter by minimum order and lead time in business days before you ever write to anyone.</li>
            <li>Keep private notes and tags on every workshop you consider; your team sees them, workshops never do.</li>
            <li>See each workshop&apos;s record on Bezel: how fast it answers sample requests and how many samples it has sent.</li>
          </ul>
        </div>
        <div className="rounded-lg border border-line bg-surface p-6 shadow-card">
          <Hammer className="size-6 text-brass-600" aria-hidden />
          <h2 className="mt-3 text-xl font-semibold">For workshops</h2>
          <ul className="mt-3 space-y-2 text-ink-muted">
            <li>A public profile for your capabilities, metals, minimums, lead times, artisans and portfolio.</li>
            <li>Sample requests arrive in one inbox: accept with a fee and a ship date, decline with a reason, mark as shipped.</li>
            <li>Invite your team with roles: owners, admins and members.</li>
          </ul>
        </div>
      </section>

      <section className="mx-auto max-w-6xl px-4 pb-20 sm:px-6">
        <div className="flex flex-col items-start gap-4 rounded-lg bg-ink px-6 py-8 text-paper sm:flex-row sm:items-center sm:justify-between sm:px-10">
          <div className="flex items-center gap-3">
            <ClipboardCheck className="size-6 text-brass-100" aria-hidden />
            <p className="text-lg font-medium">Set up your brand or workshop in two minutes.</p>
          </div>
          <Link href="/sign-up" className={buttonVariants({ variant: "accent", size: "lg" })}>Get started</Link>
        </div>
      </section>
    </>
  );
}
