import type { Config } from "../src/config/schema";

/** Contact point names: what routes, rendered files and Alertmanager configs call them. */
export const ON_CALL_RECEIVER = "pizza-on-call";
export const TEAM_EMAIL_RECEIVER = "pizza-team-email";
export const TEAM_SLACK_RECEIVER = "pizza-team-slack";
export const OBSERVABILITY_TICKETS_RECEIVER = "pizza-observability-tickets";
export const HEARTBEAT_RECEIVER = "pizza-heartbeat";

/** Where each kind of notification goes for one config. */
export interface RoutingTargets {
  /** Catch-all of the root policy. */
  fallback: string;
  pager: string;
  /** ticket and warning alerts. */
  teamChannel: string;
  /** Telemetry trouble and failing queries. */
  tickets: string;
  heartbeat: string;
}

/**
 * The fallback logic, in one place: an optional contact point is declared exactly when a route
 * targets it (see isTargeted), and a route whose contact point is not configured uses the next best.
 */
export function routingTargets(cfg: Config): RoutingTargets {
  const teamChannel = cfg.slackWebhookUrl ? TEAM_SLACK_RECEIVER : TEAM_EMAIL_RECEIVER;
  return {
    fallback: TEAM_EMAIL_RECEIVER,
    // contacts.onCall none (a staging stack): nothing pages, pages land in the team channel.
    pager: cfg.contacts.onCall === "none" ? teamChannel : ON_CALL_RECEIVER,
    teamChannel,
    tickets: cfg.contacts.observabilityEmail ? OBSERVABILITY_TICKETS_RECEIVER : teamChannel,
    heartbeat: HEARTBEAT_RECEIVER,
  };
}

export function isTargeted(cfg: Config, receiver: string): boolean {
  return Object.values(routingTargets(cfg)).includes(receiver);
}
