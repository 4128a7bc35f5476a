import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { parse } from "yaml";
import { formatDuration } from "../config/durations";
import { EXPRESSION_DATASOURCE } from "../model/rules";
import { describeEvaluator, type ThresholdModel } from "../model/thresholds";

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
  /** How far back each datasource query reads (its relative time range), by refId: `5m`, `1h to 5m ago`. */
  lookback?: Record<string, string>;
  /** Annotations (summary, description, runbook_url, the linked dashboard panel). */
  annotations?: Record<string, string>;
  /**
   * The firing condition: `> 2` for a threshold on the rule's only query, `C > 2` for a threshold on
   * another step, and `<refId>: <model JSON>` for any other kind of condition.
   */
  threshold: string;
  pending: string;
  keepFiringFor: string;
  labels: Record<string, string>;
  /** The rule's own contact point (`notification_settings.receiver`): it bypasses the policy tree. */
  receiver?: string;
  noDataState: string;
  execErrState: string;
  paused: boolean;
  /** Metric a recording rule writes; undefined for an alerting rule. */
  record?: string;
}

/** A contact point's integration as provisioned: credentials read `[REDACTED]` in rendered/. */
export interface ContactPointSummary {
  name: string;
  uid: string;
  type: string;
  settings: Record<string, unknown>;
  disableResolveMessage: boolean;
}

export interface MuteTimingSummary {
  name: string;
  /** Each interval as a reviewer reads it: `weekdays tuesday; times 14:00-16:00; location Europe/Berlin`. */
  intervals: string[];
}

export interface AlertingSnapshot {
  alerts: AlertSummary[];
  policy?: alerting.NotificationPolicy;
  contactPoints?: ContactPointSummary[];
  muteTimings?: MuteTimingSummary[];
}

interface ProvisionedQuery {
  refId: string;
  relativeTimeRange?: { from?: number; to?: number };
  datasourceUid?: string;
  model?: Record<string, unknown>;
}

interface ProvisionedRule {
  uid: string;
  title: string;
  condition: string;
  data?: ProvisionedQuery[];
  for?: string;
  keepFiringFor?: string;
  /** The key files rendered before the fix to Grafana's spelling used (still read for diffs against them). */
  keep_firing_for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  noDataState?: string;
  execErrState?: string;
  isPaused?: boolean;
  notification_settings?: { receiver?: string };
  record?: { metric?: string; from?: string };
}

interface ProvisionedGroup {
  name: string;
  folder: string;
  interval?: string;
  rules?: ProvisionedRule[];
}

interface ProvisionedTimeInterval {
  times?: Array<{ start_time?: string; end_time?: string }>;
  weekdays?: string[];
  days_of_month?: string[];
  months?: string[];
  years?: string[];
  location?: string;
}

interface ProvisioningDocument {
  groups?: ProvisionedGroup[];
  policies?: alerting.NotificationPolicy[];
  contactPoints?: Array<{ name: string; receivers?: Array<Partial<ContactPointSummary>> }>;
  muteTimes?: Array<{ name: string; time_intervals?: ProvisionedTimeInterval[] }>;
}

function lookbackOf(q: ProvisionedQuery): string {
  const { from = 0, to = 0 } = q.relativeTimeRange ?? {};
  return to === 0 ? formatDuration(from) : `${formatDuration(from)} to ${formatDuration(to)} ago`;
}

function describeInterval(i: ProvisionedTimeInterval): string {
  const parts = [
    i.times?.length ? `times ${i.times.map((t) => `${t.start_time}-${t.end_time}`).join(", ")}` : "",
    i.weekdays?.length ? `weekdays ${i.weekdays.join(", ")}` : "",
    i.days_of_month?.length ? `days of month ${i.days_of_month.join(", ")}` : "",
    i.months?.length ? `months ${i.months.join(", ")}` : "",
    i.years?.length ? `years ${i.years.join(", ")}` : "",
    i.location ? `location ${i.location}` : "",
  ].filter(Boolean);
  return parts.length ? parts.join("; ") : "always";
}

