import type { FixtureReplay } from "./run";

/**
 * The incident as a Mermaid gantt chart (GitHub renders Mermaid in markdown and PR comments): the
 * incident window, each alert's pending and firing spans, and every notification (firing, repeat,
 * resolved, muted) as a milestone per receiver. Times are the fixture's seconds (`dateFormat X`,
 * shown as mm:ss from the fixture's start). Checked by mermaid's own gantt parser in the tests.
 */

/** Task names may not hold the gantt grammar's separators (`:` starts the task data, `#`/`;` comments). */
function text(s: string): string {
  return s
    .replace(/[:#;%]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function task(name: string, tags: string[], start: number, end: number | string): string {
  return `    ${text(name)} :${[...tags, String(start), String(end)].join(", ")}`;
}

/** `side` names a version in the title (the review diff draws both sides of a change). */
export function mermaidTimeline(r: FixtureReplay, side?: string): string {
  const f = r.fixture;
  const lines = [
    "gantt",
    `    title ${text(`${f.name}${side ? ` ${side}` : ""} - alerts and notifications`)}`,
    "    dateFormat X",
    "    axisFormat %M.%S",
  ];
  if (f.incident) {
    lines.push("    section incident", task(f.incident.what, ["crit"], f.incident.startSeconds, f.incident.endSeconds));
  }
  for (const a of r.alerts.filter((x) => x.category !== "watchdog" && (x.episodes.length > 0 || x.pendingSpans.length > 0))) {
    lines.push(`    section ${text(a.uid)}`);
    for (const p of a.pendingSpans) lines.push(task("pending", [], p.startSeconds, p.endSeconds ?? f.durationSeconds));
    for (const e of a.episodes)
      lines.push(task(e.alertname === a.title ? "firing" : e.alertname, ["active"], e.startSeconds, e.endSeconds ?? f.durationSeconds));
  }
  const byReceiver = new Map<string, string[]>();
  for (const g of r.groups.filter((x) => x.members.some((m) => r.alerts.find((a) => a.uid === m.uid)?.category !== "watchdog"))) {
    for (const n of g.notifications) {
      const what = n.kind === "resolved" ? n.resolved : n.alertnames;
      const list = byReceiver.get(g.receiver) ?? [];
      const tags = n.kind === "muted" ? ["done", "milestone"] : n.kind === "resolved" ? ["milestone"] : ["crit", "milestone"];
      list.push(task(`${n.kind} ${what.join(", ")}`, tags, n.atSeconds, "0s"));
      byReceiver.set(g.receiver, list);
    }
  }
  for (const [receiver, tasks] of byReceiver) lines.push(`    section to ${text(receiver)}`, ...tasks);
  return lines.join("\n");
}
