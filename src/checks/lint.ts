import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import type { SyntaxNode } from "@lezer/common";
import { durationSeconds } from "../config/durations";
import type { Config, Telemetry } from "../config/schema";
import type { QueryRef } from "./queries";
import { stackQueries } from "./queries";
import type { ParsedQuery } from "./grammar";
import { parseQuery, syntaxErrors, unquote } from "./grammar";
import type { StackDefinition } from "../build/stack";
import { finding, type CheckName, type Finding } from "./findings";

/**
 * Query and rule lint: patterns that parse but make an alert or panel wrong, slow or unanswerable.
 * Every check walks the official grammar tree (@grafana/lezer-logql, @prometheus-io/lezer-promql);
 * only the text of a regex itself is inspected as text. Each finding names its check (findings.ts;
 * docs/reviewing.md "Checks"):
 *
 * - query/empty-line-filter: a LogQL line filter `|= ""` or `|~ ""` matches every line and filters nothing.
 * - query/parser-without-line-filter: a `| json` or `| logfmt` stage with no selecting line filter before
 *   it in the same pipeline. Selecting = `|=`, `|~` or `|>` whose every alternative is non-empty and,
 *   for `|~`, not a match-everything regex (`.*`, `^.*$`). Negative filters (`!=`, `!~`, `!>`) do
 *   not count: they drop some lines but still leave every other line to be parsed.
 * - query/missing-service-label: a LogQL stream selector without `<telemetry.logs.sourceLabel>="<source>"`,
 *   or a PromQL vector selector without `<telemetry.metricSourceLabel>="<source>"`. Dashboard
 *   queries may use a dashboard variable (`$source`, `${source}`) instead of the value, with `=` or
 *   `=~`. Exempt: PromQL series that are not the service's own telemetry, listed in
 *   FOREIGN_METRICS (Synthetic Monitoring's `probe_*` and `sm_check_info`). `vector(...)` and other
 *   expressions without a selector have nothing to check.
 * - query/unbounded-regex: a regex label matcher (`=~`, `!~`: stream selectors, label filters, PromQL
 *   selectors) or regex line filter (`|~`, `!~`) one of whose top-level alternatives starts or ends
 *   with an unescaped `.*` or `.+` (after `^`, `$`, inline flags and group parentheses), so the
 *   wildcard is bounded by no literal text on that side: `.*`, `.+`, `.*order`, `order.*` are
 *   flagged; `order.*failed`, `5..`, `[0-9]+` are not.
 * - rule/page-without-pending-period: an alerting rule with severity=page and `for` empty or zero
 *   pages on a single evaluation.
 * - rule/missing-runbook: an alerting rule without a non-empty `runbook_url` annotation.
 * Recording rules (`record` set) are exempt from the two rule checks; their queries are linted.
 */

/** PromQL series that do not come from the service, so carry no service label. */
export const FOREIGN_METRICS: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  { pattern: /^probe_/, why: "Synthetic Monitoring probe results, labelled by check job and probe" },
  { pattern: /^sm_check_info$/, why: "Synthetic Monitoring check metadata" },
];

const GRAFANA_VARIABLE = /^\$(\{[A-Za-z_][A-Za-z0-9_]*(:[A-Za-z]+)?\}|[A-Za-z_][A-Za-z0-9_]*)$/;

/** Top-level alternatives of a regex: split on `|` outside groups and character classes. */
function alternatives(pattern: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      parts.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  return [...parts, pattern.slice(start)];
}

