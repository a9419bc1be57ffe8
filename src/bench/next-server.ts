/**
 * The production server a bench drives: `next start` of the build in `.next` on a free port of 127.0.0.1,
 * answered once `/api/health` does, stopped with SIGTERM (SIGKILL after 5 s).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

export type NextServer = { child: ChildProcess; base: string; output: string[] };

/** A port nobody listens on: the system's choice, or the first free one from `preferred` on. */
export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const s = createServer().once("error", () => resolve(null));
      s.listen(port, "127.0.0.1", () => {
        const { port: got } = s.address() as { port: number };
        s.close(() => resolve(got));
      });
    });
  if (preferred === undefined) {
    const port = await tryPort(0);
    if (port === null) throw new Error("No free port.");
    return port;
  }
  for (let port = preferred; port < preferred + 50; port++) if ((await tryPort(port)) !== null) return port;
  throw new Error(`No free port between ${preferred} and ${preferred + 49}.`);
}

export async function startNextServer(env: Record<string, string>, options: { secret: string; port?: number; timeoutMs?: number }): Promise<NextServer> {
  const port = await freePort(options.port);
  const timeoutMs = options.timeoutMs ?? 90_000;
  const output: string[] = [];
  const child = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env, NODE_ENV: "production", PORT: String(port), NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXTAUTH_SECRET: options.secret },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (b: Buffer) => output.push(b.toString()));
  child.stderr.on("data", (b: Buffer) => output.push(b.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (code ${child.exitCode}):\n${output.join("")}`);
    try {
      if ((await fetch(`${base}/api/health`)).status < 500) return { child, base, output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`The server did not answer within ${timeoutMs / 1000} s:\n${output.join("")}`);
}

export async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
