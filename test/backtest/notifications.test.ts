import { describe, expect, it } from "vitest";
import { committedCatalogueAtRef } from "../../src/backtest/catalogue";
import { evaluateCatalogue, lookbackSeconds, type RuleEvaluations } from "../../src/backtest/evaluate";
import { intervalHolds } from "../../src/backtest/mute";
import { formatBacktest } from "../../src/backtest/report";
import { backtestFromEvaluations } from "../../src/backtest/run";

const at = (iso: string) => Date.parse(iso) / 1000;

describe("mute timings (Alertmanager's ContainsTime)", () => {
  const chaos = { times: [{ start_time: "14:00", end_time: "16:00" }], weekdays: ["tuesday"], location: "Europe/Berlin" };
  it.each([
    ["2026-09-22T12:00:00Z", true], // Tuesday 14:00 CEST: start inclusive
    ["2026-09-22T13:59:00Z", true],
    ["2026-09-22T14:00:00Z", false], // 16:00 CEST: end exclusive
    ["2026-09-21T12:30:00Z", false], // Monday
    ["2026-12-22T13:30:00Z", true], // Tuesday 14:30 CET (winter: UTC+1)
    ["2026-12-22T12:30:00Z", false], // 13:30 CET
  ])("chaos-testing at %s: %s", (time, held) => {
    expect(intervalHolds(chaos, at(time))).toBe(held);
  });

  it("reads days of month from the end, months and years as ranges, UTC by default", () => {
    expect(intervalHolds({ days_of_month: ["-1"] }, at("2026-02-28T10:00:00Z"))).toBe(true);
    expect(intervalHolds({ days_of_month: ["-1"] }, at("2026-02-27T10:00:00Z"))).toBe(false);
    expect(intervalHolds({ days_of_month: ["-7:-1"] }, at("2026-03-25T00:00:00Z"))).toBe(true);
    expect(intervalHolds({ months: ["march:may"], years: ["2025:2026"] }, at("2026-04-01T00:00:00Z"))).toBe(true);
    expect(intervalHolds({ months: ["march:may"], years: ["2025:2026"] }, at("2027-04-01T00:00:00Z"))).toBe(false);
    expect(intervalHolds({ times: [{ start_time: "00:00", end_time: "01:00" }] }, at("2026-04-01T00:30:00Z"))).toBe(true);
  });
});

