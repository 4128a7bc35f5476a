import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import type { Config } from "../config/schema";
import type { QueryLanguage } from "./grammar";
import { bodyExposure } from "./body-exposure";
import { syntaxErrors } from "./grammar";
import type { StackDefinition } from "../build/stack";
import { exprOf } from "../model/rules";
import { finding, type Finding } from "./findings";

export interface QueryRef {
  /** Whose query it is: an alert rule's or a dashboard panel's (only dashboards interpolate variables). */
  owner: "alert" | "dashboard";
  /** The rule's or dashboard's uid: what a finding belongs to, and what a suppression names. */
  subject: string;
  /** Where the query lives, as a reviewer would look for it. */
  where: string;
  language: QueryLanguage;
  expr: string;
  /** The dashboard a panel target belongs to (its variables are interpolated before Grafana sends it). */
  dashboard?: dashboard.Dashboard;
}

const LANGUAGE_OF_TYPE: Record<string, QueryLanguage> = { loki: "logql", prometheus: "promql" };

/** The fields every Loki and Prometheus target has; the SDK types targets as an opaque variant. */
interface TargetFields {
  expr?: unknown;
  refId?: string;
  datasource?: dashboard.DataSourceRef;
}

interface PanelTarget {
  where: string;
  language?: QueryLanguage;
  expr?: string;
}

/** Every target of every panel (rows hold none), whichever visualisation, with its language when known. */
function panelTargets(d: dashboard.Dashboard): PanelTarget[] {
  return (d.panels ?? []).flatMap((panel) => {
    if (!("targets" in panel)) return [];
    return ((panel.targets ?? []) as TargetFields[]).map((target) => ({
      where: `dashboard ${d.uid} panel ${panel.id ?? "?"} "${panel.title}" target ${target.refId}`,
      // A mixed panel's targets name their own datasource.
      language: LANGUAGE_OF_TYPE[(target.datasource ?? panel.datasource)?.type ?? ""],
      expr: exprOf(target),
    }));
  });
}

function dashboardQueries(d: dashboard.Dashboard): QueryRef[] {
  return panelTargets(d).flatMap(({ where, language, expr }) =>
    language && expr !== undefined ? [{ owner: "dashboard" as const, subject: d.uid ?? "", where, language, expr, dashboard: d }] : [],
  );
}

/** Targets no check could read: without a Loki/Prometheus datasource or without a query. */
export function unreadableTargets(d: dashboard.Dashboard): Finding[] {
  return panelTargets(d)
    .filter((t) => !t.language || t.expr === undefined)
    .map((t) =>
      finding(
        "dashboard/unreadable-target",
        d.uid ?? "",
        t.where,
        "has no Loki or Prometheus query that the grammar and body checks can read",
      ),
    );
}

/** Every LogQL and PromQL query of the stack: alert rule queries and dashboard panel targets. */
export function stackQueries(stack: Pick<StackDefinition, "ruleGroups" | "dashboards">, cfg: Pick<Config, "datasources">): QueryRef[] {
  const languageOfDatasource: Record<string, QueryLanguage> = {
    [cfg.datasources.loki]: "logql",
    [cfg.datasources.prometheus]: "promql",
  };
  const ruleQueries = stack.ruleGroups.flatMap((g) =>
    (g.rules ?? []).flatMap((r) =>
      r.data.flatMap((q) => {
        const language = languageOfDatasource[q.datasourceUid ?? ""];
        const expr = exprOf(q.model);
        return language && expr !== undefined
          ? [{ owner: "alert" as const, subject: r.uid ?? "", where: `alert ${r.uid} query ${q.refId}`, language, expr }]
          : [];
      }),
    ),
  );
  return [...ruleQueries, ...stack.dashboards.flatMap(dashboardQueries)];
}

/** LogQL queries that could return a raw request/response body, as a log line or a label. */
export function bodyExposingQueries(queries: QueryRef[]): Finding[] {
  return queries
    .filter((q) => q.language === "logql")
    .flatMap((q) => bodyExposure(q.expr).map((why) => finding("query/body-exposure", q.subject, q.where, `${why}: ${q.expr}`)));
}

export function unparseableQueries(queries: QueryRef[]): Finding[] {
  return queries
    .filter((q) => syntaxErrors(q.language, q.expr).length > 0)
    .map((q) =>
      finding(
        "query/syntax",
        q.subject,
        q.where,
        `${q.language} does not parse at offset ${syntaxErrors(q.language, q.expr)[0]}: ${q.expr}`,
      ),
    );
}
