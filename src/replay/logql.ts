import type { SyntaxNode } from "@lezer/common";
import type { LogLine } from "./fixtures";
import { durationSeconds } from "../config/durations";
import { syntaxTree, unquote } from "../checks/grammar";

/**
 * An evaluator for the LogQL subset this stack uses, built on the official grammar's syntax tree:
 * stream selectors, line filters (|= != |~ !~, with `or`), `| json` with or without extraction
 * expressions, label filters (string matchers, number comparisons, and/or), `count_over_time` and
 * `rate`, vector aggregations with by/without, and binary operations against a scalar or
 * `vector(n)`. Anything else throws LogQLUnsupported instead of being approximated.
 */

export type Labels = Record<string, string>;
export interface Sample {
  labels: Labels;
  value: number;
}

export class LogQLUnsupported extends Error {
  constructor(what: string, query: string) {
    super(`LogQL replay does not support ${what} (in ${query})`);
    this.name = "LogQLUnsupported";
  }
}

/** Loki fails a metric query whose pipeline leaves lines with an __error__ label. */
export class LogQLPipelineError extends Error {
  constructor(error: string, query: string) {
    super(`pipeline error ${error}: a metric query over lines Loki could not process (in ${query})`);
    this.name = "LogQLPipelineError";
  }
}

interface Entry {
  line: string;
  labels: Labels;
}
type Stage = (e: Entry) => Entry | undefined;
export type InstantQuery = (logs: readonly LogLine[], atMs: number) => Sample[];

const children = (node: SyntaxNode): SyntaxNode[] => {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
};

/** RE2 syntax as far as JS RegExp agrees with it; a leading (?i) becomes the i flag. */
function re2(pattern: string, anchored: boolean, query: string): RegExp {
  let flags = "";
  let body = pattern;
  if (body.startsWith("(?i)")) {
    flags = "i";
    body = body.slice(4);
  }
  if (/\(\?[a-zA-Z]/.test(body) || /\\[pPQEzAC]/.test(body)) throw new LogQLUnsupported(`the regex ${pattern}`, query);
  return new RegExp(anchored ? `^(?:${body})$` : body, flags);
}

function labelMatcher(op: string, value: string, query: string): (actual: string) => boolean {
  switch (op) {
    case "Eq":
      return (a) => a === value;
    case "Neq":
      return (a) => a !== value;
    case "Re": {
      const r = re2(value, true, query);
      return (a) => r.test(a);
    }
    case "Nre": {
      const r = re2(value, true, query);
      return (a) => !r.test(a);
    }
    default:
      throw new LogQLUnsupported(`the matcher operator ${op}`, query);
  }
}

/** Label names Loki derives from JSON keys: invalid characters become underscores. */
function sanitize(name: string): string {
  const s = name.replace(/[^a-zA-Z0-9_]/g, "_");
  return /^[0-9]/.test(s) ? `_${s}` : s;
}

function jsonLabelValue(v: unknown): string | undefined {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return undefined;
}

/** `| json`: every scalar field, nested objects flattened with `_` (arrays are skipped, as in Loki). */
function flattenJson(value: unknown, prefix: string, out: Labels): void {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const name = prefix ? `${prefix}_${sanitize(k)}` : sanitize(k);
    if (v !== null && typeof v === "object") {
      if (!Array.isArray(v)) flattenJson(v, name, out);
    } else {
      out[name] = jsonLabelValue(v) ?? "";
    }
  }
}

