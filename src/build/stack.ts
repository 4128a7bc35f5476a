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
import { alertLinkProblems, dashboardProblems } from "../checks/dashboards";
import { lintProblems } from "../checks/lint";
import { bodyExposingQueries, stackQueries, unparseableQueries } from "../checks/queries";
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

export class DefinitionError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid definitions:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "DefinitionError";
  }
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

function duplicates(values: Array<string | undefined>): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))].map(String);
}

function receiversOf(policy: alerting.NotificationPolicy): string[] {
  return [...(policy.receiver ? [policy.receiver] : []), ...(policy.routes ?? []).flatMap(receiversOf)];
}

function muteTimingNamesOf(policy: alerting.NotificationPolicy): string[] {
  return [...(policy.mute_time_intervals ?? []), ...(policy.routes ?? []).flatMap(muteTimingNamesOf)];
}

/** Problems that would make Grafana reject the stack, deploy something that cannot work, or fail the query lint. */
export function definitionProblems(stack: StackDefinition, cfg: Config): string[] {
  const rules = stack.ruleGroups.flatMap((g) => g.rules ?? []);
  const receivers = new Set(stack.contactPoints.map((c) => c.name));
  return [
    ...duplicates(rules.map((r) => r.uid)).map((uid) => `alert uid ${uid}: used by more than one rule`),
    ...rules
      .filter((r) => !r.record && !r.data.some((q) => q.refId === r.condition))
      .map((r) => `alert ${r.uid}: condition ${r.condition} is not the refId of any of its queries`),
    ...rules
      .filter((r) => r.record && !r.data.some((q) => q.refId === r.record?.from))
      .map((r) => `recording rule ${r.uid}: record.from ${r.record?.from} is not the refId of any of its queries`),
    ...rules.filter((r) => !r.uid).map((r) => `alert "${r.title}": has no uid`),
    ...duplicates(stack.dashboards.map((d) => d.uid)).map((uid) => `dashboard uid ${uid}: used by more than one dashboard`),
    ...receiversOf(stack.notificationPolicy)
      .filter((r) => !receivers.has(r))
      .map((r) => `notification policy: receiver ${r} is not a declared contact point`),
    ...muteTimingNamesOf(stack.notificationPolicy)
      .filter((m) => !stack.muteTimings.some((t) => t.name === m))
      .map((m) => `notification policy: mute timing ${m} is not declared`),
    ...duplicates(stack.contactPoints.map((c) => c.uid)).map((uid) => `contact point uid ${uid}: used by more than one integration`),
    ...stack.dashboards.flatMap(dashboardProblems),
    ...alertLinkProblems(rules, stack.dashboards),
    ...unparseableQueries(stackQueries(stack, cfg)),
    ...bodyExposingQueries(stackQueries(stack, cfg)),
    ...lintProblems(stack, cfg),
  ];
}

/** Builds every definition for one validated config. Pure: no I/O, no Pulumi. */
export function buildStack(cfg: Config): StackDefinition {
  const stack: StackDefinition = {
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
  const problems = definitionProblems(stack, cfg);
  if (problems.length > 0) throw new DefinitionError(problems);
  return stack;
}
