import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { type Fixture } from "../../src/replay/fixtures";
import { parseConfig } from "../../src/config/schema";
import { formatOffset } from "../../src/config/durations";
import { ruleKind } from "../../src/emit/files/prometheus-rules";
import { crossCheckExported, verdict, type FixtureVerdict } from "../../src/replay/expectations";
import { logqlEvaluations } from "../../src/replay/grafana-eval";
import { promtool } from "../../src/emit/promtool";
import { replayStack, type FixtureReplay } from "../../src/replay/run";
import { formatReplay } from "../../src/replay/report";
import { REPO_ROOT } from "../../src/config/paths";
import { keptFixtures } from "../support/fixtures";
import { type StackDefinition } from "../../src/build/stack";
import { checkedStack } from "../../src/checks";
import { ON_CALL_RECEIVER, OBSERVABILITY_TICKETS_RECEIVER } from "../../contact-points/receivers";
import { libraryFixtures, scenarioReplay } from "../support/scenario-replay";
import { phaseGuarantees } from "../support/library-checks";
import { DEFAULT_PHASES } from "../../src/replay/fixtures";
import { exampleConfig, OWNED_TREE } from "../support/stack";

const cfg = parseConfig(exampleConfig());
const stack = checkedStack(cfg);
const fixtures = libraryFixtures(cfg);
const rules = stack.ruleGroups.flatMap((g) => g.rules ?? []);
const byName = (results: FixtureReplay[], name: string) => results.find((r) => r.fixture.name === name)!;
const alertIn = (r: FixtureReplay, uid: string) => r.alerts.find((a) => a.uid === uid)!;
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

