import type { Suppression } from "../model/suppressions";

/**
 * Every check the stack is held to, by name (pint's `area/name` style): what it refuses, and whether
 * a definition may turn it off for itself with a reason (`disabledChecks`, src/model/suppressions.ts).
 * Only advice may be turned off; what Grafana would reject, what cannot work and what would expose
 * a body or a credential may not. docs/reviewing.md's table of checks is generated from this list.
 */
export const CHECKS = {
  "rule/duplicate-uid": { refuses: "two rules with one uid (Grafana keeps one; history follows the uid)", suppressible: false },
  "rule/missing-uid": { refuses: "a rule without a uid (reordering its group would reassign it and its history)", suppressible: false },
  "rule/condition": { refuses: "a rule whose condition is not the refId of one of its queries", suppressible: false },
  "rule/record-from": { refuses: "a recording rule whose record.from is not the refId of one of its queries", suppressible: false },
  "rule/undeclared-receiver": {
    refuses: "a rule whose notification settings name a contact point the stack does not declare",
    suppressible: false,
  },
  "rule/undeclared-mute-timing": {
    refuses: "a rule whose notification settings name a mute timing the stack does not declare",
    suppressible: false,
  },
  "rule/dashboard-link": { refuses: "a rule linking a dashboard or panel the stack does not have", suppressible: false },
  "rule/page-without-pending-period": {
    refuses: "an alerting rule with `severity=page` and `for` empty, `0s` or `0m`: one evaluation would page",
    suppressible: true,
  },
  "rule/missing-runbook": { refuses: "an alerting rule without a non-empty `runbook_url` annotation", suppressible: true },
  "routing/undeclared-receiver": { refuses: "a policy naming a contact point the stack does not declare", suppressible: false },
  "routing/undeclared-mute-timing": { refuses: "a policy naming a mute timing the stack does not declare", suppressible: false },
  "contact-point/duplicate-uid": { refuses: "two integrations with one uid", suppressible: false },
  "contact-point/literal-credential": {
    refuses: "a credential-like setting (`url`, `token`, ...) written in a definition instead of coming from a Pulumi secret",
    suppressible: false,
  },
  "dashboard/duplicate-uid": { refuses: "two dashboards with one uid", suppressible: false },
  "dashboard/panel-id": {
    refuses: "a panel without an explicit id, or two panels with one id (alert links need them)",
    suppressible: false,
  },
  "dashboard/layout": {
    refuses: "a panel without a grid position, outside the 24-column grid, or overlapping another",
    suppressible: true,
  },
  "dashboard/variables": { refuses: "a dashboard without the shared datasource and source variables", suppressible: true },
  "dashboard/unreadable-target": {
    refuses: "a panel target with no Loki or Prometheus query the other checks can read",
    suppressible: false,
  },
  "query/syntax": {
    refuses: "a query the official grammar (`@grafana/lezer-logql`, `@prometheus-io/lezer-promql`) does not parse",
    suppressible: false,
  },
  "query/body-exposure": {
    refuses: "a LogQL query that could return a raw request or response body, as a line or a label",
    suppressible: false,
  },
  "query/empty-line-filter": { refuses: '`|= ""` or `|~ ""` (also as an `or` alternative): it matches every line', suppressible: true },
  "query/parser-without-line-filter": {
    refuses:
      "a `| json` or `| logfmt` stage with no *selecting* line filter before it in the same pipeline (`|=`, `|~` or `|>` with no empty alternative and, for `|~`, not a match-everything regex; negative filters do not count)",
    suppressible: true,
  },
  "query/missing-service-label": {
    refuses:
      'a LogQL stream selector without `<telemetry.logs.sourceLabel>="<telemetry.source>"`, a PromQL vector selector without `<telemetry.metricSourceLabel>="<telemetry.source>"` (dashboard targets may use a dashboard variable; Synthetic Monitoring\'s `probe_*` and `sm_check_info` are exempt)',
    suppressible: true,
  },
  "query/unbounded-regex": {
    refuses:
      "a regex label matcher or regex line filter one of whose top-level alternatives starts or ends with an unescaped `.*` or `.+` (`.*`, `.*order`, `order.*` fail; `order.*failed`, `5..`, `[0-9]+` pass)",
    suppressible: true,
  },
  "stack/logql-cost": {
    refuses: "LogQL rules that together read more than the budget in multiples of the service's log volume",
    suppressible: false,
  },
  "suppression/reason": { refuses: "a disabled check without a reason", suppressible: false },
  "suppression/unknown-check": { refuses: "a disabled check that is not one of these names", suppressible: false },
  "suppression/not-suppressible": { refuses: "a disabled check that may not be turned off", suppressible: false },
  "suppression/unused": {
    refuses: "a disabled check that finds nothing to turn off (it would hide a future finding unseen)",
    suppressible: false,
  },
} as const satisfies Record<string, { refuses: string; suppressible: boolean }>;

