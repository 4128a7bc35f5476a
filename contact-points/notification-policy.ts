import { NotificationPolicyBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import type { Config, MutableRoute } from "../src/config/schema";
import { muteTimingsOf } from "./mute-timings";
import { routingTargets } from "./receivers";

interface Timing {
  groupWait: string;
  groupInterval: string;
  repeatInterval: string;
}

/**
 * Pages: on-call hears within seconds, and again every hour while it fires. group_wait 5 s: long
 * enough to batch the alerts one evaluation tick raises into one page, and 5 s sooner than 10 s on
 * the factory page (time to notify over every phase and seed of the factory 5xx scenarios: median
 * +40 s -> +35 s, worst +60 s -> +55 s; docs/replay-scenarios.md).
 */
const PAGE_TIMING: Timing = { groupWait: "5s", groupInterval: "5m", repeatInterval: "1h" };
/** Tickets: batched, reminded twice a day. */
const TICKET_TIMING: Timing = { groupWait: "1m", groupInterval: "10m", repeatInterval: "12h" };
/** The heartbeat must keep arriving: a dead-man's switch with a period above 5m notices when it stops. */
export const WATCHDOG_TIMING: Timing = { groupWait: "0s", groupInterval: "1m", repeatInterval: "5m" };

export type RouteKey = MutableRoute | "watchdog";

interface Route {
  key: RouteKey;
  matchers: alerting.ObjectMatchers;
  receiver: string;
  timing: Timing;
  /** Labels whose values split notification groups (docs/routing.md "Grouping"). */
  groupBy: string[];
}

/**
 * One incident, one page: every page of the service shares one notification group (so one
 * OnCall/PagerDuty incident); which alerts fire is in the message, not in the grouping.
 */
export const PAGE_GROUP_BY = ["grafana_folder", "severity"];
/** Tickets: one thread per kind of trouble (errors, latency, saturation, slo, telemetry). */
export const TICKET_GROUP_BY = ["grafana_folder", "category"];
/** One group per alert: the heartbeat, and a datasource's NoData apart from its errors. */
const PER_ALERT = ["grafana_folder", "alertname"];

/** The routing plan, in evaluation order (first match wins). */
export function routes(cfg: Config): Route[] {
  const to = routingTargets(cfg);
  return [
    // A rule whose query fails raises DatasourceError/DatasourceNoData carrying the rule's labels,
    // severity=page included: that is telemetry trouble, so it must not page as an outage.
    {
      key: "datasource-errors",
      matchers: [["alertname", "=~", "DatasourceError|DatasourceNoData"]],
      receiver: to.tickets,
      timing: TICKET_TIMING,
      groupBy: PER_ALERT,
    },
    { key: "watchdog", matchers: [["category", "=", "watchdog"]], receiver: to.heartbeat, timing: WATCHDOG_TIMING, groupBy: PER_ALERT },
    // Telemetry trouble is never an outage, whatever its severity says.
    { key: "telemetry", matchers: [["category", "=", "telemetry"]], receiver: to.tickets, timing: TICKET_TIMING, groupBy: TICKET_GROUP_BY },
    { key: "page", matchers: [["severity", "=", "page"]], receiver: to.pager, timing: PAGE_TIMING, groupBy: PAGE_GROUP_BY },
    {
      key: "ticket",
      matchers: [["severity", "=~", "ticket|warning"]],
      receiver: to.teamChannel,
      timing: TICKET_TIMING,
      groupBy: TICKET_GROUP_BY,
    },
  ];
}

/**
 * The notification policy tree. Grafana evaluates child routes in order and stops at the first match.
 * The root's receiver is the catch-all, so an alert no route matches is still delivered.
 */
export default function notificationPolicy(cfg: Config): NotificationPolicyBuilder {
  return new NotificationPolicyBuilder()
    .receiver(routingTargets(cfg).fallback)
    .groupBy(["grafana_folder", "alertname"])
    .groupWait("30s")
    .groupInterval("5m")
    .repeatInterval("4h")
    .routes(
      routes(cfg).map((r) => {
        const policy = new NotificationPolicyBuilder()
          .receiver(r.receiver)
          .objectMatchers(r.matchers)
          .groupBy(r.groupBy)
          .groupWait(r.timing.groupWait)
          .groupInterval(r.timing.groupInterval)
          .repeatInterval(r.timing.repeatInterval);
        const mutes = r.key === "watchdog" ? [] : muteTimingsOf(cfg, r.key);
        return mutes.length > 0 ? policy.muteTimeIntervals(mutes) : policy;
      }),
    );
}