describe("incident replay of the scenario library", () => {
  // Each scenario of the library once, at its first phase and seed (every phase and seed: test/e2e/scenario-library.e2e.ts), replayed once for every test file that needs it.
  const library = phaseGuarantees(async () => {
    const { results } = await scenarioReplay();
    expect(results.map((r) => r.fixture)).toEqual(fixtures);
    return results;
  }, [DEFAULT_PHASES[0]]);
  let results: FixtureReplay[];
  let verdicts: FixtureVerdict[];
  const v = (name: string) => verdicts[results.findIndex((r) => r.fixture.name === name)];
  beforeAll(() => {
    ({ results, verdicts } = library());
  });

  it("shows in docs/replay.md's excerpt the seed incident's report as this replay prints it", () => {
    const i = results.findIndex((r) => r.fixture.name === "factory-5xx");
    const excerpt = formatReplay([results[i]], [verdicts[i]], "text").trimEnd();
    expect(readFileSync(join(REPO_ROOT, "docs", "replay.md"), "utf8")).toContain(`\`\`\`\n${excerpt}\n\`\`\``);
  });

  it("pages factory 5xx to on-call", () => {
    const first = byName(results, "factory-5xx");
    expect(alertIn(first, "pizza-order-failures").notified[0].receiver).toBe(ON_CALL_RECEIVER);
  });

  it("pages within 5 minutes at low traffic and within 3 minutes of a crash", () => {
    expect(v("factory-5xx-low-traffic").pageSeconds).toBeLessThanOrEqual(300);
    expect(v("process-crash").pageSeconds).toBeLessThanOrEqual(180);
    expect(alertIn(byName(results, "process-crash"), "pizza-api-availability").notified[0].receiver).toBe(ON_CALL_RECEIVER);
  });

  it("a log-shipping outage raises a ticket, never a page, and order failures inside it still page from the metrics", () => {
    const outage = v("log-shipping-outage");
    expect(outage.pages).toBe(0);
    const ticket = outage.alerts.find((a) => a.alert === "pizza-logs-absent")!;
    expect(ticket.receiver).toBe(OBSERVABILITY_TICKETS_RECEIVER);
    expect(ticket.timeToNotifySeconds).toBeLessThanOrEqual(300);
    const inside = v("factory-5xx-during-log-outage");
    expect(inside.alerts.find((a) => a.alert === "pizza-order-failures")?.receiver).toBe(ON_CALL_RECEIVER);
    expect(inside.pageSeconds).toBeLessThanOrEqual(90);
  });

  it("the metrics outage (seed 000) raises a telemetry ticket within 3 minutes and no page", () => {
    const outage = v("telemetry-outage");
    expect(outage.pages).toBe(0);
    expect(outage.detectSeconds).toBeLessThanOrEqual(180);
    expect(outage.alerts.every((a) => a.receiver === OBSERVABILITY_TICKETS_RECEIVER)).toBe(true);
  });

  it("failing Loki queries raise DatasourceError where the rule notifies (rule-settings routing), never to on-call", () => {
    const errors = v("loki-query-errors");
    const dsErrors = errors.alerts.filter((a) => a.alert.includes("DatasourceError"));
    expect(dsErrors.length).toBeGreaterThan(0);
    // Grafana's simplified routing sends a rule's DatasourceError to the rule's own contact point.
    for (const a of dsErrors) expect(a.receiver).toBe(rules.find((r) => a.alert.startsWith(`${r.uid} `))?.notification_settings?.receiver);
    for (const a of dsErrors) expect(a.receiver).not.toBe(ON_CALL_RECEIVER);
  });

  it("with an owned policy tree, failing Loki queries raise DatasourceError to the ticket channel", async () => {
    const owned = parseConfig(exampleConfig(OWNED_TREE));
    const lokiErrors = keptFixtures(owned).filter((f) => f.name === "loki-query-errors");
    expect(lokiErrors).toHaveLength(1);
    const [r] = await replayStack({ stack: checkedStack(owned), cfg: owned, dir: tmp("replay-owned-") }, lokiErrors);
    const dsErrors = verdict(r, ON_CALL_RECEIVER).alerts.filter((a) => a.alert.includes("DatasourceError"));
    expect(dsErrors.length).toBeGreaterThan(0);
    for (const a of dsErrors) expect(a.receiver).toBe(OBSERVABILITY_TICKETS_RECEIVER);
  });

  it("reports resolved notifications beside firing ones: the factory page resolves after the incident", () => {
    const page = v("factory-5xx").alerts.find((a) => a.alert === "pizza-order-failures")!;
    expect(page.resolvedSeconds).toBeGreaterThan(page.timeToNotifySeconds!);
    expect(page.resolvedSeconds! - page.timeToNotifySeconds!).toBeLessThanOrEqual(180 + 120 + 300 + 60);
  });

  it("factory or service: factory 5xx names the factory with its support link; its slowness, a crash and the service's own database failure leave pizza-factory-failing silent", () => {
    for (const name of ["factory-5xx", "factory-5xx-busy"]) {
      const factory = alertIn(byName(results, name), "pizza-factory-failing");
      expect(factory.severity, name).toBe("warning");
      expect(factory.labels?.support_url, name).toMatch(
        /^https:\/\/pizza-factory\.cs329\.click\/api\/support\/fixture-key\/report\/[0-9a-f]+$/,
      );
      expect(
        v(name).alerts.map((a) => a.alert),
        name,
      ).toEqual(expect.arrayContaining(["pizza-order-failures", "pizza-factory-failing"]));
    }
    for (const name of ["factory-slowness", "process-crash", "order-database-failure", "busy-day-rare-500s", "transient-500"]) {
      expect(alertIn(byName(results, name), "pizza-factory-failing").episodes, name).toEqual([]);
    }
    // The database failure pages from the recorded 500s, the service's failure counter never moving.
    expect(v("order-database-failure").alerts.find((a) => a.alert === "pizza-order-failures")?.timeToNotifySeconds).toBeLessThanOrEqual(
      120,
    );
  });

  it("an expectation naming an alert the stack lacks, or one that notified where it must stay silent, fails the fixture", () => {
    const r = byName(results, "factory-5xx");
    const check = (expect: FixtureReplay["fixture"]["expect"]) =>
      verdict({ ...r, fixture: { ...r.fixture, expect } }, ON_CALL_RECEIVER).failures;
    expect(check({ notifies: ["pizza-no-such-alert"] })).toEqual(["pizza-no-such-alert: no such alert in the stack"]);
    expect(check({ silent: ["pizza-factory-failing"] })).toEqual(["silent: pizza-factory-failing notified"]);
    expect(check({ notifies: ["pizza-factory-latency"] })).toEqual([
      "notifies: pizza-factory-latency never notified after the incident started",
    ]);
    expect(check({ notifies: ["pizza-factory-failing"], silent: ["pizza-factory-latency"] })).toEqual([]);
  });

  it("evaluates every alert: PromQL ones with promtool, LogQL ones with the LogQL replay", () => {
    const alerts = rules.filter((r) => !r.record);
    for (const r of results) expect(r.alerts.map((a) => a.uid).sort()).toEqual(alerts.map((a) => a.uid ?? "").sort());
    for (const a of results[0].alerts)
      expect(a.evaluatedBy).toBe(
        ruleKind(
          rules.find((r) => r.uid === a.uid)!,
          cfg,
        ) === "promql-alert"
          ? "promtool"
          : "logql-replay",
      );
    expect(results[0].alerts.filter((a) => a.evaluatedBy === "promtool").length).toBeGreaterThanOrEqual(9);
  });

  it("every PromQL alert fires in some scenario but memory saturation (no scenario has it) and the fast burn (it stands down for the order-failure page in every fixture); test/e2e/exported-rules.e2e.ts has promtool cross-check each of them over every fixture", () => {
    const promql = results[0].alerts.filter((a) => a.evaluatedBy === "promtool").map((a) => a.uid);
    const fired = new Set(results.flatMap((r) => r.alerts.filter((a) => a.firingSeconds.length > 0).map((a) => a.uid)));
    expect(promql.filter((uid) => !fired.has(uid))).toEqual(["pizza-memory-saturation", "pizza-order-slo-fast-burn"]);
  });

  it("keeps the watchdog firing from the first evaluation after warm-up", () => {
    for (const r of results) expect(r.alerts.find((a) => a.category === "watchdog")?.firingSeconds.length).toBeGreaterThan(0);
  });
});

