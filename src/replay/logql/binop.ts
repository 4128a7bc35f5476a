import { labelSetKey } from "../../model/labels";
import type { SyntaxNode } from "@lezer/common";
import { LogQLInvalid, LogQLUnsupported, type Labels, type LogEntry, type Sample } from "./errors";
import { goParseFloat } from "./numbers";
import { children, type Context } from "./entry";

/**
 * Binary operations with Prometheus' semantics as Loki implements them (pkg/logql/evaluator.go):
 * precedence or < and/unless < comparisons < + - < * / % < ^ (right-associative), scalar and
 * vector operands, `bool`, on/ignoring and group_left/group_right vector matching. Loki answers
 * NaN for a division or modulo by zero.
 */
export type Compiled =
  | { kind: "scalar"; eval: (logs: readonly LogEntry[], atMs: number) => number }
  | { kind: "vector"; eval: (logs: readonly LogEntry[], atMs: number) => Sample[] };

const PRECEDENCE: Record<string, number> = {
  Or: 1,
  And: 2,
  Unless: 2,
  Eql: 3,
  Neq: 3,
  Gtr: 3,
  Gte: 3,
  Lss: 3,
  Lte: 3,
  Add: 4,
  Sub: 4,
  Mul: 5,
  Div: 5,
  Mod: 5,
  Pow: 6,
};
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
  Div: (a, b) => (b === 0 ? NaN : a / b),
  Mod: (a, b) => (b === 0 ? NaN : a % b),
  Pow: (a, b) => a ** b,
};

interface Modifier {
  bool: boolean;
  /** Vector matching: undefined = all labels. */
  on?: { on: boolean; labels: string[] };
  group?: { side: "left" | "right"; include: string[] };
}

interface Operator {
  name: string;
  text: string;
  modifier: Modifier;
}

function labelList(node: SyntaxNode | null, ctx: Context): string[] {
  const out: string[] = [];
  node?.cursor().iterate((c) => {
    if (c.name === "LabelName" || c.name === "Identifier") out.push(ctx.text(c.node));
  });
  return out;
}

function modifier(node: SyntaxNode | null, ctx: Context): Modifier {
  const m: Modifier = { bool: false };
  if (!node) return m;
  for (const c of children(node)) {
    if (c.name === "Bool") m.bool = true;
    else if (c.name === "OnOrIgnoringModifier")
      m.on = { on: c.getChild("On") !== null, labels: labelList(c.getChild("GroupingLabels"), ctx) };
    else if (c.name === "GroupLeft" || c.name === "GroupRight") m.group = { side: c.name === "GroupLeft" ? "left" : "right", include: [] };
    else if (c.name === "GroupingLabels" && m.group) m.group.include = labelList(c, ctx);
  }
  return m;
}

/** An unparenthesised operand that is itself a binary operation: the grammar's tree ignores precedence. */
function nestedBinOp(side: SyntaxNode): SyntaxNode | undefined {
  const metric = side.name === "Expr" ? side.getChild("MetricExpr") : side;
  const inner = metric ? children(metric) : [];
  return inner.length === 1 && inner[0].name === "BinOpExpr" ? inner[0] : undefined;
}

/** Operands and operators of a chain of unparenthesised binary operations, in text order. */
function flatten(node: SyntaxNode, ctx: Context, operands: SyntaxNode[], operators: Operator[]): void {
  const parts = children(node);
  const left = parts[0];
  const op = parts[1];
  const right = parts[parts.length - 1];
  const nl = nestedBinOp(left);
  if (nl) flatten(nl, ctx, operands, operators);
  else operands.push(left);
  operators.push({ name: op.name, text: ctx.text(op), modifier: modifier(node.getChild("BinOpModifier"), ctx) });
  const nr = nestedBinOp(right);
  if (nr) flatten(nr, ctx, operands, operators);
  else operands.push(right);
}

export function compileBinOp(node: SyntaxNode, ctx: Context, compileOperand: (n: SyntaxNode) => Compiled): Compiled {
  const operands: SyntaxNode[] = [];
  const operators: Operator[] = [];
  flatten(node, ctx, operands, operators);
  for (const o of operators) if (PRECEDENCE[o.name] === undefined) throw new LogQLUnsupported(`the operator ${o.text}`, ctx.query);
  const compiled = operands.map(compileOperand);
  // Precedence climbing over the flat list.
  let pos = 0;
  const parse = (minPrec: number): Compiled => {
    let lhs = compiled[pos];
    while (pos < operators.length && PRECEDENCE[operators[pos].name] >= minPrec) {
      const op = operators[pos];
      const prec = PRECEDENCE[op.name];
      pos++;
      const rhs = parse(op.name === "Pow" ? prec : prec + 1);
      lhs = apply(op, lhs, rhs, ctx);
    }
    return lhs;
  };
  const out = parse(1);
  if (pos !== operators.length) throw new LogQLUnsupported(`the operator chain ${ctx.text(node)}`, ctx.query);
  return out;
}

