import { ContactPointBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import type { Config } from "../src/config";

export const ON_CALL_RECEIVER = "pizza-on-call";

/** Pages for real outages. Its credential stays a Secret: rendered as [REDACTED], deployed as a Pulumi secret. */
export default function onCall(cfg: Config): ContactPointBuilder {
  const contactPoint = new ContactPointBuilder().name(ON_CALL_RECEIVER).uid("pizza-on-call");
  if (cfg.contacts.onCall === "pagerduty") {
    return contactPoint.type("pagerduty").settings({ integrationKey: cfg.pagerDutyIntegrationKey, severity: "critical" });
  }
  return contactPoint.type("webhook").settings({ url: cfg.onCallWebhookUrl, httpMethod: "POST" });
}
