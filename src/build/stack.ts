import { RuleGroupBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import { enabledAlertDefinitions } from "../../alerts";
import { contactPointDefinitions, escalation, messageTemplateDefinitions, muteTimings, notificationPolicy } from "../../contact-points";
import type { OnCallEscalation } from "../../contact-points/escalation";
import { dashboardDefinitions } from "../../dashboards";
import { recordingDefinitions } from "../../recording-rules";
import { RECORDING_GROUP } from "../model/rules";
import type { AlertGroup, Config } from "../config/schema";
import { type HealthCheckDefinition, healthCheckDefinition } from "./health-check";

/** Everything the stack deploys, as plain Grafana objects built by the foundation SDK. */
export interface StackDefinition {
  folder: { uid: string; title: string };
  ruleGroups: alerting.RuleGroup[];
  contactPoints: alerting.ContactPoint[];
  notificationPolicy: alerting.NotificationPolicy;
  messageTemplates: alerting.NotificationTemplate[];
  muteTimings: alerting.MuteTiming[];
  /** Grafana OnCall integration and escalation chain, when contacts.onCall is grafana-oncall. */
  onCallEscalation?: OnCallEscalation;
  dashboards: dashboard.Dashboard[];
  /** The Synthetic Monitoring health check, when `syntheticMonitoring.enabled`. */
  healthCheck?: HealthCheckDefinition;
}

/** Recorded series are counts over the last minute: their group must run exactly once a minute. */
const RECORDING_INTERVAL_SECONDS = 60;

export function groupIntervalSeconds(cfg: Config, group: string): number {
  if (group === RECORDING_GROUP) return RECORDING_INTERVAL_SECONDS;
  return cfg.alerting.groupEvaluationIntervalSeconds[group as AlertGroup] ?? cfg.alerting.evaluationIntervalSeconds;
}

function groupRules(cfg: Config, rules: alerting.Rule[]): alerting.RuleGroup[] {
  const titles = [...new Set(rules.map((r) => r.ruleGroup))].sort();
  return titles.map((title) =>
    new RuleGroupBuilder(title)
      .folderUid(cfg.folder.uid)
      .interval(groupIntervalSeconds(cfg, title))
      .rules(rules.filter((r) => r.ruleGroup === title).map((r) => ({ build: () => r })))
      .build(),
  );
}

/** Builds every definition for one validated config. Pure: no I/O, no Pulumi, no checks (see checks/). */
export function defineStack(cfg: Config): StackDefinition {
  return {
    folder: { ...cfg.folder },
    ruleGroups: groupRules(cfg, [...enabledAlertDefinitions(cfg), ...recordingDefinitions].map((define) => define(cfg).build())),
    contactPoints: contactPointDefinitions.flatMap((define) => define(cfg)?.build() ?? []),
    notificationPolicy: notificationPolicy(cfg).build(),
    messageTemplates: messageTemplateDefinitions.map((define) => define(cfg).build()),
    muteTimings: muteTimings(cfg).map((t) => t.build()),
    onCallEscalation: escalation(cfg),
    dashboards: dashboardDefinitions.map((define) => define(cfg).build()),
    healthCheck: healthCheckDefinition(cfg),
  };
}
