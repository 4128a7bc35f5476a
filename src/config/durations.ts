/**
 * Durations in Prometheus' grammar (prometheus/common `model.ParseDuration`, which Prometheus,
 * Loki range selectors and Grafana's rule `for` read): integers with units y, w, d, h, m, s, ms,
 * largest first, each at most once (`1h30m`; `30s1m` and `1m1m` are invalid); `0` alone means
 * zero; at most 2^63-1 nanoseconds. The one parser of durations in this project.
 */

const UNITS = ["y", "w", "d", "h", "m", "s", "ms"] as const;
const UNIT_MS: Record<(typeof UNITS)[number], bigint> = {
  y: 365n * 24n * 3600n * 1000n,
  w: 7n * 24n * 3600n * 1000n,
  d: 24n * 3600n * 1000n,
  h: 3600n * 1000n,
  m: 60n * 1000n,
  s: 1000n,
  ms: 1n,
};
/** Go's time.Duration is int64 nanoseconds. */
const MAX_NS = (1n << 63n) - 1n;
const TERM = /([0-9]+)(ms|y|w|d|h|m|s)/y;

export type DurationResult = { ok: true; milliseconds: number } | { ok: false; problem: string };

export const DURATION_EXAMPLE = "a duration such as 30s, 5m or 1h30m (units y w d h m s ms, largest first)";

export function parseDuration(text: string): DurationResult {
  if (text === "0") return { ok: true, milliseconds: 0 };
  if (text === "") return { ok: false, problem: `expected ${DURATION_EXAMPLE}, got an empty text` };
  let pos = 0;
  let lastUnit = -1;
  let ns = 0n;
  while (pos < text.length) {
    TERM.lastIndex = pos;
    const m = TERM.exec(text);
    if (!m) return { ok: false, problem: `expected ${DURATION_EXAMPLE}` };
    const unit = UNITS.indexOf(m[2] as (typeof UNITS)[number]);
    if (unit <= lastUnit) return { ok: false, problem: `expected units largest first, each at most once (${DURATION_EXAMPLE})` };
    lastUnit = unit;
    ns += BigInt(m[1]) * UNIT_MS[UNITS[unit]] * 1_000_000n;
    if (ns > MAX_NS) return { ok: false, problem: "duration out of range (at most about 292 years)" };
    pos = TERM.lastIndex;
  }
  return { ok: true, milliseconds: Number(ns / 1_000_000n) };
}

/** Seconds in a duration this project built or validated; throws on text outside the grammar. */
export function durationSeconds(text: string): number {
  const r = parseDuration(text);
  if (!r.ok) throw new Error(`invalid duration ${JSON.stringify(text)}: ${r.problem}`);
  return r.milliseconds / 1000;
}

/** Seconds as the shortest duration text Prometheus and Grafana read back: 5400 -> 1h30m, 0 -> 0s (fractions rounded). */
export function formatDuration(seconds: number): string {
  seconds = Math.round(seconds);
  if (seconds <= 0) return "0s";
  const units: Array<[string, number]> = [
    ["d", 86400],
    ["h", 3600],
    ["m", 60],
    ["s", 1],
  ];
  let rest = seconds;
  let out = "";
  for (const [unit, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out;
}

/** A time into a run (a fixture, an incident) as an offset from its start: 1220 -> +20m20s. */
export function formatOffset(seconds: number): string {
  return `+${formatDuration(seconds)}`;
}
