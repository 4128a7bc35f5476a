import type { Config } from "../src/config/schema";

/** One step of a Grafana OnCall escalation chain, in order. */
export type EscalationStep =
  { type: "notify_persons"; usernames: string[]; important: boolean } | { type: "wait"; durationSeconds: number };

/** The Grafana OnCall side of paging: an integration Grafana alerting posts to, and its escalation chain. */
export interface OnCallEscalation {
  integrationName: string;
  chainName: string;
  steps: EscalationStep[];
}

/**
 * Declared only when contacts.onCall is grafana-oncall. With escalation.enabled, a page still
 * unacknowledged after escalation.afterMinutes pages the escalation engineers too ("important",
 * so their loudest notification rules apply).
 */
export default function escalation(cfg: Config): OnCallEscalation | undefined {
  if (cfg.contacts.onCall !== "grafana-oncall") return undefined;
  const e = cfg.escalation;
  const steps: EscalationStep[] = [{ type: "notify_persons", usernames: e.users, important: false }];
  if (e.enabled) {
    steps.push(
      { type: "wait", durationSeconds: e.afterMinutes * 60 },
      { type: "notify_persons", usernames: e.escalateTo, important: true },
    );
  }
  return { integrationName: "JWT Pizza on-call", chainName: "pizza-on-call", steps };
}
