import type { RouteTiming } from "../review/route-timing";

/**
 * Grafana's alert state machine and Alertmanager's notification timing, as pure functions over one
 * rule's evaluations. Ported from grafana/grafana `pkg/services/ngalert/state` (state.go:
 * resultNormal/resultAlerting/resultError/resultNoData/resultKeepLast; manager.go:
 * setNextStateForRule applies NoData/Error mapped to Alerting/OK/KeepLast to every existing
 * instance; compat.go: noDataAlert/errorAlert rename the alert to DatasourceNoData/DatasourceError
 * with `rulename`), and from prometheus/alertmanager `dispatch` (aggregation groups flushed after
 * group_wait, then every group_interval; a firing set unchanged for repeat_interval is re-sent).
 *
 * Grafana behaviours this module relies on, with the source to re-check when Grafana moves (Grafana
 * 12.x: `applyNoDataAndErrorToAllStates` is no longer a toggle, it is how the state manager works):
 * - A query result with no series is one NoData result whose instance labels are
 *   `datasource_uid` and `ref_id` (eval.go).
 * - A query error with execErrState Error is an instance of its own: its labels are the rule's plus
 *   `datasource_uid` and `ref_id`, its alertname DatasourceError (compat.go errorAlert); the series
 *   instances are not evaluated by it, so they count as missing (an Alerting one keeps firing until
 *   missing_series_evals_to_resolve evaluations without it: one query error between two alerting
 *   results is one episode). manager_test.go TestProcessEvalResults, "classic condition, execution
 *   Error as Error (alerting -> query error -> alerting)".
 * - NoData/Error mapped to Alerting/OK/KeepLast applies to every instance the rule has; without
 *   any, it creates the result's own (manager.go setNextStateForRule/setNextStateForAll): a query
 *   error's is the label-less instance, which the next Normal result without labels resolves.
 * - `for` counts from the evaluation that entered Pending: Alerting once `t - startsAt >= for`.
 * - keep_firing_for: Alerting -> Recovering on the first false evaluation; Normal once
 *   `t - recoveringSince >= keepFiringFor`; a true evaluation while Recovering is Alerting at once.
 * - A series that disappears keeps its state until it has been missing for
 *   `missing_series_evals_to_resolve` evaluations (default 2), then resolves (Normal, MissingSeries);
 *   a NoData or Error instance after one (manager.go processMissingSeriesStates).
 * - NoData with noDataState NoData and errors with execErrState Error are immediate (no pending).
 */

import { labelSetKey, type Labels } from "../model/labels";

export type NoDataState = "NoData" | "Alerting" | "OK" | "KeepLast";
export type ExecErrState = "Error" | "Alerting" | "OK" | "KeepLast";
export type InstanceState = "Normal" | "Pending" | "Alerting" | "Recovering" | "NoData" | "Error";

export const DATASOURCE_NO_DATA = "DatasourceNoData";
export const DATASOURCE_ERROR = "DatasourceError";

/**
 * One evaluation of the rule: the condition per series, or `error` when the query failed.
 * An empty `series` is Grafana's NoData (the query returned nothing).
 */
export type Evaluation =
  | {
      atSeconds: number;
      series: Array<{ labels: Labels; condition: boolean; /** Query A's value (page text reads it). */ value?: number }>;
    }
  | { atSeconds: number; error: string };

export interface RuleSettings {
  title: string;
  /** The rule's own labels (severity, category, ...), added to every instance. */
  labels?: Labels;
  forSeconds: number;
  keepFiringForSeconds?: number;
  noDataState: NoDataState;
  execErrState: ExecErrState;
  /** Datasource and refId of the query, for the NoData/Error instances' labels. */
  datasourceUid: string;
  refId: string;
  /** Grafana's `missing_series_evals_to_resolve` (default 2). */
  missingSeriesEvalsToResolve?: number;
}

export interface InstanceSnapshot {
  /** The instance's series labels (without the rule's labels). */
  labels: Labels;
  state: InstanceState;
}

export interface Episode {
  /** What Alertmanager receives as alertname: the rule title, DatasourceNoData or DatasourceError. */
  alertname: string;
  /** Labels sent to Alertmanager: series + rule labels + alertname (+ rulename for NoData/Error). */
  labels: Labels;
  /** First evaluation at which the instance was firing (Alerting, Recovering, NoData or Error). */
  startSeconds: number;
  /** Evaluation at which it stopped firing; undefined if it fires until the end. */
  endSeconds?: number;
}

