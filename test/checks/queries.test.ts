import { formatFinding } from "../../src/checks/findings";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/schema";
import { stackQueries, unparseableQueries } from "../../src/checks/queries";
import { syntaxErrors } from "../../src/checks/grammar";
import { checkedStack, definitionProblems } from "../../src/checks";
import { exampleConfig } from "../support/stack";

const cfg = parseConfig(exampleConfig());
const queries = stackQueries(checkedStack(cfg), cfg);

describe("every query of the stack", () => {
  it("is found in alerts and dashboards, in both languages", () => {
    expect(queries.some((q) => q.where.startsWith("alert ") && q.language === "logql")).toBe(true);
    expect(queries.some((q) => q.where.startsWith("dashboard ") && q.language === "logql")).toBe(true);
    expect(queries.some((q) => q.where.startsWith("dashboard ") && q.language === "promql")).toBe(true);
  });

  it("includes the targets of logs, stat, gauge and mixed panels", () => {
    for (const where of [
      'panel 8 "Recent failed orders" target A',
      'panel 5 "CPU now" target A',
      'panel 3 "Last metric sample" target A',
    ]) {
      expect(
        queries.some((q) => q.where.endsWith(where)),
        where,
      ).toBe(true);
    }
    const mixed = queries.filter((q) => q.where.includes('"Requests per minute: logs vs metrics"'));
    expect(mixed.map((q) => q.language)).toEqual(["logql", "promql"]);
  });

  it("stops the stack when a panel could show raw bodies", () => {
    const stack = checkedStack(cfg);
    const orders = stack.dashboards.find((d) => d.uid === "pizza-orders")!;
    const rawLines = {
      ...orders,
      panels: [{ ...orders.panels!.find((p) => p.type !== "row")!, targets: [{ refId: "A", expr: '{component="$source", type="http"}' }] }],
    };
    const problems = definitionProblems({ ...stack, dashboards: [rawLines as typeof orders] }, cfg);
    expect(problems.some((p) => p.includes("target A: returns raw log lines"))).toBe(true);
  });

  it.each(queries.map((q) => [q.where, q] as const))("%s parses with the official grammar", (_where, q) => {
    expect(syntaxErrors(q.language, q.expr)).toEqual([]);
  });
});

describe("grammar check", () => {
  it("catches broken LogQL and PromQL", () => {
    expect(syntaxErrors("logql", 'sum(count_over_time({a="b"} | json [5m])')).not.toEqual([]);
    expect(syntaxErrors("promql", "sum(rate(requests_total[5m])")).not.toEqual([]);
    expect(
      unparseableQueries([{ owner: "alert", subject: "x", where: "alert x query A", language: "promql", expr: "rate(x[5m]" }]).map(
        formatFinding,
      ),
    ).toEqual(["[query/syntax] alert x query A: promql does not parse at offset 10: rate(x[5m]"]);
  });

  it("accepts the incident's original query and Grafana's interval macros", () => {
    expect(syntaxErrors("logql", 'sum(count_over_time({source="jwt-pizza-service"} |= "" | json | statusCode >= 500 [5m])) > 0')).toEqual(
      [],
    );
    expect(syntaxErrors("promql", 'sum(rate(requests_total{source="$source"}[$__rate_interval]))')).toEqual([]);
  });
});