function describeCondition(rule: ProvisionedRule): string {
  if (rule.record) return `records ${rule.record.from} as ${rule.record.metric}`;
  const step = (rule.data ?? []).find((q) => q.refId === rule.condition);
  const model = step?.model as ThresholdModel | undefined;
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
    lookback: Object.fromEntries(
      (rule.data ?? []).filter((q) => q.datasourceUid !== EXPRESSION_DATASOURCE).map((q) => [q.refId, lookbackOf(q)]),
    ),
    annotations: { ...(rule.annotations ?? {}) },
    threshold: describeCondition(rule),
    pending: rule.for || "0s",
    keepFiringFor: rule.keepFiringFor || rule.keep_firing_for || "0s",
    labels: { ...(rule.labels ?? {}) },
    ...(rule.notification_settings?.receiver ? { receiver: rule.notification_settings.receiver } : {}),
    noDataState: rule.noDataState ?? "",
    execErrState: rule.execErrState ?? "",
    paused: rule.isPaused ?? false,
    ...(rule.record ? { record: rule.record.metric ?? "" } : {}),
  };
}

/**
 * A list of objects in a provisioning file read back (a committed file may be malformed): `[]` when
 * absent, an Error naming the file and field when it is not a list of objects (never a TypeError).
 */
function objects<T>(file: string, field: string, value: T[] | undefined | null): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => v === null || typeof v !== "object" || Array.isArray(v)))
    throw new Error(`${file}: ${field} is not a list of objects`);
  return value;
}

/**
 * Reads Grafana alerting provisioning files (file name -> YAML text): rule groups, the notification
 * policy tree, contact points and mute timings; templates are ignored. Alerts come out sorted by uid.
 */
export function readAlertingSnapshot(files: Iterable<[string, string]>): AlertingSnapshot {
  const alerts: AlertSummary[] = [];
  const contactPoints: ContactPointSummary[] = [];
  const muteTimings: MuteTimingSummary[] = [];
  let policy: alerting.NotificationPolicy | undefined;
  for (const [name, text] of files) {
    let doc: ProvisioningDocument | null;
    try {
      doc = parse(text) as ProvisioningDocument | null;
    } catch (e) {
      throw new Error(`${name}: not valid YAML (${e instanceof Error ? e.message.split("\n")[0] : e})`);
    }
    if (doc !== null && (typeof doc !== "object" || Array.isArray(doc)))
      throw new Error(`${name}: not a provisioning file (expected a map at the top)`);
    for (const group of objects(name, "groups", doc?.groups))
      alerts.push(...objects(name, `groups ${group.name ?? ""} rules`, group.rules).map((r) => summarise(group, r)));
    for (const cp of objects(name, "contactPoints", doc?.contactPoints)) {
      for (const r of objects(name, `contactPoints ${cp.name ?? ""} receivers`, cp.receivers)) {
        contactPoints.push({
          name: cp.name,
          uid: r.uid ?? "",
          type: r.type ?? "",
          settings: { ...(r.settings ?? {}) },
          disableResolveMessage: r.disableResolveMessage ?? false,
        });
      }
    }
    for (const t of objects(name, "muteTimes", doc?.muteTimes))
      muteTimings.push({
        name: t.name,
        intervals: objects(name, `muteTimes ${t.name ?? ""} time_intervals`, t.time_intervals).map(describeInterval),
      });
    const policies = objects(name, "policies", doc?.policies);
    if (policies.length) {
      const { orgId: _orgId, ...tree } = policies[0] as alerting.NotificationPolicy & { orgId?: number };
      policy = tree;
    }
  }
  return {
    alerts: alerts.sort((a, b) => a.uid.localeCompare(b.uid)),
    ...(policy ? { policy } : {}),
    contactPoints: contactPoints.sort((a, b) => `${a.name}/${a.uid}`.localeCompare(`${b.name}/${b.uid}`)),
    muteTimings: muteTimings.sort((a, b) => a.name.localeCompare(b.name)),
  };
}
