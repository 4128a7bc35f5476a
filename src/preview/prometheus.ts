import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config/schema";
import { ruleKind } from "../emit/files/prometheus-rules";
import type { Fixture, Series } from "../replay/fixtures";
import { replayRecordingRules } from "../replay/grafana-eval";
import { PROMTOOL, promtoolAsync } from "../emit/promtool";
import type { ReplayedStack } from "../replay/rendered-stack";
import { failureWindow } from "../replay/run";
import { freePort, stopProcess, waitReady } from "./processes";

/**
 * A real Prometheus (Debian's /usr/bin/prometheus 2.42; `PROMETHEUS` overrides the path) holding
 * series backfilled by `promtool tsdb create-blocks-from openmetrics`, served on a loopback port
 * with no scrape jobs: the backtest's test world and the dashboard previews both ask it their PromQL.
 */

export const PROMETHEUS = process.env.PROMETHEUS ?? "/usr/bin/prometheus";

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

/** TSDB blocks of the OpenMetrics text in `dir/data` (written by promtool); returns that folder. */
export async function createBlocks(openMetricsText: string, dir: string): Promise<string> {
  const file = join(dir, "backfill.om");
  const data = join(dir, "data");
  mkdirSync(data, { recursive: true });
  writeFileSync(file, openMetricsText);
  const r = await promtoolAsync(["tsdb", "create-blocks-from", "openmetrics", file, data]);
  if (r.status !== 0) throw new Error(`${PROMTOOL} tsdb create-blocks-from openmetrics failed: ${r.output}`.slice(0, 2000));
  return data;
}

export interface RunningPrometheus {
  url: string;
  stop(): Promise<void>;
}

/** Prometheus serving `dataDir` (its config written into `dir`); a missing binary is one line naming the Debian package. */
export async function startPrometheus(dataDir: string, dir: string): Promise<RunningPrometheus> {
  const port = await freePort();
  const config = join(dir, "prometheus.yml");
  writeFileSync(config, "global:\n  scrape_interval: 1m\nscrape_configs: []\n");
  const child = spawn(
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
  child.stderr!.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20_000)));
  let spawnError: Error | undefined;
  child.once("error", (e) => (spawnError = e));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopProcess(child, undefined, 5000);
  try {
    await waitReady(
      "prometheus",
      `${url}/-/ready`,
      () => {
        if (spawnError) throw new Error(`cannot start ${PROMETHEUS} (install Debian's prometheus package): ${spawnError.message}`);
        return child.exitCode;
      },
      () => stderr,
      30_000,
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, stop };
}

/** What the stack's Loki recording rules write over a fixture (nothing while its Loki queries fail), as the replay computes it. */
export function recordedSeries(stack: ReplayedStack, cfg: Config, fixture: Fixture): Series[] {
  return stack.ruleGroups.flatMap((g) =>
    (g.rules ?? [])
      .filter((r) => ruleKind(r, cfg) === "logql-recording")
      .flatMap((r) =>
        replayRecordingRules([r], fixture, g.interval ?? cfg.alerting.evaluationIntervalSeconds, failureWindow(fixture, "loki")),
      ),
  );
}

/** A real Prometheus holding the fixture's series and recorded series, its time 0 at `originSeconds`. */
export async function backfilledPrometheus(
  fixture: Fixture,
  recorded: Series[],
  originSeconds: number,
  dir: string,
): Promise<RunningPrometheus> {
  const om = openMetrics(
    [...fixture.series, ...recorded].map((series) => ({ series, startSeconds: originSeconds, stepSeconds: fixture.sampleIntervalSeconds })),
  );
  return startPrometheus(await createBlocks(om, dir), dir);
}
