import { expect } from "vitest";
import { runBacktest, type BacktestResult } from "../../src/backtest";
import { committedCatalogueAtRef } from "../../src/backtest/catalogue";
import { firingNotifications } from "../../src/replay/alert-state";
import { warmUpSeconds } from "../../src/replay/run";
import type { Config } from "../../src/config/schema";
import type { Fixture } from "../../src/replay/fixtures";
import { recordedOf, TOKEN, type BacktestWorld, type Placed } from "./backtest-env";

/**
 * The backtest of placed fixtures in the test world (backtest-env.ts) and its agreement with the
 * replay: shared by test/backtest/backtest.test.ts (a few fixtures) and
 * test/e2e/backtest-agreement.e2e.ts (every fixture of the library).
 */

/**
 * The window the replay evaluates a fixture over: from the end of its warm-up to its end. The
 * fixture's data before it stays in Prometheus and Loki as history, as a real window has.
 */
export function evaluatedWindow(p: Placed): { from: number; to: number } {
  return { from: p.startSeconds + warmUpSeconds(p.fixture), to: p.startSeconds + p.fixture.durationSeconds };
}

export interface BacktestOptions {
  ref?: string;
  stackFile?: string;
  format?: "text" | "markdown";
}

/** The backtest of a placed fixture in `world`; the same request twice (several tests read one fixture's) is run once. */
export function backtester(world: () => BacktestWorld): (p: Placed, extra?: BacktestOptions) => Promise<BacktestResult> {
  const runs = new Map<string, Promise<BacktestResult>>();
  return (p, extra = {}) => {
    const key = JSON.stringify([p.startSeconds, extra]);
    if (!runs.has(key))
      runs.set(
        key,
        runBacktest({
          window: evaluatedWindow(p),
          stackFile: extra.stackFile ?? world().stackFile,
          ref: extra.ref,
          format: extra.format ?? "text",
          env: { GRAFANA_AUTH: TOKEN },
        }),
      );
    return runs.get(key)!;
  };
}

/** The backtest found each alert's first firing, and each page's firing notifications, where the replay did. */
export function agreesWithReplay(world: BacktestWorld, p: Placed, result: BacktestResult): void {
  const replay = world.replays.get(p.fixture.name)!;
  const firstByReplay = Object.fromEntries(
    replay.alerts.map((a) => [a.uid, a.firingSeconds[0] === undefined ? undefined : p.startSeconds + a.firingSeconds[0]]),
  );
  const firstByBacktest = Object.fromEntries(result.after.alerts.filter((a) => a.uid in firstByReplay).map((a) => [a.uid, a.firstFiring]));
  expect(firstByBacktest, p.fixture.name).toEqual(firstByReplay);
  // Pages: firing notifications of severity=page alerts (resolved notices not counted) (none falls in a mute timing: chaos tests mute tickets only).
  const pagesByReplay = Object.fromEntries(
    replay.alerts
      .filter((a) => a.severity === "page")
      .map((a) => [a.uid, firingNotifications(a.notified.find((n) => n.alertname === a.title)?.notifications ?? []).length]),
  );
  const pagesByBacktest = Object.fromEntries(result.after.alerts.filter((a) => a.severity === "page").map((a) => [a.uid, a.pages]));
  expect(pagesByBacktest, p.fixture.name).toEqual(pagesByReplay);
}

/** Every recorded series the fast burn reads (its own, and the order-failure page's it stands down for). */
export function fastBurnReads(cfg: Config): string[] {
  const fastBurnExpr = JSON.stringify(
    committedCatalogueAtRef("HEAD").rules.find((r) => r.rule.uid === "pizza-order-slo-fast-burn")!.rule.data[0].model,
  );
  return Object.values(cfg.telemetry.recorded).filter((m) => fastBurnExpr.includes(m));
}

/**
 * How the backtest must evaluate the fast burn over a fixture: read from Prometheus when it
 * holds every recorded series the rule reads; a metric with no series at all (failures never logged)
 * is indistinguishable from a new rule's, and is computed from Loki instead (the same empty answer).
 */
export function expectedFastBurnEvaluator(cfg: Config, fixture: Fixture, reads: string[]): string {
  const held = new Set(
    recordedOf(cfg, fixture)
      .filter((s) => s.values.some((v) => v !== undefined))
      .map((s) => s.metric),
  );
  return reads.every((m) => held.has(m)) ? "Prometheus" : "promtool (recorded series from Loki)";
}
