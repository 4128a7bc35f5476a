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
 * Grafana behaviours this module relies on, with the source to re-check when Grafana moves:
 * - A query result with no series is one NoData result whose instance labels are
 *   `datasource_uid` and `ref_id` (eval.go); a query error adds the same two labels (state.go
 *   AddErrorInformation) when the rule's execErrState is Error.
 * - `for` counts from the evaluation that entered Pending: Alerting once `t - startsAt >= for`.
 * - keep_firing_for: Alerting -> Recovering on the first false evaluation; Normal once
 *   `t - recoveringSince >= keepFiringFor`; a true evaluation while Recovering is Alerting at once.
 * - A series that disappears keeps its state until it has been missing for
 *   `missing_series_evals_to_resolve` evaluations (default 2), then resolves (Normal, MissingSeries).
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
  | { atSeconds: number; series: Array<{ labels: Labels; condition: boolean }> }
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
        const inst = instance(dsLabels, at);
        if (inst.state !== "Error") set(inst, "Error", at);
      } else applyToAll(dsLabels, at, (inst) => (mode === "Alerting" ? alerting(inst, at) : mode === "OK" ? normal(inst, at) : keepLast(inst, at)));
    } else if (ev.series.length === 0) {
      const mode = rule.noDataState;
      if (mode === "NoData") {
        const inst = instance(dsLabels, at);
        if (inst.state !== "NoData") set(inst, "NoData", at);
      } else applyToAll(dsLabels, at, (inst) => (mode === "Alerting" ? alerting(inst, at) : mode === "OK" ? normal(inst, at) : keepLast(inst, at)));
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
      if (interval > 0 && at - inst.lastSeen >= missingEvals * interval) {
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
  /** `new`: the group's first notification or one announcing alerts not in the previous one; `repeat`: repeat_interval. */
  kind: "new" | "repeat";
  /** alertnames firing in the notification. */
  alertnames: string[];
}

/**
 * Notifications of one Alertmanager aggregation group (the episodes of alerts that share a route and
 * group_by values): a new group notifies after group_wait; later changes wait for the next
 * group_interval tick; an unchanged firing set is re-sent after repeat_interval; a group whose
 * alerts have all resolved is flushed (resolved notice, not counted here) and deleted, so a later
 * episode starts a new group with group_wait again.
 */
export function notifications(episodes: Episode[], timing: RouteTiming, untilSeconds: number): Notification[] {
  const out: Notification[] = [];
  const sorted = [...episodes].sort((a, b) => a.startSeconds - b.startSeconds);
  const active = (t: number) => sorted.filter((e) => e.startSeconds <= t && (e.endSeconds === undefined || e.endSeconds > t));
  let next: Episode | undefined = sorted[0];
  while (next && next.startSeconds <= untilSeconds) {
    const notified = new Set<Episode>();
    let lastSentAt = -Infinity;
    let tick = next.startSeconds + timing.groupWaitSeconds;
    let deletedAt = Infinity;
    for (; tick <= untilSeconds; tick += timing.groupIntervalSeconds) {
      const firing = active(tick);
      // An alert that fired and resolved between two flushes was never notified as firing: Alertmanager sends nothing for it.
      const fresh = firing.filter((e) => !notified.has(e));
      if (fresh.length > 0) {
        out.push({ atSeconds: tick, kind: "new", alertnames: [...new Set(fresh.map((e) => e.alertname))] });
        lastSentAt = tick;
      } else if (firing.length > 0 && tick - lastSentAt >= timing.repeatIntervalSeconds) {
        out.push({ atSeconds: tick, kind: "repeat", alertnames: [...new Set(firing.map((e) => e.alertname))] });
        lastSentAt = tick;
      }
      for (const e of firing) notified.add(e);
      if (firing.length === 0) {
        // Everything resolved: the group is flushed and deleted; a later alert starts a new group.
        deletedAt = tick;
        break;
      }
    }
    next = sorted.find((e) => e.startSeconds > deletedAt);
  }
  return out;
}

/** Per alert: time from `fromSeconds` to the first notification at or after it, and how many `new` notifications. */
export function notificationSummary(list: Notification[], fromSeconds: number): { timeToNotifySeconds?: number; episodes: number } {
  const after = list.filter((n) => n.atSeconds >= fromSeconds);
  const first = after[0];
  return { timeToNotifySeconds: first ? first.atSeconds - fromSeconds : undefined, episodes: list.filter((n) => n.kind === "new").length };
}
