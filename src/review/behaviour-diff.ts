import { isDeepStrictEqual } from "node:util";
import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { CREDENTIAL_KEY, REDACTED } from "../config/secret";
import { DASHBOARD_UID_ANNOTATION, PANEL_ID_ANNOTATION } from "../model/rules";
import type { AlertingSnapshot, AlertSummary, ContactPointSummary, MuteTimingSummary } from "./alert-snapshot";
import { type Change, field, type FieldChange, type Section } from "./changes";
import type { DashboardSummary, PanelSummary } from "./dashboard-snapshot";
import { routeMatchers } from "../model/routing-match";
import { receiversOf, routedLabels } from "./routed-labels";

export { NO_CHANGES } from "./changes";

/** Everything the diff compares: the alerting provisioning files and the dashboards. */
export interface ReviewSnapshot extends AlertingSnapshot {
  dashboards?: DashboardSummary[];
}

/** Receivers the alert reaches: its own contact point, or the policy tree's match on its routed labels. */
export function routeOf(alert: AlertSummary, policy: alerting.NotificationPolicy | undefined): string {
  if (!alert.receiver && !policy) return "(no notification policy)";
  return receiversOf(alert, routedLabels(alert, alert.folder), policy).join(", ");
}

function severityOf(alert: AlertSummary): string {
  return alert.labels.severity ?? "(none)";
}

function labelsText(labels: Record<string, string>): string {
  const pairs = Object.entries(labels).filter(([name]) => name !== "severity");
  return pairs.length ? pairs.map(([k, v]) => `${k}=${v}`).join(", ") : "(none)";
}

const NONE = "(none)";

/** Per-key changes of two records, keys sorted; `block` for values that read better on their own lines. */
function recordFields(prefix: string, a: Record<string, string> = {}, b: Record<string, string> = {}, block = false): FieldChange[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.flatMap((k) => field(`${prefix}${k}`, a[k] ?? NONE, b[k] ?? NONE, block));
}

function panelLink(annotations: Record<string, string> = {}): string {
  const uid = annotations[DASHBOARD_UID_ANNOTATION];
  return uid ? `${uid} panel ${annotations[PANEL_ID_ANNOTATION] ?? "?"}` : NONE;
}

function withoutPanelLink(annotations: Record<string, string> = {}): Record<string, string> {
  const { [DASHBOARD_UID_ANNOTATION]: _uid, [PANEL_ID_ANNOTATION]: _panel, ...rest } = annotations;
  return rest;
}

/** One entry per behaviour-relevant field that differs, in a fixed order. */
function changedFields(before: AlertSummary, after: AlertSummary, beforeRoute: string, afterRoute: string): FieldChange[] {
  return [
    ...field("title", before.title, after.title),
    ...field("recording rule", before.record ?? "(alerting)", after.record ?? "(alerting)"),
    ...recordFields("query ", before.queries, after.queries, true),
    ...recordFields("lookback ", before.lookback, after.lookback),
    ...field("threshold", before.threshold, after.threshold),
    ...field("pending period", before.pending, after.pending),
    ...field("keep firing for", before.keepFiringFor, after.keepFiringFor),
    ...field("evaluated every", before.interval, after.interval),
    ...field("severity", severityOf(before), severityOf(after)),
    ...field("route", beforeRoute, afterRoute),
    ...field("other labels", labelsText(before.labels), labelsText(after.labels)),
    ...field("no data", before.noDataState, after.noDataState),
    ...field("query error", before.execErrState, after.execErrState),
    ...field("paused", String(before.paused), String(after.paused)),
    ...field("rule group", before.group, after.group),
    ...field("folder", before.folder, after.folder),
    ...recordFields("annotation ", withoutPanelLink(before.annotations), withoutPanelLink(after.annotations), true),
    ...field("dashboard panel", panelLink(before.annotations), panelLink(after.annotations)),
  ];
}

function headline(alert: AlertSummary): string {
  return `${alert.uid} (${alert.title})`;
}

function addedSummary(alert: AlertSummary, policy: alerting.NotificationPolicy | undefined): string {
  if (alert.record !== undefined) return `recording rule ${alert.record}, evaluated every ${alert.interval}`;
  return `severity ${severityOf(alert)}, route ${routeOf(alert, policy)}, threshold ${alert.threshold}, pending ${alert.pending}`;
}

