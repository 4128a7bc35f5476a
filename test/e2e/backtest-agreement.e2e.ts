import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inParallel } from "../../src/emit/promtool";
import { scenarioOf } from "../../src/replay/fixtures";
import { startWorld, type BacktestWorld } from "../support/backtest-env";
import { agreesWithReplay, backtester, expectedFastBurnEvaluator, fastBurnReads } from "../support/backtest-agreement";

/**
 * The backtest of every fixture of the scenario library (every phase and seed) on a real Prometheus,
 * backfilled from the fixtures, agrees with their replay: first firings and pages; all but the
 * fixtures whose datasources refused queries, which history does not keep. About a minute of
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
    // A datasource that refused queries during an incident is not in its history: the backtest asks
    // today's datasources, which answer (docs/backtest.md). Those fixtures' replay and backtest differ by design.
    const refused = world.placed.filter((x) => x.recordedInPrometheus && (x.fixture.queryErrors?.length ?? 0) > 0);
    expect(new Set(refused.map((x) => scenarioOf(x.fixture.name)))).toEqual(
      new Set(["loki-query-errors", "factory-5xx-during-loki-errors", "prometheus-query-errors", "loki-flapping-errors"]),
    );
    const placed = world.placed.filter((x) => x.recordedInPrometheus && !refused.includes(x));
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
