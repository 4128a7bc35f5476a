import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { formatDuration, parseDuration } from "../config/durations";
import { InvalidDefinitionError } from "../config/errors";
import { PROJECT } from "../config/keys";
import type { AlertGroup, Config } from "../config/schema";
import { EXPRESSION_DATASOURCE, exprOf, RECORDING_GROUP } from "../model/rules";

/**
 * A rule group's evaluation interval against the windows its rules read: a rule that counts 5xx
 * over 2 minutes, evaluated every hour, sees 2 minutes of every hour and misses whatever happens in
 * the other 58. Each rule's windows are the range selectors of its queries (`[2m]`, a subquery's
 * `[1h:5m]`), or, for an instant query of a series (`max(cpu_percent)`), its lookback; a rule that
 * reads no series (the watchdog's `vector(1)`) has none.
 */

/** String literals of PromQL and LogQL ("...", '...', `...`), whose text is never a range. */
const STRING_LITERAL = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g;
const RANGE = /\[\s*([0-9][0-9a-z]*)\s*(?::[^\]]*)?\]/g;
/** Words of PromQL that are neither series nor functions. */
const KEYWORDS = new Set([
  "by",
  "without",
  "on",
  "ignoring",
  "group_left",
  "group_right",
  "bool",
  "and",
  "or",
  "unless",
  "offset",
  "atan2",
  "inf",
  "nan",
]);

/**
 * The text with each subquery's body (`(...)` before `[1h:1m]`) blanked: a range inside it is read
 * at every step of the subquery, so it does not limit how often the rule may be evaluated.
 */
function withoutSubqueryBodies(text: string): string {
  let out = text;
  for (let m = /\)\s*\[[^\]]*:[^\]]*\]/.exec(out); m; m = /\)\s*\[[^\]]*:[^\]]*\]/.exec(out)) {
    let depth = 0;
    let open = m.index;
    for (; open >= 0; open--) {
      if (out[open] === ")") depth++;
      else if (out[open] === "(" && --depth === 0) break;
    }
    if (open < 0) break;
    // The subquery's own range stays, its body and its colon go: `(1)[1h]`.
    const range = /\[\s*([^\]:]*)/.exec(out.slice(m.index))![1];
    out = `${out.slice(0, open)}(1)[${range}]${out.slice(m.index + m[0].length)}`;
  }
  return out;
}

function rangesOf(expr: string): number[] {
  return [...withoutSubqueryBodies(expr.replace(STRING_LITERAL, '""')).matchAll(RANGE)].flatMap((m) => {
    const d = parseDuration(m[1]);
    return d.ok && d.milliseconds > 0 ? [d.milliseconds / 1000] : [];
  });
}

/** Whether an expression selects series: a `{...}` selector or a name that is not a function or keyword. */
function readsSeries(expr: string): boolean {
  const text = expr.replace(STRING_LITERAL, '""').replace(RANGE, "");
  if (text.includes("{")) return true;
  for (const m of text.matchAll(/(?<![A-Za-z0-9_:.])[A-Za-z_:][A-Za-z0-9_:]*/g)) {
    if (KEYWORDS.has(m[0].toLowerCase())) continue;
    if (
      text
        .slice(m.index + m[0].length)
        .trimStart()
        .startsWith("(")
    )
      continue;
    return true;
  }
  return false;
}

/** The shortest window a rule reads, in seconds, and the text it is written as; undefined when it reads none. */
function shortestWindow(rule: alerting.Rule): number | undefined {
  const windows = rule.data.flatMap((q) => {
    const expr = q.datasourceUid === EXPRESSION_DATASOURCE ? undefined : exprOf(q.model);
    if (expr === undefined) return [];
    const ranges = rangesOf(expr);
    if (ranges.length > 0) return ranges;
    return readsSeries(expr) && q.relativeTimeRange?.from ? [q.relativeTimeRange.from] : [];
  });
  return windows.length > 0 ? Math.min(...windows) : undefined;
}

/** The key that sets a group's interval: its own, or the stack-wide default. */
function intervalKey(cfg: Config, group: string): string {
  return cfg.alerting.groupEvaluationIntervalSeconds[group as AlertGroup] === undefined
    ? `${PROJECT}:alerting.evaluationIntervalSeconds`
    : `${PROJECT}:alerting.groupEvaluationIntervalSeconds.${group}`;
}

/**
 * Throws, one line per interval key, when a group is evaluated less often than the shortest window
 * one of its rules reads.
 */
export function checkEvaluationWindows(cfg: Config, groups: readonly alerting.RuleGroup[]): void {
  const tooLong = new Map<string, string[]>();
  const limit = new Map<string, number>();
  for (const group of groups) {
    const title = group.title ?? "";
    if (title === RECORDING_GROUP || group.interval === undefined) continue;
    const shortest = (group.rules ?? [])
      .map((rule) => ({ rule, window: shortestWindow(rule) }))
      .filter((r): r is { rule: alerting.Rule; window: number } => r.window !== undefined)
      .sort((a, b) => a.window - b.window)[0];
    if (!shortest || group.interval <= shortest.window) continue;
    const key = intervalKey(cfg, title);
    tooLong.set(key, [...(tooLong.get(key) ?? []), `the ${title} group's ${shortest.rule.uid} reads ${formatDuration(shortest.window)}`]);
    limit.set(key, Math.min(limit.get(key) ?? Infinity, shortest.window));
  }
  const problems = [...tooLong].map(([key, groupsReading]) => {
    const interval = key.endsWith(".evaluationIntervalSeconds")
      ? cfg.alerting.evaluationIntervalSeconds
      : Number(cfg.alerting.groupEvaluationIntervalSeconds[key.split(".").at(-1) as AlertGroup]);
    return `${key}: evaluating every ${formatDuration(interval)} is longer than the windows read (${groupsReading.join("; ")}): each evaluation would see only that much of every ${formatDuration(interval)}; expected at most ${limit.get(key)}`;
  });
  if (problems.length > 0) throw new InvalidDefinitionError("stack configuration", problems);
}
