import { RuleGroupBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import { enabledAlertDefinitions } from "../../alerts";
import { contactPointDefinitions, escalation, messageTemplateDefinitions, muteTimings, notificationPolicy } from "../../contact-points";
import type { OnCallEscalation } from "../../contact-points/escalation";
import { dashboardDefinitions } from "../../dashboards";
import { recordingDefinitions } from "../../recording-rules";
import { RECORDING_GROUP, RECORDING_INTERVAL_SECONDS } from "../model/rules";
import type { AlertGroup, Config } from "../config/schema";
import { checkEvaluationWindows } from "./evaluation-windows";
import { type HealthCheckDefinition, healthCheckDefinition } from "./health-check";
import { ruleNotificationSettings } from "./rule-routing";
import { suppressionsOf, type Suppression } from "../model/suppressions";

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
  /** What the deployment may own in the org: routing mode and protection (config `deployment`). */
  deployment: Config["deployment"];
  /** The checks each alert and dashboard definition turns off for itself (src/checks applies them). */
  suppressions: Suppression[];
}

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

/**
 * In rule-settings mode every alerting rule carries the route the policy tree would give it.
 * Grafana then delivers a rule's DatasourceError/DatasourceNoData alerts to that same contact point,
 * so the tree's datasource-errors route (tickets) cannot apply: a paging rule keeps its last state
 * on a query error (KeepLast) and reads missing data as OK, instead of paging for telemetry trouble.
 * A broken datasource still raises tickets through the ticket rules reading it (metrics-absent,
 * logs-absent, saturation, metric ingestion), whose errors go where they notify.
 */
function attachRoutesAndKeepPagesOffDatasourceErrors(
  cfg: Config,
  rules: alerting.Rule[],
  policy: alerting.NotificationPolicy,
): alerting.Rule[] {
  if (cfg.deployment.routingMode !== "rule-settings") return rules;
  return rules.map((r) => {
    if (r.record) return r;
    const withRoute = { ...r, notification_settings: ruleNotificationSettings(r, policy, cfg.folder.title) };
    if (r.labels?.severity !== "page") return withRoute;
    return {
      ...withRoute,
      execErrState: r.execErrState === "Error" ? "KeepLast" : r.execErrState,
      // OK, not KeepLast: no series is "not firing" for Prometheus too (the PromQL export and promtool agree).
      noDataState: r.noDataState === "NoData" ? "OK" : r.noDataState,
    };
  });
}

/**
 * Builds every definition for one validated config. Pure: no I/O, no Pulumi, no checks (see checks/);
 * throws InvalidDefinitionError, naming the key, when a group's interval is longer than its windows.
 */
export function defineStack(cfg: Config): StackDefinition {
  const policy = notificationPolicy(cfg).build();
  const ruleDefinitions = [...enabledAlertDefinitions(cfg), ...recordingDefinitions];
  const rules = ruleDefinitions.map((define) => define(cfg).build());
  const ruleGroups = groupRules(cfg, attachRoutesAndKeepPagesOffDatasourceErrors(cfg, rules, policy));
  // The one rule between settings that needs the built rules: no group evaluated less often than its windows.
  checkEvaluationWindows(cfg, ruleGroups);
  const dashboards = dashboardDefinitions.map((define) => define(cfg).build());
  return {
    folder: { ...cfg.folder },
    ruleGroups,
    contactPoints: contactPointDefinitions.flatMap((define) => define(cfg)?.build() ?? []),
    notificationPolicy: policy,
    messageTemplates: messageTemplateDefinitions.map((define) => define(cfg).build()),
    muteTimings: muteTimings(cfg).map((t) => t.build()),
    onCallEscalation: escalation(cfg),
    dashboards,
    healthCheck: healthCheckDefinition(cfg),
    deployment: { ...cfg.deployment },
    suppressions: [
      ...ruleDefinitions.flatMap((define, i) => suppressionsOf("alert", rules[i].uid ?? "", define)),
      ...dashboardDefinitions.flatMap((define, i) => suppressionsOf("dashboard", dashboards[i].uid ?? "", define)),
    ],
  };
}
