import { InvalidDefinitionError } from "../config/errors";
import type { Config } from "../config/schema";
import { defineStack, type StackDefinition } from "../build/stack";
import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { literalCredentialProblems } from "./credentials";
import { alertLinkProblems, dashboardProblems } from "./dashboards";
import { applySuppressions, finding, formatFinding, type Finding } from "./findings";
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

/** What the rules, the policy tree and the contact points must hold together for Grafana to take them. */
function structureProblems(stack: StackDefinition): Finding[] {
  const rules = stack.ruleGroups.flatMap((g) => g.rules ?? []);
  const receivers = new Set(stack.contactPoints.map((c) => c.name));
  const declared = (m: string) => stack.muteTimings.some((t) => t.name === m);
  const ofRule = (r: alerting.Rule) => [r.uid ?? "", `alert ${r.uid}`] as const;
  return [
    ...duplicates(rules.map((r) => r.uid)).map((uid) =>
      finding("rule/duplicate-uid", uid, `alert uid ${uid}`, "used by more than one rule"),
    ),
    ...rules
      .filter((r) => !r.record && !r.data.some((q) => q.refId === r.condition))
      .map((r) => finding("rule/condition", ...ofRule(r), `condition ${r.condition} is not the refId of any of its queries`)),
    ...rules
      .filter((r) => r.record && !r.data.some((q) => q.refId === r.record?.from))
      .map((r) =>
        finding(
          "rule/record-from",
          r.uid ?? "",
          `recording rule ${r.uid}`,
          `record.from ${r.record?.from} is not the refId of any of its queries`,
        ),
      ),
    ...rules.filter((r) => !r.uid).map((r) => finding("rule/missing-uid", "", `alert "${r.title}"`, "has no uid")),
    ...duplicates(stack.dashboards.map((d) => d.uid)).map((uid) =>
      finding("dashboard/duplicate-uid", uid, `dashboard uid ${uid}`, "used by more than one dashboard"),
    ),
    ...receiversOf(stack.notificationPolicy)
      .filter((r) => !receivers.has(r))
      .map((r) => finding("routing/undeclared-receiver", "", "notification policy", `receiver ${r} is not a declared contact point`)),
    ...muteTimingNamesOf(stack.notificationPolicy)
      .filter((m) => !declared(m))
      .map((m) => finding("routing/undeclared-mute-timing", "", "notification policy", `mute timing ${m} is not declared`)),
    ...rules
      .filter((r) => r.notification_settings && !receivers.has(r.notification_settings.receiver))
      .map((r) =>
        finding(
          "rule/undeclared-receiver",
          ...ofRule(r),
          `notification settings name contact point ${r.notification_settings?.receiver}, which is not declared`,
        ),
      ),
    ...rules.flatMap((r) =>
      [...(r.notification_settings?.mute_time_intervals ?? []), ...(r.notification_settings?.active_time_intervals ?? [])]
        .filter((m) => !declared(m))
        .map((m) =>
          finding("rule/undeclared-mute-timing", ...ofRule(r), `notification settings name mute timing ${m}, which is not declared`),
        ),
    ),
    ...duplicates(stack.contactPoints.map((c) => c.uid)).map((uid) =>
      finding("contact-point/duplicate-uid", uid, `contact point uid ${uid}`, "used by more than one integration"),
    ),
  ];
}

/**
 * Every finding of every check that would make Grafana reject the stack, deploy something that
 * cannot work, expose a body or a credential, or fail the query lint, after the definitions' own
 * suppressions (findings.ts).
 */
export function definitionFindings(stack: StackDefinition, cfg: Config): Finding[] {
  const rules = stack.ruleGroups.flatMap((g) => g.rules ?? []);
  const queries = stackQueries(stack, cfg);
  return applySuppressions(
    [
      ...structureProblems(stack),
      ...literalCredentialProblems(stack.contactPoints),
      ...stack.dashboards.flatMap(dashboardProblems),
      ...alertLinkProblems(rules, stack.dashboards),
      ...unparseableQueries(queries),
      ...bodyExposingQueries(queries),
      ...lintProblems(stack, cfg),
      ...logqlCostProblems(stack, cfg),
    ],
    stack.suppressions,
  );
}

/** The findings as the output prints them, one line each, the check's name first. */
export function definitionProblems(stack: StackDefinition, cfg: Config): string[] {
  return definitionFindings(stack, cfg).map(formatFinding);
}

/** The stack's definitions for one validated config, or an InvalidDefinitionError naming every problem. */
export function checkedStack(cfg: Config): StackDefinition {
  const stack = defineStack(cfg);
  const problems = definitionProblems(stack, cfg);
  if (problems.length > 0) throw new InvalidDefinitionError("definitions", problems);
  return stack;
}