/** `| json label="a.b[0]"`: a path of keys and indices into the line. */
function jsonPath(value: unknown, path: string, query: string): unknown {
  const parts = [...path.matchAll(/([^.[\]"]+)|\[(\d+)\]|\["([^"]+)"\]/g)];
  if (parts.map((m) => m[0]).join("").replace(/\./g, "") !== path.replace(/\./g, "")) {
    throw new LogQLUnsupported(`the json expression ${path}`, query);
  }
  let v: unknown = value;
  for (const m of parts) {
    const key = m[1] ?? m[3] ?? Number(m[2]);
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/** Extracted labels that clash with stream labels get the `_extracted` suffix, as in Loki. */
function addExtracted(labels: Labels, extracted: Labels, stream: Labels): Labels {
  const out = { ...labels };
  for (const [k, v] of Object.entries(extracted)) out[k in stream ? `${k}_extracted` : k] = v;
  return out;
}

const STREAM = Symbol("stream");
type StreamEntry = Entry & { [STREAM]?: Labels };

function jsonStage(node: SyntaxNode, query: string): Stage {
  const text = (n: SyntaxNode) => query.slice(n.from, n.to);
  const expressions: Array<[string, string]> = [];
  const collect = (n: SyntaxNode) => {
    for (const c of children(n)) {
      if (c.name === "LabelExtractionExpressionList") collect(c);
      else if (c.name === "LabelExtractionExpression") {
        const id = c.getChild("Identifier");
        const str = c.getChild("String");
        if (!id) throw new LogQLUnsupported("a json extraction without a label name", query);
        expressions.push([text(id), str ? unquote(text(str)) : text(id)]);
      }
    }
  };
  if (node.name === "JsonExpressionParser") collect(node);
  return (e: StreamEntry) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(e.line);
    } catch {
      return { ...e, labels: { ...e.labels, __error__: "JSONParserErr" } };
    }
    const extracted: Labels = {};
    if (expressions.length === 0) flattenJson(parsed, "", extracted);
    for (const [label, path] of expressions) {
      const v = jsonLabelValue(jsonPath(parsed, path, query));
      if (v !== undefined) extracted[label] = v;
    }
    return { ...e, labels: addExtracted(e.labels, extracted, e[STREAM] ?? {}) };
  };
}

function compileLabelFilter(node: SyntaxNode, query: string): (labels: Labels) => boolean {
  const text = (n: SyntaxNode) => query.slice(n.from, n.to);
  const parts = children(node);
  const subFilters = parts.filter((c) => c.name === "LabelFilter");
  if (subFilters.length === 2) {
    const [a, b] = subFilters.map((f) => compileLabelFilter(f, query));
    return parts.some((c) => c.name === "Or") ? (l) => a(l) || b(l) : (l) => a(l) && b(l);
  }
  if (subFilters.length === 1 && parts.length === 1) return compileLabelFilter(subFilters[0], query);
  const [filter] = parts;
  if (filter?.name === "Matcher") {
    const [id, op, str] = children(filter);
    const name = text(id);
    const matches = labelMatcher(op.name, unquote(text(str)), query);
    return (l) => matches(l[name] ?? "");
  }
  if (filter?.name === "NumberFilter") {
    const [id, op, lit] = children(filter);
    const name = text(id);
    const bound = Number(text(lit));
    const compare: Record<string, (a: number) => boolean> = {
      Gtr: (a) => a > bound,
      Gte: (a) => a >= bound,
      Lss: (a) => a < bound,
      Lte: (a) => a <= bound,
      Eql: (a) => a === bound,
      Eq: (a) => a === bound,
      Neq: (a) => a !== bound,
    };
    const cmp = compare[op.name];
    if (!cmp) throw new LogQLUnsupported(`the number comparison ${text(op)}`, query);
    return (l) => {
      if (!(name in l)) return false;
      const value = Number(l[name]);
      // Loki keeps a line whose label is not a number, marked with __error__ (see below).
      if (l[name].trim() === "" || Number.isNaN(value)) throw new LabelFilterError();
      return cmp(value);
    };
  }
  throw new LogQLUnsupported(`the label filter ${filter ? filter.name : "?"}: ${text(node)}`, query);
}

class LabelFilterError extends Error {}

function labelFilterStage(node: SyntaxNode, query: string): Stage {
  const filter = compileLabelFilter(node, query);
  return (e) => {
    // Loki lets lines already carrying an error through label filters, so that `__error__` can
    // be filtered; only a filter on __error__ itself looks at them.
    if (e.labels.__error__ !== undefined && !query.slice(node.from, node.to).includes("__error__")) return e;
    try {
      return filter(e.labels) ? e : undefined;
    } catch (err) {
      if (err instanceof LabelFilterError) return { ...e, labels: { ...e.labels, __error__: "LabelFilterErr" } };
      throw err;
    }
  };
}

function lineFilterStage(node: SyntaxNode, query: string): Stage {
  const text = (n: SyntaxNode) => query.slice(n.from, n.to);
  const filter = node.getChild("Filter");
  const op = filter?.firstChild?.name;
  const needles = [node.getChild("String"), ...node.getChildren("OrFilter").map((o) => o.getChild("String"))]
    .filter((s): s is SyntaxNode => s !== null)
    .map((s) => unquote(text(s)));
  if (node.getChild("Ip") || node.getChild("FilterOp")) throw new LogQLUnsupported(`the line filter ${text(node)}`, query);
  switch (op) {
    case "PipeExact":
      return (e) => (needles.some((n) => e.line.includes(n)) ? e : undefined);
    case "Neq":
      return (e) => (needles.some((n) => e.line.includes(n)) ? undefined : e);
    case "PipeMatch": {
      const res = needles.map((n) => re2(n, false, query));
      return (e) => (res.some((r) => r.test(e.line)) ? e : undefined);
    }
    case "Nre": {
      const res = needles.map((n) => re2(n, false, query));
      return (e) => (res.some((r) => r.test(e.line)) ? undefined : e);
    }
    default:
      throw new LogQLUnsupported(`the line filter ${text(node)}`, query);
  }
}

function pipelineStages(node: SyntaxNode, query: string): Stage[] {
  const stages: Stage[] = [];
  const visit = (n: SyntaxNode) => {
    for (const c of children(n)) {
      if (c.name === "PipelineExpr" || c.name === "LineFilters") visit(c);
      else if (c.name === "LineFilter") stages.push(lineFilterStage(c, query));
      else if (c.name === "PipelineStage") visit(c);
      else if (c.name === "Pipe") continue;
      else if (c.name === "LabelParser" && c.getChild("Json")) stages.push(jsonStage(c, query));
      else if (c.name === "JsonExpressionParser") stages.push(jsonStage(c, query));
      else if (c.name === "LabelFilter") stages.push(labelFilterStage(c, query));
      else throw new LogQLUnsupported(`the pipeline stage ${query.slice(c.from, c.to)}`, query);
    }
  };
  visit(node);
  return stages;
}

function selector(node: SyntaxNode, query: string): (labels: Labels) => boolean {
  const text = (n: SyntaxNode) => query.slice(n.from, n.to);
  const matchers: Array<(l: Labels) => boolean> = [];
  const visit = (n: SyntaxNode) => {
    for (const c of children(n)) {
      if (c.name === "Matchers") visit(c);
      else if (c.name === "Matcher") {
        const [id, op, str] = children(c);
        const name = text(id);
        const m = labelMatcher(op.name, unquote(text(str)), query);
        matchers.push((l) => m(l[name] ?? ""));
      }
    }
  };
  visit(node);
  return (l) => matchers.every((m) => m(l));
}

/** First index of a line with ts > bound (lines are sorted by ts). */
function after(logs: readonly LogLine[], bound: number): number {
  let lo = 0;
  let hi = logs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (logs[mid].ts <= bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function key(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
}

function rangeAggregation(node: SyntaxNode, query: string): InstantQuery {
  const text = (n: SyntaxNode) => query.slice(n.from, n.to);
  const op = node.getChild("RangeOp")?.firstChild?.name;
  const range = node.getChild("LogRangeExpr");
  if (!range || (op !== "CountOverTime" && op !== "Rate") || node.getChild("Grouping")) {
    throw new LogQLUnsupported(`the range aggregation ${text(node)}`, query);
  }
  const parts = children(range);
  const unexpected = parts.find((c) => !["Selector", "PipelineExpr", "Range"].includes(c.name));
  if (unexpected) throw new LogQLUnsupported(`${unexpected.name} ${text(unexpected)}`, query);
  const streamMatches = selector(range.getChild("Selector")!, query);
  const pipeline = range.getChild("PipelineExpr");
  const stages = pipeline ? pipelineStages(pipeline, query) : [];
  const windowMs = durationSeconds(text(range.getChild("Range")!.getChild("Duration")!)) * 1000;
  return (logs, atMs) => {
    const counts = new Map<string, Sample>();
    // Loki's range selects (at - window, at].
    for (let i = after(logs, atMs - windowMs), end = after(logs, atMs); i < end; i++) {
      const log = logs[i];
      if (!streamMatches(log.labels)) continue;
      let e: StreamEntry | undefined = { line: log.line, labels: { ...log.labels }, [STREAM]: log.labels };
      for (const stage of stages) {
        e = stage(e);
        if (!e) break;
      }
      if (!e) continue;
      if (e.labels.__error__ !== undefined) throw new LogQLPipelineError(e.labels.__error__, query);
      const k = key(e.labels);
      const s = counts.get(k) ?? { labels: e.labels, value: 0 };
      s.value += 1;
      counts.set(k, s);
    }
    const samples = [...counts.values()];
    return op === "Rate" ? samples.map((s) => ({ ...s, value: s.value / (windowMs / 1000) })) : samples;
  };
}

const AGGREGATIONS: Record<string, (values: number[]) => number> = {
  Sum: (v) => v.reduce((a, b) => a + b, 0),
  Count: (v) => v.length,
  Max: (v) => Math.max(...v),
  Min: (v) => Math.min(...v),
  Avg: (v) => v.reduce((a, b) => a + b, 0) / v.length,
};

function vectorAggregation(node: SyntaxNode, query: string): InstantQuery {
  const text = (n: SyntaxNode) => query.slice(n.from, n.to);
  const opName = node.getChild("VectorOp")?.firstChild?.name ?? "";
  const aggregate = AGGREGATIONS[opName];
  const inner = node.getChild("MetricExpr");
  if (!aggregate || !inner) throw new LogQLUnsupported(`the aggregation ${text(node)}`, query);
  const grouping = node.getChild("Grouping");
  const labelList = grouping?.getChild("Labels");
  const names: string[] = labelList ? (text(labelList).match(/[a-zA-Z_][a-zA-Z0-9_]*/g) ?? []) : [];
  const without = grouping !== null && grouping.getChild("Without") !== null;
  const input = metricExpr(inner, query);
  return (logs, atMs) => {
    const groups = new Map<string, { labels: Labels; values: number[] }>();
    for (const s of input(logs, atMs)) {
      const labels = Object.fromEntries(
        Object.entries(s.labels).filter(([k]) => (without ? !names.includes(k) : names.includes(k))),
      );
      const k = key(labels);
      const g = groups.get(k) ?? { labels, values: [] };
      g.values.push(s.value);
      groups.set(k, g);
    }
    return [...groups.values()].map((g) => ({ labels: g.labels, value: aggregate(g.values) }));
  };
}

const COMPARISONS: Record<string, (a: number, b: number) => boolean> = {
  Gtr: (a, b) => a > b,
  Gte: (a, b) => a >= b,
  Lss: (a, b) => a < b,
  Lte: (a, b) => a <= b,
  Eql: (a, b) => a === b,
  Neq: (a, b) => a !== b,
};
const ARITHMETIC: Record<string, (a: number, b: number) => number> = {
  Add: (a, b) => a + b,
  Sub: (a, b) => a - b,
  Mul: (a, b) => a * b,
  Div: (a, b) => a / b,
};

type Operand = { scalar: number } | { vector: InstantQuery };

function operand(node: SyntaxNode, query: string): Operand {
  const metric = node.name === "MetricExpr" ? node : node.getChild("MetricExpr");
  const literal = metric?.getChild("LiteralExpr");
  if (literal && children(metric!).length === 1) return { scalar: Number(query.slice(literal.from, literal.to).replace(/\s/g, "")) };
  if (!metric) throw new LogQLUnsupported(`the operand ${query.slice(node.from, node.to)}`, query);
  return { vector: metricExpr(metric, query) };
}

function binOp(node: SyntaxNode, query: string): InstantQuery {
  const text = (n: SyntaxNode) => query.slice(n.from, n.to);
  const [left, opNode, modifier, right] = children(node);
  if (!left || !opNode || !right || (modifier && text(modifier).trim() !== "")) {
    throw new LogQLUnsupported(`the binary operation ${text(node)}`, query);
  }
  for (const side of [left, right]) {
    const nested = side.getChild("MetricExpr")?.getChild("BinOpExpr");
    // The grammar's tree does not encode Loki's operator precedence: only parenthesised nesting is safe.
    if (nested && !text(side).trim().startsWith("(")) throw new LogQLUnsupported(`unparenthesised chained operators ${text(node)}`, query);
  }
  const a = operand(left, query);
  const b = operand(right, query);
  const op = opNode.name;
  if (op === "Or") {
    if (!("vector" in a) || !("vector" in b)) throw new LogQLUnsupported(`or with a scalar: ${text(node)}`, query);
    return (logs, at) => {
      const l = a.vector(logs, at);
      const seen = new Set(l.map((s) => key(s.labels)));
      return [...l, ...b.vector(logs, at).filter((s) => !seen.has(key(s.labels)))];
    };
  }
  const compare = COMPARISONS[op];
  const arith = ARITHMETIC[op];
  if (!compare && !arith) throw new LogQLUnsupported(`the operator ${text(opNode)}`, query);
  const apply = (x: number, y: number, labels: Labels): Sample | undefined => {
    if (compare) return compare(x, y) ? { labels, value: x } : undefined;
    return { labels, value: arith(x, y) };
  };
  if ("scalar" in a && "scalar" in b) throw new LogQLUnsupported(`scalar-only arithmetic ${text(node)}`, query);
  if ("vector" in a && "scalar" in b) return (logs, at) => a.vector(logs, at).flatMap<Sample>((s) => apply(s.value, b.scalar, s.labels) ?? []);
  if ("scalar" in a && "vector" in b) {
    return (logs, at) => b.vector(logs, at).flatMap<Sample>((s) => (compare ? (compare(a.scalar, s.value) ? [s] : []) : [{ labels: s.labels, value: arith(a.scalar, s.value) }]));
  }
  const [va, vb] = [(a as { vector: InstantQuery }).vector, (b as { vector: InstantQuery }).vector];
  return (logs, at) => {
    const rightByKey = new Map(vb(logs, at).map((s) => [key(s.labels), s]));
    return va(logs, at).flatMap<Sample>((s) => {
      const r = rightByKey.get(key(s.labels));
      return r ? (apply(s.value, r.value, s.labels) ?? []) : [];
    });
  };
}

function metricExpr(node: SyntaxNode, query: string): InstantQuery {
  const [inner, ...rest] = children(node);
  if (!inner) throw new LogQLUnsupported("an empty expression", query);
  if (rest.length > 0) throw new LogQLUnsupported(`the expression ${query.slice(node.from, node.to)}`, query);
  switch (inner.name) {
    case "RangeAggregationExpr":
      return rangeAggregation(inner, query);
    case "VectorAggregationExpr":
      return vectorAggregation(inner, query);
    case "BinOpExpr":
      return binOp(inner, query);
    case "VectorExpr": {
      const value = Number(query.slice(inner.getChild("Number")!.from, inner.getChild("Number")!.to));
      return () => [{ labels: {}, value }];
    }
    case "MetricExpr":
      return metricExpr(inner, query);
    default:
      throw new LogQLUnsupported(`${inner.name} ${query.slice(inner.from, inner.to)}`, query);
  }
}

/** Compiles a LogQL metric query into an instant query over fixture log lines. */
export function compileLogQL(query: string): InstantQuery {
  const tree = syntaxTree("logql", query);
  let error: number | undefined;
  tree.iterate({
    enter: (n) => {
      if (n.type.isError && error === undefined) error = n.from;
    },
  });
  if (error !== undefined) throw new Error(`LogQL does not parse at offset ${error}: ${query}`);
  const expr = tree.topNode.getChild("Expr");
  const metric = expr?.getChild("MetricExpr");
  if (!metric) throw new LogQLUnsupported("a log (non-metric) query", query);
  return metricExpr(metric, query);
}
