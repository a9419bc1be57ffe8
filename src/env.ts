import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const isProductionBuild = process.env.NODE_ENV === "production";

/**
 * Every environment variable the app reads, validated once. A missing or malformed value fails at start-up
 * with a readable message instead of deep inside a request.
 */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** `production` hides developer-only pages (the email outbox). Defaults from NODE_ENV. */
    APP_ENV: z.enum(["development", "test", "production"]).optional(),
    /** Real PostgreSQL. Unset: an embedded PostgreSQL (PGlite) under PGLITE_DIR. */
    DATABASE_URL: z.url().optional(),
    PGLITE_DIR: z.string().default(".data/pglite"),
    NEXTAUTH_SECRET: isProductionBuild ? z.string().min(16) : z.string().min(16).default("bezel-development-secret-not-for-production"),
    NEXTAUTH_URL: z.url().optional(),
    /** smtp://user:pass@host:port — unset: emails are stored and shown on /outbox only. */
    SMTP_URL: z.string().optional(),
    EMAIL_FROM: z.string().default("Bezel <no-reply@bezel.local>"),
  },
  client: {},
  experimental__runtimeEnv: {},
  skipValidation: !!process.env.SKIP_ENV_VALIDATION,
  emptyStringAsUndefined: true,
});

export const appEnv = env.APP_ENV ?? (env.NODE_ENV === "production" ? "production" : "development");
export const outboxEnabled = appEnv !== "production";
