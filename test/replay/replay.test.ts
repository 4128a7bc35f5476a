import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { fixtures as buildFixtures, FACTORY_5XX, type Fixture } from "../../src/replay/fixtures";
import { parseConfig } from "../../src/config/schema";
import { ruleKind } from "../../src/emit/files/prometheus-rules";
import { DETECTION_DEADLINE_SECONDS, writeExpectationTests } from "../../src/replay/expectations";
import { replayLogqlAlert } from "../../src/replay/grafana-eval";
import { promtool } from "../../src/replay/promtool";
import { probeLabels, replayStack, stackFixtures, type FixtureReplay } from "../../src/replay/run";
import { type StackDefinition } from "../../src/build/stack";
import { checkedStack } from "../../src/checks";
import { exampleConfig } from "../support/stack";

const cfg = parseConfig(exampleConfig());
const stack = checkedStack(cfg);
const fixtures = stackFixtures(cfg);
const rules = stack.ruleGroups.flatMap((g) => g.rules ?? []);
const rule = (uid: string) => rules.find((r) => r.uid === uid)!;
const fixtureResult = (results: FixtureReplay[], name: string) => results.find((r) => r.fixture.name === name)!;
const alertIn = (results: FixtureReplay[], fixture: string, uid: string) => fixtureResult(results, fixture).alerts.find((a) => a.uid === uid)!;
const tempDirs: string[] = [];
const tmp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the stack whose rule `uid` has its query A's expression rewritten. */
function withExpr(s: StackDefinition, uid: string, rewrite: (expr: string) => string): StackDefinition {
  const copy = JSON.parse(JSON.stringify(s)) as StackDefinition;
  const r = copy.ruleGroups.flatMap((g) => g.rules ?? []).find((x) => x.uid === uid)!;
  const model = r.data[0].model as unknown as { expr: string };
  const before = model.expr;
  model.expr = rewrite(before);
  expect(model.expr).not.toBe(before);
  return copy;
}

