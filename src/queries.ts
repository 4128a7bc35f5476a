import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import type { Config } from "./config";
import type { QueryLanguage } from "./query-grammar";
import { syntaxErrors } from "./query-grammar";
import type { StackDefinition } from "./stack";

export interface QueryRef {
  /** Where the query lives, as a reviewer would look for it. */
  where: string;
  language: QueryLanguage;
  expr: string;
}

const LANGUAGE_OF_TYPE: Record<string, QueryLanguage> = { loki: "logql", prometheus: "promql" };

/** The fields every Loki and Prometheus target has; the SDK types targets as an opaque variant. */
interface TargetFields {
  expr?: unknown;
  refId?: string;
  datasource?: dashboard.DataSourceRef;
}

/** The LogQL/PromQL text of a Loki or Prometheus query model. */
export function exprOf(model: unknown): string | undefined {
  const expr = (model as TargetFields | undefined)?.expr;
  return typeof expr === "string" ? expr : undefined;
}

function dashboardQueries(d: dashboard.Dashboard): QueryRef[] {
  return (d.panels ?? []).flatMap((panel) => {
    if (!("targets" in panel)) return [];
    return ((panel.targets ?? []) as TargetFields[]).flatMap((target) => {
      const type = (target.datasource ?? panel.datasource)?.type ?? "";
      const language = LANGUAGE_OF_TYPE[type];
      const expr = exprOf(target);
      return language && expr !== undefined
        ? [{ where: `dashboard ${d.uid} panel "${panel.title}" target ${target.refId}`, language, expr }]
        : [];
    });
  });
}

/** Every LogQL and PromQL query of the stack: alert rule queries and dashboard panel targets. */
export function stackQueries(stack: StackDefinition, cfg: Config): QueryRef[] {
  const languageOfDatasource: Record<string, QueryLanguage> = {
    [cfg.datasources.loki]: "logql",
    [cfg.datasources.prometheus]: "promql",
  };
  const ruleQueries = stack.ruleGroups.flatMap((g) =>
    (g.rules ?? []).flatMap((r) =>
      r.data.flatMap((q) => {
        const language = languageOfDatasource[q.datasourceUid ?? ""];
        const expr = exprOf(q.model);
        return language && expr !== undefined ? [{ where: `alert ${r.uid} query ${q.refId}`, language, expr }] : [];
      }),
    ),
  );
  return [...ruleQueries, ...stack.dashboards.flatMap(dashboardQueries)];
}

export function unparseableQueries(queries: QueryRef[]): string[] {
  return queries
    .filter((q) => syntaxErrors(q.language, q.expr).length > 0)
    .map((q) => `${q.where}: ${q.language} does not parse at offset ${syntaxErrors(q.language, q.expr)[0]}: ${q.expr}`);
}
