import { NotificationPolicyBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import type { Config } from "../src/config";
import { ON_CALL_RECEIVER } from "./on-call";
import { TEAM_EMAIL_RECEIVER } from "./team-email";

/**
 * The notification policy tree. Grafana evaluates child routes in order and stops at the first match.
 * The root's receiver is the catch-all, so an alert no route matches is still delivered.
 */
export default function notificationPolicy(_cfg: Config): NotificationPolicyBuilder {
  return new NotificationPolicyBuilder()
    .receiver(TEAM_EMAIL_RECEIVER)
    .groupBy(["grafana_folder", "alertname"])
    .groupWait("30s")
    .groupInterval("5m")
    .repeatInterval("4h")
    .routes([
      // A rule whose query fails raises DatasourceError/DatasourceNoData carrying the rule's labels,
      // severity=page included: that is telemetry trouble, so it must not page as an outage.
      new NotificationPolicyBuilder()
        .receiver(TEAM_EMAIL_RECEIVER)
        .objectMatchers([["alertname", "=~", "DatasourceError|DatasourceNoData"]]),
      new NotificationPolicyBuilder()
        .receiver(ON_CALL_RECEIVER)
        .objectMatchers([["severity", "=", "page"]])
        .groupWait("10s")
        .repeatInterval("1h"),
    ]);
}
