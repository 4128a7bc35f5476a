import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import { formatFinding } from "../../src/checks/findings";
import { describe, expect, it } from "vitest";
import { FACTORY_PANELS, ORDERS_PANELS, OVERVIEW_PANELS, TELEMETRY_PANELS } from "../../dashboards/panel-ids";
import { bodyExposure } from "../../src/checks/body-exposure";
import { parseConfig } from "../../src/config/schema";
import { dashboardProblems, layoutProblems, REQUIRED_VARIABLES } from "../../src/checks/dashboards";
import { errorBudget } from "../../src/model/slo";
import { stackQueries, unreadableTargets } from "../../src/checks/queries";
import { exprOf } from "../../src/model/rules";
import { checkedStack } from "../../src/checks";
import { exampleConfig } from "../support/stack";

const cfg = parseConfig(exampleConfig());
const stack = checkedStack(cfg);
const dashboards = stack.dashboards;
const byUid = (uid: string) => {
  const d = dashboards.find((x) => x.uid === uid);
  if (!d) throw new Error(`no dashboard ${uid}`);
  return d;
};
const panel = (uid: string, id: number) => {
  const p = (byUid(uid).panels ?? []).find((x) => x.id === id);
  if (!p) throw new Error(`no panel ${id} in ${uid}`);
  return p as dashboard.Panel;
};
const exprs = (p: dashboard.Panel) => (p.targets ?? []).map((t) => exprOf(t) ?? "");

const EXPECTED: Array<[string, string, Record<string, number>]> = [
  ["pizza-overview", "JWT Pizza: service overview", OVERVIEW_PANELS],
  ["pizza-orders", "JWT Pizza: orders", ORDERS_PANELS],
  ["pizza-factory", "JWT Pizza: factory dependency", FACTORY_PANELS],
  ["pizza-telemetry", "JWT Pizza: telemetry pipeline", TELEMETRY_PANELS],
];

describe("the stack's dashboards", () => {
  it("are the four, with stable uids and titles", () => {
    expect(dashboards.map((d) => [d.uid, d.title])).toEqual(EXPECTED.map(([uid, title]) => [uid, title]));
  });

  it.each(EXPECTED)("%s has exactly the panels of its exported ids, each id once", (uid, _title, ids) => {
    const panels = byUid(uid).panels ?? [];
    expect(panels).toHaveLength(Object.keys(ids).length);
    expect(panels.map((p) => p.id).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Object.values(ids).sort((a, b) => a - b));
  });

  it.each(EXPECTED)("%s lays its panels out on the 24-column grid without overlaps", (uid) => {
    const panels = byUid(uid).panels ?? [];
    expect(layoutProblems(panels)).toEqual([]);
    expect(panels.every((p) => p.gridPos !== undefined)).toBe(true);
  });

  it.each(EXPECTED)("%s has the datasource and source variables, defaulting to the stack config", (uid) => {
    const vars = byUid(uid).templating?.list ?? [];
    expect(vars.map((v) => v.name)).toEqual(REQUIRED_VARIABLES);
    expect(vars.map((v) => (v.current as { value?: string } | undefined)?.value)).toEqual([
      "grafanacloud-logs",
      "grafanacloud-prom",
      "jwt-pizza-service",
    ]);
  });

  it.each(EXPECTED)("%s shows alert state annotations (Grafana's built-in Annotations & Alerts)", (uid) => {
    expect(byUid(uid).annotations?.list).toEqual([
      expect.objectContaining({
        name: "Annotations & Alerts",
        builtIn: 1,
        type: "dashboard",
        enable: true,
        datasource: { type: "grafana", uid: "-- Grafana --" },
      }),
    ]);
  });

  it.each(EXPECTED)("%s: every target is a Loki/Prometheus query the checks read, none returning a raw body", (uid) => {
    const d = byUid(uid);
    expect(unreadableTargets(d)).toEqual([]);
    const targets = (d.panels ?? []).flatMap((p) => (p as dashboard.Panel).targets ?? []);
    const queries = stackQueries(stack, cfg).filter((q) => q.where.startsWith(`dashboard ${uid} `));
    // Every target is collected, so the grammar test in queries.test.ts covers it too.
    expect(queries).toHaveLength(targets.length);
    for (const q of queries.filter((x) => x.language === "logql")) expect(bodyExposure(q.expr), q.where).toEqual([]);
  });

  it("pass the stack's dashboard checks", () => {
    expect(dashboards.flatMap(dashboardProblems)).toEqual([]);
  });
});

describe("dashboardProblems", () => {
  const orders = byUid("pizza-orders");
  it("catches a missing or duplicate panel id, an overlap, a missing variable and an unreadable target", () => {
    const [first, second, ...rest] = (orders.panels ?? []).filter((p) => p.type !== "row");
    const broken: dashboard.Dashboard = {
      ...orders,
      templating: { list: (orders.templating?.list ?? []).filter((v) => v.name !== "source") },
      panels: [
        { ...first, id: undefined } as dashboard.Panel,
        { ...second, id: (rest[0] as dashboard.Panel).id, gridPos: first.gridPos, targets: [{ refId: "Z" }] } as unknown as dashboard.Panel,
        ...rest,
      ],
    };
    const problems = dashboardProblems(broken).map(formatFinding);
    expect(problems).toEqual(
      expect.arrayContaining([
        '[dashboard/panel-id] dashboard pizza-orders panel "Orders per minute: succeeded vs failed": has no explicit id',
        `[dashboard/panel-id] dashboard pizza-orders: panel id ${(rest[0] as dashboard.Panel).id} is used by more than one panel`,
        expect.stringMatching(
          /^\[dashboard\/layout\] dashboard pizza-orders panel \? "Orders per minute: succeeded vs failed": overlaps panel \d+ "Order failure ratio \(5m\)"$/,
        ),
        "[dashboard/variables] dashboard pizza-orders: lacks the source variable",
        expect.stringMatching(/^\[dashboard\/unreadable-target\] .*target Z: has no Loki or Prometheus query/),
      ]),
    );
    expect(problems).toHaveLength(5);
  });
});

