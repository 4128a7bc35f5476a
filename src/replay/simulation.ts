import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { durationSeconds } from "../config/durations";
import { labelSetKey, type Labels } from "../model/labels";
import { EXPRESSION_DATASOURCE } from "../model/rules";
import { routedLabels } from "../review/routed-labels";
import { ruleRoutes, type RouteTiming, type TimedRoute } from "../review/route-timing";
import { notifications, type Episode, type ExecErrState, type NoDataState, type Notification, type RuleSettings } from "./alert-state";

/**
 * The simulation core the replay (run.ts, over fixtures) and the backtest (src/backtest, over a real
 * datasource's history) share: what the state machine reads from a rule (`ruleSettings`), how the
 * alerts its episodes raise are labelled, routed and grouped into Alertmanager's aggregation groups
 * (`notificationGroups`), and where a page is wanted (`pageWanted`). Label sets are keyed by the one
 * `labelSetKey` (src/model/labels.ts).
 */

/**
 * Everything Grafana's state machine reads from one rule, as the foundation SDK holds it (a built
 * stack, or a provisioning file read back by `ruleGroupOfDocument`): pending period, keep_firing_for,
 * missing_series_evals_to_resolve (unset: Grafana's default, 2), NoData/Error handling, and the
 * datasource and refId of its query (the labels of its DatasourceNoData/DatasourceError alerts).
 */
export function ruleSettings(rule: alerting.Rule): RuleSettings {
  const query = rule.data.find((d) => d.datasourceUid !== EXPRESSION_DATASOURCE);
  return {
    title: rule.title,
    labels: rule.labels ?? {},
    forSeconds: durationSeconds(rule.for || "0s"),
    keepFiringForSeconds: durationSeconds(rule.keep_firing_for || "0s"),
    noDataState: (rule.noDataState ?? "NoData") as NoDataState,
    execErrState: (rule.execErrState ?? "Error") as ExecErrState,
    datasourceUid: query?.datasourceUid ?? "",
    refId: query?.refId ?? "A",
    ...(rule.missingSeriesEvalsToResolve !== undefined && { missingSeriesEvalsToResolve: rule.missingSeriesEvalsToResolve }),
  };
}

/** Labels an alert instance carries in Grafana's Alertmanager: alertname is the rule title (or DatasourceNoData/Error), plus grafana_folder. */
export function episodeLabels(episode: Episode, folder: string): Labels {
  return routedLabels({ title: episode.alertname, labels: episode.labels }, folder);
}

/** Alertmanager's group key: the route, and the values of its group_by labels (`...`: every label). */
export function groupLabelsOf(route: TimedRoute, labels: Labels): Labels {
  const keys = route.groupBy.includes("...") ? Object.keys(labels).sort() : route.groupBy;
  return Object.fromEntries(keys.map((k) => [k, labels[k] ?? ""]));
}

/** One rule's episodes, with the folder whose title Grafana adds as `grafana_folder`. */
export interface RuleEpisodes {
  rule: alerting.Rule;
  folder: string;
  episodes: Episode[];
}

/** One Alertmanager aggregation group: a route and the group_by label values its alerts share. */
export interface NotificationGroup {
  /** Route id and group label values. */
  key: string;
  receiver: string;
  timing: RouteTiming;
  route: TimedRoute;
  groupLabels: Labels;
  /** alertnames (and rule uids) that joined the group. */
  members: Array<{ uid: string; alertname: string }>;
  /** The episodes that joined the group, with the labels Alertmanager received, and the rule that raised each. */
  alerts: Array<{ uid: string; episode: Episode }>;
  notifications: Notification[];
}

export interface GroupingOptions {
  /** Whether one of the route's mute timings is current at a flush (the backtest's wall clock; the replay has none). */
  mutedAt?: (route: TimedRoute, atSeconds: number) => boolean;
}

/**
 * Every episode of every rule routed (all matched routes, `continue` included) into Alertmanager's
 * aggregation groups, and each group's notifications (alert-state.ts `notifications`), in order of
 * their first notification.
 */
export function notificationGroups(
  perRule: RuleEpisodes[],
  policy: alerting.NotificationPolicy | undefined,
  untilSeconds: number,
  options: GroupingOptions = {},
): NotificationGroup[] {
  const groups = new Map<
    string,
    {
      route: TimedRoute;
      groupLabels: Labels;
      members: Map<string, { uid: string; alertname: string }>;
      alerts: Array<{ uid: string; episode: Episode }>;
    }
  >();
  for (const { rule, folder, episodes } of perRule) {
    for (const episode of episodes) {
      const labels = episodeLabels(episode, folder);
      for (const route of ruleRoutes(rule, labels, policy)) {
        const groupLabels = groupLabelsOf(route, labels);
        const key = `${route.id}${labelSetKey(groupLabels)}`;
        const g = groups.get(key) ?? { route, groupLabels, members: new Map(), alerts: [] as Array<{ uid: string; episode: Episode }> };
        groups.set(key, g);
        g.members.set(`${rule.uid}\u0000${episode.alertname}`, { uid: rule.uid ?? "", alertname: episode.alertname });
        // One alert per identity: the same labels from two rules are one alert in Alertmanager too.
        g.alerts.push({ uid: rule.uid ?? "", episode: { ...episode, labels } });
      }
    }
  }
  return [...groups]
    .map(([key, g]) => ({
      key,
      receiver: g.route.receiver,
      timing: g.route.timing,
      route: g.route,
      groupLabels: g.groupLabels,
      members: [...g.members.values()],
      alerts: g.alerts,
      notifications: notifications(
        g.alerts.map((a) => a.episode),
        g.route.timing,
        untilSeconds,
        options.mutedAt ? { muted: (t) => options.mutedAt!(g.route, t) } : {},
      ),
    }))
    .sort(
      (a, b) => (a.notifications[0]?.atSeconds ?? Infinity) - (b.notifications[0]?.atSeconds ?? Infinity) || a.key.localeCompare(b.key),
    );
}

/** Where an incident wants on-call paged: from the start of a page-worthy incident on, and nowhere else. */
export function pageWanted(incident: { pageWorthy: boolean; startSeconds: number } | undefined, atSeconds: number): boolean {
  return incident?.pageWorthy === true && atSeconds >= incident.startSeconds;
}