export interface StateReplay {
  timeline: Array<{ atSeconds: number; instances: InstanceSnapshot[] }>;
  episodes: Episode[];
}

interface Instance {
  labels: Labels;
  state: InstanceState;
  /** Grafana's StartsAt: when the current state was entered. */
  since: number;
  lastSeen: number;
  /** The state at which the current firing episode started (NoData/Error keep their own alertname). */
  episode?: Episode;
}

const FIRING: ReadonlySet<InstanceState> = new Set(["Alerting", "Recovering", "NoData", "Error"]);

function alertnameOf(state: InstanceState, title: string): string {
  if (state === "NoData") return DATASOURCE_NO_DATA;
  if (state === "Error") return DATASOURCE_ERROR;
  return title;
}

/** Replays one rule's evaluations through Grafana's state machine. */
export function replayStates(rule: RuleSettings, evaluations: Evaluation[]): StateReplay {
  const forS = rule.forSeconds;
  const kff = rule.keepFiringForSeconds ?? 0;
  const missingEvals = rule.missingSeriesEvalsToResolve ?? 2;
  if (missingEvals < 1) throw new Error(`rule ${rule.title}: missing_series_evals_to_resolve must be > 0`);
  const instances = new Map<string, Instance>();
  const episodes: Episode[] = [];
  const timeline: StateReplay["timeline"] = [];

  const set = (inst: Instance, state: InstanceState, at: number) => {
    inst.state = state;
    inst.since = at;
  };
  const normal = (inst: Instance, at: number) => {
    if (inst.state === "Normal") return;
    if (inst.state === "Recovering") {
      if (at - inst.since >= kff) set(inst, "Normal", at);
    } else if (inst.state === "Alerting" && kff > 0) set(inst, "Recovering", at);
    else set(inst, "Normal", at);
  };
  const alerting = (inst: Instance, at: number) => {
    if (inst.state === "Alerting") return;
    if (inst.state === "Pending") {
      if (at - inst.since >= forS) set(inst, "Alerting", at);
    } else if (inst.state !== "Recovering" && forS > 0) set(inst, "Pending", at);
    else set(inst, "Alerting", at);
  };
  const keepLast = (inst: Instance, at: number) => {
    if (inst.state === "Alerting") alerting(inst, at);
    else if (inst.state === "Pending") {
      if (at - inst.since >= forS) alerting(inst, at);
    } else normal(inst, at);
  };
  const instance = (labels: Labels, at: number): Instance => {
    const key = labelSetKey(labels);
    let inst = instances.get(key);
    if (!inst) {
      inst = { labels, state: "Normal", since: at, lastSeen: at };
      instances.set(key, inst);
    }
    inst.lastSeen = at;
    return inst;
  };
  /** NoData/Error mapped to Alerting/OK/KeepLast applies to every instance the rule has, or to a new one. */
  const applyToAll = (labels: Labels, at: number, apply: (inst: Instance) => void) => {
    const existing = [...instances.values()];
    if (existing.length === 0) apply(instance(labels, at));
    for (const inst of existing) {
      inst.lastSeen = at;
      apply(inst);
    }
  };

  let previous: number | undefined;
  for (const ev of [...evaluations].sort((a, b) => a.atSeconds - b.atSeconds)) {
    const at = ev.atSeconds;
    const interval = previous === undefined ? 0 : at - previous;
    previous = at;
    const dsLabels = { datasource_uid: rule.datasourceUid, ref_id: rule.refId };
    if ("error" in ev) {
      const mode = rule.execErrState;
      if (mode === "Error") {
        // The DatasourceError alert: an instance of its own (datasource_uid/ref_id among its labels);
        // the series instances are missing from this evaluation.
        const inst = instance(dsLabels, at);
        if (inst.state !== "Error") set(inst, "Error", at);
      } else
        // Without any instance, the error result's own: the label-less one.
        applyToAll({}, at, (inst) => (mode === "Alerting" ? alerting(inst, at) : mode === "OK" ? normal(inst, at) : keepLast(inst, at)));
    } else if (ev.series.length === 0) {
      const mode = rule.noDataState;
      if (mode === "NoData") {
        const inst = instance(dsLabels, at);
        if (inst.state !== "NoData") set(inst, "NoData", at);
      } else
        applyToAll(dsLabels, at, (inst) =>
          mode === "Alerting" ? alerting(inst, at) : mode === "OK" ? normal(inst, at) : keepLast(inst, at),
        );
    } else {
      for (const s of ev.series) {
        const inst = instance(s.labels, at);
        if (s.condition) alerting(inst, at);
        else normal(inst, at);
      }
    }
    // Instances not in this evaluation: stale after `missingEvals` evaluations without them.
    for (const [key, inst] of instances) {
      if (inst.lastSeen === at) continue;
      // NoData and Error instances resolve after one missing evaluation (manager.go
      // processMissingSeriesStates: "Error state should be resolved after 1 missing evaluation").
      const evalsToResolve = inst.state === "NoData" || inst.state === "Error" ? 1 : missingEvals;
      if (interval > 0 && at - inst.lastSeen >= evalsToResolve * interval) {
        set(inst, "Normal", at);
        instances.delete(key);
      }
    }
    // Episodes: a firing state opens one; a change of alertname (Alerting -> NoData) closes and reopens.
    for (const inst of instances.values()) {
      const firing = FIRING.has(inst.state);
      const name = alertnameOf(inst.state, rule.title);
      if (inst.episode && (!firing || inst.episode.alertname !== name)) {
        inst.episode.endSeconds = at;
        inst.episode = undefined;
      }
      if (firing && !inst.episode) {
        const labels: Labels = { ...inst.labels, ...(rule.labels ?? {}), alertname: name };
        if (name !== rule.title) labels.rulename = rule.title;
        inst.episode = { alertname: name, labels, startSeconds: at };
        episodes.push(inst.episode);
      }
    }
    for (const ep of episodes) {
      if (ep.endSeconds !== undefined) continue;
      const alive = [...instances.values()].some((i) => i.episode === ep);
      if (!alive) ep.endSeconds = at;
    }
    timeline.push({ atSeconds: at, instances: [...instances.values()].map((i) => ({ labels: i.labels, state: i.state })) });
  }
  return { timeline, episodes: episodes.sort((a, b) => a.startSeconds - b.startSeconds) };
}

