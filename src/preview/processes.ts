import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";

/** A free loopback port: some engines' listen flags do not take port 0, so a node server picks one and lets it go. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Polls `url` until it answers 2xx, the process exits, or `timeoutMs` passes. */
export async function waitReady(
  name: string,
  url: string,
  exited: () => number | null,
  log: () => string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited() !== null) throw new Error(`${name} exited with ${exited()}: ${log().slice(-2000)}`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s: ${log().slice(-2000)}`);
}

/** Stops a started engine: SIGTERM, SIGKILL after `graceMs`; then removes its temp folder. */
export async function stopProcess(child: ChildProcess, dir: string | undefined, graceMs = 10_000): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill("SIGTERM");
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => (child.kill("SIGKILL"), resolve()), graceMs);
      child.once("exit", () => (clearTimeout(timer), resolve()));
    });
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
}
