import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/schema";
import { lintProblems, queryLintProblems, ruleLintProblems, unboundedWildcard } from "../../src/checks/lint";
import { unquote } from "../../src/checks/grammar";
import type { QueryLanguage } from "../../src/checks/grammar";
import { checkedStack, definitionProblems } from "../../src/checks";
import { formatFinding, type Finding } from "../../src/checks/findings";
import { exampleConfig } from "../support/stack";

const cfg = parseConfig(exampleConfig());
const t = cfg.telemetry; // logs: component="jwt-pizza-service"; metrics: source="jwt-pizza-service"

/** Findings as `where: message` lines (the check's name is asserted where it matters). */
const shown = (findings: Finding[]) => findings.map((f) => `${f.where}: ${f.message}`);
const alertQuery = (language: QueryLanguage, expr: string) =>
  shown(queryLintProblems({ owner: "alert", subject: "a1", where: "alert a1 query A", language, expr }, t));
const panelQuery = (language: QueryLanguage, expr: string) =>
  shown(queryLintProblems({ owner: "dashboard", subject: "d1", where: 'dashboard d1 panel "Orders" target B', language, expr }, t));

const STREAM = '{component="jwt-pizza-service", type="http"}';
const SERIES = 'requests_total{source="jwt-pizza-service"}';