export interface Notification {
  atSeconds: number;
  /**
   * `new`: the group's first notification or one announcing a firing alert the last one did not
   * carry; `repeat`: repeat_interval; `resolved`: an alert of the last notification resolved (all of
   * them, or some while others still fire); `muted`: a flush that would have sent but a mute timing
   * was current (nothing sent, nothing logged).
   */
  kind: "new" | "repeat" | "resolved" | "muted";
  /** alertnames firing in the notification. */
  alertnames: string[];
  /** alertnames resolved in the notification. */
  resolved: string[];
  /** A `new` notification after none or after one that resolved everything: an on-call tool opens an incident. */
  opensIncident?: boolean;
}

/** Grafana keeps sending a resolved alert to its Alertmanager for this long (state manager `ResolvedRetention`, 15 min). */
export const RESOLVED_RETENTION_SECONDS = 15 * 60;

export interface GroupOptions {
  /** Whether a mute timing of the route is current at a flush (TimeMuteStage: nothing sent, nothing logged). */
  muted?: (atSeconds: number) => boolean;
  /** The receiver's send_resolved (Grafana contact points: true unless disableResolveMessage). */
  sendResolved?: boolean;
  resolvedRetentionSeconds?: number;
}

/** A notification log entry (nflogpb.Entry): what the group's last sent notification carried, and when. */
export interface LogEntry {
  firing: Set<string>;
  resolved: Set<string>;
  atSeconds: number;
}

const subset = (a: Set<string>, of: Set<string>) => [...a].every((x) => of.has(x));

/**
 * Alertmanager notify.go DedupStage.needsUpdate, with why it sends: undefined when it does not.
 * `repeat` only when the last send is strictly older than repeat_interval (`entry.Timestamp.Before(now - repeat)`).
 */
export function needsUpdate(
  entry: LogEntry | undefined,
  firing: Set<string>,
  resolved: Set<string>,
  repeatIntervalSeconds: number,
  nowSeconds: number,
  sendResolved: boolean,
): "new" | "resolved" | "repeat" | undefined {
  if (!entry) return firing.size > 0 ? "new" : undefined;
  if (!subset(firing, entry.firing)) return "new";
  // Everything resolved: sent whatever send_resolved says, so the log forgets the firing alerts;
  // unless the last notification had no firing alert either (they fired and resolved unseen).
  if (firing.size === 0) return entry.firing.size > 0 ? "resolved" : undefined;
  if (sendResolved && !subset(resolved, entry.resolved)) return "resolved";
  return entry.atSeconds < nowSeconds - repeatIntervalSeconds ? "repeat" : undefined;
}

