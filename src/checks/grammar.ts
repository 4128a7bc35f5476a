import type { SyntaxNode, Tree } from "@lezer/common";
import type { LRParser } from "@lezer/lr";

// Both grammars ship CommonJS builds, but their type declarations are ESM-only, which a CommonJS
// project (as Pulumi's TypeScript runtime needs) cannot `import`; require() loads the same parsers.
const { parser: logqlParser } = require("@grafana/lezer-logql") as { parser: LRParser };
const { parser: promqlParser } = require("@prometheus-io/lezer-promql") as { parser: LRParser };

export type QueryLanguage = "logql" | "promql";

const PARSERS = { logql: logqlParser, promql: promqlParser };

/** Grafana interpolates these before a query reaches Loki or Prometheus; a grammar does not know them. */
const INTERVAL_MACROS = /\$\{?__(rate_interval|interval|auto|range)\}?/g;

/** The official grammar's syntax tree of a query, as written (macros not expanded). */
export function syntaxTree(language: QueryLanguage, query: string): Tree {
  return PARSERS[language].parse(query);
}

/** Go-style string literal (as in LogQL and PromQL): `"..."` with escapes, `'...'`, or raw `` `...` ``. */
export function unquote(literal: string): string {
  const body = literal.slice(1, -1);
  if (literal.startsWith("`")) return body;
  const simple: Record<string, string> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_m, e: string) => {
    if (/^[xuU]/.test(e)) return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]{3}$/.test(e)) return String.fromCodePoint(parseInt(e, 8));
    return simple[e] ?? e;
  });
}

export function expandGrafanaMacros(query: string): string {
  return query.replace(INTERVAL_MACROS, "1m");
}

/** Offsets of the syntax-error nodes the official grammar produces for a query; empty when it parses. */
export function syntaxErrors(language: QueryLanguage, query: string): number[] {
  const errors: number[] = [];
  PARSERS[language].parse(expandGrafanaMacros(query)).iterate({
    enter: (node) => {
      if (node.type.isError) errors.push(node.from);
    },
  });
  return errors;
}

/** A query's syntax tree and the text its offsets refer to (Grafana's interval macros expanded). */
export interface ParsedQuery {
  text: string;
  /** Every node of the tree with this grammar node name, in document order. */
  nodes(name: string): SyntaxNode[];
  textOf(node: SyntaxNode): string;
}

export function parseQuery(language: QueryLanguage, query: string): ParsedQuery {
  const text = expandGrafanaMacros(query);
  const tree = PARSERS[language].parse(text);
  const byName = new Map<string, SyntaxNode[]>();
  tree.iterate({
    enter: (ref) => {
      const named = byName.get(ref.name) ?? [];
      named.push(ref.node);
      byName.set(ref.name, named);
    },
  });
  return {
    text,
    nodes: (name) => byName.get(name) ?? [],
    textOf: (node) => text.slice(node.from, node.to),
  };
}
