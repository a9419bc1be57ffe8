import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import type { Db } from "~/server/db/client";
import { lowestRoleWith, type Permission, type Role } from "~/lib/permissions";
import { callerFor, createFixture, type Fixture, type OrgFixture } from "./fixtures";

/**
 * The tenancy harness. Each case names a procedure, how to build its input for a target organization,
 * and what state it could change. For each case it proves that a signed-out caller gets UNAUTHORIZED, a
 * member of another organization NOT_FOUND, a member of an organization of the wrong kind NOT_FOUND, a
 * role below the procedure's permission FORBIDDEN — with the state unchanged every time — and that the
 * lowest allowed role succeeds, so the refusals are not an artefact of a broken input.
 */
export type TenancyCase = {
  procedure: string;
  /** The organization kind the procedure serves; `any` for procedures of both portals. */
  kind: "any" | "brand" | "workshop";
  input: (target: OrgFixture, f: Fixture) => unknown | Promise<unknown>;
  /** Reads everything the procedure could change for the target organization. */
  state: (db: Db, target: OrgFixture, f: Fixture) => Promise<unknown>;
  /** Skip the success check (for procedures whose success needs a state the fixture lacks). */
  skipAllowed?: boolean;
};

/** What a cases file receives: the test database of the run. */
export type TenancyCaseContext = { db: Db };

type AnyProcedure = { _def: { meta?: { permission?: Permission }; type: "query" | "mutation" | "subscription" } };

export function procedureOf(path: string): AnyProcedure {
  const proc = (appRouter._def.procedures as unknown as Record<string, AnyProcedure>)[path];
  if (!proc) throw new Error(`No procedure ${path}`);
  return proc;
}

export async function callProcedure(db: Db, user: { id: string } | null, path: string, input: unknown): Promise<unknown> {
  const caller = callerFor(db, user) as unknown as Record<string, unknown>;
  let fn: unknown = caller;
  for (const part of path.split(".")) fn = (fn as Record<string, unknown>)[part];
  return (fn as (input: unknown) => Promise<unknown>)(input);
}

export async function expectCode(promise: Promise<unknown>, code: TRPCError["code"]) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `expected ${code}, but the call succeeded`).toBeInstanceOf(TRPCError);
  expect((err as TRPCError).code).toBe(code);
}

const ROLE_BELOW: Record<Role, Role | null> = { owner: "admin", admin: "member", member: null };
const OTHER_KIND = { brand: "workshop", workshop: "brand" } as const;

export function describeTenancy(db: Db, cases: TenancyCase[]) {
  for (const c of cases) {
    describe(`tenancy: ${c.procedure}`, () => {
      let f: Fixture;
      let target: OrgFixture;
      const permission = procedureOf(c.procedure)._def.meta?.permission;
      const targetKind = c.kind === "any" ? "brand" : c.kind;

      beforeAll(async () => {
        f = await createFixture(db);
        target = f[targetKind];
      });

      async function expectRefused(user: { id: string } | null, code: TRPCError["code"], inputTarget?: OrgFixture) {
        const input = await c.input(inputTarget ?? target, f);
        const before = await c.state(db, target, f);
        await expectCode(callProcedure(db, user, c.procedure, input), code);
        expect(await c.state(db, target, f)).toEqual(before);
      }

      it("declares a permission from the permission map", () => {
        expect(permission).toBeDefined();
      });

      it("signed out → UNAUTHORIZED, nothing changed", () => expectRefused(null, "UNAUTHORIZED"));

      it("member of another organization → NOT_FOUND, nothing changed", () => expectRefused(f.outsider[targetKind].owner, "NOT_FOUND"));

      it("signed-in user with no organization → NOT_FOUND, nothing changed", () => expectRefused(f.loner, "NOT_FOUND"));

      const kind = c.kind;
      if (kind !== "any") {
        it(`owner of a ${OTHER_KIND[kind]} → NOT_FOUND on its own organization, nothing changed`, async () => {
          const wrong = f[OTHER_KIND[kind]];
          await expectRefused(wrong.owner, "NOT_FOUND", wrong);
        });
      }

      const lowest = permission ? lowestRoleWith(permission) : "member";
      const tooLow = ROLE_BELOW[lowest];
      if (tooLow) {
        it(`${tooLow} (below ${lowest}) → FORBIDDEN, nothing changed`, () => expectRefused(target[tooLow], "FORBIDDEN"));
      }

      if (!c.skipAllowed) {
        it(`${lowest} is allowed`, async () => {
          const result = await callProcedure(db, target[lowest], c.procedure, await c.input(target, f));
          expect(result).toBeDefined();
          // No procedure ever hands out a password hash or a token hash.
          expect(JSON.stringify(result ?? null)).not.toMatch(/argon2|passwordHash|tokenHash/);
        });
      }
    });
  }
}

/** Every procedure path in the app router, for the coverage check. */
export function allProcedurePaths(): string[] {
  return Object.keys(appRouter._def.procedures);
}
