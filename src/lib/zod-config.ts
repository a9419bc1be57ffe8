import { z } from "zod";

/**
 * zod compiles object schemas with `new Function` when it can, and probes for that ability by trying it:
 * under our Content-Security-Policy (no 'unsafe-eval') the probe is a reported violation. The interpreted
 * path gives the same results.
 */
z.config({ jitless: true });
