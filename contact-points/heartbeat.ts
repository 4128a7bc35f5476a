import { ContactPointBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import type { Config } from "../src/config/schema";
import { HEARTBEAT_RECEIVER } from "./receivers";

/**
 * The watchdog's dead-man's switch: the always-firing watchdog calls it every repeat interval of
 * its route, and the switch raises the alarm when the calls stop (Grafana or its alerting is down).
 */
export default function heartbeat(cfg: Config): ContactPointBuilder {
  return new ContactPointBuilder()
    .name(HEARTBEAT_RECEIVER)
    .uid("pizza-heartbeat")
    .type("webhook")
    .settings({ url: cfg.heartbeatUrl, httpMethod: "POST" })
    .disableResolveMessage(true);
}
