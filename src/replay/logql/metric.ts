import { labelSetKey } from "../../model/labels";
import type { SyntaxNode } from "@lezer/common";
import { unquote } from "../../checks/grammar";
import { LogQLInvalid, LogQLPipelineError, LogQLUnsupported, type Labels, type LogEntry, type Sample } from "./errors";
import { compileBinOp, literal, type Compiled } from "./binop";
import { goParseDurationSeconds, goParseFloat, humanizeParseBytes } from "./numbers";
import { children, entryOf, ERROR, ERROR_DETAILS, labelMatcher, regex, type Context, type Entry, type Hints, type Stage } from "./entry";
import { labelFilterStage } from "./label-filters";
import { pipelineStages, requiredLabelNames } from "./pipeline";

export type InstantQuery = (logs: readonly LogEntry[], atMs: number) => Sample[];

/** First index of a line with ts > bound (lines are sorted by ts). */
function after(logs: readonly LogEntry[], bound: number): number {
  let lo = 0;
  let hi = logs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (logs[mid].ts <= bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Go duration literal of a range or offset, in ms. */
function durationMs(text: string, ctx: Context): number {
  const s = goParseDurationSeconds(text);
  if (s === undefined) {
    // LogQL also takes Prometheus-style d/w/y units.
    const m = /^(\d+)(d|w|y)$/.exec(text);
    if (!m) throw new LogQLInvalid(`bad duration ${text}`, ctx.query);
    return Number(m[1]) * { d: 86_400_000, w: 604_800_000, y: 31_536_000_000 }[m[2] as "d" | "w" | "y"];
  }
  return s * 1000;
}

export function streamSelector(node: SyntaxNode, ctx: Context): (labels: Labels) => boolean {
  const matchers: Array<(l: Labels) => boolean> = [];
  node.cursor().iterate((c) => {
    if (c.name !== "Matcher") return;
    const [id, op, str] = children(c.node);
    const name = ctx.text(id);
    const m = labelMatcher(op.name, unquote(ctx.text(str)), ctx);
    matchers.push((l) => m(l[name] ?? ""));
  });
  return (l) => matchers.every((m) => m(l));
}

type Group = { by: string[] } | { without: string[] } | undefined;

function grouping(node: SyntaxNode | null, ctx: Context): Group {
  if (!node) return undefined;
  const list: string[] = [];
  node.cursor().iterate((c) => {
    if (c.name === "Identifier") list.push(ctx.text(c.node));
  });
  return node.getChild("Without") ? { without: list } : { by: list };
}

function applyGrouping(labels: Labels, g: Group): Labels {
  if (!g) return labels;
  if ("by" in g) return Object.fromEntries(Object.entries(labels).filter(([k]) => g.by.includes(k)));
  // Loki 3.7.6 leaves empty-valued labels out of a `without` result (seen by test/e2e/logql-differential.e2e.ts).
  return Object.fromEntries(Object.entries(labels).filter(([k, v]) => !g.without.includes(k) && v !== ""));
}

const variance = (v: number[]) => {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  return v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length;
};

/** Prometheus' quantile: linear interpolation between ranked samples; q < 0 is -Inf, q > 1 is +Inf. */
export function quantile(q: number, values: number[]): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const v = [...values].sort((a, b) => a - b);
  const rank = q * (v.length - 1);
  const lower = Math.max(0, Math.floor(rank));
  const upper = Math.min(v.length - 1, lower + 1);
  const weight = rank - Math.floor(rank);
  return v[lower] * (1 - weight) + v[upper] * weight;
}

const RANGE_FUNCTIONS: Record<
  string,
  { unwrap: boolean | "optional"; fn: (values: number[], windowSeconds: number, param: number) => number }
> = {
  CountOverTime: { unwrap: false, fn: (v) => v.length },
  Rate: { unwrap: false, fn: (v, w) => v.length / w },
  BytesOverTime: { unwrap: false, fn: (v) => v.reduce((a, b) => a + b, 0) },
  BytesRate: { unwrap: false, fn: (v, w) => v.reduce((a, b) => a + b, 0) / w },
  SumOverTime: { unwrap: true, fn: (v) => v.reduce((a, b) => a + b, 0) },
  AvgOverTime: { unwrap: true, fn: (v) => v.reduce((a, b) => a + b, 0) / v.length },
  MaxOverTime: { unwrap: true, fn: (v) => v.reduce((a, b) => (b > a || Number.isNaN(a) ? b : a)) },
  MinOverTime: { unwrap: true, fn: (v) => v.reduce((a, b) => (b < a || Number.isNaN(a) ? b : a)) },
  FirstOverTime: { unwrap: true, fn: (v) => v[0] },
  LastOverTime: { unwrap: true, fn: (v) => v[v.length - 1] },
  StdvarOverTime: { unwrap: true, fn: variance },
  StddevOverTime: { unwrap: true, fn: (v) => Math.sqrt(variance(v)) },
  QuantileOverTime: { unwrap: true, fn: (v, _w, q) => quantile(q, v) },
  // Answered by rangeAggregation itself (1 where the window has no sample).
  AbsentOverTime: { unwrap: "optional", fn: () => NaN },
  // Answered by rangeAggregation itself (it needs the samples' times).
  RateCounter: { unwrap: true, fn: () => NaN },
};
/** Range functions that take `by`/`without` (Loki rejects grouping on the others). */
const GROUPABLE = new Set([
  "AvgOverTime",
  "MaxOverTime",
  "MinOverTime",
  "FirstOverTime",
  "LastOverTime",
  "StdvarOverTime",
  "StddevOverTime",
  "QuantileOverTime",
]);

const utf8 = new TextEncoder();

/** `unwrap bytes(x)` / `duration(x)` / `duration_seconds(x)`; a plain unwrap is ParseFloat. */
const CONVERSIONS: Record<string, (v: string) => number | undefined> = {
  BytesConv: humanizeParseBytes,
  DurationConv: goParseDurationSeconds,
  DurationSecondsConv: goParseDurationSeconds,
};

function unwrapStage(node: SyntaxNode, ctx: Context): { extract: (e: Entry) => number | undefined; post: Stage[]; label: string } {
  // UnwrapExpr nests: (UnwrapExpr | LabelFilter)* for post-unwrap filters.
  let inner = node;
  const post: Stage[] = [];
  const filters: SyntaxNode[] = [];
  while (inner.getChild("UnwrapExpr")) {
    for (const c of children(inner)) if (c.name === "LabelFilter") filters.unshift(c);
    inner = inner.getChild("UnwrapExpr")!;
  }
  for (const f of filters) post.push(labelFilterStage(f, ctx));
  const label = ctx.text(inner.getChild("Identifier")!);
  const convNode = inner.getChild("ConvOp");
  const parse = convNode ? CONVERSIONS[convNode.firstChild?.name ?? ""] : goParseFloat;
  if (!parse) throw new LogQLUnsupported(`the unwrap conversion ${ctx.text(convNode!)}`, ctx.query);
  return {
    label,
    post,
    extract: (e) => {
      const v = e.labels[label];
      if (v === undefined || v === "") return undefined;
      const n = parse(v);
      if (n === undefined) {
        if (e.labels[ERROR] === undefined) {
          e.labels[ERROR] = "SampleExtractionErr";
          e.labels[ERROR_DETAILS] = `cannot convert ${v}`;
        }
        return 0;
      }
      return n;
    },
  };
}

/** Loki's NewParserHint for a range aggregation whose effective grouping is `g`. */
function parserHints(range: SyntaxNode, g: Group, ctx: Context): Hints {
  const groups = g ? ("by" in g ? g.by : g.without) : [];
  const without = g !== undefined && "without" in g;
  const noLabels = g !== undefined && !without && groups.length === 0;
  const hints = [
    ...new Set([...requiredLabelNames(range, ctx), ...groups.flatMap((l) => (l.endsWith("_extracted") ? [l, l.slice(0, -10)] : [l]))]),
  ];
  if (noLabels) return hints.length > 0 ? { noLabels: false, required: hints } : { noLabels: true };
  if (without || groups.length === 0) return { noLabels: false };
  return { noLabels: false, required: hints };
}

type LineSample = { labels: Labels; key: string; value: number } | { error: string } | null;

/** `override`: the grouping of a parent `sum` Loki pushes down into the range aggregation. */
function rangeAggregation(node: SyntaxNode, ctx: Context, override: Group): InstantQuery {
  const opName = node.getChild("RangeOp")?.firstChild?.name ?? "";
  const range = node.getChild("LogRangeExpr");
  const fn = RANGE_FUNCTIONS[opName];
  if (!fn || !range) throw new LogQLUnsupported(`the range aggregation ${ctx.text(node.getChild("RangeOp") ?? node)}`, ctx.query);
  const unexpected = children(range).find((c) => !["Selector", "PipelineExpr", "Range", "UnwrapExpr", "OffsetExpr"].includes(c.name));
  if (unexpected) throw new LogQLUnsupported(`${unexpected.name} ${ctx.text(unexpected)}`, ctx.query);
  const unwrapNode = range.getChild("UnwrapExpr");
  if (fn.unwrap === true && !unwrapNode)
    throw new LogQLInvalid(`invalid aggregation ${ctx.text(node.getChild("RangeOp")!)} without unwrap`, ctx.query);
  if (!fn.unwrap && unwrapNode && opName !== "Rate")
    throw new LogQLInvalid(`invalid aggregation ${ctx.text(node.getChild("RangeOp")!)} with unwrap`, ctx.query);
  const group = grouping(node.getChild("Grouping"), ctx);
  if (group && !GROUPABLE.has(opName))
    throw new LogQLInvalid(`grouping not allowed for ${ctx.text(node.getChild("RangeOp")!)} aggregation`, ctx.query);
  const matches = streamSelector(range.getChild("Selector")!, ctx);
  const pipeline = range.getChild("PipelineExpr");
  // Loki extracts no labels for absent_over_time (syntax/extractor.go: noLabels = true), so its
  // parsers run only for the labels its filters need.
  const hintGroup = opName === "AbsentOverTime" ? { by: [] } : (override ?? group);
  const stages = pipelineStages(pipeline, { ...ctx, hints: parserHints(range, hintGroup, ctx) });
  const unwrap = unwrapNode ? unwrapStage(unwrapNode, ctx) : undefined;
  const windowMs = durationMs(ctx.text(range.getChild("Range")!.getChild("Duration")!), ctx);
  const offsetNode = range.getChild("OffsetExpr")?.getChild("Duration");
  const offsetMs = offsetNode ? durationMs(ctx.text(offsetNode), ctx) : 0;
  const aggregate = opName === "Rate" && unwrap ? RANGE_FUNCTIONS.BytesRate.fn : fn.fn;
  const paramNode = node.getChild("Number");
  const param = paramNode ? (goParseFloat(ctx.text(paramNode)) ?? NaN) : NaN;
  if ((opName === "QuantileOverTime") !== (paramNode !== null))
    throw new LogQLInvalid(`the parameter of ${ctx.text(node.getChild("RangeOp")!)}`, ctx.query);
  const absent = opName === "AbsentOverTime" ? absentLabels(range.getChild("Selector")!, ctx) : undefined;
  const bytes = opName === "BytesOverTime" || opName === "BytesRate";
  /** One line through the selector and the pipeline: its sample (grouped labels and value), none, or the pipeline's error. */
  const sampleOf = (log: LogEntry): LineSample => {
    if (!matches(log.labels)) return null;
    const e = entryOf(log);
    if (!stages.every((s) => s(e))) return null;
    let value = bytes ? utf8.encode(e.line).length : 1;
    if (unwrap) {
      const v = unwrap.extract(e);
      if (v === undefined) return null;
      value = v;
      if (!unwrap.post.every((s) => s(e))) return null;
      delete e.labels[unwrap.label];
    }
    if (e.labels[ERROR] !== undefined) return { error: e.labels[ERROR] };
    const labels = applyGrouping(e.labels, group);
    return { labels, key: labelSetKey(labels), value };
  };
  // A line's sample depends on the line alone (no stage keeps state between lines), and overlapping
  // windows read each line several times (a [5m] range at a 1m step: five): each is computed once.
  const samples = new WeakMap<LogEntry, LineSample>();
  return (logs, atMsRaw) => {
    const atMs = atMsRaw - offsetMs;
    const series = new Map<string, { labels: Labels; values: number[]; times: number[] }>();
    // Loki's range selects (at - window, at].
    for (let i = after(logs, atMs - windowMs), end = after(logs, atMs); i < end; i++) {
      const log = logs[i];
      let sample = samples.get(log);
      if (sample === undefined) {
        sample = sampleOf(log);
        samples.set(log, sample);
      }
      if (sample === null) continue;
      if ("error" in sample) throw new LogQLPipelineError(sample.error, ctx.query);
      const s = series.get(sample.key) ?? { labels: { ...sample.labels }, values: [], times: [] };
      s.values.push(sample.value);
      s.times.push(log.ts);
      series.set(sample.key, s);
    }
    if (absent) return series.size === 0 ? [{ labels: absent, value: 1 }] : [];
    if (opName === "RateCounter")
      return [...series.values()].map((s) => ({ labels: s.labels, value: counterRate(s.values, s.times, atMs - windowMs, atMs) }));
    return [...series.values()].map((s) => ({ labels: s.labels, value: aggregate(s.values, windowMs / 1000, param) }));
  };
}

/**
 * rate_counter: Prometheus' extrapolatedRate for a counter (resets added back, extrapolation to the
 * window's edges capped at half an average interval beyond 1.1 intervals, and at the counter's zero
 * point), per second of the window; a single sample gives 0, as in Loki.
 */
function counterRate(values: number[], times: number[], startMs: number, endMs: number): number {
  if (values.length < 2) return 0;
  let increase = values[values.length - 1] - values[0];
  for (let i = 1; i < values.length; i++) if (values[i] < values[i - 1]) increase += values[i - 1];
  const sampled = (times[times.length - 1] - times[0]) / 1000;
  const average = sampled / (values.length - 1);
  const threshold = average * 1.1;
  let toStart = (times[0] - startMs) / 1000;
  let toEnd = (endMs - times[times.length - 1]) / 1000;
  if (toStart >= threshold) toStart = average / 2;
  if (increase > 0 && values[0] >= 0) {
    const toZero = sampled * (values[0] / increase);
    if (toZero < toStart) toStart = toZero;
  }
  if (toEnd >= threshold) toEnd = average / 2;
  const factor = (sampled + toStart + toEnd) / sampled / ((endMs - startMs) / 1000);
  return increase * factor;
}

/** absent_over_time's labels: the selector's equality matchers (as Prometheus' absent). */
function absentLabels(selector: SyntaxNode, ctx: Context): Labels {
  const out: Labels = {};
  const seen = new Set<string>();
  selector.cursor().iterate((c) => {
    if (c.name !== "Matcher") return;
    const [id, op, str] = children(c.node);
    const name = ctx.text(id);
    if (op.name === "Eq" && !seen.has(name)) out[name] = unquote(ctx.text(str));
    else delete out[name];
    seen.add(name);
  });
  return out;
}

const nanAware = (pick: (a: number, b: number) => boolean) => (v: number[]) => v.reduce((a, b) => (Number.isNaN(a) || pick(b, a) ? b : a));
const AGGREGATIONS: Record<string, (values: number[]) => number> = {
  Sum: (v) => v.reduce((a, b) => a + b, 0),
  Count: (v) => v.length,
  Max: nanAware((a, b) => a > b),
  Min: nanAware((a, b) => a < b),
  Avg: (v) => v.reduce((a, b) => a + b, 0) / v.length,
  Stdvar: variance,
  Stddev: (v) => Math.sqrt(variance(v)),
};

/** Range functions under a `sum` whose grouping Loki pushes down (canInjectVectorGrouping). */
const INJECTABLE = new Set(["BytesOverTime", "BytesRate", "SumOverTime", "Rate", "CountOverTime"]);

/** Orders for topk/bottomk/sort/sort_desc; NaN always ranks last. */
const byValue = (desc: boolean) => (a: Sample, b: Sample) => {
  if (Number.isNaN(a.value) || Number.isNaN(b.value)) return Number(Number.isNaN(a.value)) - Number(Number.isNaN(b.value));
  return desc ? b.value - a.value : a.value - b.value;
};

function vectorAggregation(node: SyntaxNode, ctx: Context): InstantQuery {
  const opName = node.getChild("VectorOp")?.firstChild?.name ?? "";
  const inner = node.getChild("MetricExpr");
  const selecting = opName === "Topk" || opName === "Bottomk";
  const sorting = opName === "Sort" || opName === "Sort_Desc";
  const aggregate = AGGREGATIONS[opName];
  if ((!aggregate && !selecting && !sorting) || !inner)
    throw new LogQLUnsupported(`the aggregation ${ctx.text(node.getChild("VectorOp") ?? node)}`, ctx.query);
  const paramNode = node.getChild("Number");
  if (selecting !== (paramNode !== null))
    throw new LogQLInvalid(`parameter required for ${ctx.text(node.getChild("VectorOp")!)}`, ctx.query);
  const k = paramNode ? Number(ctx.text(paramNode)) : 0;
  if (selecting && !Number.isInteger(k)) throw new LogQLInvalid(`invalid parameter ${ctx.text(paramNode!)}`, ctx.query);
  const group = grouping(node.getChild("Grouping"), ctx);
  const range = inner.getChild("RangeAggregationExpr");
  const pushDown =
    opName === "Sum" && range !== null && INJECTABLE.has(range.getChild("RangeOp")?.firstChild?.name ?? "") && !range.getChild("Grouping");
  const input = pushDown ? rangeAggregation(range, ctx, group ?? { by: [] }) : metricExpr(inner, ctx);
  if (sorting) return (logs, atMs) => [...input(logs, atMs)].sort(byValue(opName === "Sort_Desc"));
  return (logs, atMs) => {
    const groups = new Map<string, { labels: Labels; samples: Sample[] }>();
    for (const s of input(logs, atMs)) {
      const labels = group ? applyGrouping(s.labels, group) : {};
      const gk = labelSetKey(labels);
      const g = groups.get(gk) ?? { labels, samples: [] };
      g.samples.push(s);
      groups.set(gk, g);
    }
    // topk/bottomk select samples (with their own labels) per group; the others aggregate.
    if (selecting) {
      return [...groups.values()].flatMap((g) => {
        const ranked = [...g.samples].sort(byValue(opName === "Topk"));
        // Which of two equal samples at the cut Loki keeps follows its heap and series order, not
        // the values: refused rather than guessed (seen against Loki: test/e2e/logql-differential.e2e.ts).
        if (k > 0 && k < ranked.length && ranked[k - 1].value === ranked[k].value) {
          throw new LogQLUnsupported(
            `${opName === "Topk" ? "topk" : "bottomk"} with a tie at its k-th place (Loki keeps either of the tied series)`,
            ctx.query,
          );
        }
        return ranked.slice(0, Math.max(0, k));
      });
    }
    return [...groups.values()].map((g) => ({ labels: g.labels, value: aggregate(g.samples.map((x) => x.value)) }));
  };
}

/** label_replace(v, dst, replacement, src, regex), as Prometheus': the regex is anchored; an empty result deletes dst. */
function labelReplace(node: SyntaxNode, ctx: Context): InstantQuery {
  const input = metricExpr(node.getChild("MetricExpr")!, ctx);
  const [dst, replacement, src, re] = node.getChildren("String").map((s) => unquote(ctx.text(s)));
  if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(dst)) throw new LogQLInvalid(`invalid destination label name in label_replace(): ${dst}`, ctx.query);
  const r = regex(re, ctx);
  return (logs, at) =>
    input(logs, at).map((s) => {
      const value = r.expandFull(s.labels[src] ?? "", replacement);
      if (value === undefined) return s;
      const labels = { ...s.labels };
      if (value === "") delete labels[dst];
      else labels[dst] = value;
      return { labels, value: s.value };
    });
}

