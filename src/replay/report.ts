import type { FixtureReplay } from "./run";

/** `npm run replay` output: per fixture, what fired when, where it was routed, and false pages. */

export function clock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? `${text} ` : text.padEnd(width);
}

export function formatReplay(results: FixtureReplay[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const f = r.fixture;
    lines.push(`${f.name}: ${f.title}`);
    lines.push(
      f.incident
        ? `  incident ${clock(f.incident.startSeconds)}-${clock(f.incident.endSeconds)} of ${clock(f.durationSeconds)}: ${f.incident.what}`
        : `  no incident (${clock(f.durationSeconds)} of traffic)`,
    );
    const fired = r.alerts.filter((a) => a.firingSeconds.length > 0);
    lines.push(`  ${pad("alert", 34)}${pad("severity", 10)}${pad("first firing", 14)}${pad("TTD", 8)}${pad("route", 26)}evaluated by`);
    for (const a of fired) {
      const first = a.firingSeconds[0];
      const ttd = f.incident && first >= f.incident.startSeconds ? `+${first - f.incident.startSeconds}s` : "-";
      lines.push(`  ${pad(a.uid, 34)}${pad(a.severity, 10)}${pad(clock(first), 14)}${pad(ttd, 8)}${pad(a.receivers.join(", "), 26)}${a.evaluatedBy}`);
    }
    const silent = r.alerts.filter((a) => a.firingSeconds.length === 0).map((a) => a.uid);
    lines.push(`  silent: ${silent.length ? silent.join(", ") : "none"}`);
    if (f.incident) {
      lines.push(r.detection ? `  time to detect: ${r.detection.ttdSeconds}s (${r.detection.uid} at ${clock(r.detection.atSeconds)})` : "  time to detect: NOT DETECTED");
    }
    lines.push(`  false pages: ${r.falsePages.length ? r.falsePages.map((p) => `${p.uid} at ${clock(p.atSeconds)}`).join(", ") : "none"}`);
    lines.push("");
  }
  return lines.join("\n");
}
