import { InvalidDefinitionError } from "../config/errors";
import type { Config } from "../config/schema";
import { defineStack, type StackDefinition } from "../build/stack";
import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { literalCredentialProblems } from "./credentials";
import { alertLinkProblems, dashboardProblems } from "./dashboards";
import { lintProblems } from "./lint";
import { logqlCostProblems } from "./logql-cost";
import { bodyExposingQueries, stackQueries, unparseableQueries } from "./queries";

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
    ...rules
      .filter((r) => r.notification_settings && !receivers.has(r.notification_settings.receiver))
      .map((r) => `alert ${r.uid}: notification settings name contact point ${r.notification_settings?.receiver}, which is not declared`),
    ...rules.flatMap((r) =>
      [...(r.notification_settings?.mute_time_intervals ?? []), ...(r.notification_settings?.active_time_intervals ?? [])]
        .filter((m) => !stack.muteTimings.some((t) => t.name === m))
        .map((m) => `alert ${r.uid}: notification settings name mute timing ${m}, which is not declared`),
    ),
    ...duplicates(stack.contactPoints.map((c) => c.uid)).map((uid) => `contact point uid ${uid}: used by more than one integration`),
    ...literalCredentialProblems(stack.contactPoints),
    ...stack.dashboards.flatMap(dashboardProblems),
    ...alertLinkProblems(rules, stack.dashboards),
    ...unparseableQueries(stackQueries(stack, cfg)),
    ...bodyExposingQueries(stackQueries(stack, cfg)),
    ...lintProblems(stack, cfg),
    ...logqlCostProblems(stack, cfg),
  ];
}

/** The stack's definitions for one validated config, or an InvalidDefinitionError naming every problem. */
export function checkedStack(cfg: Config): StackDefinition {
  const stack = defineStack(cfg);
  const problems = definitionProblems(stack, cfg);
  if (problems.length > 0) throw new InvalidDefinitionError("definitions", problems);
  return stack;
}