/** A metric expression as a scalar or a vector. */
export function compileMetric(node: SyntaxNode, ctx: Context): Compiled {
  const inner = children(node).filter((c) => c.name !== "(" && c.name !== ")");
  if (inner.length !== 1) throw new LogQLUnsupported(`the expression ${ctx.text(node)}`, ctx.query);
  const [e] = inner;
  switch (e.name) {
    case "RangeAggregationExpr":
      return { kind: "vector", eval: rangeAggregation(e, ctx, undefined) };
    case "VectorAggregationExpr":
      return { kind: "vector", eval: vectorAggregation(e, ctx) };
    case "BinOpExpr":
      return compileBinOp(e, ctx, (side) => compileMetric(side.name === "Expr" ? (side.getChild("MetricExpr") ?? side) : side, ctx));
    case "LiteralExpr":
      return literal(e, ctx);
    case "LabelReplaceExpr":
      return { kind: "vector", eval: labelReplace(e, ctx) };
    case "VectorExpr": {
      const value = goParseFloat(ctx.text(e.getChild("Number")!));
      return { kind: "vector", eval: () => [{ labels: {}, value: value! }] };
    }
    case "MetricExpr":
      return compileMetric(e, ctx);
    case "Expr":
      return compileMetric(e.getChild("MetricExpr") ?? e, ctx);
    default:
      throw new LogQLUnsupported(`${e.name} ${ctx.text(e)}`, ctx.query);
  }
}

/** A metric expression that must be a vector (an aggregation's argument). */
export function metricExpr(node: SyntaxNode, ctx: Context): InstantQuery {
  const c = compileMetric(node, ctx);
  if (c.kind !== "vector") throw new LogQLInvalid(`expected a vector, got the scalar ${ctx.text(node)}`, ctx.query);
  return c.eval;
}
