import { ContactPointBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import type { Config } from "../src/config";

export const TEAM_EMAIL_RECEIVER = "pizza-team-email";

/** The default receiver: anything no other route takes still reaches the team. */
export default function teamEmail(cfg: Config): ContactPointBuilder {
  return new ContactPointBuilder()
    .name(TEAM_EMAIL_RECEIVER)
    .uid("pizza-team-email")
    .type("email")
    .settings({ addresses: cfg.contacts.teamEmail, singleEmail: true });
}
