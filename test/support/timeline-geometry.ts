import { expect } from "vitest";
import type { FixtureReplay } from "../../src/replay/run";
import type { DrawnTask, DrawnTick, TimelinePicture } from "../../src/preview/timeline-picture";
import { colourDistance, type Pixels } from "./pixels";

/**
 * Checks a drawn incident timeline against the replay it shows: the chart's own time axis (its tick
 * labels and positions) gives pixels per second, and every bar must start and end, every milestone
 * sit, where the replay says, within `TOLERANCE_PX`. The expectations are read from the replay
 * directly (incident, pending spans, episodes, notifications), not from the chart's source text.
 */

export const TOLERANCE_PX = 2;

/** A tick label in seconds: `21.30` (%M.%S) or `01:05:00` (%H:%M:%S, the page runs in UTC). */
function tickSeconds(label: string): number {
  const parts = label.split(/[.:]/).map(Number);
  expect(parts.every(Number.isFinite), `tick label ${label}`).toBe(true);
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}

/** x = offset + scale * seconds, fitted through the first and last tick; every tick must lie on it. */
export function axisScale(ticks: DrawnTick[]): (seconds: number) => number {
  expect(ticks.length, "axis ticks").toBeGreaterThanOrEqual(2);
  const points = ticks.map((t) => ({ s: tickSeconds(t.label), x: t.x }));
  const [a, b] = [points[0], points[points.length - 1]];
  const scale = (b.x - a.x) / (b.s - a.s);
  expect(scale, "pixels per second").toBeGreaterThan(0);
  const x = (s: number) => a.x + (s - a.s) * scale;
  for (const p of points) expect(Math.abs(x(p.s) - p.x), `tick ${p.s}s`).toBeLessThanOrEqual(1);
  return x;
}

type Expected = { what: string; start: number; end: number; milestone: boolean };

/** What the replay says the chart must show: the incident, each alert's pending and firing spans, each notification. */
export function expectedTasks({ fixture: f, alerts, groups }: FixtureReplay): Expected[] {
  const until = (end: number | undefined) => end ?? f.durationSeconds;
  const watchdogs = new Set(alerts.filter((a) => a.category === "watchdog").map((a) => a.uid));
  return [
    ...(f.incident ? [{ what: "incident", start: f.incident.startSeconds, end: f.incident.endSeconds, milestone: false }] : []),
    ...alerts
      .filter((a) => !watchdogs.has(a.uid))
      .flatMap((a) => [
        ...a.pendingSpans.map((p) => ({ what: `${a.uid} pending`, start: p.startSeconds, end: until(p.endSeconds), milestone: false })),
        ...a.episodes.map((e) => ({ what: `${a.uid} ${e.alertname}`, start: e.startSeconds, end: until(e.endSeconds), milestone: false })),
      ]),
    ...groups
      .filter((g) => !g.members.every((m) => watchdogs.has(m.uid)))
      .flatMap((g) =>
        g.notifications.map((n) => ({ what: `${n.kind} to ${g.receiver}`, start: n.atSeconds, end: n.atSeconds, milestone: true })),
      ),
  ];
}

function matches(t: DrawnTask, e: Expected, x: (s: number) => number): boolean {
  if (t.milestone !== e.milestone) return false;
  if (e.milestone) return Math.abs((t.left + t.right) / 2 - x(e.start)) <= TOLERANCE_PX;
  return Math.abs(t.left - x(e.start)) <= TOLERANCE_PX && Math.abs(t.right - x(e.end)) <= TOLERANCE_PX;
}

/**
 * In the PNG itself, each bar wide enough to probe is where the page drew it: along its inside top
 * line (3 px below its top, clear of the centred labels) at least 80% of the samples are one fill,
 * and 3 px left of its start the picture is not that fill (a row's background or a section's label).
 */
function expectBarsInPicture(picture: TimelinePicture, pixels: Pixels, name: string): void {
  expect([pixels.width, pixels.height], `${name}: PNG size`).toEqual([Math.round(picture.width), Math.round(picture.height)]);
  for (const t of picture.tasks.filter((x) => !x.milestone && x.right - x.left >= 10)) {
    const y = t.top + 3;
    const samples = Array.from({ length: 20 }, (_, i) => pixels.at(t.left + 3 + ((t.right - t.left - 6) * i) / 19, y));
    const fill = samples.find((c) => samples.filter((d) => colourDistance(c, d) < 8).length >= 16);
    expect(fill, `${name}: bar ${t.id} is one fill from x ${t.left} to ${t.right}`).toBeDefined();
    expect(colourDistance(fill!, pixels.at(t.left - 3, y)), `${name}: bar ${t.id} starts at x ${t.left}`).toBeGreaterThan(20);
  }
}

/** Every expected task drawn once where it belongs, nothing else drawn; the incident bar first (the top row); the PNG shows the bars where the page drew them. */
export function expectTimelineGeometry(picture: TimelinePicture, replay: FixtureReplay, pixels: Pixels): void {
  const x = axisScale(picture.ticks);
  const expected = expectedTasks(replay);
  const name = replay.fixture.name;
  expect(picture.tasks.length, `${name}: tasks drawn`).toBe(expected.length);
  const unmatched = [...picture.tasks];
  for (const e of expected) {
    const i = unmatched.findIndex((t) => matches(t, e, x));
    expect(
      i,
      `${name}: ${e.what} ${e.start}-${e.end}s should be drawn at x ${x(e.start).toFixed(1)}-${x(e.end).toFixed(1)}; drawn: ${JSON.stringify(unmatched.map((t) => [t.id, Math.round(t.left), Math.round(t.right)]))}`,
    ).toBeGreaterThanOrEqual(0);
    unmatched.splice(i, 1);
  }
  if (replay.fixture.incident) {
    // Mermaid keeps its rectangles in start-time order; "first" is the chart's top row.
    const incident = picture.tasks.find((t) => matches(t, expected[0], x))!;
    expect(incident.top, `${name}: the incident bar comes first, in the top row`).toBe(Math.min(...picture.tasks.map((t) => t.top)));
    expect(
      picture.tasks.filter((t) => t.top === incident.top),
      `${name}: alone in it`,
    ).toHaveLength(1);
  }
  expectBarsInPicture(picture, pixels, name);
}
