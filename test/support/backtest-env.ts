import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { EXAMPLE_STACK_FILE } from "../../src/config/paths";
import { parseConfig, type Config } from "../../src/config/schema";
import { readStackFile } from "../../src/config/stack-file";
import { checkedStack } from "../../src/checks";
import type { Fixture, Series } from "../../src/replay/fixtures";
import type { FixtureReplay } from "../../src/replay/run";
import { recordedSeries } from "../../src/preview/prometheus";
import { keptFixtures } from "./fixtures";
import { scenarioReplay } from "./scenario-replay";
import { startGrafanaProxy, type ProxyOptions, type RunningProxy } from "./grafana-proxy";
import { createBlocks, openMetrics, startPrometheus, type RunningPrometheus } from "./prometheus";

/**
 * The backtest's test world: the replay fixtures laid out on a real timeline (12 h apart, so no
 * query window reaches into another fixture), backfilled into a real Prometheus, behind a fake
 * Grafana datasource proxy whose Loki answers are recorded from the same fixtures.
 */

export const TOKEN = "glsa_S3CRET-test-service-account-token";
/** 2026-09-21T13:20:00Z: a whole hour, so every evaluation interval lines up with fixture time 0. */
export const EPOCH = 1_790_000_000 - (1_790_000_000 % 3600);
export const SPACING = 12 * 3600;

export interface Placed {
  fixture: Fixture;
  startSeconds: number;
  /** Whether the Loki recording rules' series are in Prometheus (deployed rules) or not (new rules). */
  recordedInPrometheus: boolean;
}

export interface BacktestWorld {
  cfg: Config;
  placed: Placed[];
  replays: Map<string, FixtureReplay>;
  prometheus: RunningPrometheus;
  proxy: RunningProxy;
  /** A stack file pointing grafana:url at the proxy. */
  stackFile: string;
  dir: string;
  stop(): Promise<void>;
}

export function stackFileFor(url: string, dir: string, name = "Pulumi.backtest.yaml", edit: (text: string) => string = (t) => t): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    edit(readFileSync(EXAMPLE_STACK_FILE, "utf8").replace("grafana:url: https://jwtpizza.grafana.net", `grafana:url: ${url}`)),
  );
  return file;
}

/** The series the deployed Loki recording rules wrote over a fixture (none while its Loki queries failed), as the replay computes them. */
const stacks = new WeakMap<Config, ReturnType<typeof checkedStack>>();

export function recordedOf(cfg: Config, fixture: Fixture): Series[] {
  const stack = stacks.get(cfg) ?? checkedStack(cfg);
  stacks.set(cfg, stack);
  return recordedSeries(stack, cfg, fixture);
}

export interface WorldOptions extends Partial<Pick<ProxyOptions, "failFirst">> {
  /** Backfill only these fixtures of the library (by name; every one when absent), and the factory incident again as if its recording rules were new. */
  only?: string[];
}

export async function startWorld({ only, ...options }: WorldOptions = {}): Promise<BacktestWorld> {
  // The scenario library's replay, shared with the replay tests (computed once per test run), is
  // awaited last: Prometheus starts while it runs.
  const replayed = scenarioReplay();
  replayed.catch(() => {});
  const dir = mkdtempSync(join(tmpdir(), "pizza-backtest-test-"));
  const cfg = parseConfig(readStackFile(EXAMPLE_STACK_FILE));
  const library = keptFixtures(cfg);
  const fixtures = only ? library.filter((f) => only.includes(f.name)) : library;
  if (only) expect(fixtures.map((f) => f.name).sort(), "fixtures the world backfills").toEqual([...only].sort());
  const placed: Placed[] = [
    ...fixtures.map((fixture, i) => ({ fixture, startSeconds: EPOCH + i * SPACING, recordedInPrometheus: true })),
    // The factory incident again, as if the recording rules were new: their series are not in Prometheus.
    { fixture: library[0], startSeconds: EPOCH + fixtures.length * SPACING, recordedInPrometheus: false },
  ];
  const om = openMetrics(
    placed.flatMap((p) =>
      [...p.fixture.series, ...(p.recordedInPrometheus ? recordedOf(cfg, p.fixture) : [])].map((series) => ({
        series,
        startSeconds: p.startSeconds,
        stepSeconds: p.fixture.sampleIntervalSeconds,
      })),
    ),
  );
  const prometheus = await startPrometheus(await createBlocks(om, dir), dir);
  let proxy: RunningProxy;
  try {
    proxy = await startGrafanaProxy({
      token: TOKEN,
      prometheus: { uid: cfg.datasources.prometheus, url: prometheus.url },
      loki: {
        uid: cfg.datasources.loki,
        fixtures: placed.filter((p, i) => placed.findIndex((q) => q.startSeconds === p.startSeconds) === i),
      },
      ...options,
    });
  } catch (e) {
    await prometheus.stop();
    throw e;
  }
  let replays: Map<string, FixtureReplay>;
  try {
    replays = new Map((await replayed).results.map((r) => [r.fixture.name, r]));
  } catch (e) {
    await proxy.stop();
    await prometheus.stop();
    throw e;
  }
  return {
    cfg,
    placed,
    replays,
    prometheus,
    proxy,
    stackFile: stackFileFor(proxy.url, dir),
    dir,
    async stop() {
      await proxy.stop();
      await prometheus.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
