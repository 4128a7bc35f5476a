import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { QueryBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { TypeReduceBuilder } from "@grafana/grafana-foundation-sdk/expr";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { alertRule, promQuery, threshold, type AlertSpec } from "../../../src/model/rules";
import { parseConfig } from "../../../src/config/schema";
import {
  ExportError,
  prometheusAlert,
  prometheusRuleFiles,
  prometheusRuleGroups,
  ruleKind,
} from "../../../src/emit/files/prometheus-rules";
import { RENDERED_DIR } from "../../../src/config/paths";
import { listFiles } from "../../../src/emit/files/artifacts";
import { promtool } from "../../../src/emit/promtool";
import { checkedStack } from "../../../src/checks";
import { exampleConfig } from "../../support/stack";

const cfg = parseConfig(exampleConfig());
const stack = checkedStack(cfg);

function promRule(overrides: Partial<AlertSpec> = {}): alerting.Rule {
  return alertRule(cfg, {
    uid: "test-cpu",
    title: "Test CPU",
    group: "saturation",
    severity: "ticket",
    category: "saturation",
    summary: "CPU at {{ $values.A.Value }}% on {{ $labels.source }}",
    description: "d",
    queries: [
      promQuery("A", cfg.datasources.prometheus, 'max(cpu_percent{source="jwt-pizza-service"})', 300),
      threshold("B", "A", "gt", 80),
    ],
    condition: "B",
    pendingPeriod: "5m",
    noDataState: "OK",
    execErrState: "Error",
    ...overrides,
  })
    .keepFiringFor("2m")
    .build();
}

describe("Prometheus export of PromQL alerts", () => {
  it("keeps query, threshold, pending period, keep_firing_for, labels and annotations", () => {
    const rule = prometheusAlert(promRule());
    expect(rule).toMatchObject({
      alert: "test-cpu",
      expr: '(max(cpu_percent{source="jwt-pizza-service"})) > 80',
      for: "5m",
      keep_firing_for: "2m",
      labels: { severity: "ticket", team: "pizza", service: "jwt-pizza-service", category: "saturation" },
    });
    expect(rule.annotations.summary).toBe("CPU at {{ $value }}% on {{ $labels.source }}");
    expect(rule.annotations.runbook_url).toMatch(/\/test-cpu\.md$/);
  });

  it("fails loudly on a PromQL rule of another shape", () => {
    const reduce = new QueryBuilder("B")
      .datasourceUid("__expr__")
      .model(new TypeReduceBuilder().expression("A").reducer("last").refId("B"));
    const bad: Array<[string, Partial<AlertSpec>]> = [
      [
        "reduce before threshold",
        { queries: [promQuery("A", cfg.datasources.prometheus, "up", 60), reduce, threshold("C", "B", "gt", 1)], condition: "C" },
      ],
      ["condition on A", { condition: "A" }],
      ["noDataState Alerting", { noDataState: "Alerting" }],
      ["Grafana-only template", { summary: "{{ $values.B.Value }}" }],
      [
        "Grafana macro",
        { queries: [promQuery("A", cfg.datasources.prometheus, "rate(x[$__rate_interval])", 60), threshold("B", "A", "gt", 1)] },
      ],
    ];
    for (const [why, overrides] of bad) expect(() => prometheusAlert(promRule(overrides)), why).toThrow(ExportError);
    const mixed = promRule();
    mixed.data[1] = { ...mixed.data[1], datasourceUid: cfg.datasources.loki };
    expect(() => ruleKind(mixed, cfg)).toThrow(ExportError);
    const withBadRule = {
      ...stack,
      ruleGroups: [...stack.ruleGroups, { title: "saturation", interval: 60, folderUid: "f", rules: [promRule({ condition: "A" })] }],
    };
    expect(() => prometheusRuleGroups(withBadRule, cfg)).toThrow(/test-cpu.*condition A/);
  });

  it("exports every PromQL alert of the stack and no LogQL one", () => {
    const rules = stack.ruleGroups.flatMap((g) => g.rules ?? []);
    const exported = prometheusRuleGroups(stack, cfg).flatMap((g) => g.rules.map((r) => r.alert));
    expect(exported.sort()).toEqual(
      rules
        .filter((r) => ruleKind(r, cfg) === "promql-alert")
        .map((r) => r.uid)
        .sort(),
    );
    expect(exported).not.toContain("pizza-order-5xx");
  });

  it("passes promtool check rules, for every rendered rule file", () => {
    const dir = mkdtempSync(join(tmpdir(), "prom-export-"));
    const sample = { ...stack, ruleGroups: [{ title: "saturation", interval: 60, folderUid: "f", rules: [promRule()] }] };
    const rendered = listFiles(join(RENDERED_DIR, "prometheus"));
    expect(rendered).toEqual(
      prometheusRuleGroups(stack, cfg)
        .map((g) => `${g.name}.rules.yml`)
        .sort(),
    );
    expect(rendered.length).toBeGreaterThanOrEqual(5);
    const files = [
      ...rendered.map((f) => join(RENDERED_DIR, "prometheus", f)),
      ...prometheusRuleFiles(sample, cfg).map(([name, content]) => {
        writeFileSync(join(dir, name), content);
        return join(dir, name);
      }),
    ];
    for (const file of files) {
      expect(parse(readFileSync(file, "utf8")).groups.length).toBe(1);
      const r = promtool(["check", "rules", file]);
      expect(r.status, r.output).toBe(0);
      expect(r.output).toMatch(/SUCCESS: \d+ rules found/);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("fails, not skips, when promtool is missing", () => {
    expect(() => promtool(["--version"], "/nonexistent/promtool")).toThrow(/cannot run/);
  });
});
