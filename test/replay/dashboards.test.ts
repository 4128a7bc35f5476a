import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expandGrafanaMacros } from "../../src/checks/grammar";
import { REPO_ROOT } from "../../src/config/paths";
import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import { parseConfig } from "../../src/config/schema";
import { checkedStack } from "../../src/checks";
import { exprOf } from "../../src/model/rules";
import { interpolateVariables, rangeQuery, replayable } from "../../src/replay/dashboards";
import { libraryFixtures } from "../support/scenario-replay";
import { ORDERS_DASHBOARD_UID, ORDERS_PANELS } from "../../dashboards/panel-ids";
import { exampleConfig } from "../support/stack";

const cfg = parseConfig(exampleConfig());
const stack = checkedStack(cfg);
// Each scenario once (its phases shift the incident, which the dashboards' queries do not care about).
const fixtures = libraryFixtures(cfg);
const STEP = 60;

it("is what docs/replay.md says it is: its step and Grafana's interval macros", () => {
  const docs = readFileSync(join(REPO_ROOT, "docs", "replay.md"), "utf8").replace(/\s+/g, " ");
  expect(docs).toContain(`Grafana's interval macros at ${expandGrafanaMacros("$__interval")}) as a range query at a ${STEP} s step`);
});

type Target = { refId?: string; expr?: string; datasource?: { type?: string } };
type Panel = { id?: number; datasource?: { type?: string }; targets?: Target[]; panels?: Panel[] };
const panelsOf = (d: dashboard.Dashboard) => ((d.panels ?? []) as Panel[]).flatMap((p) => [p, ...(p.panels ?? [])]);
const lokiTargets = stack.dashboards.flatMap((d) =>
  panelsOf(d).flatMap((p) =>
    (p.targets ?? [])
      .filter((t) => (t.datasource ?? p.datasource)?.type === "loki" && exprOf(t) !== undefined)
      .map((t) => ({
        where: `${d.uid} panel ${p.id} ${t.refId}`,
        dashboard: d.uid,
        panel: p.id,
        refId: t.refId,
        expr: interpolateVariables(exprOf(t)!, d),
      })),
  ),
);
const target = (panel: number, refId: string) =>
  lokiTargets.find((t) => t.dashboard === ORDERS_DASHBOARD_UID && t.panel === panel && t.refId === refId)!.expr;
const rule = (metric: string) => stack.ruleGroups.flatMap((g) => g.rules ?? []).find((r) => r.record?.metric === metric)!;
const recordedExpr = (metric: string) => exprOf(rule(metric).data.find((d) => d.refId === rule(metric).record!.from)!.model)!;
/** The single value of a `sum(...)` result at each step (no series = 0, as `or vector(0)` records it). */
const values = (expr: string, fixture: (typeof fixtures)[number]) => {
  const r = rangeQuery(expr, fixture, STEP);
  expect(r.series.length, expr).toBeLessThanOrEqual(1);
  return r.times.map((_t, i) => r.series[0]?.values[i] ?? 0);
};

describe("dashboard Loki queries replayed over the fixtures", () => {
  it("every metric query of a dashboard panel is evaluated (log panels are the only ones left out)", () => {
    expect(lokiTargets.length).toBeGreaterThan(5);
    const refused = lokiTargets.map((t) => [t.where, replayable(t.expr)] as const).filter(([, r]) => r !== true);
    expect(
      refused.every(([, why]) => /a log \(non-metric\) query/.test(String(why))),
      JSON.stringify(refused),
    ).toBe(true);
    for (const f of fixtures)
      for (const t of lokiTargets.filter((x) => replayable(x.expr) === true))
        expect(() => rangeQuery(t.expr, f, STEP), `${t.where} on ${f.name}`).not.toThrow();
  });

  // The burn alerts read the SLI as sum(sum_over_time(<failures>[w])) / sum(sum_over_time(<requests>[w])).
  const burn = stack.ruleGroups.flatMap((g) => g.rules ?? []).find((r) => /burn/.test(r.uid ?? ""))!;
  const burnExpr = exprOf(burn.data[0].model)!;
  const [, failuresMetric, requestsMetric] =
    /sum\(sum_over_time\(([\w:]+)\{[^}]*\}\[[^\]]+\]\)\)\s*\/\s*sum\(sum_over_time\(([\w:]+)\{/.exec(burnExpr) ?? [];

  for (const f of fixtures) {
    describe(f.name, () => {
      it("orders dashboard: succeeded + failed = all orders the SLI counts, every minute", () => {
        const succeeded = values(target(ORDERS_PANELS.ordersPerMinute, "A"), f);
        const failed = values(target(ORDERS_PANELS.ordersPerMinute, "B"), f);
        const all = values(recordedExpr(requestsMetric), f);
        expect(all.some((v) => v > 0)).toBe(true);
        expect(succeeded.map((s, i) => s + failed[i])).toEqual(all);
      });

      it("orders dashboard: the failure-ratio panels equal the SLI the burn alerts read (5m)", () => {
        expect(failuresMetric && requestsMetric, burnExpr).toBeTruthy();
        const failures = values(recordedExpr(failuresMetric), f);
        const requests = values(recordedExpr(requestsMetric), f);
        for (const panel of [ORDERS_PANELS.failureRatio, ORDERS_PANELS.failureRatioVsSlo]) {
          const ratio = rangeQuery(target(panel, "A"), f, STEP);
          ratio.times.forEach((t, i) => {
            const window = (xs: number[]) => xs.slice(Math.max(0, i - 4), i + 1).reduce((a, b) => a + b, 0);
            const sli = window(requests) === 0 ? undefined : window(failures) / window(requests);
            expect(ratio.series[0]?.values[i], `panel ${panel} at ${t}s`).toBe(sli);
          });
        }
      });
    });
  }
});
