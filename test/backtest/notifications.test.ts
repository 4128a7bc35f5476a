import { describe, expect, it } from "vitest";
import { committedCatalogueAtRef } from "../../src/backtest/catalogue";
import { evaluateCatalogue, type RuleEvaluations } from "../../src/backtest/evaluate";
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
  const fastBurn = catalogue.rules.find((r) => r.rule.uid === "pizza-order-slo-fast-burn")!;

  function burning(fromIso: string, minutes: number): RuleEvaluations[] {
    const from = at(fromIso);
    return [
      {
        entry: fastBurn,
        evaluatedBy: "Prometheus",
        evaluations: Array.from({ length: (minutes * 60) / 30 }, (_, i) => ({ at: from + i * 30, series: [{ labels: {}, value: 20, holds: i >= 2 && i < 12 }] })),
      },
    ];
  }

  it("pages on-call after the pending period and the route's group_wait", () => {
    const r = backtestFromEvaluations(catalogue, burning("2026-09-21T12:00:00Z", 60), { from: at("2026-09-21T12:00:00Z"), to: at("2026-09-21T13:00:00Z") });
    const a = r.alerts[0];
    // Condition true from 12:01:00; `for: 30s` -> Alerting at 12:01:30; group_wait 10s on the page route.
    expect(a.firstFiring).toBe(at("2026-09-21T12:01:30Z"));
    expect(a.notifications.map((n) => [n.atSeconds, n.receiver, n.kind])).toEqual([[at("2026-09-21T12:01:40Z"), "pizza-on-call", "new"]]);
    expect(a.pages).toBe(1);
    // Condition false from 12:06:00: 4m30s of firing.
    expect(a.firingSeconds).toBe(270);
  });

  it("does not count a page muted by the chaos-testing window, and says so", () => {
    const r = backtestFromEvaluations(catalogue, burning("2026-09-22T12:00:00Z", 60), { from: at("2026-09-22T12:00:00Z"), to: at("2026-09-22T13:00:00Z") });
    const a = r.alerts[0];
    expect(a.notifications).toHaveLength(1);
    expect(a.notifications[0].mutedBy).toBe("chaos-testing");
    expect(a.pages).toBe(0);
    const report = formatBacktest(r, "text");
    expect(report).toMatch(/pizza-order-slo-fast-burn\s+page\s+120\s+1\s+0\/0\s+0 \+ 1 muted\s+0/);
    expect(report).toContain("Muted: 1 notification(s) fell inside a mute timing (chaos-testing)");
  });
});

describe("paused rules", () => {
  it("are reported, never evaluated", async () => {
    const catalogue = committedCatalogueAtRef("HEAD");
    const paused = { ...catalogue, rules: catalogue.rules.filter((r) => r.rule.uid === "pizza-watchdog").map((r) => ({ ...r, rule: { ...r.rule, isPaused: true } })) };
    const client = { requests: 0, get: () => Promise.reject(new Error("a paused rule must not be queried")) };
    const [r] = await evaluateCatalogue(paused, { client, datasources: { loki: "grafanacloud-logs", prometheus: "grafanacloud-prom" }, window: { from: 0, to: 3600 }, computeRecorded: new Set(), dir: "/nonexistent" });
    expect(r.evaluatedBy).toBe("paused (not evaluated)");
    expect(r.evaluations).toEqual([]);
  });
});
