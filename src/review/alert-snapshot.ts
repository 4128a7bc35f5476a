import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { parse } from "yaml";
import { EXPRESSION_DATASOURCE, THRESHOLD_OPERATORS } from "../model/rules";

/** What an alert does, read back from Grafana's alerting provisioning files (rendered/alerting/). */
export interface AlertSummary {
  uid: string;
  title: string;
  group: string;
  folder: string;
  /** How often the rule group is evaluated, e.g. `60s`. */
  interval: string;
  /** Datasource queries by refId: the LogQL/PromQL text (or the model as JSON when it has no expr). */
  queries: Record<string, string>;
  /**
   * The firing condition: `> 2` for a threshold on the rule's only query, `C > 2` for a threshold on
   * another step, and `<refId>: <model JSON>` for any other kind of condition.
   */
  threshold: string;
  pending: string;
  keepFiringFor: string;
  labels: Record<string, string>;
  noDataState: string;
  execErrState: string;
  paused: boolean;
  /** Metric a recording rule writes; undefined for an alerting rule. */
  record?: string;
}

export interface AlertingSnapshot {
  alerts: AlertSummary[];
  policy?: alerting.NotificationPolicy;
}

interface ProvisionedQuery {
  refId: string;
  datasourceUid?: string;
  model?: Record<string, unknown>;
}

interface ProvisionedRule {
  uid: string;
  title: string;
  condition: string;
  data?: ProvisionedQuery[];
  for?: string;
  /** Grafana's provisioning key (rules_types.go); older renders wrote keep_firing_for, which Grafana ignored. */
  keepFiringFor?: string;
  labels?: Record<string, string>;
  noDataState?: string;
  execErrState?: string;
  isPaused?: boolean;
  record?: { metric?: string };
}

interface ProvisionedGroup {
  name: string;
  folder: string;
  interval?: string;
  rules?: ProvisionedRule[];
}

interface ProvisioningDocument {
  groups?: ProvisionedGroup[];
  policies?: alerting.NotificationPolicy[];
}

/** Grafana's threshold evaluators also include eq/ne, which the stack's own builders never emit. */
const OPERATORS: Record<string, string> = { ...THRESHOLD_OPERATORS, eq: "==", ne: "!=" };

interface Evaluator {
  type?: string;
  params?: number[];
}

/** `> 2`, `within_range 1, 5`: a threshold expression's evaluator as a reviewer reads it. */
export function describeEvaluator(evaluator: Evaluator): string {
  const params = evaluator.params ?? [];
  const op = OPERATORS[evaluator.type ?? ""];
  return op && params.length === 1 ? `${op} ${params[0]}` : `${evaluator.type} ${params.join(", ")}`;
}

function describeCondition(rule: ProvisionedRule): string {
  const step = (rule.data ?? []).find((q) => q.refId === rule.condition);
  const model = step?.model as { type?: string; expression?: string; conditions?: Array<{ evaluator?: Evaluator }> } | undefined;
  if (model?.type === "threshold" && model.conditions?.length === 1 && model.conditions[0].evaluator) {
    const threshold = describeEvaluator(model.conditions[0].evaluator);
    // The usual shape (one query, a threshold on it) reads best as just `> 2`.
    const onlyQuery = Object.keys(datasourceQueries(rule));
    return onlyQuery.length === 1 && onlyQuery[0] === model.expression ? threshold : `${model.expression} ${threshold}`;
  }
  return `${rule.condition}: ${JSON.stringify(model ?? null)}`;
}

function datasourceQueries(rule: ProvisionedRule): Record<string, string> {
  const queries = (rule.data ?? []).filter((q) => q.datasourceUid !== EXPRESSION_DATASOURCE);
  return Object.fromEntries(
    queries.map((q) => [q.refId, typeof q.model?.expr === "string" ? q.model.expr : JSON.stringify(q.model ?? null)]),
  );
}

function summarise(group: ProvisionedGroup, rule: ProvisionedRule): AlertSummary {
  return {
    uid: rule.uid,
    title: rule.title,
    group: group.name,
    folder: group.folder,
    interval: group.interval ?? "",
    queries: datasourceQueries(rule),
    threshold: describeCondition(rule),
    pending: rule.for || "0s",
    keepFiringFor: rule.keepFiringFor || "0s",
    labels: { ...(rule.labels ?? {}) },
    noDataState: rule.noDataState ?? "",
    execErrState: rule.execErrState ?? "",
    paused: rule.isPaused ?? false,
    ...(rule.record ? { record: rule.record.metric ?? "" } : {}),
  };
}

/**
 * Reads Grafana alerting provisioning files (file name -> YAML text): rule groups and the
 * notification policy tree; contact points and anything else are ignored. Alerts come out sorted by uid.
 */
export function readAlertingSnapshot(files: Iterable<[string, string]>): AlertingSnapshot {
  const alerts: AlertSummary[] = [];
  let policy: alerting.NotificationPolicy | undefined;
  for (const [name, text] of files) {
    let doc: ProvisioningDocument | null;
    try {
      doc = parse(text) as ProvisioningDocument | null;
    } catch (e) {
      throw new Error(`${name}: not valid YAML (${e instanceof Error ? e.message.split("\n")[0] : e})`);
    }
    for (const group of doc?.groups ?? []) alerts.push(...(group.rules ?? []).map((r) => summarise(group, r)));
    if (doc?.policies?.length) {
      const { orgId: _orgId, ...tree } = doc.policies[0] as alerting.NotificationPolicy & { orgId?: number };
      policy = tree;
    }
  }
  return { alerts: alerts.sort((a, b) => a.uid.localeCompare(b.uid)), ...(policy ? { policy } : {}) };
}