describe("one incident, one page in both routing modes (docs/routing.md Grouping)", () => {
  const factory = fixtures.filter((f) => f.name === "factory-5xx" || f.name === "factory-5xx-low-traffic");
  const withoutStandDown = (s: StackDefinition) =>
    withExpr(s, "pizza-order-slo-fast-burn", (e) => e.replace(/ unless on\(\) \(max_over_time\(.*\)\)$/, ""));
  const incidents = async (s: StackDefinition, c: typeof cfg, prefix: string) =>
    (await replayStack({ stack: s, cfg: c, dir: tmp(prefix) }, factory)).map((r) => verdict(r, ON_CALL_RECEIVER));

  it("policy-tree mode: the page route groups by grafana_folder and severity, so both paging rules share one incident even without the fast burn standing down", async () => {
    const owned = parseConfig(exampleConfig(OWNED_TREE));
    const ownedStack = checkedStack(owned);
    for (const x of await incidents(ownedStack, owned, "replay-owned-pages-"))
      expect([x.name, x.pageIncidents, x.failures]).toEqual([x.name, 1, []]);
    const replays = await replayStack({ stack: withoutStandDown(ownedStack), cfg: owned, dir: tmp("replay-owned-grouped-") }, factory);
    for (const r of replays) {
      // Both paging rules joined the one page group; the fast burn, joining late, waits for the group's next tick.
      const pageGroups = r.groups.filter((g) => g.receiver === ON_CALL_RECEIVER);
      expect(
        pageGroups.map((g) => [...new Set(g.members.map((m) => m.uid))].sort()),
        r.fixture.name,
      ).toEqual([["pizza-order-failures", "pizza-order-slo-fast-burn"]]);
      expect(pageGroups[0].groupLabels).toEqual({ grafana_folder: owned.folder.title, severity: "page" });
      expect(verdict(r, ON_CALL_RECEIVER).pageIncidents, r.fixture.name).toBe(1);
    }
  });

  it("rule-settings mode: Grafana forces alertname into each rule's group_by, so without the fast burn standing down the same incident pages twice", async () => {
    const twice = await incidents(withoutStandDown(stack), cfg, "replay-settings-twice-");
    expect(twice.map((x) => x.pageIncidents)).toEqual([2, 2]);
    expect(twice[0].failures.join("\n")).toMatch(/maxPages 1: on-call incidents opened 2 times/);
  });
});

