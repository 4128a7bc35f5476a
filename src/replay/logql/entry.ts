import type { SyntaxNode } from "@lezer/common";
import { LogQLInvalid, LogQLUnsupported, type Labels, type LogEntry } from "./errors";
import { IpPatternError, ipMatcher, type IpMatcher } from "./ip";
import { compileRegex } from "./regex";

/**
 * Loki's log pipeline (pkg/logql/log): every stage sees the line and a label builder holding the
 * stream labels, the labels parsed so far and `__error__`/`__error_details__`. A stage keeps or
 * drops the line; a parser or filter that fails records `__error__` and keeps it.
 */
export interface Entry {
  line: string;
  /** Stream labels and structured metadata: a parsed label named like one gets `_extracted`. */
  stream: Labels;
  labels: Labels;
  /** Labels parsers set for this line: a parser does not overwrite one (the first value wins). */
  extracted: Set<string>;
}
export type Stage = (e: Entry) => boolean;

/** A log line as the pipeline's first stage sees it: structured metadata joins the labels, one named like a stream label as `_extracted`. */
export function entryOf(log: LogEntry): Entry {
  const start = { ...log.labels };
  const base = { ...log.labels };
  for (const [k, v] of Object.entries(log.metadata ?? {})) {
    start[k in log.labels ? `${k}_extracted` : k] = v;
    base[k] = v;
  }
  return { line: log.line, stream: base, labels: start, extracted: new Set() };
}

export const ERROR = "__error__";
export const ERROR_DETAILS = "__error_details__";

export const children = (node: SyntaxNode): SyntaxNode[] => {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
};

/**
 * Loki's parser hints (pkg/logql/log/parser_hints.go): under a `sum` of count/rate/bytes/sum
 * range functions, parsers extract only the labels the query reads and stop once they have them;
 * when it reads none, json and logfmt are skipped. Either way a malformed line that never
 * reaches the parser, or whose bad part comes after the needed keys, raises no error.
 */
export interface Hints {
  noLabels: boolean;
  /** The labels to extract; undefined: all of them. */
  required?: string[];
}

export interface Context {
  query: string;
  text(n: SyntaxNode): string;
  hints: Hints;
}

export const shouldExtract = (h: Hints, name: string) => !h.required || h.required.includes(name);
export const shouldExtractPrefix = (h: Hints, prefix: string) => !h.required || h.required.some((r) => r.startsWith(prefix));
export const allExtracted = (h: Hints, e: Entry) =>
  h.required !== undefined && h.required.length > 0 && h.required.every((r) => e.extracted.has(r));

export function setError(e: Entry, error: string, details?: string): void {
  if (e.labels[ERROR] !== undefined) return;
  e.labels[ERROR] = error;
  if (details) e.labels[ERROR_DETAILS] = details;
}

/**
 * Label names from JSON/logfmt keys (Loki's sanitizeLabelKey): trimmed, every character outside
 * [a-zA-Z0-9_] (per code point) becomes `_`, and a leading digit gets a `_` prefix when asked.
 */
export function sanitizeKey(key: string, digitPrefix = true): string {
  const k = key.trim();
  if (k === "") return "";
  const s = [...k].map((c) => (/[a-zA-Z0-9_]/.test(c) ? c : "_")).join("");
  return digitPrefix && /^[0-9]/.test(s) ? `_${s}` : s;
}

/** A parsed label's name: one clashing with a stream label gets the `_extracted` suffix. */
export const parsedName = (e: Entry, name: string) => (name in e.stream ? `${name}_extracted` : name);

export function setParsed(e: Entry, name: string, value: string): void {
  e.labels[name] = value;
  e.extracted.add(name);
}

export function labelMatcher(op: string, value: string, ctx: Context): (actual: string) => boolean {
  switch (op) {
    case "Eq":
      return (a) => a === value;
    case "Neq":
      return (a) => a !== value;
    case "Re":
    case "Nre": {
      const r = regex(value, ctx);
      return op === "Re" ? (a) => r.full(a) : (a) => !r.full(a);
    }
    default:
      throw new LogQLUnsupported(`the matcher operator ${op}`, ctx.query);
  }
}

export function regex(pattern: string, ctx: Context) {
  try {
    return compileRegex(pattern);
  } catch (err) {
    throw new LogQLInvalid((err as Error).message, ctx.query);
  }
}

export function ip(pattern: string, ctx: Context): IpMatcher {
  try {
    return ipMatcher(pattern);
  } catch (err) {
    if (err instanceof IpPatternError) throw new LogQLInvalid(err.message, ctx.query);
    throw err;
  }
}
