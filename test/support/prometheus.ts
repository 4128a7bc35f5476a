import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Series } from "../../src/replay/fixtures";

/**
 * A real Prometheus (Debian's /usr/bin/prometheus 2.42) for tests: a TSDB backfilled from
 * OpenMetrics by `promtool tsdb create-blocks-from openmetrics`, served on a loopback port with no
 * scrape jobs. A missing binary fails the test (it is never skipped).
 */

export const PROMETHEUS = process.env.PROMETHEUS ?? "/usr/bin/prometheus";

// A free loopback port: Prometheus' listen flag does not take port 0 (the local stack's helper).
import { freePort } from "../../src/cli/local-stack/lifecycle";
export { freePort };

function labelText(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  return entries.length ? `{${entries.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(",")}}` : "";
}

/** OpenMetrics text of series whose value i is at `startSeconds + i * stepSeconds`. */
export function openMetrics(series: Array<{ series: Series; startSeconds: number; stepSeconds: number }>): string {
  const lines: string[] = [];
  for (const { series: s, startSeconds, stepSeconds } of series) {
    s.values.forEach((v, i) => {
      if (v !== undefined) lines.push(`${s.metric}${labelText(s.labels)} ${v} ${startSeconds + i * stepSeconds}`);
    });
  }
  return `${lines.join("\n")}\n# EOF\n`;
}

export interface RunningPrometheus {
  url: string;
  stop(): Promise<void>;
}

export function createBlocks(openMetricsText: string, dir: string): string {
  const file = join(dir, "backfill.om");
  const data = join(dir, "data");
  mkdirSync(data, { recursive: true });
  writeFileSync(file, openMetricsText);
  const r = spawnSync("promtool", ["tsdb", "create-blocks-from", "openmetrics", file, data], { encoding: "utf8" });
  if (r.error || r.status !== 0)
    throw new Error(`promtool tsdb create-blocks-from openmetrics failed: ${r.error?.message ?? ""}${r.stdout}${r.stderr}`);
  return data;
}

export async function startPrometheus(dataDir: string, dir: string): Promise<RunningPrometheus> {
  const port = await freePort();
  const config = join(dir, "prometheus.yml");
  writeFileSync(config, "global:\n  scrape_interval: 1m\nscrape_configs: []\n");
  const child: ChildProcess = spawn(
    PROMETHEUS,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${dataDir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--storage.tsdb.retention.time=100y",
      "--log.level=warn",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let spawnError: Error | undefined;
  child.once("error", (e) => (spawnError = e));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (spawnError) throw new Error(`cannot start ${PROMETHEUS} (install Debian's prometheus package): ${spawnError.message}`);
    if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}/-/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`prometheus not ready within 30 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