describe("the replay really filters (a query that cannot match the real lines fails it)", () => {
  const factory = fixtures.filter((f) => f.name === "factory-5xx");
  const unmatchable = (expr: string) => expr.replace('"\\"statusCode\\":5"', '"status_code"');

  it("a recording rule filtering on status_code leaves the burn-rate alerts silent", async () => {
    // The slow burn: the fast burn stands down in this incident for the order-failure page anyway.
    // The unbroken stack's replay of the fixture: the scenario library's (same stack, same fixture).
    const ok = byName((await scenarioReplay()).results, "factory-5xx");
    expect(ok.fixture).toEqual(factory[0]);
    expect(alertIn(ok, "pizza-order-slo-slow-burn").firingSeconds.length).toBeGreaterThan(0);
    const broken = withExpr(stack, "pizza-record-order-failures", unmatchable);
    const [r] = await replayStack({ stack: broken, cfg, dir: tmp("replay-broken-") }, factory);
    expect(alertIn(r, "pizza-order-slo-slow-burn").firingSeconds).toEqual([]);
  });

  it("the cross-check names the alert and time where promtool disagrees with the replay (a first firing one minute late)", async () => {
    const r = byName((await scenarioReplay()).results, "factory-5xx");
    const first = alertIn(r, "pizza-order-failures").firingSeconds[0];
    const late: FixtureReplay = {
      ...r,
      alerts: r.alerts.map((a) => (a.uid === "pizza-order-failures" ? { ...a, firingSeconds: a.firingSeconds.map((t) => t + 60) } : a)),
    };
    const problems = (await crossCheckExported([late], tmp("replay-late-"))).flatMap((c) => c.problems);
    expect(problems).toEqual([`promtool: pizza-order-failures fires at ${formatOffset(first + 50)}, where the replay has it silent`]);
  });

  it("the 5xx alert filtering on status_code never holds", () => {
    const holds = (s: StackDefinition) =>
      logqlEvaluations(
        s.ruleGroups.flatMap((g) => g.rules ?? []).find((r) => r.uid === "pizza-order-5xx")!,
        factory[0],
        60,
      ).some((e) => "series" in e && e.series.some((x) => x.condition));
    expect(holds(stack)).toBe(true);
    expect(holds(withExpr(stack, "pizza-order-5xx", unmatchable))).toBe(false);
  });

  it("the cross-check's kept files pass `promtool test rules` as written, and promtool rejects one pinning a wrong firing", async () => {
    const dir = tmp("replay-tamper-");
    // The scenario library's replay of the fixture (its rule files stay in that replay's folder); the cross-check's files written here.
    const results = [byName((await scenarioReplay()).results, "factory-5xx")];
    expect(results[0].fixture).toEqual(factory[0]);
    const checks = await crossCheckExported(results, dir);
    expect(checks.map((c) => c.problems)).toEqual(checks.map(() => []));
    const file = checks.map((c) => c.file).find((f) => f.endsWith("factory-5xx-10s.test.yml"))!;
    expect(promtool(["test", "rules", file]).status).toBe(0);
    const doc = parse(readFileSync(file, "utf8")) as {
      tests: Array<{ alert_rule_test: Array<{ alertname: string; exp_alerts: unknown[] }> }>;
    };
    const firing = doc.tests[0].alert_rule_test.filter((c) => c.alertname === "pizza-order-failures" && c.exp_alerts.length > 0);
    expect(firing).toHaveLength(1);
    firing[0].exp_alerts = [];
    writeFileSync(file, stringify(doc));
    const r = promtool(["test", "rules", file]);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain("alertname: pizza-order-failures");
  });
});

describe("incident replay without Synthetic Monitoring (log-traffic fallback)", () => {
  const noSm = parseConfig(exampleConfig({ "pizza-observability:syntheticMonitoring": { enabled: false } }));
  const noSmStack = checkedStack(noSm);
  const noSmFixtures = keptFixtures(noSm, [0]).filter((f) =>
    ["factory-5xx", "process-crash", "log-shipping-outage", "normal-hour"].includes(f.name),
  );

  it("has no probe series; pages a crash (no logs and no metrics) but not a log-shipping outage", async () => {
    expect(noSmFixtures.flatMap((f) => f.series).filter((s) => s.metric === "probe_success")).toEqual([]);
    const results = await replayStack({ stack: noSmStack, cfg: noSm, dir: tmp("replay-nosm-") }, noSmFixtures);
    expect(results[0].alerts.map((a) => a.uid)).toContain("pizza-api-traffic-absent");
    const verdicts = results.map((r) => verdict(r, ON_CALL_RECEIVER));
    const crash = verdicts.find((x) => x.name === "process-crash")!;
    expect(crash.alerts.find((a) => a.alert === "pizza-api-traffic-absent")?.receiver).toBe(ON_CALL_RECEIVER);
    expect(verdicts.find((x) => x.name === "log-shipping-outage")!.pages).toBe(0);
    expect(verdicts.find((x) => x.name === "normal-hour")!.failures).toEqual([]);
    expect(verdicts.find((x) => x.name === "factory-5xx")!.pageSeconds).toBeLessThanOrEqual(90);
  });
});

describe("a fixture whose alert must not fire", () => {
  it("a hand-made incident file with failing probes pages through the availability alert", async () => {
    const normal = fixtures.find((f) => f.name === "normal-hour")!;
    const down: Fixture = {
      ...normal,
      name: "probes-failing",
      series: normal.series.map((s) =>
        s.metric === "probe_success" ? { ...s, values: s.values.map((v, i) => (v !== undefined && i >= 180 && i < 300 ? 0 : v)) } : s,
      ),
    };
    const [r] = await replayStack({ stack, cfg, dir: tmp("replay-down-") }, [down]);
    const availability = alertIn(r, "pizza-api-availability");
    expect(availability.firingSeconds.length).toBeGreaterThan(0);
    expect(availability.receivers).toEqual([ON_CALL_RECEIVER]);
    expect(verdict(r, ON_CALL_RECEIVER).failures.join("\n")).toMatch(/quiet: pizza-api-availability/);
  });
});
