import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import type { StackDefinition } from "../../build/stack";
import { wireTimeInterval } from "../../config/time-intervals";

/**
 * The notification policy tree as a Prometheus Alertmanager configuration, so Alertmanager's own
 * amtool can check it and test where label sets are routed (Grafana's alerting is Alertmanager's
 * routing). Receivers are names only, without integrations: no credential can end up in it.
 */

/** File name of the message template next to alertmanager.yml; check-config parses it. */
export const TEMPLATE_FILE = "templates.tmpl";

/** `label=~"value"`: Alertmanager's matcher string form, the value quoted as a Go string. */
function matcherText([label, op, value]: alerting.ObjectMatcher): string {
  return `${label}${op}${JSON.stringify(value)}`;
}

interface Route {
  receiver?: string;
  matchers?: string[];
  group_by?: string[];
  group_wait?: string;
  group_interval?: string;
  repeat_interval?: string;
  mute_time_intervals?: string[];
  active_time_intervals?: string[];
  continue?: boolean;
  routes?: Route[];
}

function route(p: alerting.NotificationPolicy): Route {
  return {
    receiver: p.receiver,
    matchers: p.object_matchers?.map(matcherText),
    group_by: p.group_by,
    group_wait: p.group_wait,
    group_interval: p.group_interval,
    repeat_interval: p.repeat_interval,
    mute_time_intervals: p.mute_time_intervals,
    active_time_intervals: p.active_time_intervals,
    continue: p.continue,
    routes: p.routes?.map(route),
  };
}

export function alertmanagerConfig(stack: StackDefinition) {
  return {
    route: route(stack.notificationPolicy),
    receivers: [...new Set(stack.contactPoints.map((cp) => cp.name ?? ""))].sort().map((name) => ({ name })),
    time_intervals: stack.muteTimings.map((t) => ({ name: t.name, time_intervals: (t.time_intervals ?? []).map(wireTimeInterval) })),
    templates: stack.messageTemplates.length > 0 ? [TEMPLATE_FILE] : undefined,
  };
}

/** Every template's text in one file, as Alertmanager loads templates. */
export function alertmanagerTemplates(stack: StackDefinition): string {
  return stack.messageTemplates.map((t) => `{{/* ${t.name} */}}\n${t.template ?? ""}`).join("\n");
}
