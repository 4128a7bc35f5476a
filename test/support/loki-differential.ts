import { compileLogQL, LogQLInvalid, LogQLPipelineError, LogQLUnsupported, storedByLoki, type LogEntry } from "../../src/replay/logql";
import { labelSetKey } from "../../src/model/labels";
import type { LokiAnswer } from "../../src/replay/loki-recording";

/**
 * One LogQL query over one set of lines, answered by Loki (live in `npm run e2e`, recorded in
 * `npm test`) and by the replay's evaluator at the same instants. The replay's verdict is "refused"
 * when it declines the construct by name (LogQLUnsupported); otherwise both sides must agree on every
 * instant: the same series with the same values, or both fail.
 */

export interface DifferentialCase {
  /** Where the case comes from: a Loki test file and line, a stack query, a generated seed. */
  name: string;
  /** Cases of one group share their lines: pushed once, into one tenant. */
  group?: string;
  query: string;
  lines: LogEntry[];
  /** Milliseconds since the epoch. */
  times: number[];
}

export type Verdict = { status: "agree" } | { status: "refused"; reason: string } | { status: "disagree"; detail: string };

type Side = { kind: "samples"; byKey: Map<string, number> } | { kind: "error"; message: string };

function same(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

function lokiSide(a: LokiAnswer): Side {
  if (a.kind === "error") return { kind: "error", message: `${a.status} ${a.message}` };
  if (a.kind === "scalar") return { kind: "samples", byKey: new Map([[labelSetKey({}), a.value]]) };
  return { kind: "samples", byKey: new Map(a.samples.map((s) => [labelSetKey(s.labels), s.value])) };
}

const show = (s: Side) =>
  s.kind === "error" ? `error ${s.message.slice(0, 200)}` : [...s.byKey].map(([k, v]) => `${k}=${v}`).join(" ") || "(empty)";

function agree(replay: Side, loki: Side): boolean {
  if (replay.kind === "error" || loki.kind === "error") return replay.kind === loki.kind;
  if (replay.byKey.size !== loki.byKey.size) return false;
  for (const [k, v] of replay.byKey) {
    const w = loki.byKey.get(k);
    if (w === undefined || !same(v, w)) return false;
  }
  return true;
}

/** The replay's query, or why it has none: refused by name, or invalid (Loki must fail it too). */
function compiled(query: string): { query?: ReturnType<typeof compileLogQL> } | { refused: string } {
  try {
    return { query: compileLogQL(query) };
  } catch (e) {
    if (e instanceof LogQLUnsupported) return { refused: e.message };
    if (!(e instanceof LogQLInvalid)) throw e;
    // The replay's refusal the conformance test names: the official grammar does not parse it.
    if (/does not parse/.test(e.message)) return { refused: `the grammar (@grafana/lezer-logql) does not parse it: ${e.message}` };
    return {};
  }
}

/**
 * The replay's answers compared with Loki's, instant by instant (`answers[i]` at `c.times[i]`).
 * `stored` is the case's lines as Loki keeps them, when the caller already has them (a group's).
 */
export function verdict(c: DifferentialCase, answers: readonly LokiAnswer[], stored?: LogEntry[]): Verdict {
  const compiledQuery = compiled(c.query);
  if ("refused" in compiledQuery) return { status: "refused", reason: compiledQuery.refused };
  let lines = stored;
  if (!lines) {
    try {
      lines = storedByLoki(c.lines);
    } catch (e) {
      if (e instanceof LogQLUnsupported) return { status: "refused", reason: e.message };
      throw e;
    }
  }
  for (const [i, t] of c.times.entries()) {
    let replay: Side;
    if (!compiledQuery.query) replay = { kind: "error", message: "invalid" };
    else {
      try {
        replay = { kind: "samples", byKey: new Map(compiledQuery.query(lines, t).map((s) => [labelSetKey(s.labels), s.value])) };
      } catch (e) {
        if (e instanceof LogQLUnsupported) return { status: "refused", reason: e.message };
        if (!(e instanceof LogQLPipelineError) && !(e instanceof LogQLInvalid)) throw e;
        replay = { kind: "error", message: (e as Error).message };
      }
    }
    const real = lokiSide(answers[i]);
    if (!agree(replay, real))
      return { status: "disagree", detail: `at ${new Date(t).toISOString()}: replay ${show(replay)}; loki ${show(real)}` };
  }
  return { status: "agree" };
}

/** The case shifted by `base` ms: its lines and instants (Loki keeps recent lines in its ingester). */
export function shifted(c: DifferentialCase, base: number): DifferentialCase {
  return { ...c, lines: c.lines.map((l) => ({ ...l, ts: l.ts + base })), times: c.times.map((t) => t + base) };
}

/** Runs `work` over `items` with at most `limit` at a time, keeping order. */
export async function mapLimit<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i], i);
      }
    }),
  );
  return out;
}
