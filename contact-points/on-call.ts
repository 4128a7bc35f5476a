import { ContactPointBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import type { Config } from "../src/config/schema";
import { OnCallIntegrationLink } from "../src/model/oncall-link";
import { MESSAGE, TITLE } from "./message-template";
import { isTargeted, ON_CALL_RECEIVER } from "./receivers";

export { ON_CALL_RECEIVER };

/** Grafana's OnCall integration type; the foundation SDK's type union does not list it yet. */
export const ONCALL_TYPE = "oncall" as alerting.ContactPoint["type"];

/** Pages for real outages. Its credential stays a Secret: rendered as [REDACTED], deployed as a Pulumi secret. */
export default function onCall(cfg: Config): ContactPointBuilder | undefined {
  if (!isTargeted(cfg, ON_CALL_RECEIVER)) return undefined;
  const contactPoint = new ContactPointBuilder().name(ON_CALL_RECEIVER).uid("pizza-on-call");
  switch (cfg.contacts.onCall) {
    case "pagerduty":
      return contactPoint.type("pagerduty").settings({ integrationKey: cfg.pagerDutyIntegrationKey, severity: "critical", summary: TITLE });
    case "grafana-oncall":
      return contactPoint.type(ONCALL_TYPE).settings({ url: new OnCallIntegrationLink(), title: TITLE, message: MESSAGE });
    case "webhook":
      return contactPoint.type("webhook").settings({ url: cfg.onCallWebhookUrl, httpMethod: "POST", title: TITLE, message: MESSAGE });
    case "none":
      return undefined;
  }
}
