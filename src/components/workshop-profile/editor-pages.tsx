import { Card, CardHeader } from "~/components/ui/card";
import { ArtisansManager } from "./artisans-manager";
import { DetailsForm } from "./details-form";
import { loadProfileEditor } from "./editor-data";
import { PortfolioManager } from "./portfolio-manager";
import { toDetails } from "./values";

/** The three tabs of the profile editor; each route file renders one of these with the portal's slug. */

export async function ProfileDetailsPage({ slug }: { slug: string }) {
  const { org, profile, canEdit } = await loadProfileEditor(slug);
  return (
    <Card>
      {/* Keyed by the last save so the form starts from the stored values after a refresh. */}
      <DetailsForm key={profile.updatedAt.toISOString()} orgId={org.id} initial={toDetails(profile)} canEdit={canEdit} />
    </Card>
  );
}

export async function ProfileArtisansPage({ slug }: { slug: string }) {
  const { org, artisans, canEdit } = await loadProfileEditor(slug);
  return (
    <Card>
      <CardHeader title="Artisans" description="The people behind your pieces, in the order they appear on your page." />
      <ArtisansManager orgId={org.id} canEdit={canEdit} artisans={artisans.map((a) => ({ id: a.id, name: a.name, role: a.role, bio: a.bio, photoFileId: a.photoFileId }))} />
    </Card>
  );
}

export async function ProfilePortfolioPage({ slug }: { slug: string }) {
  const { org, portfolio, canEdit } = await loadProfileEditor(slug);
  return (
    <Card>
      <CardHeader title="Portfolio" description="Pieces you have made, in the order they appear in your gallery. The first photo of each is its cover." />
      <PortfolioManager
        orgId={org.id}
        canEdit={canEdit}
        pieces={portfolio.map((p) => ({ id: p.id, title: p.title, description: p.description, metals: p.metals, techniques: p.techniques, photoFileIds: p.photoFileIds }))}
      />
    </Card>
  );
}
