import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";

/**
 * Minimal stand-in (replaced by the route matcher of the routing work): the receivers an alert with
 * `labels` reaches, with Alertmanager semantics (children in order, first match wins unless
 * `continue`, a node no child takes keeps the alert, regexes anchored, a missing label is "").
 */
export function receiversFor(policy: alerting.NotificationPolicy, labels: Record<string, string>): string[] {
  return [...new Set(matchRoute(policy, labels, policy.receiver ?? ""))];
}

function matchRoute(route: alerting.NotificationPolicy, labels: Record<string, string>, inherited: string): string[] {
  const receiver = route.receiver ?? inherited;
  const found: string[] = [];
  for (const child of route.routes ?? []) {
    if (!routeMatches(child, labels)) continue;
    found.push(...matchRoute(child, labels, receiver));
    if (!child.continue) break;
  }
  return found.length > 0 ? found : [receiver];
}

function matcherHolds(op: string, actual: string, value: string): boolean {
  switch (op) {
    case "=":
      return actual === value;
    case "!=":
      return actual !== value;
    case "=~":
      return new RegExp(`^(?:${value})$`).test(actual);
    case "!~":
      return !new RegExp(`^(?:${value})$`).test(actual);
    default:
      throw new Error(`unknown matcher operator ${op}`);
  }
}

function routeMatches(route: alerting.NotificationPolicy, labels: Record<string, string>): boolean {
  const get = (name: string) => labels[name] ?? "";
  return (
    (route.object_matchers ?? []).every(([name, op, value]) => matcherHolds(op, get(name), value)) &&
    (route.matchers ?? []).every((m) => matcherHolds(m.Type ?? "=", get(m.Name ?? ""), m.Value ?? "")) &&
    Object.entries(route.match ?? {}).every(([name, value]) => get(name) === value) &&
    Object.entries(route.match_re ?? {}).every(([name, value]) => matcherHolds("=~", get(name), value))
  );
}