function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  for (let i = at - 1; i >= 0 && text[i] === "\\"; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** The wildcard (`.*`, `.+`) a regex starts or ends with, unbounded by literal text; undefined when none. */
export function unboundedWildcard(pattern: string): string | undefined {
  for (const alt of alternatives(pattern.replace(/^\(\?[a-zA-Z]+\)/, ""))) {
    const head = alt.replace(/^(\^|\((\?:)?)*/, "");
    const tail = alt.replace(/(\$|\))*$/, "").replace(/\?$/, "");
    if (/^\.[*+]/.test(head)) return head.slice(0, 2);
    if (/\.[*+]$/.test(tail) && !isEscaped(tail, tail.length - 2)) return tail.slice(-2);
  }
  return undefined;
}

function matchesEveryLine(pattern: string): boolean {
  return /^\^?(\.\*)?\$?$/.test(pattern);
}

interface LabelMatch {
  name: string;
  op: string;
  value: string;
  node: SyntaxNode;
}

/** `name op "value"` of a LogQL Matcher node. */
function logqlMatcher(q: ParsedQuery, m: SyntaxNode): LabelMatch {
  const name = m.getChild("Identifier");
  const value = m.getChild("String");
  const op = m.getChild("Eq") ?? m.getChild("Neq") ?? m.getChild("Re") ?? m.getChild("Nre");
  return { name: name ? q.textOf(name) : "", op: op ? q.textOf(op) : "", value: value ? unquote(q.textOf(value)) : "", node: m };
}

/** `name op "value"` of a PromQL label matcher node (`name="v"` or `"name"="v"`). */
function promqlMatcher(q: ParsedQuery, m: SyntaxNode): LabelMatch | undefined {
  const op = m.getChild("MatchOp");
  const value = m.getChild("StringLiteral");
  if (!op || !value) return undefined;
  const quotedName = m.getChild("QuotedLabelName")?.getChild("StringLiteral");
  const name = quotedName ? unquote(q.textOf(quotedName)) : q.textOf(m.getChild("LabelName") ?? m);
  return { name, op: q.textOf(op), value: unquote(q.textOf(value)), node: m };
}

function within(outer: SyntaxNode, inner: SyntaxNode): boolean {
  return inner.from >= outer.from && inner.to <= outer.to;
}

function carriesService(matchers: LabelMatch[], label: string, source: string, dashboard: boolean): boolean {
  return matchers.some(
    (m) =>
      m.name === label &&
      ((m.op === "=" && m.value === source) || (dashboard && (m.op === "=" || m.op === "=~") && GRAFANA_VARIABLE.test(m.value))),
  );
}

/** A query's problem: the check that found it and its message (the caller knows where). */
type QueryProblem = [CheckName, string];

function regexProblems(q: ParsedQuery, matchers: LabelMatch[]): QueryProblem[] {
  return matchers
    .filter((m) => m.op === "=~" || m.op === "!~")
    .flatMap((m): QueryProblem[] => {
      const wildcard = unboundedWildcard(m.value);
      return wildcard
        ? [
            [
              "query/unbounded-regex",
              `unbounded regex: ${q.textOf(m.node)} starts or ends with ${wildcard}; label matchers are anchored, so it scans every value of the label and matches more than meant: bound it with literal text or list exact values`,
            ],
          ]
        : [];
    });
}

interface LineFilter {
  op: string;
  values: string[];
  node: SyntaxNode;
}

function lineFilter(q: ParsedQuery, f: SyntaxNode): LineFilter {
  const op = f.getChild("Filter");
  const strings = [...f.getChildren("String"), ...f.getChildren("OrFilter").flatMap((o) => o.getChildren("String"))];
  return { op: op ? q.textOf(op) : "", values: strings.map((s) => unquote(q.textOf(s))), node: f };
}

function selects(f: LineFilter): boolean {
  if (!["|=", "|~", "|>"].includes(f.op) || f.values.length === 0) return false;
  return f.values.every((v) => v !== "" && !(f.op === "|~" && matchesEveryLine(v)));
}

/** The outermost PipelineExpr holding a node: one pipeline, left-recursive in the grammar. */
function pipelineOf(node: SyntaxNode): SyntaxNode | undefined {
  let pipeline: SyntaxNode | undefined;
  for (let n: SyntaxNode | null = node.parent; n; n = n.parent) {
    if (n.name === "PipelineExpr") pipeline = n;
    else if (pipeline) break;
  }
  return pipeline;
}

function logqlProblems(q: ParsedQuery, t: Telemetry, dashboard: boolean): QueryProblem[] {
  const problems: QueryProblem[] = [];
  const filters = q.nodes("LineFilter").map((f) => lineFilter(q, f));

  for (const f of filters) {
    if ((f.op === "|=" || f.op === "|~") && f.values.includes("")) {
      problems.push([
        "query/empty-line-filter",
        `empty line filter: ${q.textOf(f.node)} matches every line; filter on text the wanted lines contain, or drop it`,
      ]);
    }
    if (f.op === "|~" || f.op === "!~") {
      for (const v of f.values) {
        const wildcard = unboundedWildcard(v);
        if (wildcard)
          problems.push([
            "query/unbounded-regex",
            `unbounded regex: line filter ${q.textOf(f.node)} starts or ends with ${wildcard}; a line filter matches anywhere in the line, so the wildcard only adds backtracking: drop it`,
          ]);
      }
    }
  }

  for (const parser of [...q.nodes("Json"), ...q.nodes("Logfmt")]) {
    const pipeline = pipelineOf(parser);
    const before = filters.filter((f) => pipeline && within(pipeline, f.node) && f.node.to <= parser.from);
    if (!before.some(selects)) {
      problems.push([
        "query/parser-without-line-filter",
        `| ${q.textOf(parser)} with no line filter before it parses every line of the stream; add a line filter (|= "...") that keeps only the lines wanted`,
      ]);
    }
  }

  for (const selector of q.nodes("Selector")) {
    const matchers = q
      .nodes("Matcher")
      .filter((m) => within(selector, m))
      .map((m) => logqlMatcher(q, m));
    if (!carriesService(matchers, t.logs.sourceLabel, t.source, dashboard)) {
      problems.push([
        "query/missing-service-label",
        `stream selector ${q.textOf(selector)} lacks the service label ${t.logs.sourceLabel}="${t.source}"${dashboard ? " (or a dashboard variable)" : ""}`,
      ]);
    }
  }

  const labelMatchers = q.nodes("Matcher").map((m) => logqlMatcher(q, m));
  return [...problems, ...regexProblems(q, labelMatchers)];
}

function metricNameOf(q: ParsedQuery, selector: SyntaxNode, matchers: LabelMatch[]): string {
  const identifier = selector.getChild("Identifier");
  if (identifier) return q.textOf(identifier);
  // `{"metric.name", label="..."}`: a quoted metric name stands alone in the matcher list.
  const quotedName = selector.getChild("LabelMatchers")?.getChild("QuotedLabelName")?.getChild("StringLiteral");
  if (quotedName) return unquote(q.textOf(quotedName));
  return matchers.find((m) => m.name === "__name__" && m.op === "=")?.value ?? "";
}

function promqlProblems(q: ParsedQuery, t: Telemetry, dashboard: boolean): QueryProblem[] {
  const problems: QueryProblem[] = [];
  const allMatchers: LabelMatch[] = [];
  for (const selector of q.nodes("VectorSelector")) {
    const matchers = [...q.nodes("UnquotedLabelMatcher"), ...q.nodes("QuotedLabelMatcher")]
      .filter((m) => within(selector, m))
      .flatMap((m) => promqlMatcher(q, m) ?? []);
    allMatchers.push(...matchers);
    const metric = metricNameOf(q, selector, matchers);
    if (FOREIGN_METRICS.some((f) => f.pattern.test(metric))) continue;
    if (!carriesService(matchers, t.metricSourceLabel, t.source, dashboard)) {
      problems.push([
        "query/missing-service-label",
        `vector selector ${q.textOf(selector)} lacks the service label ${t.metricSourceLabel}="${t.source}"${dashboard ? " (or a dashboard variable)" : ""}`,
      ]);
    }
  }
  return [...problems, ...regexProblems(q, allMatchers)];
}

/** Lint findings of one query. Queries that do not parse are left to the grammar check. */
export function queryLintProblems(ref: QueryRef, t: Telemetry): Finding[] {
  if (syntaxErrors(ref.language, ref.expr).length > 0) return [];
  // Only dashboards interpolate template variables; an alert's query is sent as written.
  const dashboard = ref.owner === "dashboard";
  const parsed = parseQuery(ref.language, ref.expr);
  const problems = ref.language === "logql" ? logqlProblems(parsed, t, dashboard) : promqlProblems(parsed, t, dashboard);
  return problems.map(([check, message]) => finding(check, ref.subject, ref.where, message));
}

/** Lint findings of an alert rule itself; recording rules are exempt. */
export function ruleLintProblems(rule: alerting.Rule): Finding[] {
  if (rule.record) return [];
  const problems: Finding[] = [];
  const at = (check: CheckName, message: string) => problems.push(finding(check, rule.uid ?? "", `alert ${rule.uid}`, message));
  if (rule.labels?.severity === "page" && durationSeconds(rule.for || "0s") === 0) {
    at(
      "rule/page-without-pending-period",
      `severity=page with for: ${JSON.stringify(rule.for ?? "")} pages on a single evaluation; set a pending period`,
    );
  }
  if (!rule.annotations?.runbook_url?.trim()) at("rule/missing-runbook", "has no runbook_url annotation; on-call needs to know what to do");
  return problems;
}

export function lintProblems(stack: StackDefinition, cfg: Config): Finding[] {
  const rules = stack.ruleGroups.flatMap((g) => g.rules ?? []);
  return [...rules.flatMap(ruleLintProblems), ...stackQueries(stack, cfg).flatMap((q) => queryLintProblems(q, cfg.telemetry))];
}