export type CheckName = keyof typeof CHECKS;

/** One problem a check found: the check, the definition it belongs to (a rule's or dashboard's uid), where, and what. */
export interface Finding {
  check: CheckName;
  /** The uid of the rule or dashboard the finding belongs to; what a suppression names. Empty for stack-wide findings. */
  subject: string;
  /** Where, as a reviewer would look for it: `alert <uid> query A`, `dashboard <uid> panel 3 "Orders"`. */
  where: string;
  message: string;
}

export function finding(check: CheckName, subject: string, where: string, message: string): Finding {
  return { check, subject, where, message };
}

/** A finding as the output shows it: the check's name first, then where and what. */
export function formatFinding(f: Finding): string {
  return `[${f.check}] ${f.where}: ${f.message}`;
}

const isCheck = (name: string): name is CheckName => Object.hasOwn(CHECKS, name);

/**
 * The findings left once each definition's disabled checks are applied, plus the findings about the
 * suppressions themselves: one without a reason, naming no check, naming a check that may not be
 * turned off, or finding nothing to turn off. A refused suppression turns nothing off.
 */
export function applySuppressions(findings: Finding[], suppressions: Suppression[]): Finding[] {
  const refused: Finding[] = [];
  const active: Suppression[] = [];
  for (const s of suppressions) {
    const where = `${s.kind} ${s.subject} disables ${s.check}`;
    if (!isCheck(s.check))
      refused.push(finding("suppression/unknown-check", s.subject, where, `no check is named ${JSON.stringify(s.check.slice(0, 80))}`));
    else if (!CHECKS[s.check].suppressible)
      refused.push(finding("suppression/not-suppressible", s.subject, where, "this check may not be turned off"));
    else if (s.reason.trim() === "")
      refused.push(finding("suppression/reason", s.subject, where, "give the reason the check does not apply here"));
    else active.push(s);
  }
  const turnsOff = (f: Finding, s: Suppression) => s.subject === f.subject && s.check === f.check;
  const unused = active
    .filter((s) => !findings.some((f) => turnsOff(f, s)))
    .map((s) =>
      finding("suppression/unused", s.subject, `${s.kind} ${s.subject} disables ${s.check}`, "it finds nothing to turn off: remove it"),
    );
  return [...findings.filter((f) => !active.some((s) => turnsOff(f, s))), ...refused, ...unused];
}

/** docs/reviewing.md's table of checks (npm run docs): each name, what it refuses, and whether a definition may turn it off. */
export function checksReference(): string {
  const rows = Object.entries(CHECKS).map(
    ([name, c]) => `| \`${name}\` | ${c.refuses.replaceAll("|", "\\|")} | ${c.suppressible ? "yes, with a reason" : "no"} |`,
  );
  return ["| check | refuses | may a definition turn it off |", "|---|---|---|", ...rows, ""].join("\n");
}
