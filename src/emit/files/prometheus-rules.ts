import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { stringify } from "yaml";
import type { Config } from "../../config/schema";
import { EXPRESSION_DATASOURCE, exprOf } from "../../model/rules";
import { singleThreshold, THRESHOLD_OPERATORS } from "../../model/thresholds";
import type { StackDefinition } from "../../build/stack";

/**
 * Exports every PromQL alert of the stack as the equivalent Prometheus alerting rule, so promtool
 * can check and unit-test it. Grafana rule: A = instant PromQL, B = threshold on A, condition B,
 * `for`, `keep_firing_for`. Prometheus rule: `(A) <op> value` with the same `for`,
 * `keep_firing_for`, labels and annotations. Any PromQL rule of another shape throws: a rule that
 * cannot be exported faithfully must not pass as tested.
 */

export interface PrometheusRule {
  /** The Grafana rule uid: Prometheus rule names are identifiers, Grafana titles are prose. */
  alert: string;
  expr: string;
  for: string;
  keep_firing_for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface PrometheusRuleGroup {
  name: string;
  interval: string;
  rules: PrometheusRule[];
}

export class ExportError extends Error {
  constructor(rule: alerting.Rule, why: string) {
    super(`alert ${rule.uid}: cannot be exported to a Prometheus rule: ${why}`);
    this.name = "ExportError";
  }
}

export type RuleKind = "promql-alert" | "logql-alert" | "logql-recording" | "promql-recording";

/** Which replay handles a rule, from the datasources of its queries. */
export function ruleKind(rule: alerting.Rule, cfg: Config): RuleKind {
  const sources = new Set(rule.data.map((q) => q.datasourceUid).filter((uid) => uid !== EXPRESSION_DATASOURCE));
  const only = (uid: string) => sources.size === 1 && sources.has(uid);
  const recording = rule.record !== undefined && rule.record !== null;
  if (only(cfg.datasources.loki)) return recording ? "logql-recording" : "logql-alert";
  if (only(cfg.datasources.prometheus)) return recording ? "promql-recording" : "promql-alert";
  throw new ExportError(rule, `queries datasources ${[...sources].join(", ") || "none"}; expected only Loki or only Prometheus`);
}

/** Grafana's `$values.A` is the value of query A, which is Prometheus' `$value` for `(A) > x`. */
function prometheusTemplate(rule: alerting.Rule, text: string): string {
  const translated = text.replace(/\$values\.A\.Value/g, "$value").replace(/\$values\.A\.Labels/g, "$labels");
  const other = translated.match(/\$values\b[^\s}]*/);
  if (other) throw new ExportError(rule, `annotation uses ${other[0]}, which has no Prometheus equivalent`);
  return translated;
}

export function prometheusAlert(rule: alerting.Rule): PrometheusRule {
  const [a, b] = rule.data;
  if (rule.data.length !== 2 || rule.condition !== "B" || a?.refId !== "A" || b?.refId !== "B") {
    throw new ExportError(
      rule,
      `expected data [A: PromQL, B: threshold on A] with condition B (got ${rule.data.map((q) => q.refId).join(", ")}, condition ${rule.condition})`,
    );
  }
  const model = a.model as { instant?: boolean; range?: boolean };
  const expr = exprOf(a.model);
  if (!expr || model.instant !== true || model.range === true) throw new ExportError(rule, "A is not an instant PromQL query");
  if (/\$__|\$\{/.test(expr)) throw new ExportError(rule, `A uses Grafana variables, which Prometheus would not interpolate: ${expr}`);
  const t = singleThreshold(b.model);
  if (b.datasourceUid !== EXPRESSION_DATASOURCE || t?.input !== "A") {
    throw new ExportError(rule, "B is not a single threshold (gt, lt, gte or lte with one value, no recovery threshold) on A");
  }
  // No series is "not firing" in Prometheus; in Grafana only OK and NoData (a separate alert) agree.
  if (rule.noDataState === "Alerting" || rule.noDataState === "KeepLast") {
    throw new ExportError(rule, `noDataState ${rule.noDataState} has no Prometheus equivalent`);
  }
  const keep = rule.keep_firing_for && !/^0+[a-z]*$/.test(rule.keep_firing_for) ? { keep_firing_for: rule.keep_firing_for } : {};
  return {
    alert: rule.uid ?? "",
    expr: `(${expr}) ${THRESHOLD_OPERATORS[t.op]} ${t.value}`,
    for: rule.for,
    ...keep,
    labels: { ...(rule.labels ?? {}) },
    annotations: Object.fromEntries(Object.entries(rule.annotations ?? {}).map(([k, v]) => [k, prometheusTemplate(rule, v)])),
  };
}

/** One Prometheus rule group per Grafana rule group holding PromQL alerts. */
export function prometheusRuleGroups(stack: Pick<StackDefinition, "ruleGroups">, cfg: Config): PrometheusRuleGroup[] {
  return stack.ruleGroups.flatMap((g) => {
    const rules = (g.rules ?? []).filter((r) => ruleKind(r, cfg) === "promql-alert").map(prometheusAlert);
    const promRecording = (g.rules ?? []).filter((r) => ruleKind(r, cfg) === "promql-recording");
    if (promRecording.length > 0) {
      throw new ExportError(promRecording[0], "PromQL recording rules are not exported yet");
    }
    return rules.length > 0 ? [{ name: g.title ?? "", interval: `${g.interval ?? cfg.alerting.evaluationIntervalSeconds}s`, rules }] : [];
  });
}

/** `<group>.rules.yml` files: Prometheus rule files promtool checks (`check rules`) and tests. */
export function prometheusRuleFiles(stack: Pick<StackDefinition, "ruleGroups">, cfg: Config): Array<[string, string]> {
  return prometheusRuleGroups(stack, cfg).map((g) => [
    `${g.name}.rules.yml`,
    "# Generated by `npm run render` from the PromQL alerts of alerts/: their Prometheus equivalent, checked and\n" +
      "# unit-tested with promtool by the incident replay. Do not edit: change the definition and render again.\n" +
      stringify({ groups: [g] }, { lineWidth: 0 }),
  ]);
}
