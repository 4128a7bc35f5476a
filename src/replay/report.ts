import type { FixtureReplay } from "./run";
import type { FixtureVerdict } from "./expectations";
import type { Expectations } from "./fixtures";
import { mermaidTimeline } from "./timeline";
import { formatDuration, formatOffset } from "../config/durations";
import { counted, renderTable, type TableFormat } from "../model/text";

/** `npm run replay` output: per fixture, who was notified when, how often, and what failed. */

export type ReportFormat = TableFormat;

function table(format: ReportFormat, head: string[], rows: string[][]): string[] {
  return renderTable(format, head, rows, "  ");
}

const seconds = (s: number | undefined) => (s === undefined ? "-" : `${s >= 0 ? "+" : ""}${s}s`);

/** What a fixture's `expect` asks, in words. */
export function describeExpectations(e: Expectations | undefined, pageWorthy?: boolean): string {
  const parts: string[] = [];
  if (e?.pageWithinSeconds !== undefined) parts.push(`page <= ${e.pageWithinSeconds}s`);
  if (e?.detectWithinSeconds !== undefined) parts.push(`notify <= ${e.detectWithinSeconds}s`);
  if (e?.noPage) parts.push("no page");
  if (e?.quiet) parts.push("silent");
  if (e?.maxPages !== undefined) parts.push(`<= ${counted(e.maxPages, "page")} per incident`);
  if (e?.maxEpisodes !== undefined) parts.push(`<= ${counted(e.maxEpisodes, "episode")}`);
  if (e?.notifies?.length) parts.push(`${e.notifies.join(" and ")} notif${e.notifies.length === 1 ? "ies" : "y"}`);
  if (e?.silent?.length) parts.push(`${e.silent.join(" and ")} silent`);
  if (e?.datasourceErrorTicketOnce) parts.push("DatasourceError: one ticket, no page");
  if (parts.length === 0) parts.push(pageWorthy ? "detected" : "-");
  return parts.join(", ");
}

export function formatReplay(results: FixtureReplay[], verdicts: FixtureVerdict[], format: ReportFormat = "text"): string {
  const lines: string[] = [];
  results.forEach((r, i) => {
    const f = r.fixture;
    const v = verdicts[i];
    lines.push(format === "markdown" ? `### ${f.name}: ${f.title}` : `${f.name}: ${f.title}`);
    const incident = f.incident
      ? `incident from ${formatOffset(f.incident.startSeconds)} to ${formatOffset(f.incident.endSeconds)} of ${formatDuration(f.durationSeconds)}: ${f.incident.what}${f.incident.pageWorthy ? " (page-worthy)" : ""}`
      : `no incident (${formatDuration(f.durationSeconds)} of traffic)`;
    lines.push(
      format === "markdown" ? `${incident}. Expected: ${describeExpectations(f.expect, f.incident?.pageWorthy)}.` : `  ${incident}`,
    );
    if (format === "markdown") lines.push("");
    if (v.alerts.length === 0) lines.push(format === "markdown" ? "No notification." : "  no notification");
    else {
      lines.push(
        ...table(
          format,
          ["alert", "severity", "receiver", "time to notify", "resolved notice", "episodes"],
          v.alerts.map((a) => [
            a.alert,
            a.severity,
            a.receiver,
            seconds(a.timeToNotifySeconds),
            seconds(a.resolvedSeconds),
            `${a.episodes}${a.muted > 0 ? ` (${a.muted} muted)` : ""}`,
          ]),
        ),
      );
    }
    if (format === "markdown") lines.push("");
    if (f.incident)
      lines.push(
        format === "markdown"
          ? `Pages (on-call incidents opened): ${v.pageIncidents}.\n`
          : `  pages (on-call incidents opened): ${v.pageIncidents}`,
      );
    // One picture per page-worthy scenario (its first phase and seed).
    if (format === "markdown" && f.incident?.pageWorthy && !/@|\.seed\d+$/.test(f.name))
      lines.push("```mermaid", mermaidTimeline(r), "```", "");
    const result =
      v.failures.length === 0 ? "PASS" : `FAIL\n${v.failures.map((x) => `${format === "markdown" ? "- " : "    - "}${x}`).join("\n")}`;
    lines.push(
      format === "markdown"
        ? `**${result.split("\n")[0]}**${result.includes("\n") ? `\n\n${result.split("\n").slice(1).join("\n")}` : ""}`
        : `  ${result}`,
    );
    lines.push("");
  });
  return lines.join("\n");
}

export interface ScenarioRow {
  scenario: string;
  expected: string;
  /** Time to notify (the page if any, else the first notification): median / worst over phases. */
  notify: string;
  episodes: number;
  /** On-call incidents opened per incident (the most over phases). */
  pages: number;
  pass: boolean;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

/** One row per scenario, its phases (`name@+10s`) folded in: the docs' scenario table. */
export function scenarioRows(results: FixtureReplay[], verdicts: FixtureVerdict[]): ScenarioRow[] {
  const groups = new Map<string, number[]>();
  results.forEach((r, i) => {
    const base = r.fixture.name.replace(/(@\+\d+s)?(\.seed\d+)?$/, "");
    groups.set(base, [...(groups.get(base) ?? []), i]);
  });
  return [...groups].map(([scenario, idx]) => {
    const f = results[idx[0]].fixture;
    const times = idx.map((i) => verdicts[i].pageSeconds ?? verdicts[i].detectSeconds).filter((x): x is number => x !== undefined);
    const what = idx.some((i) => verdicts[i].pageSeconds !== undefined) ? "page" : "first notification";
    const variants = idx.some((i) => /\.seed\d+$/.test(results[i].fixture.name)) ? "seeds" : "phases";
    const notify =
      times.length === 0
        ? "-"
        : times.length === 1
          ? `${what} +${times[0]}s`
          : `${what} +${median(times)}s median, +${Math.max(...times)}s worst (${idx.length} ${variants})`;
    return {
      scenario,
      expected: describeExpectations(f.expect, f.incident?.pageWorthy),
      notify,
      episodes: Math.max(...idx.map((i) => verdicts[i].maxEpisodes)),
      pages: Math.max(...idx.map((i) => verdicts[i].pageIncidents)),
      pass: idx.every((i) => verdicts[i].failures.length === 0),
    };
  });
}

export function formatScenarioTable(rows: ScenarioRow[], format: ReportFormat): string {
  return table(
    format,
    ["scenario", "expected", "time to notify", "episodes (max per alert)", "pages per incident", "result"],
    rows.map((r) => [r.scenario, r.expected, r.notify, String(r.episodes), String(r.pages), r.pass ? "pass" : "FAIL"]),
  ).join("\n");
}