describe("incident replay of the alert catalogue", () => {
  let results: FixtureReplay[];
  let dir: string;
  beforeAll(() => {
    dir = tmp("replay-");
    results = replayStack({ stack, cfg, dir }, fixtures);
  });

  it("evaluates every alert: PromQL ones with promtool, LogQL ones with the LogQL replay", () => {
    const alerts = rules.filter((r) => !r.record);
    for (const r of results) expect(r.alerts.map((a) => a.uid).sort()).toEqual(alerts.map((a) => a.uid ?? "").sort());
    for (const a of results[0].alerts) expect(a.evaluatedBy).toBe(ruleKind(rule(a.uid), cfg) === "promql-alert" ? "promtool" : "logql-replay");
    expect(results[0].alerts.filter((a) => a.evaluatedBy === "promtool").length).toBeGreaterThanOrEqual(8);
  });

  it("the generated promtool tests (first firings, silences, no page where none is wanted) pass", () => {
    const files = writeExpectationTests(results, dir);
    const promqlIntervals = new Set(stack.ruleGroups.filter((g) => (g.rules ?? []).some((x) => ruleKind(x, cfg) === "promql-alert")).map((g) => g.interval));
    expect(files.length).toBe(fixtures.length * promqlIntervals.size);
    for (const file of files) {
      const r = promtool(["test", "rules", file]);
      expect(r.status, `${file}\n${r.output}`).toBe(0);
    }
  });

  it("detects the factory 5xx within 90 s of incident time, and pages on-call for it", () => {
    const r = fixtureResult(results, "factory-5xx");
    expect(r.detection).toBeDefined();
    expect(r.detection!.ttdSeconds).toBeLessThanOrEqual(DETECTION_DEADLINE_SECONDS["factory-5xx"]);
    const fastBurn = alertIn(results, "factory-5xx", "pizza-order-slo-fast-burn");
    expect(fastBurn.firingSeconds[0]).toBeGreaterThan(FACTORY_5XX.startSeconds);
    expect(fastBurn.firingSeconds[0]).toBeLessThanOrEqual(FACTORY_5XX.startSeconds + FACTORY_5XX.durationSeconds);
    expect(fastBurn.receivers).toEqual(["pizza-on-call"]);
    expect(alertIn(results, "factory-5xx", "pizza-order-5xx").firingSeconds.length).toBeGreaterThan(0);
  });

  it("detects the factory 5xx within 90 s whatever second of the minute it starts at", () => {
    for (const phase of [1, 10, 15, 20, 30, 40, 50, 59]) {
      const [factory] = buildFixtures(cfg.telemetry, { probes: probeLabels(cfg), probeEverySeconds: cfg.syntheticMonitoring.frequencySeconds, factoryStartSeconds: 30 * 60 + phase });
      const [r] = replayStack({ stack, cfg, dir: tmp("replay-phase-") }, [factory]);
      expect(r.detection?.ttdSeconds, `incident starting ${phase}s past the minute`).toBeLessThanOrEqual(DETECTION_DEADLINE_SECONDS["factory-5xx"]);
      expect(r.falsePages).toEqual([]);
    }
  });

  it("detects the telemetry outage within 3 minutes whatever second of the minute it starts at", () => {
    for (const phase of [1, 20, 40, 59]) {
      const outage = buildFixtures(cfg.telemetry, { probes: probeLabels(cfg), probeEverySeconds: cfg.syntheticMonitoring.frequencySeconds, telemetryStartSeconds: 20 * 60 + phase })[1];
      const [r] = replayStack({ stack, cfg, dir: tmp("replay-phase-") }, [outage]);
      expect(r.detection?.ttdSeconds, `outage starting ${phase}s past the minute`).toBeLessThanOrEqual(DETECTION_DEADLINE_SECONDS["telemetry-outage"]);
      expect(r.falsePages).toEqual([]);
    }
  });

  it("detects the telemetry outage within 3 minutes as a telemetry problem, never paging", () => {
    const r = fixtureResult(results, "telemetry-outage");
    expect(r.detection).toBeDefined();
    expect(r.detection!.ttdSeconds).toBeLessThanOrEqual(DETECTION_DEADLINE_SECONDS["telemetry-outage"]);
    const detector = r.alerts.find((a) => a.uid === r.detection!.uid)!;
    expect(detector.category).toBe("telemetry");
    expect(detector.receivers).not.toContain("pizza-on-call");
    expect(alertIn(results, "telemetry-outage", "pizza-api-availability").firingSeconds).toEqual([]);
  });

  it("raises zero false pages across all fixtures", () => {
    expect(results.map((r) => [r.fixture.name, r.falsePages])).toEqual(results.map((r) => [r.fixture.name, []]));
    for (const name of ["normal-hour", "transient-500"]) {
      const fired = fixtureResult(results, name).alerts.filter((a) => a.firingSeconds.length > 0 && a.category !== "watchdog");
      expect(fired.map((a) => a.uid)).toEqual([]);
    }
  });

  it("keeps the watchdog firing from the first evaluation", () => {
    for (const r of results) expect(r.alerts.find((a) => a.category === "watchdog")?.firingSeconds[0]).toBeLessThanOrEqual(60);
  });
});