/** Objects matched by key before and after: added, removed, or changed (when `fields` finds differences). */
function keyed<T>(
  before: T[],
  after: T[],
  key: (t: T) => string,
  describe: {
    subject: (t: T) => string;
    added: (t: T) => string | undefined;
    fields: (a: T, b: T) => FieldChange[];
  },
): Change[] {
  const a = new Map(before.map((t) => [key(t), t]));
  const b = new Map(after.map((t) => [key(t), t]));
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  return keys.flatMap((k): Change[] => {
    const [x, y] = [a.get(k), b.get(k)];
    if (x && !y) return [{ mark: "-", subject: describe.subject(x), fields: [] }];
    if (!x && y) {
      const summary = describe.added(y);
      return [{ mark: "+", subject: describe.subject(y), ...(summary ? { summary } : {}), fields: [] }];
    }
    const fields = describe.fields(x!, y!);
    return fields.length ? [{ mark: "~", subject: describe.subject(y!), fields }] : [];
  });
}

/** Alerts and recording rules, by uid. */
export function alertChanges(before: AlertingSnapshot, after: AlertingSnapshot): Change[] {
  return keyed(before.alerts, after.alerts, (a) => a.uid, {
    subject: headline,
    added: (a) => addedSummary(a, after.policy),
    fields: (a, b) => changedFields(a, b, routeOf(a, before.policy), routeOf(b, after.policy)),
  });
}

interface RouteNode {
  /** The matchers from the root down: what a reviewer recognises a route by. */
  path: string;
  position: string;
  node: alerting.NotificationPolicy;
}

function matchersText(node: alerting.NotificationPolicy): string {
  const ms = routeMatchers(node);
  return ms.length ? ms.map((m) => `${m.name}${m.op}${JSON.stringify(m.value)}`).join(", ") : "(every alert)";
}

function routeNodes(policy: alerting.NotificationPolicy | undefined): RouteNode[] {
  if (!policy) return [];
  const out: RouteNode[] = [];
  const seen = new Map<string, number>();
  const walk = (node: alerting.NotificationPolicy, path: string, position: string) => {
    const n = (seen.get(path) ?? 0) + 1;
    seen.set(path, n);
    out.push({ path: n > 1 ? `${path} #${n}` : path, position, node });
    (node.routes ?? []).forEach((child, i) => walk(child, `${path} > ${matchersText(child)}`, `${position}.${i + 1}`));
  };
  walk(policy, "root", "root");
  return out;
}

const list = (xs: string[] | undefined) => (xs?.length ? xs.join(", ") : NONE);

function routeFields(a: RouteNode, b: RouteNode): FieldChange[] {
  const [x, y] = [a.node, b.node];
  return [
    ...field("position", a.position, b.position),
    ...field("receiver", x.receiver || "(inherited)", y.receiver || "(inherited)"),
    ...field("continue", String(x.continue ?? false), String(y.continue ?? false)),
    ...field("group by", list(x.group_by), list(y.group_by)),
    ...field("group wait", x.group_wait ?? "(inherited)", y.group_wait ?? "(inherited)"),
    ...field("group interval", x.group_interval ?? "(inherited)", y.group_interval ?? "(inherited)"),
    ...field("repeat interval", x.repeat_interval ?? "(inherited)", y.repeat_interval ?? "(inherited)"),
    ...field("mute timings", list(x.mute_time_intervals), list(y.mute_time_intervals)),
    ...field("active timings", list(x.active_time_intervals), list(y.active_time_intervals)),
  ];
}

/**
 * The notification policy tree's routes, recognised by their matchers: added, removed or changed
 * (receiver, order, timings, mute timings). Which alerts that moves is each alert's `route` row.
 */
export function routingChanges(before: AlertingSnapshot, after: AlertingSnapshot): Change[] {
  return keyed(routeNodes(before.policy), routeNodes(after.policy), (r) => r.path, {
    subject: (r) => `route ${r.path}`,
    added: (r) => `to ${r.node.receiver || "(inherited)"} at ${r.position}`,
    fields: routeFields,
  });
}

// Credentials read `[REDACTED]` in rendered files; keys named like credentials (CREDENTIAL_KEY) are never printed either.

function settingText(value: unknown): string {
  return value === undefined ? NONE : typeof value === "string" ? value : JSON.stringify(value);
}

function settingFields(a: Record<string, unknown>, b: Record<string, unknown>): FieldChange[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.flatMap((k) => {
    const [x, y] = [a[k], b[k]];
    if (isDeepStrictEqual(x, y)) return [];
    if (x === REDACTED || y === REDACTED || CREDENTIAL_KEY.test(k)) {
      const state = (v: unknown) => (v === undefined ? "(not set)" : "(set, not shown)");
      // Both set: the values differ but neither is shown.
      return [{ field: `setting ${k}`, before: state(x), after: x !== undefined && y !== undefined ? "changed (not shown)" : state(y) }];
    }
    const [tx, ty] = [settingText(x), settingText(y)];
    return field(`setting ${k}`, tx, ty, tx.length + ty.length > 60);
  });
}

