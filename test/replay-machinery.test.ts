import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { FACTORY_5XX, TELEMETRY_OUTAGE } from "../replay/fixtures";
import { parseConfig } from "../src/config";
import { writeExpectationTests } from "../src/replay/expectations";
import { replayLogqlAlert } from "../src/replay/grafana-eval";
import { promtool } from "../src/replay/promtool";
import { replayStack, stackFixtures, type FixtureReplay } from "../src/replay/replay";
import { buildStack } from "../src/stack";
import { sampleStack } from "./replay-sample-stack";
import { exampleConfig } from "./support";

const cfg = parseConfig(exampleConfig());
const base = buildStack(cfg);
const fixtures = stackFixtures(cfg);
const outcome = (results: FixtureReplay[], fixture: string, uid: string) =>
  results.find((r) => r.fixture.name === fixture)!.alerts.find((a) => a.uid === uid)!;

describe("replay machinery (on a sample catalogue)", () => {
  let results: FixtureReplay[];
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "replay-machinery-"));
    results = replayStack({ stack: sampleStack(base, cfg), cfg, dir }, fixtures);
  });

  it("feeds Loki recording rules' output, computed from the log lines, to promtool", () => {
    const factory = results.find((r) => r.fixture.name === "factory-5xx")!;
    const failures = factory.promtoolInput.series.find((s) => s.metric === "pizza:order_failures:count1m")!;
    expect(failures.labels).toEqual({ source: "jwt-pizza-service" });
    const recorded = failures.values.filter((v): v is number => v !== undefined);
    expect(recorded.reduce((a, b) => a + b, 0)).toBe(factory.fixture.logs.filter((l) => l.line.includes('"statusCode":500')).length);
    const fast = outcome(results, "factory-5xx", "sample-fast-burn");
    expect(fast.evaluatedBy).toBe("promtool");
    expect(fast.firingSeconds[0]).toBeGreaterThan(FACTORY_5XX.startSeconds);
    expect(fast.firingSeconds[0]).toBeLessThanOrEqual(FACTORY_5XX.startSeconds + FACTORY_5XX.durationSeconds);
    expect(fast.receivers).toEqual(["pizza-on-call"]);
    expect(fast.labels).toMatchObject({ alertname: "sample-fast-burn", grafana_folder: "JWT Pizza Service", severity: "page" });
  });

  it("sees the telemetry outage through the send-failure lines, and the probes keep the API green", () => {
    const ingestion = outcome(results, "telemetry-outage", "sample-ingestion-failure");
    expect(ingestion.firingSeconds[0]).toBeGreaterThan(TELEMETRY_OUTAGE.startSeconds);
    expect(ingestion.receivers).toEqual(["pizza-team-email"]);
    expect(outcome(results, "telemetry-outage", "sample-availability").firingSeconds).toEqual([]);
    expect(results.flatMap((r) => r.falsePages)).toEqual([]);
  });

  it("writes promtool tests that pass, and that fail when an expectation is wrong", () => {
    const files = writeExpectationTests(results, cfg.alerting.evaluationIntervalSeconds, dir);
    expect(files).toHaveLength(4);
    for (const file of files) {
      const r = promtool(["test", "rules", file]);
      expect(r.status, r.output).toBe(0);
    }
    const factory = files.find((f) => f.endsWith("factory-5xx.test.yml"))!;
    const text = readFileSync(factory, "utf8");
    expect(text).toContain("alertname: sample-fast-burn");
    // Claim the fast burn stays silent when it fired: promtool must reject it.
    const doc = parse(text) as { tests: Array<{ alert_rule_test: Array<{ alertname: string; exp_alerts: unknown[] }> }> };
    const firing = doc.tests[0].alert_rule_test.filter((c) => c.alertname === "sample-fast-burn" && c.exp_alerts.length > 0);
    expect(firing).toHaveLength(1);
    firing[0].exp_alerts = [];
    const tampered = join(dir, "tampered.test.yml");
    writeFileSync(tampered, stringify(doc));
    const r = promtool(["test", "rules", tampered]);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain("alertname: sample-fast-burn");
  });

  it("a filter that cannot match the real line format makes detection fail", () => {
    const broken = replayStack({ stack: sampleStack(base, cfg, '|= "status_code"'), cfg, dir: join(dir, "broken") }, fixtures.slice(0, 1));
    expect(outcome(broken, "factory-5xx", "sample-fast-burn").firingSeconds).toEqual([]);
    const order5xx = base.ruleGroups.flatMap((g) => g.rules ?? []).find((r) => r.uid === "pizza-order-5xx")!;
    expect(replayLogqlAlert(order5xx, fixtures[0], 60).length).toBeGreaterThan(0);
    const unmatchable = JSON.parse(JSON.stringify(order5xx)) as typeof order5xx;
    const model = unmatchable.data[0].model as unknown as { expr: string };
    model.expr = model.expr.replace('"\\"statusCode\\":5"', '"status_code"');
    expect(model.expr).toContain('|= "status_code"');
    expect(replayLogqlAlert(unmatchable, fixtures[0], 60)).toEqual([]);
  });
});
