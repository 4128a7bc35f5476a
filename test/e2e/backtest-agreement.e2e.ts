import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inParallel } from "../../src/emit/promtool";
import { startWorld, type BacktestWorld } from "../support/backtest-env";
import { agreesWithReplay, backtester, expectedFastBurnEvaluator, fastBurnReads } from "../support/backtest-agreement";

/**
 * The backtest of every fixture of the scenario library (every phase and seed) on a real Prometheus,
 * backfilled from the fixtures, agrees with their replay: first firings and pages. About a minute of
 * promtool and Prometheus on 2 cores, so here rather than in `npm test` (which backtests two fixtures:
 * test/backtest/backtest.test.ts).
 */

let world: BacktestWorld;
beforeAll(async () => {
  world = await startWorld();
}, 600_000);
afterAll(async () => {
  await world?.stop();
});

describe("backtest of the replay fixtures on a real Prometheus", () => {
  it("agrees with the replay on every fixture (recording rules deployed: recorded series read from Prometheus)", async () => {
    const backtest = backtester(() => world);
    const reads = fastBurnReads(world.cfg);
    expect(reads).toEqual(
      expect.arrayContaining(["pizza:order_failures:count1m", "pizza:order_requests:count1m", "pizza:order_server_errors:count1m"]),
    );
    const placed = world.placed.filter((x) => x.recordedInPrometheus);
    expect(placed.length).toBeGreaterThanOrEqual(40);
    // Several at once: each mostly waits for Prometheus and the proxy.
    const results = await inParallel(placed, 4, (p) => backtest(p));
    const evaluatedBy: string[] = [];
    for (const [i, p] of placed.entries()) {
      agreesWithReplay(world, p, results[i]);
      const fastBurn = results[i].after.alerts.find((a) => a.uid === "pizza-order-slo-fast-burn")!;
      expect(fastBurn.evaluatedBy, p.fixture.name).toBe(expectedFastBurnEvaluator(world.cfg, p.fixture, reads));
      evaluatedBy.push(fastBurn.evaluatedBy);
    }
    expect(evaluatedBy).toContain("Prometheus");
    expect(evaluatedBy).toContain("promtool (recorded series from Loki)");
  });
});
