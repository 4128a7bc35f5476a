/**
 * Checks a definition turns off for itself, each with its reason, the way pint's
 * `# pint disable <check>` comment sits in a rule: check name -> why it does not apply here. Set on
 * an alert or dashboard definition (`definition.disabledChecks = { "query/unbounded-regex": "..." }`),
 * collected by defineStack and applied by src/checks (findings.ts), which refuses a suppression
 * without a reason, of an unknown check, of a check that may not be turned off, or that turns
 * nothing off.
 */
export type DisabledChecks = Readonly<Record<string, string>>;

/** A definition whose output's findings a few named checks may skip. */
export interface Suppressing {
  disabledChecks?: DisabledChecks;
}

/** One disabled check of one definition, as defineStack collects it. */
export interface Suppression {
  kind: "alert" | "dashboard";
  /** The rule's or dashboard's uid. */
  subject: string;
  check: string;
  reason: string;
}

export function suppressionsOf(kind: Suppression["kind"], subject: string, definition: Suppressing): Suppression[] {
  return Object.entries(definition.disabledChecks ?? {}).map(([check, reason]) => ({ kind, subject, check, reason }));
}
