import { existsSync } from "node:fs";
import { formatFinding } from "../../src/checks/findings";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { alertDefinitions } from "../../alerts";
import order5xx from "../../alerts/order-5xx";
import { ORDERS_PANELS } from "../../dashboards/panel-ids";
import { alertRule, type AlertSpec } from "../../src/model/rules";
import { alertLinkProblems } from "../../src/checks/dashboards";
import { parseConfig } from "../../src/config/schema";
import { exprOf } from "../../src/model/rules";
import { REPO_ROOT } from "../../src/config/paths";
import { checkedStack } from "../../src/checks";
import { exampleConfig } from "../support/stack";

const cfg = parseConfig(exampleConfig());

describe("order 5xx alert (the factory incident)", () => {
  const rule = order5xx(cfg).build();
  const [a, b] = rule.data;
  const expr = exprOf(a.model) ?? "";

  it("queries the contract's HTTP log stream, filtering lines before parsing JSON", () => {
    expect(a.datasourceUid).toBe("grafanacloud-logs");
    expect(expr).toContain('{component="jwt-pizza-service", type="http"}');
    expect(expr).not.toContain('|= ""');
    const lineFilter = expr.indexOf('|= "\\"statusCode\\":5"');
    expect(lineFilter).toBeGreaterThan(0);
    expect(lineFilter).toBeLessThan(expr.indexOf("| json"));
    expect(expr).toContain("statusCode >= 500 [2m]");
    expect(expr).not.toMatch(/resBody|reqBody/);
  });

  it("follows the telemetry contract of another deployment", () => {
    const other = parseConfig(
      exampleConfig({ "pizza-observability:telemetry": { logs: { sourceLabel: "source", httpType: "http-req" } } }),
    );
    const otherExpr = exprOf(order5xx(other).build().data[0].model);
    expect(otherExpr).toContain('{source="jwt-pizza-service", type="http-req"}');
  });

  it("fires on the threshold expression over the query, after the pending period", () => {
    expect(rule.condition).toBe("B");
    expect(b.datasourceUid).toBe("__expr__");
    expect(b.model).toMatchObject({ type: "threshold", expression: "A", conditions: [{ evaluator: { type: "gt", params: [2] } }] });
    expect(rule.for).toBe("0s");
  });

  it("takes its threshold, window and pending period from config", () => {
    const tuned = parseConfig(
      exampleConfig({ "pizza-observability:thresholds": { order5xx: { count: 0, window: "2m", pendingPeriod: "30s" } } }),
    );
    const r = order5xx(tuned).build();
    expect(exprOf(r.data[0].model)).toContain("[2m]");
    expect(r.data[0].relativeTimeRange).toEqual({ from: 120, to: 0 });
    expect(r.data[1].model).toMatchObject({ conditions: [{ evaluator: { params: [0] } }] });
    expect(r.for).toBe("30s");
  });

  it("states what no data and query errors mean", () => {
    expect(rule.noDataState).toBe("OK");
    expect(rule.execErrState).toBe("Error");
  });

  it("carries the labels routing relies on and annotations on-call reads", () => {
    expect(rule.uid).toBe("pizza-order-5xx");
    expect(rule.labels).toEqual({ severity: "warning", team: "pizza", service: "jwt-pizza-service", category: "errors" });
    expect(Object.keys(rule.annotations ?? {}).sort()).toEqual([
      "__dashboardUid__",
      "__panelId__",
      "description",
      "runbook_url",
      "summary",
    ]);
    expect(rule.annotations?.runbook_url).toBe("https://github.com/jwt-pizza/pizza-observability/blob/main/runbooks/pizza-order-5xx.md");
  });
});

describe("alert dashboard links", () => {
  it("links the 5xx alert to the orders dashboard's 5xx panel", () => {
    const rule = order5xx(cfg).build();
    expect(rule.annotations).toMatchObject({ __dashboardUid__: "pizza-orders", __panelId__: String(ORDERS_PANELS.http5xx) });
    const panel = checkedStack(cfg)
      .dashboards.find((d) => d.uid === "pizza-orders")
      ?.panels?.find((p) => p.id === ORDERS_PANELS.http5xx);
    expect(panel?.title).toBe("HTTP 5xx by endpoint");
  });

  it("adds no link annotations to a rule without a panel", () => {
    const spec: AlertSpec = {
      uid: "x",
      title: "x",
      group: "g",
      severity: "ticket",
      category: "errors",
      summary: "s",
      description: "d",
      queries: [],
      condition: "B",
      pendingPeriod: "1m",
      noDataState: "OK",
      execErrState: "Error",
    };
    expect(Object.keys(alertRule(cfg, spec).build().annotations ?? {}).sort()).toEqual(["description", "runbook_url", "summary"]);
    expect(alertRule(cfg, { ...spec, panel: { dashboardUid: "d", panelId: 7 } }).build().annotations).toMatchObject({
      __dashboardUid__: "d",
      __panelId__: "7",
    });
  });

  it("rejects a link to a panel no dashboard has", () => {
    const rule = { ...order5xx(cfg).build(), annotations: { __dashboardUid__: "pizza-orders", __panelId__: "999" } };
    const dashboards = checkedStack(cfg).dashboards;
    expect(alertLinkProblems([rule], dashboards).map(formatFinding)).toEqual([
      "[rule/dashboard-link] alert pizza-order-5xx: links panel 999, which dashboard pizza-orders does not have",
    ]);
    expect(
      alertLinkProblems([{ ...rule, annotations: { __dashboardUid__: "nope", __panelId__: "1" } }], dashboards).map(formatFinding),
    ).toEqual(["[rule/dashboard-link] alert pizza-order-5xx: links dashboard nope, which the stack does not define"]);
    expect(alertLinkProblems([order5xx(cfg).build()], dashboards)).toEqual([]);
  });
});

describe("every alert of the stack", () => {
  const rules = checkedStack(cfg)
    .ruleGroups.flatMap((g) => g.rules ?? [])
    .filter((r) => !r.record);

  it("has a runbook in runbooks/ named by its uid, the fallback alerts included", () => {
    const all = alertDefinitions.map((define) => define(cfg).build());
    expect(all.length).toBeGreaterThan(rules.length);
    for (const rule of all) expect(existsSync(join(REPO_ROOT, "runbooks", `${rule.uid}.md`)), `${rule.uid}`).toBe(true);
  });
});
