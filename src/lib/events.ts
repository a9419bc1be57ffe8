import { ROLE_LABELS, type Role } from "./permissions";

const role = (r: unknown) => (typeof r === "string" && r in ROLE_LABELS ? ROLE_LABELS[r as Role].toLowerCase() : String(r));
const str = (v: unknown) => (typeof v === "string" ? v : "");

/** The activity log's sentence for each action, after the actor's name. */
export function describeEvent(action: string, data: Record<string, unknown>): string {
  switch (action) {
    case "organization.created":
      return `created ${str(data.name) || "the organization"}`;
    case "organization.updated":
      return `updated the organization's ${Array.isArray(data.changed) ? data.changed.map((c) => FIELD_LABELS[String(c)] ?? c).join(", ") : "details"}`;
    case "invitation.sent":
      return `invited ${str(data.email)} as ${role(data.role)}`;
    case "invitation.revoked":
      return `withdrew the invitation to ${str(data.email)}`;
    case "member.joined":
      return `joined as ${role(data.role)}`;
    case "member.role_changed":
      return `changed ${str(data.name)}'s role from ${role(data.from)} to ${role(data.to)}`;
    case "member.removed":
      return `removed ${str(data.name)}`;
    case "member.left":
      return "left the organization";
    case "workshop_profile.updated":
      return "updated the workshop profile";
    case "workshop_profile.published":
      return "published the workshop profile";
    case "workshop_profile.unpublished":
      return "unpublished the workshop profile";
    case "workshop_artisan.added":
      return `added the artisan ${str(data.name)}`;
    case "workshop_artisan.updated":
      return `updated the artisan ${str(data.name)}`;
    case "workshop_artisan.removed":
      return `removed the artisan ${str(data.name)}`;
    case "workshop_artisan.reordered":
      return "reordered the artisans";
    case "portfolio_piece.added":
      return `added the portfolio piece ${str(data.title)}`;
    case "portfolio_piece.updated":
      return `updated the portfolio piece ${str(data.title)}`;
    case "portfolio_piece.removed":
      return `removed the portfolio piece ${str(data.title)}`;
    case "portfolio_piece.reordered":
      return "reordered the portfolio";
    case "sample_request.requested":
      return `requested sample SR-${String(data.number ?? "")} from ${str(data.workshop)}`;
    case "sample_request.accepted":
      return `accepted sample request SR-${String(data.number ?? "")} from ${str(data.brand)}`;
    case "sample_request.declined":
      return `declined sample request SR-${String(data.number ?? "")} from ${str(data.brand)}`;
    case "sample_request.cancelled":
      return `cancelled sample request SR-${String(data.number ?? "")}`;
    case "sample_request.shipped":
      return `shipped sample SR-${String(data.number ?? "")} to ${str(data.brand)}`;
    case "sample_request.received":
      return `marked sample SR-${String(data.number ?? "")} received`;
    case "sample_request.evaluated":
      return `evaluated sample SR-${String(data.number ?? "")}`;
    case "shortlist.added":
      return `shortlisted ${str(data.workshop)}`;
    case "shortlist.removed":
      return `removed ${str(data.workshop)} from the shortlist`;
    case "shortlist.updated":
      return `updated the shortlist notes on ${str(data.workshop)}`;
    case "file.uploaded":
      return `uploaded ${str(data.name) || "a file"}`;
    default:
      return action.replaceAll(/[._]/g, " ");
  }
}

const FIELD_LABELS: Record<string, string> = { name: "name", slug: "web address", country: "country", timeZone: "time zone", currency: "currency" };
