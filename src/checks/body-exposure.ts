import type { SyntaxNode } from "@lezer/common";
import { expandGrafanaMacros, syntaxTree, unquote } from "./grammar";

/**
 * Fields of the service's HTTP log lines holding raw request/response bodies, which can carry JWTs.
 * They are JSON strings, so a query reaches their content only by making one the line
 * (`line_format "{{.resBody}}"`) and parsing that again.
 */
export const BODY_FIELDS = ["reqBody", "resBody"] as const;

/** Fields a query may extract from a body's content: the error text, never tokens or user data. */
export const SAFE_BODY_FIELDS = ["message"] as const;

/** What the log line is at a point of a pipeline. */
type Line = "raw" | "body" | "clean";

interface PipelineState {
  line: Line;
  /** Labels whose value may be (part of) a raw body. */
  tainted: Set<string>;
  problems: string[];
}

const text = (q: string, n: SyntaxNode) => q.slice(n.from, n.to);

function children(n: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

function descendants(n: SyntaxNode, name: string): SyntaxNode[] {
  return children(n).flatMap((c) => (c.name === name ? [c] : descendants(c, name)));
}

/** PipelineExpr nests to the left: its stages in the order Loki applies them. */
function stagesOf(pipeline: SyntaxNode | null): SyntaxNode[] {
  if (!pipeline) return [];
  return children(pipeline).flatMap((c) => (c.name === "PipelineExpr" ? stagesOf(c) : c.name === "PipelineStage" ? [c] : []));
}

function identifiers(q: string, n: SyntaxNode): string[] {
  return descendants(n, "Identifier").map((i) => text(q, i));
}

function templateRefersTo(template: string, labels: Iterable<string>): string[] {
  return [...labels].filter((l) => new RegExp(`\\b${l}\\b`).test(template));
}

/** Labels a parser stage adds when it extracts everything (json, logfmt, unpack without parameters). */
function extractAll(state: PipelineState, stage: string): void {
  if (state.line === "raw") BODY_FIELDS.forEach((f) => state.tainted.add(f));
  if (state.line === "body")
    state.problems.push(`\`${stage}\` extracts every field of a body; extract only ${SAFE_BODY_FIELDS.join(", ")}`);
}

/** A labelled extraction `name="expression"` from the current line. */
function extractOne(state: PipelineState, name: string, expression: string): void {
  const field = expression.split(/[.[]/)[0];
  const fromBody =
    (state.line === "raw" && (BODY_FIELDS as readonly string[]).includes(field)) ||
    (state.line === "body" && !(SAFE_BODY_FIELDS as readonly string[]).includes(field));
  if (fromBody) state.tainted.add(name);
  else state.tainted.delete(name);
}

/** The text of a regexp group from `start` (just after its opening) to its closing parenthesis. */
function captureBody(source: string, start: number): string {
  let depth = 1;
  for (let i = start; i < source.length; i++) {
    if (source[i] === "\\") i++;
    else if (source[i] === "(") depth++;
    else if (source[i] === ")" && --depth === 0) return source.slice(start, i);
  }
  return source.slice(start);
}

/**
 * Whether a regexp admits only URL-safe characters (letters, digits, `._:/-`), each run bounded
 * (`{m,n}`, `?`, no `*`, `+` or `.`): a capture of it cannot hold a JSON body (quotes, braces,
 * spaces) nor more than its bound.
 */
export function isBoundedUrlSafe(regex: string): boolean {
  const token = /^(?:\(\?:|\)|\\\.|[A-Za-z0-9_:/-]|\[(?:[A-Za-z0-9]-[A-Za-z0-9]|[A-Za-z0-9._:/-])+\])(?:\{\d+(?:,\d+)?\}|\?)?/;
  let rest = regex;
  while (rest.length > 0) {
    const m = token.exec(rest);
    if (!m) return false;
    rest = rest.slice(m[0].length);
  }
  return true;
}

function applyStage(q: string, stage: SyntaxNode, state: PipelineState): void {
  const node = children(stage).find((c) => c.name !== "Pipe");
  if (!node) return;
  switch (node.name) {
    case "LabelParser": {
      const kind = node.firstChild?.name;
      const pattern = node.getChild("String");
      if (kind === "Json" || kind === "Logfmt" || kind === "Unpack") extractAll(state, text(q, node));
      else if (pattern && state.line !== "clean") {
        // regexp / pattern: every named capture may hold any part of the line, unless (regexp) it
        // admits only short runs of URL-safe characters, which no JSON body fits.
        const source = unquote(text(q, pattern));
        for (const m of source.matchAll(/\(\?P<(\w+)>|<(\w+)>/g)) {
          const name = m[1] ?? m[2];
          if (name === "_") continue;
          if (m[1] !== undefined && isBoundedUrlSafe(captureBody(source, m.index + m[0].length))) state.tainted.delete(name);
          else state.tainted.add(name);
        }
      }
      return;
    }
    case "JsonExpressionParser":
    case "LogfmtExpressionParser":
      for (const e of descendants(node, "LabelExtractionExpression")) {
        const name = e.getChild("Identifier");
        const expression = e.getChild("String");
        if (name) extractOne(state, text(q, name), expression ? unquote(text(q, expression)) : text(q, name));
      }
      return;
    case "LineFormatExpr": {
      const template = unquote(text(q, node.getChild("String") ?? node));
      if (templateRefersTo(template, state.tainted).length > 0) state.line = "body";
      else if (!/__line__/.test(template)) state.line = "clean";
      return;
    }
    case "LabelFormatExpr":
      for (const m of descendants(node, "LabelFormatMatcher")) {
        const [dst, src] = [m.firstChild, m.lastChild];
        if (!dst || !src || dst === src) continue;
        const value = src.name === "String" ? unquote(text(q, src)) : text(q, src);
        const copiesBody = templateRefersTo(value, state.tainted).length > 0 || (state.line !== "clean" && /__line__/.test(value));
        if (copiesBody) state.tainted.add(text(q, dst));
        else state.tainted.delete(text(q, dst));
      }
      return;
    case "DropLabelsExpr":
      // `drop name="value"` drops conditionally: only a bare name surely removes the label.
      for (const l of descendants(node, "DropLabel")) if (!l.getChild("Matcher")) identifiers(q, l).forEach((i) => state.tainted.delete(i));
      return;
    case "KeepLabelsExpr": {
      const kept = new Set(descendants(node, "KeepLabel").flatMap((l) => identifiers(q, l)));
      for (const l of [...state.tainted]) if (!kept.has(l)) state.tainted.delete(l);
      return;
    }
    default:
      return; // line filters, label filters, decolorize, unwrap: neither the line nor labels gain a body
  }
}

function runPipeline(q: string, pipeline: SyntaxNode | null): PipelineState {
  const state: PipelineState = { line: "raw", tainted: new Set(), problems: [] };
  for (const stage of stagesOf(pipeline)) applyStage(q, stage, state);
  return state;
}

interface Result {
  /** Labels of the returned series or streams that may hold a body. */
  labels: Set<string>;
  problems: string[];
}

function grouped(q: string, grouping: SyntaxNode | null, inner: Result): Result {
  if (!grouping) return { labels: new Set(), problems: inner.problems };
  const listed = identifiers(q, grouping);
  const labels = grouping.getChild("Without")
    ? new Set([...inner.labels].filter((l) => !listed.includes(l)))
    : new Set(listed.filter((l) => inner.labels.has(l)));
  return { labels, problems: inner.problems };
}

const PRESERVING_OPS = new Set(["Topk", "Bottomk", "Sort", "Sort_Desc"]);

function analyse(q: string, n: SyntaxNode): Result {
  switch (n.name) {
    case "LogExpr": {
      const state = runPipeline(q, n.getChild("PipelineExpr"));
      const problems = [...state.problems];
      if (state.line !== "clean") {
        problems.push(
          state.line === "raw"
            ? "returns raw log lines, which hold request/response bodies: end the pipeline with a line_format printing only the needed fields"
            : "returns a body as the log line: end the pipeline with a line_format printing only the needed fields",
        );
      }
      return { labels: state.tainted, problems };
    }
    case "RangeAggregationExpr": {
      const range = n.getChild("LogRangeExpr");
      const state = runPipeline(q, range?.getChild("PipelineExpr") ?? null);
      const inner = { labels: state.tainted, problems: state.problems };
      const grouping = n.getChild("Grouping");
      return grouping ? grouped(q, grouping, inner) : inner;
    }
    case "VectorAggregationExpr": {
      const inner = merge(
        children(n)
          .filter((c) => c.name === "MetricExpr" || c.name === "Expr")
          .map((c) => analyse(q, c)),
      );
      const op = n.getChild("VectorOp")?.firstChild?.name ?? "";
      return PRESERVING_OPS.has(op) ? inner : grouped(q, n.getChild("Grouping"), inner);
    }
    default:
      return merge(children(n).map((c) => analyse(q, c)));
  }
}

function merge(results: Result[]): Result {
  return {
    labels: new Set(results.flatMap((r) => [...r.labels])),
    problems: results.flatMap((r) => r.problems),
  };
}

/**
 * Why a LogQL query could return a raw request/response body (empty when it cannot): as a log
 * line, or as a label of the returned streams or series. Conservative: raw lines always count as
 * holding bodies, and a label extracted from a body's content counts as a body unless it is one
 * of SAFE_BODY_FIELDS.
 */
export function bodyExposure(query: string): string[] {
  const q = expandGrafanaMacros(query);
  const result = analyse(q, syntaxTree("logql", q).topNode);
  const labels = [...result.labels].sort();
  return [
    ...new Set(result.problems),
    ...(labels.length ? [`returns label(s) ${labels.join(", ")} holding raw bodies: drop them or keep only the needed labels`] : []),
  ];
}
