import { compileLogQL, LogQLUnsupported, type LogEntry, type Sample } from "../../../src/replay/logql";
import type { EvalCase } from "./loki-cases";
import { labelSetKey } from "../../../src/model/labels";

export type Outcome = { status: "pass" } | { status: "refused"; reason: string } | { status: "fail"; detail: string };

const key = labelSetKey;

function same(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

const show = (m: Map<string, Array<number | undefined>>) =>
  [...m.entries()].map(([k, v]) => `${k} ${v.map((x) => (x === undefined ? "_" : String(x))).join(" ")}`).join("; ") || "(empty)";

/** Runs one Loki case through the replay evaluator: an instant query at each of its times. */
export function runCase(c: EvalCase): Outcome {
  let result: Map<string, Array<number | undefined>>;
  let firstOrder: string[] = [];
  let resultType = "vector";
  try {
    const logs: LogEntry[] = [...c.logs].sort((a, b) => a.ts - b.ts);
    const query = compileLogQL(c.query);
    resultType = query.resultType;
    result = new Map();
    c.times.forEach((t, i) => {
      const samples: Sample[] = query(logs, t);
      if (i === 0) firstOrder = samples.map((s) => key(s.labels));
      for (const s of samples) {
        const k = key(s.labels);
        if (!result.has(k)) result.set(k, new Array(c.times.length).fill(undefined));
        const points = result.get(k)!;
        if (points[i] !== undefined) throw new Error(`duplicate series ${k} at ${t}`);
        points[i] = s.value;
      }
    });
  } catch (err) {
    if (err instanceof LogQLUnsupported) return { status: "refused", reason: err.message };
    if (c.expected.kind !== "fail" && /does not parse/.test((err as Error).message)) {
      return {
        status: "refused",
        reason: `the grammar (@grafana/lezer-logql) does not parse this query Loki accepts: ${(err as Error).message}`,
      };
    }
    if (c.expected.kind !== "fail") return { status: "fail", detail: `error ${(err as Error).message}` };
    const msg = (err as Error).message;
    // Loki's own error texts (parser wording) are not ours; its __error__ names are.
    if (c.expected.msg && /Err$/.test(c.expected.msg) && !msg.includes(c.expected.msg))
      return { status: "fail", detail: `failed with ${msg}, not ${c.expected.msg}` };
    return { status: "pass" };
  }
  const e = c.expected;
  if (e.kind === "fail") return { status: "fail", detail: `Loki fails this query; replay returned ${show(result)}` };
  if (e.kind === "scalar") {
    const v = result.get(key({}));
    if (resultType !== "scalar" || result.size !== 1 || !v || !same(v[0], e.value))
      return { status: "fail", detail: `want the scalar ${e.value}, got ${resultType} ${show(result)}` };
    return { status: "pass" };
  }
  const want = new Map<string, Array<number | undefined>>();
  if (e.kind === "series") for (const s of e.series) want.set(key(s.labels), s.points);
  const got = show(result);
  const wanted = show(want);
  if (want.size !== result.size) return { status: "fail", detail: `got ${got}, want ${wanted}` };
  for (const [k, points] of want) {
    const actual = result.get(k);
    if (!actual || actual.length !== points.length || !points.every((p, i) => same(p, actual[i])))
      return { status: "fail", detail: `got ${got}, want ${wanted}` };
  }
  if (e.kind === "series" && e.ordered && JSON.stringify(firstOrder) !== JSON.stringify(e.series.map((s) => key(s.labels)))) {
    return { status: "fail", detail: `order ${firstOrder.join(" ")}` };
  }
  return { status: "pass" };
}
