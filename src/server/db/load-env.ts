// Scripts run outside Next.js: load .env files the way Next.js does, before anything reads process.env.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");
