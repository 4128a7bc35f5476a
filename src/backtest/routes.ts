import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { durationSeconds } from "../config/durations";
import type { RouteTiming } from "../replay/alert-state";
import { routeMatches } from "../review/routing-match";

/**
 * The routes an alert reaches, with the timing Alertmanager uses for them: the walk of
 * `receiversFor` (src/review/routing-match.ts), keeping for each matched route its receiver,
 * group_by and timings as inherited from its parents. Defaults are Grafana's (30s, 5m, 4h).
 */
export interface MatchedRoute {
  /** Identifies the route (its path of child indexes) for aggregation groups. */
  id: string;
  receiver: string;
  groupBy: string[];
  timing: RouteTiming;
  muteTimeIntervals: string[];
}

const DEFAULTS = { group_wait: "30s", group_interval: "5m", repeat_interval: "4h" };

function effective(node: alerting.NotificationPolicy, parent: MatchedRoute, id: string): MatchedRoute {
  return {
    id,
    receiver: node.receiver || parent.receiver,
    groupBy: node.group_by ?? parent.groupBy,
    timing: {
      groupWaitSeconds: node.group_wait ? durationSeconds(node.group_wait) : parent.timing.groupWaitSeconds,
      groupIntervalSeconds: node.group_interval ? durationSeconds(node.group_interval) : parent.timing.groupIntervalSeconds,
      repeatIntervalSeconds: node.repeat_interval ? durationSeconds(node.repeat_interval) : parent.timing.repeatIntervalSeconds,
    },
    muteTimeIntervals: node.mute_time_intervals ?? [],
  };
}

export function matchedRoutes(policy: alerting.NotificationPolicy, labels: Record<string, string>): MatchedRoute[] {
  const root = effective(
    policy,
    { id: "", receiver: "", groupBy: [], muteTimeIntervals: [], timing: { groupWaitSeconds: durationSeconds(DEFAULTS.group_wait), groupIntervalSeconds: durationSeconds(DEFAULTS.group_interval), repeatIntervalSeconds: durationSeconds(DEFAULTS.repeat_interval) } },
    "root",
  );
  const walk = (node: alerting.NotificationPolicy, self: MatchedRoute): MatchedRoute[] => {
    const matched: MatchedRoute[] = [];
    for (const [i, child] of (node.routes ?? []).entries()) {
      if (!routeMatches(child, labels)) continue;
      matched.push(...walk(child, effective(child, self, `${self.id}/${i}`)));
      if (!child.continue) break;
    }
    return matched.length > 0 ? matched : [self];
  };
  return walk(policy, root);
}

/** A rule's own contact point (simplified routing): Grafana groups by alertname and grafana_folder at least. */
export function directRoute(settings: { receiver: string; group_by?: string[]; group_wait?: string; group_interval?: string; repeat_interval?: string; mute_time_intervals?: string[] }): MatchedRoute {
  return {
    id: `direct:${settings.receiver}`,
    receiver: settings.receiver,
    groupBy: [...new Set(["alertname", "grafana_folder", ...(settings.group_by ?? [])])],
    timing: {
      groupWaitSeconds: durationSeconds(settings.group_wait ?? DEFAULTS.group_wait),
      groupIntervalSeconds: durationSeconds(settings.group_interval ?? DEFAULTS.group_interval),
      repeatIntervalSeconds: durationSeconds(settings.repeat_interval ?? DEFAULTS.repeat_interval),
    },
    muteTimeIntervals: settings.mute_time_intervals ?? [],
  };
}
