import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { durationSeconds } from "../config/durations";
import { routedRule, type Labels } from "./routed-labels";
import { walkRoutes } from "../model/routing-match";

/**
 * Where an alert instance goes and with which Alertmanager timing, as Grafana sends it: a rule with
 * its own `notification_settings` (simplified routing, its DatasourceNoData/DatasourceError alerts
 * included) goes to that contact point with those timings and mute timings; any other rule walks the
 * notification policy tree. Used alike by the incident replay and the backtest.
 */

export interface RouteTiming {
  groupWaitSeconds: number;
  groupIntervalSeconds: number;
  repeatIntervalSeconds: number;
}

export interface TimedRoute {
  /** Identifies the route for aggregation groups: alerts share a group only on the same route. */
  id: string;
  receiver: string;
  groupBy: string[];
  timing: RouteTiming;
  /** Mute timings of this route (Alertmanager does not inherit them from parent routes). */
  muteTimeIntervals: string[];
}

/** Grafana's defaults for a default policy that leaves them unset. */
const GRAFANA_DEFAULTS: RouteTiming = { groupWaitSeconds: 30, groupIntervalSeconds: 300, repeatIntervalSeconds: 4 * 3600 };

type Timings = Pick<alerting.NotificationPolicy, "group_wait" | "group_interval" | "repeat_interval">;

function timingOf(node: Timings, parent: RouteTiming): RouteTiming {
  return {
    groupWaitSeconds: node.group_wait ? durationSeconds(node.group_wait) : parent.groupWaitSeconds,
    groupIntervalSeconds: node.group_interval ? durationSeconds(node.group_interval) : parent.groupIntervalSeconds,
    repeatIntervalSeconds: node.repeat_interval ? durationSeconds(node.repeat_interval) : parent.repeatIntervalSeconds,
  };
}

/** Every route of the policy tree an instance with these labels reaches, with receiver, group_by and timings inherited. */
export function policyRoutes(policy: alerting.NotificationPolicy, labels: Labels): TimedRoute[] {
  return walkRoutes<TimedRoute>(policy, labels, (node, parent, path) => ({
    id: path,
    receiver: node.receiver || (parent?.receiver ?? ""),
    // An empty group_by inherits the parent's, as an unset one does (Alertmanager dispatch/route.go NewRoute).
    groupBy: node.group_by?.length ? node.group_by : (parent?.groupBy ?? []),
    timing: timingOf(node, parent?.timing ?? GRAFANA_DEFAULTS),
    muteTimeIntervals: node.mute_time_intervals ?? [],
  }));
}

/**
 * The routes an instance of a rule takes. With its own contact point, one route: Grafana forces
 * alertname and grafana_folder into its group_by (grafana issue #90488) and takes unset timings
 * from the default policy (the tree's root, when the stack has one).
 */
export function ruleRoutes(
  rule: Pick<alerting.Rule, "title" | "labels" | "notification_settings">,
  labels: Labels,
  policy: alerting.NotificationPolicy | undefined,
): TimedRoute[] {
  const settings = rule.notification_settings;
  const receiver = routedRule(rule).receiver;
  if (!receiver) return policy ? policyRoutes(policy, labels) : [];
  const groupBy = [...new Set(["alertname", "grafana_folder", ...(settings?.group_by ?? [])])];
  const timing = timingOf(settings ?? {}, policy ? timingOf(policy, GRAFANA_DEFAULTS) : GRAFANA_DEFAULTS);
  const muteTimeIntervals = settings?.mute_time_intervals ?? [];
  return [
    { id: `settings:${JSON.stringify([receiver, groupBy, timing, muteTimeIntervals])}`, receiver, groupBy, timing, muteTimeIntervals },
  ];
}