describe("orders dashboard", () => {
  it("draws the failure ratio against the SLO's error budget", () => {
    const p = panel("pizza-orders", ORDERS_PANELS.failureRatioVsSlo);
    expect(p.fieldConfig?.defaults?.thresholds?.steps).toEqual([
      { value: null, color: "green" },
      { value: errorBudget(cfg.slo.objectivePercent), color: "red" },
    ]);
    expect(p.fieldConfig?.defaults?.custom).toMatchObject({ thresholdsStyle: { mode: "dashed+area" } });
  });

  it("lists failed orders as status, path and message only", () => {
    const p = panel("pizza-orders", ORDERS_PANELS.failedOrderLines);
    expect(p.type).toBe("logs");
    const [expr] = exprs(p);
    expect(expr).toMatch(/\| line_format "\{\{\.statusCode\}\} \{\{\.path\}\} \{\{\.message\}\}" \| keep statusCode, path, message$/);
    expect(expr).toContain('| json message="message"');
    expect(bodyExposure(expr)).toEqual([]);
  });

  it("splits 5xx by endpoint from the logs", () => {
    expect(exprs(panel("pizza-orders", ORDERS_PANELS.http5xx))[0]).toMatch(
      /^sum by \(method, path\) \(count_over_time\(\{component="\$source", type="http"\}/,
    );
  });
});

describe("factory dashboard", () => {
  it("marks the factory latency alert's threshold on the latency panel", () => {
    const p = panel("pizza-factory", FACTORY_PANELS.latency);
    expect(p.fieldConfig?.defaults?.unit).toBe("ms");
    expect(p.fieldConfig?.defaults?.thresholds?.steps?.[1]).toEqual({ value: cfg.thresholds.factoryLatency.milliseconds, color: "red" });
    expect(exprs(p)).toEqual(['max(pizza_creation_latency_milliseconds{source="$source"})']);
  });

  it("counts support links without showing them", () => {
    const p = panel("pizza-factory", FACTORY_PANELS.supportLinks);
    expect(p.type).toBe("stat");
    expect(exprs(p)[0]).toMatch(
      /^sum\(count_over_time\(\{component="\$source"\} \|= "followLinkToEndChaos" or "reportUrl" \[\$__range\]\)\)$/,
    );
  });

  it("counts failure messages of error-level lines by message only", () => {
    const [expr] = exprs(panel("pizza-factory", FACTORY_PANELS.failureMessages));
    expect(expr).toMatch(/^sum by \(message\) \(count_over_time\(\{component="\$source", level="error"\}/);
  });
});

describe("telemetry dashboard", () => {
  it("counts metric-shipping failures per error pattern, and in total", () => {
    const targets = panel("pizza-telemetry", TELEMETRY_PANELS.metricShippingFailures).targets as Array<{ legendFormat?: string }>;
    expect(targets.map((t) => t.legendFormat)).toEqual([
      "Failed to send metric",
      "ECONNRESET",
      "UND_ERR_CONNECT_TIMEOUT",
      "any shipping error",
    ]);
  });

  it("measures metrics freshness as time since the last requests sample", () => {
    expect(exprs(panel("pizza-telemetry", TELEMETRY_PANELS.metricsFreshness))).toEqual([
      'time() - max(max_over_time(timestamp(requests_total{source="$source"})[1h:1m]))',
    ]);
  });

  it("shows log volume by the configured level label", () => {
    const other = parseConfig(exampleConfig({ "pizza-observability:telemetry": { logs: { levelLabel: "severity" } } }));
    const d = checkedStack(other).dashboards.find((x) => x.uid === "pizza-telemetry");
    const p = d?.panels?.find((x) => x.id === TELEMETRY_PANELS.logVolumeByLevel) as dashboard.Panel;
    expect(exprs(p)[0]).toMatch(/^sum by \(severity\) /);
  });

  it("puts the logs and metrics counts of the same requests on one mixed panel", () => {
    const p = panel("pizza-telemetry", TELEMETRY_PANELS.requestsLogsVsMetrics);
    expect(p.datasource).toEqual({ type: "datasource", uid: "-- Mixed --" });
    expect((p.targets ?? []).map((t) => (t as { datasource?: { type?: string } }).datasource?.type)).toEqual(["loki", "prometheus"]);
  });
});

describe("overview dashboard", () => {
  it("lists the alerts of the stack's folder", () => {
    const p = panel("pizza-overview", OVERVIEW_PANELS.alerts);
    expect(p.type).toBe("alertlist");
    expect(p.options).toMatchObject({ folder: { uid: "jwt-pizza-service" }, stateFilter: { firing: true, normal: false } });
  });

  it("shows CPU and memory as percent gauges and the health check from Synthetic Monitoring", () => {
    for (const id of [OVERVIEW_PANELS.cpuNow, OVERVIEW_PANELS.memoryNow]) {
      const p = panel("pizza-overview", id);
      expect([p.type, p.fieldConfig?.defaults?.unit, p.fieldConfig?.defaults?.max]).toEqual(["gauge", "percent", 100]);
    }
    expect(exprs(panel("pizza-overview", OVERVIEW_PANELS.healthCheck))).toEqual(['avg(probe_success{job="pizza-api-health"})']);
    expect(exprs(panel("pizza-overview", OVERVIEW_PANELS.activeUsers))).toEqual(['sum(active_users_ratio{source="$source"})']);
  });
});
