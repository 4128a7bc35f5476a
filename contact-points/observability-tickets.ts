import { ContactPointBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import type { Config } from "../src/config/schema";
import { MESSAGE, TITLE } from "./message-template";
import { isTargeted, OBSERVABILITY_TICKETS_RECEIVER } from "./receivers";

/** Telemetry trouble and failing queries: someone must fix the pipeline, nobody must be woken. */
export default function observabilityTickets(cfg: Config): ContactPointBuilder | undefined {
  if (!isTargeted(cfg, OBSERVABILITY_TICKETS_RECEIVER)) return undefined;
  return new ContactPointBuilder()
    .name(OBSERVABILITY_TICKETS_RECEIVER)
    .uid("pizza-observability-tickets")
    .type("email")
    .settings({ addresses: cfg.contacts.observabilityEmail, singleEmail: true, subject: TITLE, message: MESSAGE });
}
