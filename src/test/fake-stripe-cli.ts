import { startFakeStripe } from "./fake-stripe";

/**
 * The local Stripe stand-in as a process of its own, for the end-to-end run: `next start` reaches it
 * through STRIPE_API_BASE. Listens on STRIPE_STAND_IN_PORT (127.0.0.1) until it is stopped.
 */
const port = Number(process.env.STRIPE_STAND_IN_PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error("Set STRIPE_STAND_IN_PORT to the port the Stripe stand-in listens on.");
const fake = await startFakeStripe({ port });
console.log(`Stripe stand-in listening on ${fake.url}`);
// The SDK keeps connections alive, so closing the server would wait on them: the process just ends.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