function apply(op: Operator, a: Compiled, b: Compiled, ctx: Context): Compiled {
  const { name, modifier: m } = op;
  const compare: ((a: number, b: number) => boolean) | undefined = COMPARISONS[name];
  const arith: ((a: number, b: number) => number) | undefined = ARITHMETIC[name];
  const setOp = name === "And" || name === "Or" || name === "Unless";
  if (m.bool && !compare) throw new LogQLInvalid("bool modifier can only be used on comparison operators", ctx.query);
  if (a.kind === "scalar" && b.kind === "scalar") {
    if (setOp) throw new LogQLInvalid(`set operator ${op.text} not allowed in binary scalar expression`, ctx.query);
    // A scalar comparison answers 0 or 1, with or without bool.
    const f = compare ? (x: number, y: number) => (compare(x, y) ? 1 : 0) : arith!;
    return { kind: "scalar", eval: (logs, at) => f(a.eval(logs, at), b.eval(logs, at)) };
  }
  if (a.kind === "scalar" || b.kind === "scalar") {
    if (setOp) throw new LogQLInvalid(`set operator ${op.text} not allowed with a scalar`, ctx.query);
    const vectorLeft = a.kind === "vector";
    const vec = (vectorLeft ? a.eval : b.eval) as (l: readonly LogEntry[], t: number) => Sample[];
    const sc = (vectorLeft ? b.eval : a.eval) as (l: readonly LogEntry[], t: number) => number;
    return {
      kind: "vector",
      eval: (logs, at) => {
        const s = sc(logs, at);
        return vec(logs, at).flatMap((v) => {
          const [x, y] = vectorLeft ? [v.value, s] : [s, v.value];
          if (!compare) return [{ labels: v.labels, value: arith!(x, y) }];
          if (m.bool) return [{ labels: v.labels, value: compare(x, y) ? 1 : 0 }];
          // A filter keeps the vector's own value.
          return compare(x, y) ? [v] : [];
        });
      },
    };
  }
  const left = a.eval as (l: readonly LogEntry[], t: number) => Sample[];
  const right = b.eval as (l: readonly LogEntry[], t: number) => Sample[];
  const signature = (labels: Labels) => {
    if (!m.on) return labelSetKey(labels);
    const kept = Object.entries(labels).filter(([k]) => m.on!.labels.includes(k) === m.on!.on);
    return labelSetKey(Object.fromEntries(kept));
  };
  if (setOp) {
    return {
      kind: "vector",
      eval: (logs, at) => {
        const l = left(logs, at);
        const r = right(logs, at);
        const rs = new Set(r.map((s) => signature(s.labels)));
        if (name === "And") return l.filter((s) => rs.has(signature(s.labels)));
        if (name === "Unless") return l.filter((s) => !rs.has(signature(s.labels)));
        const ls = new Set(l.map((s) => signature(s.labels)));
        return [...l, ...r.filter((s) => !ls.has(signature(s.labels)))];
      },
    };
  }
  const card = m.group ? (m.group.side === "left" ? "many-to-one" : "one-to-many") : "one-to-one";
  return {
    kind: "vector",
    eval: (logs, at) => {
      let many = left(logs, at);
      let one = right(logs, at);
      if (card === "one-to-many") [many, one] = [one, many];
      const oneBySig = new Map<string, Sample>();
      for (const s of one) {
        const sig = signature(s.labels);
        if (oneBySig.has(sig)) {
          throw new LogQLInvalid(
            `found duplicate series on the ${card === "one-to-many" ? "left" : "right"} hand-side of the operation: many-to-many matching not allowed`,
            ctx.query,
          );
        }
        oneBySig.set(sig, s);
      }
      const out: Sample[] = [];
      const seen = new Map<string, string>();
      for (const s of many) {
        const sig = signature(s.labels);
        const o = oneBySig.get(sig);
        if (!o) continue;
        const [x, y] = card === "one-to-many" ? [o.value, s.value] : [s.value, o.value];
        let value: number;
        if (compare) {
          const holds = compare(x, y);
          if (!m.bool && !holds) continue;
          value = m.bool ? (holds ? 1 : 0) : x;
        } else value = arith!(x, y);
        const labels = resultLabels(s.labels, o.labels, m, card);
        const k = labelSetKey(labels);
        if (card === "one-to-one") {
          if (seen.has(sig))
            throw new LogQLInvalid(
              "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)",
              ctx.query,
            );
          seen.set(sig, k);
        } else if (seen.has(k))
          throw new LogQLInvalid("multiple matches for labels: grouping labels must ensure unique matches", ctx.query);
        else seen.set(k, sig);
        out.push({ labels, value });
      }
      return out;
    },
  };
}

/** Prometheus' resultMetric: one-to-one keeps the `on` labels (or drops the ignored ones); group_x copies its labels from the one side. */
function resultLabels(many: Labels, one: Labels, m: Modifier, card: string): Labels {
  let out: Labels = { ...many };
  if (card === "one-to-one" && m.on) {
    out = Object.fromEntries(Object.entries(out).filter(([k]) => m.on!.labels.includes(k) === m.on!.on));
  }
  for (const l of m.group?.include ?? []) {
    if (l in one) out[l] = one[l];
    else delete out[l];
  }
  return out;
}

/** A number literal operand (`2`, `-1`, `0x1A`, `1e3`). */
export function literal(node: SyntaxNode, ctx: Context): Compiled {
  const text = ctx.text(node).replace(/\s/g, "");
  const v = parseLiteral(text);
  if (v === undefined) throw new LogQLInvalid(`unable to parse literal as a float: ${text}`, ctx.query);
  return { kind: "scalar", eval: () => v };
}

/** A literal is read by Go's strconv.ParseFloat: hex floats yes, 0x/0o/0b integers no. */
function parseLiteral(text: string): number | undefined {
  const sign = text.startsWith("-") ? -1 : 1;
  const f = goParseFloat(text.replace(/^[+-]/, ""));
  return f === undefined ? undefined : sign * f;
}
