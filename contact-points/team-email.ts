import { ContactPointBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import type { Config } from "../src/config/schema";
import { MESSAGE, TITLE } from "./message-template";
import { TEAM_EMAIL_RECEIVER } from "./receivers";

export { TEAM_EMAIL_RECEIVER };

/** The default receiver: anything no other route takes still reaches the team. */
export default function teamEmail(cfg: Config): ContactPointBuilder {
  return new ContactPointBuilder()
    .name(TEAM_EMAIL_RECEIVER)
    .uid("pizza-team-email")
    .type("email")
    .settings({ addresses: cfg.contacts.teamEmail, singleEmail: true, subject: TITLE, message: MESSAGE });
}
