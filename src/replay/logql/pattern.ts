/**
 * Loki's pattern expressions (pkg/logql/log/pattern): literals and `<name>` / `<_>` captures.
 * The parser fills captures left to right, each up to the next literal; the line filter (|> !>)
 * tests the whole line.
 */
type Node = { capture: string } | { literal: string };

export class PatternError extends Error {}

function parse(text: string): Node[] {
  const out: Node[] = [];
  const re = /<([A-Za-z_][A-Za-z0-9_]*)>/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push({ literal: text.slice(last, m.index) });
    out.push({ capture: m[1] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ literal: text.slice(last) });
  return out;
}

const named = (n: Node) => "capture" in n && n.capture !== "_";

export interface PatternParser {
  names: string[];
  matches(line: string): string[];
}

export function patternParser(text: string): PatternParser {
  const e = parse(text);
  const names = e.filter(named).map((n) => (n as { capture: string }).capture);
  if (names.length === 0) throw new PatternError("at least one capture is required");
  if (new Set(names).size !== names.length) throw new PatternError("duplicate capture name: invalid expression");
  for (let i = 0; i + 1 < e.length; i++)
    if ("capture" in e[i] && "capture" in e[i + 1]) throw new PatternError("found consecutive capture: invalid expression");
  return {
    names,
    matches: (line) => {
      if (line === "" || e.length === 0) return [];
      let rest = line;
      let expr = e;
      const captures: string[] = [];
      const first = expr[0];
      if ("literal" in first) {
        if (!rest.startsWith(first.literal)) return [];
        rest = rest.slice(first.literal.length);
        expr = expr.slice(1);
      }
      while (expr.length > 0) {
        const capt = expr[0] as { capture: string };
        if (expr.length === 1) {
          if (capt.capture !== "_") captures.push(rest);
          return captures;
        }
        const lit = (expr[1] as { literal: string }).literal;
        expr = expr.slice(2);
        const i = rest.indexOf(lit);
        if (i === -1) {
          if (capt.capture !== "_") captures.push(rest);
          return captures;
        }
        if (capt.capture !== "_") captures.push(rest.slice(0, i));
        rest = rest.slice(i + lit.length);
      }
      return captures;
    },
  };
}

/** The `|>` test of a whole line. */
export function patternLineFilter(text: string): (line: string) => boolean {
  const e = parse(text);
  for (let i = 0; i + 1 < e.length; i++)
    if ("capture" in e[i] && "capture" in e[i + 1]) throw new PatternError("found consecutive capture: invalid expression");
  if (e.some(named)) throw new PatternError("named captures are not allowed");
  return (line) => {
    if (line === "" || e.length === 0) return line === "" && e.length === 0;
    let off = 0;
    for (let i = 0; i < e.length; i++) {
      const n = e[i];
      if (!("literal" in n)) continue;
      const j = line.indexOf(n.literal, off);
      if (j === -1) return false;
      // A capture before a literal must not be empty (a leading literal may start anywhere, as in Loki).
      if (i !== 0 && j === off) return false;
      off = j + n.literal.length;
    }
    const endsOnCapture = "capture" in e[e.length - 1];
    return endsOnCapture === (off !== line.length);
  };
}
