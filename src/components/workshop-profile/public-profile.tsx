import { BadgeCheck, MapPin } from "lucide-react";
import { Badge } from "~/components/ui/badge";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { countryName } from "~/lib/regions";
import { CERTIFICATIONS } from "~/lib/workshop-vocabulary";
import { ProfileActions } from "~/components/workshop-profile/profile-actions";
import { ArtisanPhoto } from "./artisan-photo";
import { Markdown } from "./markdown";
import { PortfolioGallery } from "./portfolio-gallery";
import { Craft, KeyFacts, RecordCard } from "./public-facts";
import { loadPublicProfile } from "./public-data";
import { PublicReviews } from "./public-reviews";

/** A published workshop's public page, for everyone; brand members also get their actions in the header. */
export async function PublicWorkshopProfile({ slug }: { slug: string }) {
  const profile = await loadPublicProfile(slug);
  const place = [profile.city, countryName(profile.country)].filter(Boolean).join(", ");
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <header className="flex flex-col gap-4 border-b border-line pb-8 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <p className="text-sm font-medium tracking-wide text-brass-700 uppercase">Workshop</p>
          <h1 className="mt-1 text-3xl font-semibold sm:text-4xl">{profile.name}</h1>
          {profile.headline && <p className="mt-2 max-w-2xl text-lg text-ink-muted">{profile.headline}</p>}
          <p className="mt-3 inline-flex items-center gap-1.5 text-sm text-ink-muted">
            <MapPin className="size-4" aria-hidden />
            {place}
          </p>
          {profile.certifications.length > 0 && (
            <ul className="mt-4 flex flex-wrap gap-1.5" aria-label="Certifications">
              {profile.certifications.map((c) => (
                <li key={c}>
                  <Badge tone="success" className="px-2.5 py-1 text-sm">
                    <BadgeCheck className="size-3.5" aria-hidden />
                    {CERTIFICATIONS.label(c)}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </div>
        {/* "Save to shortlist" and "Request a sample" for signed-in brand members, sign up or sign in for visitors. */}
        <div className="flex shrink-0 flex-wrap gap-2 empty:hidden sm:justify-end">
          <ProfileActions workshopOrgId={profile.orgId} workshopSlug={profile.slug} />
        </div>
      </header>

      <div className="mt-8 grid items-start gap-6 lg:grid-cols-3">
        {/* First on a phone, where the minimum and lead time matter before the long story; on the right from lg. */}
        <aside className="flex flex-col gap-6 lg:order-last" aria-label="Facts">
          <KeyFacts profile={profile} />
          <Craft profile={profile} />
          <RecordCard record={profile.record} />
        </aside>
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          {profile.story && (
            <Card>
              <CardHeader title="Their story" />
              <CardBody>
                <Markdown>{profile.story}</Markdown>
              </CardBody>
            </Card>
          )}

          <section aria-labelledby="portfolio-heading">
            <h2 id="portfolio-heading" className="mb-3 text-lg font-semibold">
              Portfolio
            </h2>
            {profile.portfolio.length === 0 ? (
              <p className="text-sm text-ink-muted">No portfolio pieces yet.</p>
            ) : (
              <PortfolioGallery pieces={profile.portfolio} />
            )}
          </section>

          <PublicReviews slug={profile.slug} workshopName={profile.name} first={profile.reviews} averages={profile.record.reviewAverages} />

          {profile.artisans.length > 0 && (
            <section aria-labelledby="artisans-heading">
              <h2 id="artisans-heading" className="mb-3 text-lg font-semibold">
                The artisans
              </h2>
              <ul className="grid gap-3 sm:grid-cols-2">
                {profile.artisans.map((a) => (
                  <li key={a.id}>
                    <Card className="flex h-full gap-4 p-4">
                      <ArtisanPhoto fileId={a.photoFileId} name={a.name} className="size-16" />
                      <div className="min-w-0">
                        <p className="font-medium">{a.name}</p>
                        <p className="text-sm text-brass-700">{a.role}</p>
                        {a.bio && <p className="mt-1.5 text-sm whitespace-pre-line text-ink-muted">{a.bio}</p>}
                      </div>
                    </Card>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>

      </div>
    </div>
  );
}
