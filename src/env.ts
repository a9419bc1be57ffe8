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
    /** The port `next start` listens on; links in emails use it when NEXTAUTH_URL is unset. */
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** smtp://user:pass@host:port — unset: emails are stored and shown on /outbox only. */
    SMTP_URL: z.string().optional(),
    EMAIL_FROM: z.string().default("Bezel <no-reply@bezel.local>"),
    /**
     * How many proxies of our own stand in front of the app. 0: the client is the connection's address and
     * X-Forwarded-For is ignored; N: the Nth X-Forwarded-For entry from the right. Read by `clientIp`.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number("TRUSTED_PROXY_HOPS must be a whole number from 0 to 10.").int().min(0).max(10).default(0),
    /**
     * Where background jobs run. Default: in the app process in development and on PGlite; in
     * `npm run worker` in production on PostgreSQL.
     */
    JOBS_WORKER: z.enum(["in-process", "separate"], "JOBS_WORKER must be in-process or separate.").optional(),
    /** Uploaded files on local disk, used when S3_BUCKET is unset. */
    UPLOADS_DIR: z.string().default(".data/uploads"),
    /** S3-compatible object storage for uploads (AWS S3, MinIO…). Unset: local disk under UPLOADS_DIR. */
    S3_BUCKET: z.string().optional(),
    S3_REGION: z.string().default("us-east-1"),
    /** Only for S3-compatible services other than AWS, e.g. http://127.0.0.1:9000 for MinIO. */
    S3_ENDPOINT: z.url().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    /** MinIO and most self-hosted services need path-style URLs (`endpoint/bucket/key`). */
    S3_FORCE_PATH_STYLE: z.stringbool({ error: "S3_FORCE_PATH_STYLE must be true or false." }).optional(),
    /** Stripe's secret key. Unset: card payments show as not configured; bank transfers work. */
    STRIPE_SECRET_KEY: z.string().optional(),
    /** The signing secret of the `/api/webhooks/stripe` endpoint (whsec_…). */
    STRIPE_WEBHOOK_SECRET: z.string().optional(),
    /**
     * Another address for Stripe's API, e.g. http://127.0.0.1:12111 for a local stand-in (tests, e2e, the
     * preorder bench). Unset: api.stripe.com.
     */
    STRIPE_API_BASE: z.url().optional(),
    /** The platform's fee on card payments, in basis points of the amount (250 = 2.5%). */
    PLATFORM_FEE_BASIS_POINTS: z.coerce.number("PLATFORM_FEE_BASIS_POINTS must be a whole number from 0 to 10000.").int().min(0).max(10_000).default(250),
  },
  client: {},
  experimental__runtimeEnv: {},
  skipValidation: !!process.env.SKIP_ENV_VALIDATION,
  emptyStringAsUndefined: true,
});

export const appEnv = env.APP_ENV ?? (env.NODE_ENV === "production" ? "production" : "development");
export const outboxEnabled = appEnv !== "production";
