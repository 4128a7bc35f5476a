import type { FixtureReplay } from "./run";

/**
 * The incident as a Mermaid gantt chart (GitHub renders Mermaid in markdown and PR comments): the
 * incident window, each alert's pending and firing spans, and every notification (firing, repeat,
 * resolved, muted) as a milestone per receiver.
 *
 * Times are the fixture's milliseconds (`dateFormat x`): Mermaid 11 reads a `dateFormat X` start as
 * milliseconds (its timestamp shortcut, `new Date(Number(str))`) but an end as dayjs' seconds, so
 * every bar began at the chart's left edge. Each task names its id (`:tags, id, start, end`, the
 * order Mermaid documents) so that no start is ever read as an id. Checked in Chromium, bar by bar
 * against the chart's own axis (test/replay/compare.test.ts, test/e2e/pictures.e2e.ts).
 */

/** Task names may not hold the gantt grammar's separators (`:` starts the task data, `#`/`;` comments). */
function text(s: string): string {
  return s
    .replace(/(\d):(\d)/g, "$1.$2")
    .replace(/[:#;%]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** One bar or milestone of the chart. */
export interface TimelineTask {
  section: string;
  name: string;
  tags: Array<"crit" | "active" | "done" | "milestone">;
  /** Mermaid's task id: unique within the chart. */
  id: string;
  startSeconds: number;
  /** A milestone's end is its start. */
  endSeconds: number;
}

/** The chart's tasks in drawing order: the incident first, then each alert's pending and firing spans, then notifications per receiver. */
export function timelineTasks(r: FixtureReplay): TimelineTask[] {
  const f = r.fixture;
  const tasks: TimelineTask[] = [];
  if (f.incident) {
    const { what, startSeconds, endSeconds } = f.incident;
    tasks.push({ section: "incident", name: what, tags: ["crit"], id: "incident", startSeconds, endSeconds });
  }
  r.alerts
    .filter((x) => x.category !== "watchdog" && (x.episodes.length > 0 || x.pendingSpans.length > 0))
    .forEach((a, i) => {
      a.pendingSpans.forEach((p, j) =>
        tasks.push({
          section: a.uid,
          name: "pending",
          tags: [],
          id: `a${i}p${j}`,
          startSeconds: p.startSeconds,
          endSeconds: p.endSeconds ?? f.durationSeconds,
        }),
      );
      a.episodes.forEach((e, j) =>
        tasks.push({
          section: a.uid,
          name: e.alertname === a.title ? "firing" : e.alertname,
          tags: ["active"],
          id: `a${i}e${j}`,
          startSeconds: e.startSeconds,
          endSeconds: e.endSeconds ?? f.durationSeconds,
        }),
      );
    });
  const byReceiver = new Map<string, TimelineTask[]>();
  for (const g of r.groups.filter((x) => x.members.some((m) => r.alerts.find((a) => a.uid === m.uid)?.category !== "watchdog"))) {
    for (const n of g.notifications) {
      const what = n.kind === "resolved" ? n.resolved : n.alertnames;
      const list = byReceiver.get(g.receiver) ?? [];
      const tags: TimelineTask["tags"] =
        n.kind === "muted" ? ["done", "milestone"] : n.kind === "resolved" ? ["milestone"] : ["crit", "milestone"];
      list.push({
        section: `to ${g.receiver}`,
        name: `${n.kind} ${what.join(", ")}`,
        tags,
        id: "",
        startSeconds: n.atSeconds,
        endSeconds: n.atSeconds,
      });
      byReceiver.set(g.receiver, list);
    }
  }
  let n = 0;
  for (const list of byReceiver.values()) for (const t of list) tasks.push({ ...t, id: `n${n++}` });
  return tasks;
}

/** Longer than an hour, minutes wrap: the axis shows hours too (in the viewer's time zone, as Mermaid formats local time). */
export function axisFormat(durationSeconds: number): string {
  return durationSeconds > 3600 ? "%H:%M:%S" : "%M.%S";
}

function taskLine(t: TimelineTask): string {
  const ms = (s: number) => String(Math.round(s * 1000));
  const end = t.tags.includes("milestone") ? "0ms" : ms(t.endSeconds);
  return `    ${text(t.name)} :${[...t.tags, t.id, ms(t.startSeconds), end].join(", ")}`;
}

/** `side` names a version in the title (the review diff draws both sides of a change). */
export function mermaidTimeline(r: FixtureReplay, side?: string): string {
  const f = r.fixture;
  const lines = [
    "gantt",
    `    title ${text(`${f.name}${side ? ` ${side}` : ""} - alerts and notifications`)}`,
    "    dateFormat x",
    `    axisFormat ${axisFormat(f.durationSeconds)}`,
    "    todayMarker off",
  ];
  let section: string | undefined;
  for (const t of timelineTasks(r)) {
    if (t.section !== section) lines.push(`    section ${text(t.section)}`);
    section = t.section;
    lines.push(taskLine(t));
  }
  return lines.join("\n");
}
