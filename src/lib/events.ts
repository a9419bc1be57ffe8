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
    case "file.uploaded":
      return `uploaded ${str(data.name) || "a file"}`;
    default:
      return action.replaceAll(/[._]/g, " ");
  }
}

const FIELD_LABELS: Record<string, string> = { name: "name", slug: "web address", country: "country", timeZone: "time zone", currency: "currency" };
