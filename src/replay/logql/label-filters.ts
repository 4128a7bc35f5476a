import type { SyntaxNode } from "@lezer/common";
import { unquote } from "../../checks/grammar";
import { LogQLInvalid, LogQLUnsupported } from "./errors";
import { children, ERROR, ip, labelMatcher, setError, type Context, type Entry, type Stage } from "./entry";
import { containsMatchingIp } from "./ip";
import { goParseDurationSeconds, goParseFloat, humanizeParseBytes } from "./numbers";

/** Label filter: true keeps the line; may record __error__ (Loki's label_filter.go semantics). */
type LabelTest = (e: Entry) => boolean;

const NUMBER_OPS: Record<string, (a: number, b: number) => boolean> = {
  Gtr: (a, b) => a > b,
  Gte: (a, b) => a >= b,
  Lss: (a, b) => a < b,
  Lte: (a, b) => a <= b,
  Eql: (a, b) => a === b,
  Eq: (a, b) => a === b,
  Neq: (a, b) => a !== b,
};

/** A duration literal in a query also takes Prometheus' d, w and y (a label value does not). */
function durationLiteralSeconds(text: string): number | undefined {
  const m = /^(\d+)(d|w|y)$/.exec(text);
  return m ? Number(m[1]) * { d: 86_400, w: 604_800, y: 31_536_000 }[m[2] as "d" | "w" | "y"] : goParseDurationSeconds(text);
}

function comparison(
  node: SyntaxNode,
  ctx: Context,
  parseLiteral: (t: string) => number | undefined,
  parseValue: (t: string) => number | undefined,
  what: string,
): LabelTest {
  const [id, op, lit] = children(node);
  const name = ctx.text(id);
  const cmp = NUMBER_OPS[op.name];
  if (!cmp) throw new LogQLUnsupported(`the comparison ${ctx.text(op)}`, ctx.query);
  const bound = parseLiteral(ctx.text(lit).replace(/\s/g, ""));
  if (bound === undefined) throw new LogQLInvalid(`unable to parse literal as a ${what}: ${ctx.text(lit)}`, ctx.query);
  return (e) => {
    // A converting filter cannot read __error__: Loki drops the line.
    const v = name === ERROR ? undefined : e.labels[name];
    if (v === undefined) return false;
    const value = parseValue(v);
    if (value === undefined) {
      setError(e, "LabelFilterErr", `cannot parse ${v} as a ${what}`);
      return true;
    }
    return cmp(value, bound);
  };
}

function labelFilter(node: SyntaxNode, ctx: Context): LabelTest {
  const parts = children(node).filter((c) => c.name !== "(" && c.name !== ")");
  const subs = parts.filter((c) => c.name === "LabelFilter");
  if (subs.length === 2) {
    const [a, b] = subs.map((s) => labelFilter(s, ctx));
    if (parts.some((c) => c.name === "Or")) return (e) => a(e) || b(e);
    // Loki evaluates both sides of `and` (a conversion error on one side is recorded even when the other drops the line).
    return (e) => {
      const left = a(e);
      const right = b(e);
      return left && right;
    };
  }
  if (subs.length === 1 && parts.length === 1) return labelFilter(subs[0], ctx);
  const [f] = parts;
  switch (f?.name) {
    case "Matcher": {
      const [id, op, str] = children(f);
      const name = ctx.text(id);
      const m = labelMatcher(op.name, unquote(ctx.text(str)), ctx);
      return (e) => m(e.labels[name] ?? "");
    }
    case "NumberFilter":
      return comparison(f, ctx, goParseFloat, goParseFloat, "float");
    case "IpLabelFilter": {
      const [id, op] = children(f);
      const name = ctx.text(id);
      if (op.name !== "Eq" && op.name !== "Neq") throw new LogQLInvalid("syntax error: unexpected ip", ctx.query);
      const m = ip(unquote(ctx.text(f.getChild("String")!)), ctx);
      const positive = op.name === "Eq";
      return (e) => {
        // Loki's ip() label filter keeps any line already carrying an error.
        if (e.labels[ERROR] !== undefined) return true;
        const v = e.labels[name];
        if (v === undefined) return false;
        return containsMatchingIp(v, m) === positive;
      };
    }
    case "UnitFilter": {
      const inner = f.firstChild!;
      if (inner.name === "DurationFilter") return comparison(inner, ctx, durationLiteralSeconds, goParseDurationSeconds, "duration");
      if (inner.name === "BytesFilter") return comparison(inner, ctx, humanizeParseBytes, humanizeParseBytes, "bytes");
      break;
    }
  }
  throw new LogQLUnsupported(`the label filter ${ctx.text(node)}`, ctx.query);
}

/** A `| <label filter>` stage (a LabelFilter node). */
export function labelFilterStage(node: SyntaxNode, ctx: Context): Stage {
  return labelFilter(node, ctx);
}