describe("the replay really filters (a query that cannot match the real lines fails it)", () => {
  const factory = fixtures.filter((f) => f.name === "factory-5xx");
  const unmatchable = (expr: string) => expr.replace('"\\"statusCode\\":5"', '"status_code"');

  it("a recording rule filtering on status_code leaves the fast burn silent", () => {
    const broken = withExpr(stack, "pizza-record-order-failures", unmatchable);
    const [r] = replayStack({ stack: broken, cfg, dir: tmp("replay-broken-") }, factory);
    expect(r.alerts.find((a) => a.uid === "pizza-order-slo-fast-burn")!.firingSeconds).toEqual([]);
  });

  it("the 5xx alert filtering on status_code never fires", () => {
    expect(replayLogqlAlert(rule("pizza-order-5xx"), factory[0], 60).length).toBeGreaterThan(0);
    const broken = withExpr(stack, "pizza-order-5xx", unmatchable);
    const brokenRule = broken.ruleGroups.flatMap((g) => g.rules ?? []).find((r) => r.uid === "pizza-order-5xx") as alerting.Rule;
    expect(replayLogqlAlert(brokenRule, factory[0], 60)).toEqual([]);
  });

  it("promtool rejects a pinned expectation that is wrong", () => {
    const dir = tmp("replay-tamper-");
    const results = replayStack({ stack, cfg, dir }, factory);
    const file = writeExpectationTests(results, dir).find((f) => f.endsWith("factory-5xx-30s.test.yml"))!;
    const doc = parse(readFileSync(file, "utf8")) as { tests: Array<{ alert_rule_test: Array<{ alertname: string; exp_alerts: unknown[] }> }> };
    const firing = doc.tests[0].alert_rule_test.filter((c) => c.alertname === "pizza-order-slo-fast-burn" && c.exp_alerts.length > 0);
    expect(firing).toHaveLength(1);
    firing[0].exp_alerts = [];
    writeFileSync(file, stringify(doc));
    const r = promtool(["test", "rules", file]);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain("alertname: pizza-order-slo-fast-burn");
  });

  it("the availability alert is not silent by accident: failing probes page on-call", () => {
    const normal = fixtures.find((f) => f.name === "normal-hour")!;
    const down: Fixture = {
      ...normal,
      name: "probes-failing",
      series: normal.series.map((s) => (s.metric === "probe_success" ? { ...s, values: s.values.map((v, i) => (v !== undefined && i >= 180 && i < 300 ? 0 : v)) } : s)),
    };
    const [r] = replayStack({ stack, cfg, dir: tmp("replay-down-") }, [down]);
    const availability = r.alerts.find((a) => a.uid === "pizza-api-availability")!;
    expect(availability.firingSeconds.length).toBeGreaterThan(0);
    expect(availability.receivers).toEqual(["pizza-on-call"]);
  });
});

describe("incident replay without Synthetic Monitoring (log-traffic fallback)", () => {
  const noSm = parseConfig(exampleConfig({ "pizza-observability:syntheticMonitoring": { enabled: false } }));
  const noSmStack = checkedStack(noSm);
  const noSmFixtures = stackFixtures(noSm);

  it("has no probe series, raises no false page and still detects both incidents", () => {
    expect(noSmFixtures.flatMap((f) => f.series).filter((s) => s.metric === "probe_success")).toEqual([]);
    const results = replayStack({ stack: noSmStack, cfg: noSm, dir: tmp("replay-nosm-") }, noSmFixtures);
    expect(results[0].alerts.map((a) => a.uid)).toContain("pizza-api-traffic-absent");
    expect(results.flatMap((r) => r.falsePages)).toEqual([]);
    expect(fixtureResult(results, "factory-5xx").detection!.ttdSeconds).toBeLessThanOrEqual(DETECTION_DEADLINE_SECONDS["factory-5xx"]);
    expect(fixtureResult(results, "telemetry-outage").detection!.ttdSeconds).toBeLessThanOrEqual(DETECTION_DEADLINE_SECONDS["telemetry-outage"]);
  });

  it("pages when the HTTP log lines stop", () => {
    const normal = noSmFixtures.find((f) => f.name === "normal-hour")!;
    const silent: Fixture = { ...normal, name: "no-traffic", logs: normal.logs.filter((l) => l.ts < 20 * 60_000 || l.ts >= 35 * 60_000) };
    const [r] = replayStack({ stack: noSmStack, cfg: noSm, dir: tmp("replay-notraffic-") }, [silent]);
    const absent = r.alerts.find((a) => a.uid === "pizza-api-traffic-absent")!;
    expect(absent.firingSeconds.length).toBeGreaterThan(0);
    expect(absent.firingSeconds[0]).toBeGreaterThan(20 * 60);
    expect(absent.receivers).toEqual(["pizza-on-call"]);
  });
});