describe("notifications of backtested episodes", () => {
  const catalogue = committedCatalogueAtRef("HEAD");
  const entry = (uid: string) => catalogue.rules.find((r) => r.rule.uid === uid)!;

  /** A rule of the 30 s slo group whose condition holds from the 3rd evaluation for `holdMinutes`. */
  function burning(uid: string, fromIso: string, holdMinutes: number): RuleEvaluations {
    const from = at(fromIso);
    return {
      entry: entry(uid),
      evaluatedBy: "Prometheus",
      evaluations: Array.from({ length: 120 }, (_, i) => ({
        at: from + i * 30,
        series: [{ labels: {}, value: 20, holds: i >= 2 && i < 2 + holdMinutes * 2 }],
      })),
    };
  }

  it("pages on-call after the pending period and the rule's own group_wait", () => {
    const r = backtestFromEvaluations(catalogue, [burning("pizza-order-slo-fast-burn", "2026-09-21T12:00:00Z", 11)], {
      from: at("2026-09-21T12:00:00Z"),
      to: at("2026-09-21T13:00:00Z"),
    });
    const a = r.alerts[0];
    // Condition true from 12:01:00; `for: 7m` -> Alerting at 12:08:00; the rule's notification settings: pizza-on-call, group_wait 5s.
    expect(a.firstFiring).toBe(at("2026-09-21T12:08:00Z"));
    expect(a.notifications.map((n) => [n.atSeconds, n.receiver, n.kind])).toEqual([[at("2026-09-21T12:08:05Z"), "pizza-on-call", "new"]]);
    expect(a.pages).toBe(1);
    // Condition false from 12:12:00: 4m of firing.
    expect(a.firingSeconds).toBe(240);
  });

  it("sends the page during the chaos-testing window but mutes the ticket, and says so", () => {
    // Tuesday 14:00 CEST: chaos-testing mutes the rules routed to the team channel (routes: [ticket]), never pages.
    const window = { from: at("2026-09-22T12:00:00Z"), to: at("2026-09-22T13:00:00Z") };
    const r = backtestFromEvaluations(
      catalogue,
      [burning("pizza-order-slo-fast-burn", "2026-09-22T12:00:00Z", 11), burning("pizza-order-slo-slow-burn", "2026-09-22T12:00:00Z", 11)],
      window,
    );
    const [fast, slow] = r.alerts;
    expect(fast.notifications.map((n) => [n.receiver, n.mutedBy])).toEqual([["pizza-on-call", undefined]]);
    expect(fast.pages).toBe(1);
    // `for: 5m` -> Alerting at 12:06:00; group_wait 1m: 12:07:00, inside the window.
    expect(slow.notifications.map((n) => [n.atSeconds, n.receiver, n.mutedBy])).toEqual([
      [at("2026-09-22T12:07:00Z"), "pizza-team-slack", "chaos-testing"],
    ]);
    const report = formatBacktest(r, "text");
    expect(report).toMatch(/pizza-order-slo-fast-burn\s+page\s+120\s+1\s+0\/0\s+1 \(pizza-on-call 1\)\s+1/);
    expect(report).toMatch(/pizza-order-slo-slow-burn\s+ticket\s+120\s+1\s+0\/0\s+0 \+ 1 muted\s+0/);
    expect(report).toContain("Muted: 1 notification(s) fell inside a mute timing (chaos-testing)");
  });

  it("sends at the first flush after the mute window what the window held back (a muted flush writes no notification-log entry: Alertmanager notify.go TimeMuteStage)", () => {
    // chaos-testing ends 14:00 UTC (16:00 CEST). `for: 5m` -> Alerting 13:56; group_wait 1m: 13:57 muted; next tick 14:07 sends.
    const r = backtestFromEvaluations(catalogue, [burning("pizza-order-slo-slow-burn", "2026-09-22T13:50:00Z", 40)], {
      from: at("2026-09-22T13:50:00Z"),
      to: at("2026-09-22T14:50:00Z"),
    });
    expect(r.alerts[0].notifications.map((n) => [n.atSeconds, n.kind, n.mutedBy])).toEqual([
      [at("2026-09-22T13:57:00Z"), "muted", "chaos-testing"],
      [at("2026-09-22T14:07:00Z"), "new", undefined],
    ]);
  });

  it("routes by the policy tree when a rule has no notification settings (policy-tree mode)", () => {
    const { notification_settings: _own, ...rule } = entry("pizza-order-slo-slow-burn").rule;
    const treeOnly = { ...catalogue, rules: [{ ...entry("pizza-order-slo-slow-burn"), rule }] };
    const monday = backtestFromEvaluations(
      treeOnly,
      [{ ...burning("pizza-order-slo-slow-burn", "2026-09-21T12:00:00Z", 11), entry: treeOnly.rules[0] }],
      { from: at("2026-09-21T12:00:00Z"), to: at("2026-09-21T13:00:00Z") },
    );
    // The tree's severity=~ticket|warning route: pizza-team-slack, group_wait 1m, with the chaos-testing mute timing of that route.
    expect(monday.alerts[0].notifications.map((n) => [n.atSeconds, n.receiver, n.mutedBy])).toEqual([
      [at("2026-09-21T12:07:00Z"), "pizza-team-slack", undefined],
    ]);
    const tuesday = backtestFromEvaluations(
      treeOnly,
      [{ ...burning("pizza-order-slo-slow-burn", "2026-09-22T12:00:00Z", 11), entry: treeOnly.rules[0] }],
      { from: at("2026-09-22T12:00:00Z"), to: at("2026-09-22T13:00:00Z") },
    );
    expect(tuesday.alerts[0].notifications.map((n) => [n.receiver, n.mutedBy])).toEqual([["pizza-team-slack", "chaos-testing"]]);
  });
});

describe("paused rules", () => {
  it("are reported, never evaluated", async () => {
    const catalogue = committedCatalogueAtRef("HEAD");
    const paused = {
      ...catalogue,
      rules: catalogue.rules.filter((r) => r.rule.uid === "pizza-watchdog").map((r) => ({ ...r, rule: { ...r.rule, isPaused: true } })),
    };
    const client = { requests: 0, get: () => Promise.reject(new Error("a paused rule must not be queried")) };
    const [r] = await evaluateCatalogue(paused, {
      client,
      datasources: { loki: "grafanacloud-logs", prometheus: "grafanacloud-prom" },
      window: { from: 0, to: 3600 },
      computeRecorded: new Set(),
      dir: "/nonexistent",
    });
    expect(r.evaluatedBy).toBe("paused (not evaluated)");
    expect(r.evaluations).toEqual([]);
  });
});

describe("lookback of an expression (how much history promtool evaluates an alert from)", () => {
  it.each([
    ["up", 300],
    ["sum(rate(x[5m])) / sum(rate(x[1h]))", 3600 + 300],
    // A subquery reads its own range plus the ranges of what it evaluates.
    ["max_over_time(sum(increase(x[5m]))[1h:10s])", 3600 + 300 + 300],
    ["max_over_time(max_over_time(rate(x[2m])[30m:1m])[1h:])", 3600 + 1800 + 120 + 300],
    ["sum_over_time(x[6h]) and on() max_over_time(increase(x[1m])[1h:10s])", 6 * 3600 + 300],
  ])("%s: %i s", (expr, seconds) => {
    expect(lookbackSeconds(expr)).toBe(seconds);
  });
});
