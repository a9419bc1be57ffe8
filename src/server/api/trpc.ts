/**
 * tRPC setup, in three parts: 1. context, 2. initialization and error mapping, 3. procedures.
 * Each procedure kind narrows the context: protected → `ctx.user`; org → `ctx.org` and `ctx.membership`,
 * read from the database on every call (session claims go stale when a member is removed).
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { getUser } from "../services/users";
import { getMembership } from "../services/organizations";
import { can, type Permission } from "~/lib/permissions";
import type { OrganizationKind } from "../db/schema";

// 1. Context ------------------------------------------------------------------------------------------

export type Context = {
  db: Db;
  /** The signed-in user's id from the session cookie; verified against the database by `protectedProcedure`. */
  userId: string | null;
  ip: string;
};

// 2. Initialization -----------------------------------------------------------------------------------

export const MALFORMED_REQUEST_MESSAGE = "This request could not be read. Reload the page and try again.";

export type Meta = { permission?: Permission };

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const fieldErrors =
        cause instanceof ZodError
          ? (z.flattenError(cause).fieldErrors as Record<string, string[]>)
          : cause instanceof AppError && cause.field
            ? { [cause.field]: [cause.message] }
            : null;
      // Internal errors keep their details in the server log, not in the response; invalid input says
      // what to fix in words, not as a JSON dump of issues. A request tRPC could not even read (bad JSON,
      // a missing envelope, nesting too deep) gets one fixed message, never the parser's own words.
      const message =
        error.code === "INTERNAL_SERVER_ERROR"
          ? "Something went wrong on our side. Please try again."
          : cause instanceof ZodError
            ? // An issue at the root means the request had no input object at all: malformed, not mistyped.
              cause.issues.length === 0 || cause.issues.some((i) => i.path.length === 0)
              ? MALFORMED_REQUEST_MESSAGE
              : (cause.issues[0]?.message ?? "Check the highlighted fields.")
            : cause instanceof AppError
              ? shape.message
              : error.code === "BAD_REQUEST" || error.code === "PARSE_ERROR"
                ? MALFORMED_REQUEST_MESSAGE
                : shape.message;
      const { stack: _stack, ...data } = shape.data;
      return { ...shape, message, data: { ...data, fieldErrors } };
    },
  });

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

/** Turns an AppError thrown by a service into the matching tRPC error, keeping its message for people. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      // Every AppError code is a tRPC code: the status it answers with is the one in APP_ERROR_STATUS.
      throw new TRPCError({ code: cause.code satisfies TRPCError["code"], message: cause.message, cause });
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR") console.error(result.error);
  }
  return result;
});

/**
 * Text PostgreSQL cannot store as sent: U+0000, or half of a surrogate pair (not a character at all; the
 * driver would silently turn it into U+FFFD).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorable(text: string): boolean {
  return text.includes("\u0000") || LONE_SURROGATE.test(text);
}

/** The top-level input key of the first unstorable text, "" when at the top; null when there is none. */
function nulField(input: unknown): string | null {
  // A loop rather than recursion: the input is whatever a client sent, nested as deep as it likes.
  const stack: [unknown, string][] = [[input, ""]];
  while (stack.length > 0) {
    const [value, field] = stack.pop()!;
    if (typeof value === "string") {
      if (unstorable(value)) return field;
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push([item, field]);
    } else if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      for (const [key, item] of Object.entries(value)) stack.push([item, field || key]);
    }
  }
  return null;
}

/** Refuse unstorable text up front, naming the field, instead of failing the query or changing the text. */
const noNulCharacters = t.middleware(async ({ getRawInput, next }) => {
  const field = nulField(await getRawInput());
  if (field !== null) {
    throw new AppError("BAD_REQUEST", "This text contains an invisible control character that cannot be saved. Retype it and try again.", field || undefined);
  }
  return next();
});

// 3. Procedures ---------------------------------------------------------------------------------------

export const publicProcedure = t.procedure.use(appErrors).use(noNulCharacters);

export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const user = ctx.userId ? await getUser(ctx.db, ctx.userId) : null;
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, userId: user.id, user } });
});

export const orgInput = z.object({ orgId: z.uuid("Unknown organization.") });

function orgProcedureOf(kind: OrganizationKind | null) {
  const member = protectedProcedure.input(orgInput).use(async ({ ctx, input, meta, next }) => {
    const found = await getMembership(ctx.db, ctx.userId, { orgId: input.orgId });
    // Another organization's data, or one of the other kind, does not exist as far as this caller knows.
    if (!found || (kind && found.org.kind !== kind)) {
      throw new TRPCError({ code: "NOT_FOUND", message: "Organization was not found." });
    }
    // The builder always sets the permission; a missing one refuses rather than opens.
    if (!meta?.permission || !can(found.membership.role, meta.permission)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role does not allow this. Ask an owner or admin." });
    }
    const actor = { orgId: found.org.id, userId: ctx.userId, role: found.membership.role };
    return next({ ctx: { ...ctx, org: found.org, membership: found.membership, actor } });
  });
  // The permission is an argument, so a procedure without one does not compile. It is also kept as
  // `meta.permission`, where the tenancy harness reads it.
  return (permission: Permission) => member.meta({ permission });
}

/** A member of the organization named by `input.orgId`, of either kind, holding `permission`. */
export const orgProcedure = orgProcedureOf(null);
/** A member of the brand named by `input.orgId`, holding `permission`. */
export const brandProcedure = orgProcedureOf("brand");
/** A member of the workshop named by `input.orgId`, holding `permission`. */
export const workshopProcedure = orgProcedureOf("workshop");