describe("query lint", () => {
  describe("the factory incident's original query", () => {
    // As it ran in the deployment whose stream label was `source`.
    const incident = 'sum(count_over_time({source="jwt-pizza-service"} |= "" | json | statusCode >= 500 [5m])) > 0';
    const sourceLabelled = parseConfig(exampleConfig({ "pizza-observability:telemetry": { logs: { sourceLabel: "source" } } })).telemetry;

    it("is flagged for its empty line filter and for parsing JSON with no real line filter before it", () => {
      const ref = {
        owner: "alert",
        subject: "pizza-order-5xx",
        where: "alert pizza-order-5xx query A",
        language: "logql",
        expr: incident,
      } as const;
      expect(queryLintProblems(ref, sourceLabelled).map(formatFinding)).toEqual([
        '[query/empty-line-filter] alert pizza-order-5xx query A: empty line filter: |= "" matches every line; filter on text the wanted lines contain, or drop it',
        '[query/parser-without-line-filter] alert pizza-order-5xx query A: | json with no line filter before it parses every line of the stream; add a line filter (|= "...") that keeps only the lines wanted',
      ]);
    });
  });

  describe("empty line filter", () => {
    it('flags |= "" and |~ "", also as an alternative', () => {
      expect(alertQuery("logql", `${STREAM} |= ""`)).toEqual([expect.stringContaining('alert a1 query A: empty line filter: |= ""')]);
      expect(alertQuery("logql", `${STREAM} |~ \`\``)).toEqual([expect.stringContaining("empty line filter")]);
      expect(alertQuery("logql", `${STREAM} |= "a" or ""`)).toEqual([expect.stringContaining("empty line filter")]);
    });

    it("passes a line filter with text", () => {
      expect(alertQuery("logql", `${STREAM} |= "Failed to send metric"`)).toEqual([]);
      expect(alertQuery("logql", `${STREAM} != ""`)).toEqual([]);
    });
  });

  describe("| json or | logfmt with no line filter before it", () => {
    it("flags a parser with no line filter, or only filters after it, or only negative ones before it", () => {
      expect(alertQuery("logql", `count_over_time(${STREAM} | json [5m])`)).toEqual([
        expect.stringContaining("| json with no line filter before it"),
      ]);
      expect(alertQuery("logql", `${STREAM} | logfmt | level="error"`)).toEqual([
        expect.stringContaining("| logfmt with no line filter before it"),
      ]);
      expect(alertQuery("logql", `${STREAM} | json |= "x"`)).toEqual([expect.stringContaining("| json with no line filter")]);
      expect(alertQuery("logql", `${STREAM} != "debug" | json`)).toEqual([expect.stringContaining("| json with no line filter")]);
      expect(alertQuery("logql", `${STREAM} |~ "^.*$" | json`)).toEqual([
        expect.stringContaining("unbounded regex"),
        expect.stringContaining("| json with no line filter"),
      ]);
    });

    it("judges each pipeline on its own", () => {
      const problems = alertQuery(
        "logql",
        `sum(count_over_time(${STREAM} |= "a" | json [1m])) / sum(count_over_time(${STREAM} | json [1m]))`,
      );
      expect(problems).toEqual([expect.stringContaining("| json with no line filter")]);
    });

    it("passes a selecting line filter before the parser, with extraction arguments or flags too", () => {
      expect(alertQuery("logql", `count_over_time(${STREAM} |= "\\"statusCode\\":5" | json statusCode="statusCode" [5m])`)).toEqual([]);
      expect(alertQuery("logql", `${STREAM} |~ "ECONNRESET|UND_ERR_CONNECT_TIMEOUT" | logfmt --strict`)).toEqual([]);
      expect(alertQuery("logql", `${STREAM} |> "<_> error <_>" | json`)).toEqual([]);
      expect(alertQuery("logql", `${STREAM} |= "x" | json | line_format "{{.a}}" | logfmt`)).toEqual([]);
    });
  });

  describe("selector without the contract's service label", () => {
    it("flags a LogQL stream selector without the source label, with another value, or a variable in an alert", () => {
      expect(alertQuery("logql", '{type="http"} |= "x"')).toEqual([
        'alert a1 query A: stream selector {type="http"} lacks the service label component="jwt-pizza-service"',
      ]);
      expect(alertQuery("logql", '{component="other-service"} |= "x"')).toEqual([expect.stringContaining("lacks the service label")]);
      expect(alertQuery("logql", '{component!="jwt-pizza-service"} |= "x"')).toEqual([expect.stringContaining("lacks the service label")]);
      expect(alertQuery("logql", '{component="$source"} |= "x"')).toEqual([expect.stringContaining("lacks the service label")]);
    });

    it("flags a PromQL selector of the service's metrics without the metric source label", () => {
      expect(alertQuery("promql", "sum(rate(requests_total[5m]))")).toEqual([
        'alert a1 query A: vector selector requests_total lacks the service label source="jwt-pizza-service"',
      ]);
      expect(alertQuery("promql", `${SERIES} / cpu_percent{component="jwt-pizza-service"}`)).toEqual([
        expect.stringContaining("vector selector cpu_percent{"),
      ]);
      expect(alertQuery("promql", '{__name__="cpu_percent"}')).toEqual([expect.stringContaining("lacks the service label")]);
      expect(alertQuery("promql", 'absent(requests_total{job="x"})')).toEqual([expect.stringContaining("lacks the service label")]);
    });

    it("passes selectors carrying it, the dashboard's $source variable in dashboards, and the documented exemptions", () => {
      expect(alertQuery("logql", `${STREAM} |= "x"`)).toEqual([]);
      expect(alertQuery("promql", `sum(rate(${SERIES}[5m])) > 0`)).toEqual([]);
      expect(alertQuery("promql", '{"requests_total", source="jwt-pizza-service"}')).toEqual([]);
      expect(panelQuery("logql", '{component="$source"} |= "x"')).toEqual([]);
      expect(panelQuery("promql", 'rate(requests_total{source=~"${source}"}[$__rate_interval])')).toEqual([]);
      expect(alertQuery("promql", 'avg_over_time(probe_success{job="jwt-pizza-health"}[5m]) < 0.9')).toEqual([]);
      expect(alertQuery("promql", "vector(1)")).toEqual([]);
    });

    it("follows the contract's configured labels", () => {
      const other = parseConfig(
        exampleConfig({ "pizza-observability:telemetry": { metricSourceLabel: "service", logs: { sourceLabel: "source" } } }),
      ).telemetry;
      const lint = (language: QueryLanguage, expr: string) =>
        shown(queryLintProblems({ owner: "alert", subject: "a1", where: "alert a1 query A", language, expr }, other));
      expect(lint("logql", '{source="jwt-pizza-service"} |= "x"')).toEqual([]);
      expect(lint("logql", `${STREAM} |= "x"`)).toEqual([expect.stringContaining('lacks the service label source="jwt-pizza-service"')]);
      expect(lint("promql", 'requests_total{service="jwt-pizza-service"}')).toEqual([]);
      expect(lint("promql", SERIES)).toEqual([expect.stringContaining('lacks the service label service="jwt-pizza-service"')]);
    });
  });

  describe("unbounded regex", () => {
    it("finds a leading or trailing .* or .+ in any top-level alternative", () => {
      for (const pattern of [".*", ".+", ".*order", "order.*", "order.+?", "^.*order$", "(?i)(.*order)", "a|b.*", "a\\\\.*"]) {
        expect(unboundedWildcard(pattern), pattern).toBeDefined();
      }
      for (const pattern of ["order.*failed", "5..", "[0-9]+", "a|b", "order\\.*", "[.*]", "DatasourceError|DatasourceNoData"]) {
        expect(unboundedWildcard(pattern), pattern).toBeUndefined();
      }
    });

    it("flags regex label matchers in LogQL selectors and label filters, PromQL selectors, and regex line filters", () => {
      expect(alertQuery("logql", `{component="jwt-pizza-service", type=~".*http"} |= "x"`)).toEqual([
        expect.stringContaining('alert a1 query A: unbounded regex: type=~".*http" starts or ends with .*'),
      ]);
      expect(alertQuery("logql", `${STREAM} |= "x" | json path="path" | path=~"/api/order.*"`)).toEqual([
        expect.stringContaining("unbounded regex: path=~"),
      ]);
      expect(alertQuery("logql", `${STREAM} |~ "Failed.*"`)).toEqual([
        expect.stringContaining('unbounded regex: line filter |~ "Failed.*"'),
      ]);
      expect(alertQuery("logql", `${STREAM} !~ ".+debug"`)).toEqual([expect.stringContaining("unbounded regex: line filter !~")]);
      expect(alertQuery("promql", 'requests_total{source="jwt-pizza-service", path!~".+"}')).toEqual([
        expect.stringContaining('unbounded regex: path!~".+"'),
      ]);
    });

    it("passes bounded regexes", () => {
      expect(alertQuery("logql", `${STREAM} |~ "Failed to send metric|ECONNRESET" | json | path=~"/api/(order|franchise)"`)).toEqual([]);
      expect(alertQuery("promql", 'requests_total{source="jwt-pizza-service", status=~"5.."}')).toEqual([]);
    });
  });

  it("leaves queries that do not parse to the grammar check", () => {
    expect(alertQuery("logql", `${STREAM} |= "" | json [5m`)).toEqual([]);
  });

  it("reads Go string literals", () => {
    expect(unquote('"\\"statusCode\\":5"')).toBe('"statusCode":5');
    expect(unquote("`a\\.b`")).toBe("a\\.b");
    expect(unquote('"a\\\\.b\\x41\\u00e9"')).toBe("a\\.bAé");
  });
});