/** Contact points by name and integration uid: type, settings (credentials never shown), resolve messages. */
export function contactPointChanges(before: ContactPointSummary[] = [], after: ContactPointSummary[] = []): Change[] {
  return keyed(before, after, (c) => `${c.name}/${c.uid}`, {
    subject: (c) => `contact point ${c.name}${c.uid && c.uid !== c.name ? ` (${c.uid})` : ""}`,
    added: (c) => `type ${c.type}`,
    fields: (a, b) => [
      ...field("type", a.type, b.type),
      ...settingFields(a.settings, b.settings),
      ...field("resolve messages", a.disableResolveMessage ? "off" : "on", b.disableResolveMessage ? "off" : "on"),
    ],
  });
}

export function muteTimingChanges(before: MuteTimingSummary[] = [], after: MuteTimingSummary[] = []): Change[] {
  return keyed(before, after, (t) => t.name, {
    subject: (t) => `mute timing ${t.name}`,
    added: (t) => t.intervals.join(" | "),
    fields: (a, b) => field("intervals", a.intervals.join(" | "), b.intervals.join(" | ")),
  });
}

function queryCount(p: PanelSummary): string[] {
  const n = Object.keys(p.queries).length;
  return n === 0 ? [] : [n === 1 ? "1 query" : `${n} queries`];
}

function panelSubject(d: DashboardSummary, p: PanelSummary): string {
  return `dashboard ${d.uid} panel ${p.id || "without id"} (${p.title})`;
}

/** Dashboards by uid and their panels by id: added/removed panels, titles, types, queries, thresholds, units. */
export function dashboardChanges(before: DashboardSummary[] = [], after: DashboardSummary[] = []): Change[] {
  const beforeByUid = new Map(before.map((d) => [d.uid, d]));
  const changes = keyed(before, after, (d) => d.uid, {
    subject: (d) => `dashboard ${d.uid} (${d.title})`,
    added: (d) => `${d.panels.length} panels`,
    fields: (a, b) => field("title", a.title, b.title),
  });
  for (const d of after) {
    const old = beforeByUid.get(d.uid);
    if (!old) continue;
    changes.push(
      // Panels are recognised by id; a panel without one (id 0) by its title.
      ...keyed(old.panels, d.panels, (p) => (p.id ? String(p.id) : `title ${p.title}`), {
        subject: (p) => panelSubject(d, p),
        added: (p) => [p.type, ...queryCount(p)].join(", "),
        fields: (a, b) => [
          ...field("title", a.title, b.title),
          ...field("type", a.type, b.type),
          ...recordFields("query ", a.queries, b.queries, true),
          ...field("thresholds", a.thresholds || NONE, b.thresholds || NONE),
          ...field("unit", a.unit || NONE, b.unit || NONE),
        ],
      }),
    );
  }
  return changes;
}

/** Dashboards (the after side's, or removed ones) whose panels the diff shows changing: added, removed or edited panels, a new title, a new dashboard. */
export function changedDashboards(before: DashboardSummary[] = [], after: DashboardSummary[] = []): DashboardSummary[] {
  const side = (list: DashboardSummary[], uid: string) => list.filter((d) => d.uid === uid);
  return [...new Set([...before, ...after].map((d) => d.uid))]
    .sort()
    .filter((uid) => dashboardChanges(side(before, uid), side(after, uid)).length > 0)
    .map((uid) => side(after, uid)[0] ?? side(before, uid)[0]);
}

/** The Dashboards section's summary line: which dashboards' panels change. */
function dashboardsNote(before: DashboardSummary[] = [], after: DashboardSummary[] = []): string | undefined {
  const changed = changedDashboards(before, after);
  if (changed.length === 0) return undefined;
  return `Panels change on ${changed.length === 1 ? "1 dashboard" : `${changed.length} dashboards`}: ${changed.map((d) => `${d.uid} (${d.title})`).join(", ")}`;
}

/** What changes in behaviour from one snapshot to another, one section per area, each sorted by key. */
export function behaviourDiff(before: ReviewSnapshot, after: ReviewSnapshot): Section[] {
  const note = dashboardsNote(before.dashboards, after.dashboards);
  return [
    { title: "Alerts", changes: alertChanges(before, after) },
    { title: "Routing", changes: routingChanges(before, after) },
    { title: "Contact points", changes: contactPointChanges(before.contactPoints, after.contactPoints) },
    { title: "Mute timings", changes: muteTimingChanges(before.muteTimings, after.muteTimings) },
    { title: "Dashboards", changes: dashboardChanges(before.dashboards, after.dashboards), ...(note && { note }) },
  ];
}
