import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { shouldLogTrpcResult } from "./trpc-logging";

const failure = (code: string) => new TRPCClientError("failed", { result: { error: { message: "failed", code: -32600, data: { code } } } as never });

describe("the browser's tRPC log in development", () => {
  it("never logs an auth procedure, whose input holds a password, even when the server failed", () => {
    expect(shouldLogTrpcResult({ path: "auth.signUp", direction: "down", result: failure("INTERNAL_SERVER_ERROR") })).toBe(false);
    expect(shouldLogTrpcResult({ path: "auth.resetPassword", direction: "down", result: failure("BAD_REQUEST") })).toBe(false);
  });

  it("does not log refusals the page shows next to the field", () => {
    for (const code of ["BAD_REQUEST", "CONFLICT", "NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "TOO_MANY_REQUESTS"]) {
      expect(shouldLogTrpcResult({ path: "organization.update", direction: "down", result: failure(code) }), code).toBe(false);
    }
  });

  it("logs the server's own failures, and nothing on the way up or on success", () => {
    expect(shouldLogTrpcResult({ path: "organization.update", direction: "down", result: failure("INTERNAL_SERVER_ERROR") })).toBe(true);
    expect(shouldLogTrpcResult({ path: "organization.update", direction: "up" })).toBe(false);
    expect(shouldLogTrpcResult({ path: "organization.update", direction: "down", result: { result: { data: {} } } })).toBe(false);
  });
});