function rule(overrides: Partial<alerting.Rule>): alerting.Rule {
  return {
    uid: "r1",
    title: "R1",
    condition: "B",
    data: [],
    execErrState: "Error",
    noDataState: "OK",
    folderUID: "f",
    ruleGroup: "g",
    for: "1m",
    labels: { severity: "page" },
    annotations: { runbook_url: "https://example.com/runbooks/r1.md" },
    ...overrides,
  } as alerting.Rule;
}

describe("rule lint", () => {
  it("flags a page with no pending period: 0s, 0m, empty or unset", () => {
    for (const pending of ["0s", "0m", "", undefined]) {
      expect(shown(ruleLintProblems(rule({ for: pending }))), String(pending)).toEqual([
        `alert r1: severity=page with for: ${JSON.stringify(pending ?? "")} pages on a single evaluation; set a pending period`,
      ]);
    }
  });

  it("passes a page with a pending period, and a ticket without one", () => {
    expect(shown(ruleLintProblems(rule({ for: "1m" })))).toEqual([]);
    expect(shown(ruleLintProblems(rule({ for: "0s", labels: { severity: "ticket" } })))).toEqual([]);
  });

  it("flags an alerting rule without a runbook_url, and passes one with it", () => {
    expect(shown(ruleLintProblems(rule({ annotations: { summary: "x" } })))).toEqual([
      "alert r1: has no runbook_url annotation; on-call needs to know what to do",
    ]);
    expect(shown(ruleLintProblems(rule({ annotations: { runbook_url: " " } })))).toEqual([expect.stringContaining("no runbook_url")]);
    expect(shown(ruleLintProblems(rule({})))).toEqual([]);
  });

  it("exempts recording rules from the runbook and severity checks", () => {
    expect(shown(ruleLintProblems(rule({ record: { metric: "pizza:x:count1m", from: "A" }, for: "0s", annotations: {} })))).toEqual([]);
  });
});

