import "./zod-config";
import { z } from "zod";
import { NOTIFICATION_KINDS } from "./notifications";
import { ORGANIZATION_KINDS } from "./organizations";
import { ROLES } from "./permissions";
import { COUNTRY_CODES, CURRENCIES, isTimeZone } from "./regions";

/** Input schemas shared by forms (client) and procedures (server), so both give the same messages. */

/** An email address; `whenEmpty` names whose address is missing (the user's own, or someone else's). */
const emailAddress = (whenEmpty: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .min(1, whenEmpty)
    .max(254, "That email address is too long.")
    .pipe(z.email("Enter a valid email address."));

export const emailSchema = emailAddress("Enter your email address.");

export const passwordSchema = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.");

export const personNameSchema = z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters.");

export const signUpSchema = z.object({ name: personNameSchema, email: emailSchema, password: passwordSchema });
export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1, "Enter your password.").max(200) });
export const requestPasswordResetSchema = z.object({ email: emailSchema });
export const resetPasswordSchema = z.object({
  token: z.string().min(10, "This reset link is not valid.").max(200, "This reset link is not valid."),
  password: passwordSchema,
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(200, "Use at most 200 characters."),
  newPassword: passwordSchema,
});
export const verifyEmailSchema = z.object({
  token: z.string().min(10, "This verification link is not valid.").max(200, "This verification link is not valid."),
});

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters.")
  .max(48, "Use at most 48 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens.");

export const organizationProfileSchema = z.object({
  name: z.string().trim().min(2, "Use at least 2 characters.").max(100, "Use at most 100 characters."),
  country: z.enum(COUNTRY_CODES, "Choose a country."),
  timeZone: z.string().refine(isTimeZone, "Choose a time zone."),
  currency: z.enum(CURRENCIES, "Choose a currency."),
});

export const createOrganizationSchema = organizationProfileSchema.extend({
  kind: z.enum(ORGANIZATION_KINDS, "Choose brand or workshop."),
});

export const updateOrganizationSchema = organizationProfileSchema.extend({ slug: slugSchema });

export const roleSchema = z.enum(ROLES, "Choose a role.");
/** The invitee's address: the empty form asks for theirs, not the user's own. */
export const inviteSchema = z.object({ email: emailAddress("Enter their email address."), role: roleSchema });

/** The kinds of notification email a user does not want. */
export const emailPreferencesSchema = z.object({
  mutedKinds: z
    .array(z.enum(NOTIFICATION_KINDS, "Unknown kind of email."))
    .max(NOTIFICATION_KINDS.length)
    .transform((kinds) => [...new Set(kinds)]),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type CreateOrganizationInput = z.infer<typeof createOrganizationSchema>;
export type UpdateOrganizationInput = z.infer<typeof updateOrganizationSchema>;
export type InviteInput = z.infer<typeof inviteSchema>;
export type EmailPreferencesInput = z.infer<typeof emailPreferencesSchema>;
