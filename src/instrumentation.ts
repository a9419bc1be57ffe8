/** Runs once when a server process starts, before it answers requests. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBanner } = await import("./server/http/public-url");
  const banner = startBanner();
  if (banner) console.log(banner);
  const { installSocketAddressHeader } = await import("./server/auth/socket-address");
  installSocketAddressHeader();
  const { startInProcessWorker } = await import("./server/jobs/in-process");
  await startInProcessWorker()?.catch((err: unknown) => console.error("[jobs] the in-process worker did not start", err));
}