describe("the whole stack", () => {
  it("lints clean", () => {
    const stack = checkedStack(cfg);
    expect(lintProblems(stack, cfg)).toEqual([]);
  });

  it("lints clean with another deployment's telemetry contract", () => {
    const other = parseConfig(
      exampleConfig({
        "pizza-observability:telemetry": { metricSourceLabel: "service", logs: { sourceLabel: "source", httpType: "http-req" } },
      }),
    );
    expect(lintProblems(checkedStack(other), other)).toEqual([]);
  });

  it("fails the definitions, and so render and the Pulumi program, on a lint problem, naming the place", () => {
    const stack = checkedStack(cfg);
    const [group] = stack.ruleGroups;
    const [first] = group.rules ?? [];
    const broken = {
      ...stack,
      ruleGroups: [{ ...group, rules: [{ ...first, for: "0s", annotations: { summary: "no runbook" } }] }],
    };
    expect(definitionProblems(broken, cfg)).toEqual([
      `[rule/page-without-pending-period] alert ${first.uid}: severity=page with for: "0s" pages on a single evaluation; set a pending period`,
      `[rule/missing-runbook] alert ${first.uid}: has no runbook_url annotation; on-call needs to know what to do`,
    ]);
    type Panel = { id?: number; title?: string; datasource?: { type?: string }; targets?: Array<{ expr?: string; refId?: string }> };
    const dashboard = stack.dashboards.find((d) => (d.panels ?? []).some((p) => (p as Panel).datasource?.type === "loki"))!;
    const panel = (dashboard.panels ?? []).find((p) => (p as Panel).datasource?.type === "loki") as Panel;
    const target = (panel.targets ?? [])[0];
    const brokenDashboard = {
      ...dashboard,
      panels: (dashboard.panels ?? []).map((p) =>
        p === panel ? { ...panel, targets: [{ ...target, expr: `sum(count_over_time({component="$source"} |= "" | json [1m]))` }] } : p,
      ),
    };
    const brokenPanel = { ...stack, dashboards: stack.dashboards.map((d) => (d === dashboard ? brokenDashboard : d)) };
    expect(definitionProblems(brokenPanel as unknown as typeof stack, cfg)).toEqual([
      `[query/empty-line-filter] dashboard ${dashboard.uid} panel ${panel.id} "${panel.title}" target ${target.refId}: empty line filter: |= "" matches every line; filter on text the wanted lines contain, or drop it`,
      `[query/parser-without-line-filter] dashboard ${dashboard.uid} panel ${panel.id} "${panel.title}" target ${target.refId}: | json with no line filter before it parses every line of the stream; add a line filter (|= "...") that keeps only the lines wanted`,
    ]);
  });
});
