import { AppError } from "../errors";
import { can, type Role } from "~/lib/permissions";

/** Granting the owner role takes an owner; the permission map says who holds `members.manageOwners`. */
export function assertMayGrant(actorRole: Role, role: Role) {
  if (role === "owner" && !can(actorRole, "members.manageOwners")) {
    throw new AppError("FORBIDDEN", "Only an owner can grant the owner role.", "role");
  }
}
