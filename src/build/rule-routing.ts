import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { InvalidDefinitionError } from "../config/errors";
import { routeMatches } from "../model/routing-match";

/**
 * The routing plan flattened onto each rule, for `deployment.routingMode: rule-settings` (Grafana's
 * simplified routing): a rule carrying `notification_settings` is delivered to that contact point
 * with those timings, and the org's notification policy tree is never consulted or touched.
 *
 * The route is the one the policy tree would pick for the labels every alert of the rule carries
 * (its own labels, `alertname` = title, `grafana_folder`). Whatever that cannot decide before a
 * query runs (a matcher on a label the query supplies, a templated label value, `continue`, the
 * legacy matcher fields) is refused by name rather than guessed.
 */
export function ruleNotificationSettings(
  rule: alerting.Rule,
  policy: alerting.NotificationPolicy,
  folderTitle: string,
): alerting.NotificationSettings {
  const labels: Record<string, string> = { ...(rule.labels ?? {}), alertname: rule.title, grafana_folder: folderTitle };
  const route = routeOf(policy, labels, rule.uid ?? rule.title);
  const inherited = route.path.reduce<Partial<alerting.NotificationPolicy>>(
    (acc, node) => ({
      receiver: node.receiver || acc.receiver,
      // An empty group_by inherits the parent's (Alertmanager dispatch/route.go NewRoute).
      group_by: node.group_by?.length ? node.group_by : acc.group_by,
      group_wait: node.group_wait ?? acc.group_wait,
      group_interval: node.group_interval ?? acc.group_interval,
      repeat_interval: node.repeat_interval ?? acc.repeat_interval,
    }),
    {},
  );
  const leaf = route.path[route.path.length - 1];
  const settings: alerting.NotificationSettings = {
    receiver: inherited.receiver ?? "",
    // Grafana adds these two to the grouping of every rule with its own settings anyway (grafana #90488).
    group_by: [...new Set(["grafana_folder", "alertname", ...(inherited.group_by ?? [])])],
    group_wait: inherited.group_wait,
    group_interval: inherited.group_interval,
    repeat_interval: inherited.repeat_interval,
  };
  // Alertmanager does not inherit mute/active timings from a parent route.
  if (leaf.mute_time_intervals?.length) settings.mute_time_intervals = [...leaf.mute_time_intervals];
  if (leaf.active_time_intervals?.length) settings.active_time_intervals = [...leaf.active_time_intervals];
  return settings;
}

function routeOf(
  policy: alerting.NotificationPolicy,
  labels: Record<string, string>,
  rule: string,
): { path: alerting.NotificationPolicy[] } {
  const path = [policy];
  let node = policy;
  for (;;) {
    const next = (node.routes ?? []).find((child) => matches(child, labels, rule));
    if (!next) return { path };
    path.push(next);
    node = next;
  }
}

function matches(route: alerting.NotificationPolicy, labels: Record<string, string>, rule: string): boolean {
  const refuse = (why: string) => {
    throw new InvalidDefinitionError("definitions", [`routing plan: cannot give rule ${rule} its route as notification settings: ${why}`]);
  };
  if (route.continue) refuse("a route has continue: true (one rule, one contact point)");
  if (route.matchers?.length || Object.keys(route.match ?? {}).length || Object.keys(route.match_re ?? {}).length) {
    refuse("a route uses matchers/match/match_re; only object_matchers are read");
  }
  for (const [name] of route.object_matchers ?? []) {
    if (!(name in labels)) refuse(`a route matches on ${name}, a label the rule does not set (its value would come from the query)`);
    if (labels[name].includes("{{")) refuse(`a route matches on ${name}, whose value is templated`);
  }
  return routeMatches(route, labels);
}