/** An alert's identity in Alertmanager (its fingerprint): its label set. */
const identity = (e: Episode) => labelSetKey(e.labels);

/**
 * Notifications of one Alertmanager aggregation group: the episodes of the alerts that share a route
 * and group_by values, whichever rules raised them. From prometheus/alertmanager:
 * - dispatch.go aggrGroup: created by its first alert, flushed after group_wait, then every
 *   group_interval while it exists; an alert joining an existing group waits for the next tick.
 *   A group is removed only once it holds no alert; Grafana re-sends a resolved alert for
 *   `ResolvedRetention`, so a group lives that long after its last alert resolved, and an alert
 *   firing again in that time joins it (no fresh group_wait).
 * - notify.go DedupStage.needsUpdate, per flush, against the notification log entry of the group
 *   (which outlives the group): no entry -> send if anything fires; a firing alert not in the last
 *   notification -> send; nothing firing -> send only if the last notification had firing alerts;
 *   an alert resolved since the last notification (send_resolved) -> send; else repeat only when
 *   the last send is strictly older than repeat_interval.
 * - notify.go TimeMuteStage: a flush while a mute timing is current sends nothing and logs nothing.
 * Alerts are identified by their labels (Alertmanager's fingerprint): an episode of the same alert
 * that starts again before the resolved notification went out continues it.
 */
export function notifications(episodes: Episode[], timing: RouteTiming, untilSeconds: number, opts: GroupOptions = {}): Notification[] {
  const sendResolved = opts.sendResolved ?? true;
  const retention = opts.resolvedRetentionSeconds ?? RESOLVED_RETENTION_SECONDS;
  const out: Notification[] = [];
  const sorted = [...episodes].sort((a, b) => a.startSeconds - b.startSeconds);
  const names = (ids: Set<string>, pick: Episode[]) =>
    [...new Set(pick.filter((e) => ids.has(identity(e))).map((e) => e.alertname))].sort();
  let entry: LogEntry | undefined;
  let next: Episode | undefined = sorted[0];
  while (next && next.startSeconds <= untilSeconds) {
    const created = next.startSeconds;
    let removedAt = Infinity;
    for (let tick = created + timing.groupWaitSeconds; tick <= untilSeconds; tick += timing.groupIntervalSeconds) {
      const arrived = sorted.filter((e) => e.startSeconds >= created && e.startSeconds <= tick);
      const firingEps = arrived.filter((e) => e.endSeconds === undefined || e.endSeconds > tick);
      const firing = new Set(firingEps.map(identity));
      // Resolved alerts the group still holds: Grafana re-sends them during the retention.
      const resolvedEps = arrived.filter(
        (e) => e.endSeconds !== undefined && e.endSeconds <= tick && tick < e.endSeconds + retention && !firing.has(identity(e)),
      );
      const resolved = new Set(resolvedEps.map(identity));
      if (firing.size === 0 && resolved.size === 0) {
        removedAt = tick;
        break;
      }
      const kind = needsUpdate(entry, firing, resolved, timing.repeatIntervalSeconds, tick, sendResolved);
      if (!kind) continue;
      const alertnames = names(firing, firingEps);
      const resolvedNames = names(resolved, resolvedEps);
      if (opts.muted?.(tick)) {
        out.push({ atSeconds: tick, kind: "muted", alertnames, resolved: resolvedNames });
        continue;
      }
      const opens = kind === "new" && (!entry || entry.firing.size === 0);
      out.push({ atSeconds: tick, kind, alertnames, resolved: resolvedNames, ...(opens ? { opensIncident: true } : {}) });
      entry = { firing, resolved, atSeconds: tick };
    }
    next = sorted.find((e) => e.startSeconds > removedAt);
  }
  return out;
}

/** Notifications that reached the receiver announcing firing alerts (new or repeated). */
export function firingNotifications(list: Notification[]): Notification[] {
  return list.filter((n) => n.kind === "new" || n.kind === "repeat");
}

/** Per alert: time from `fromSeconds` to the first firing notification at or after it, and how many `new` notifications. */
export function notificationSummary(list: Notification[], fromSeconds: number): { timeToNotifySeconds?: number; episodes: number } {
  const after = firingNotifications(list).filter((n) => n.atSeconds >= fromSeconds);
  const first = after[0];
  return { timeToNotifySeconds: first ? first.atSeconds - fromSeconds : undefined, episodes: list.filter((n) => n.kind === "new").length };
}
