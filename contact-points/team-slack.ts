import { ContactPointBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import type { Config } from "../src/config/schema";
import { MESSAGE, TITLE } from "./message-template";
import { isTargeted, TEAM_SLACK_RECEIVER } from "./receivers";

/** The team channel for ticket and warning alerts, when a Slack webhook is configured. */
export default function teamSlack(cfg: Config): ContactPointBuilder | undefined {
  if (!isTargeted(cfg, TEAM_SLACK_RECEIVER)) return undefined;
  return new ContactPointBuilder()
    .name(TEAM_SLACK_RECEIVER)
    .uid("pizza-team-slack")
    .type("slack")
    .settings({ url: cfg.slackWebhookUrl, recipient: cfg.contacts.slackChannel, title: TITLE, text: MESSAGE });
}
