import type { SyntaxNode } from "@lezer/common";
import { unquote } from "../../checks/grammar";
import { LogQLInvalid } from "./errors";
import {
  allExtracted,
  children,
  parsedName,
  regex,
  sanitizeKey,
  setError,
  setParsed,
  shouldExtract,
  shouldExtractPrefix,
  type Context,
  type Stage,
} from "./entry";
import { JsonError, jsonPathValue, objectEach, parseJsonPath } from "./json";
import { decodeLogfmt } from "./logfmt";
import { PatternError, patternParser } from "./pattern";

/* Loki's parsers (pkg/logql/log/parser.go): json, logfmt, regexp, unpack, pattern. */

export interface Extraction {
  label: string;
  path: string;
}

export function extractions(node: SyntaxNode, ctx: Context): Extraction[] {
  const out: Extraction[] = [];
  const visit = (n: SyntaxNode) => {
    for (const c of children(n)) {
      if (c.name === "LabelExtractionExpressionList") visit(c);
      else if (c.name === "LabelExtractionExpression") {
        const id = ctx.text(c.getChild("Identifier")!);
        const str = c.getChild("String");
        out.push({ label: id, path: str ? unquote(ctx.text(str)) : id });
      }
    }
  };
  visit(node);
  return out;
}

export function flags(node: SyntaxNode, ctx: Context): string[] {
  return node.getChild("LogfmtParserFlags") ? ctx.text(node.getChild("LogfmtParserFlags")!).split(/\s+/) : [];
}

export function jsonStage(node: SyntaxNode, ctx: Context): Stage {
  const h = ctx.hints;
  const exprs = node.name === "JsonExpressionParser" ? extractions(node, ctx) : [];
  if (exprs.length === 0) {
    // The whole object, nested objects flattened with `_`; arrays and null add nothing.
    class Done extends Error {}
    return (e) => {
      if (h.noLabels) return true;
      // `path`: the object keys above this one; blank keys add nothing to a nested name.
      const nestedName = (path: string[]) =>
        path
          .map((k) => k.trim())
          .filter((k) => k !== "")
          .map((k, i) => sanitizeKey(k, i === 0))
          .join("_");
      const walk = (text: string, path: string[]) => {
        objectEach(
          text,
          (k, v) => {
            const keys = [...path, k];
            if (v.type === "object") {
              if (shouldExtractPrefix(h, nestedName(keys))) walk(v.text, keys);
              return;
            }
            if (v.type !== "string" && v.type !== "number" && v.type !== "boolean") return;
            const base = path.length === 0 ? sanitizeKey(k) : nestedName(keys);
            if (path.length === 0 && base === "") return;
            const name = parsedName(e, base);
            if (!shouldExtract(h, name) || e.extracted.has(name)) return;
            setParsed(e, name, v.text);
            if (allExtracted(h, e)) throw new Done();
          },
          path.length === 0,
        );
      };
      try {
        walk(e.line, []);
      } catch (err) {
        if (err instanceof Done) return true;
        if (!(err instanceof JsonError)) throw err;
        setError(e, "JSONParserErr", err.message);
      }
      return true;
    };
  }
  const paths = exprs.map((x) => {
    const p = parseJsonPath(x.path);
    if (!p) throw new LogQLInvalid(`cannot parse expression [${x.path}]`, ctx.query);
    return { label: x.label, path: p };
  });
  return (e) => {
    if (e.line === "" || h.noLabels) return true;
    if (!/^["{[]/.test(e.line)) {
      setError(e, "JSONParserErr");
      return true;
    }
    for (const { label, path } of paths) {
      let v;
      try {
        v = jsonPathValue(e.line, path);
      } catch (err) {
        if (!(err instanceof JsonError)) throw err;
        setError(e, "JSONParserErr", err.message);
        continue;
      }
      if (v !== undefined) setParsed(e, parsedName(e, label), v.type === "null" ? "" : v.text);
    }
    // Every expression gets a label: "" where the path is missing (unless a stream label has the name).
    for (const { label } of paths) if (!(label in e.labels)) setParsed(e, label, "");
    return true;
  };
}

export function logfmtStage(node: SyntaxNode, ctx: Context): Stage {
  const h = ctx.hints;
  const f = flags(node, ctx);
  const strict = f.includes("--strict");
  const keepEmpty = f.includes("--keep-empty");
  const exprs = node.name === "LogfmtExpressionParser" ? extractions(node, ctx) : [];
  return (e) => {
    if (h.noLabels) return true;
    const { pairs, error } = decodeLogfmt(e.line, strict);
    if (exprs.length > 0) {
      for (const { label } of exprs) if (!(label in e.stream)) setParsed(e, label, "");
      for (const [k, v] of pairs) {
        const key = sanitizeKey(k);
        // Each expression label takes the value of its key: the last occurrence, or the first when
        // that completes the labels the hints ask for.
        const matching = exprs.filter(({ path }) => path === key);
        for (const { label } of matching) setParsed(e, parsedName(e, label), v);
        if (matching.length > 0 && allExtracted(h, e)) break;
      }
    } else {
      for (const [k, v] of pairs) {
        const key = sanitizeKey(k);
        if (key === "") continue;
        const name = parsedName(e, key);
        if (!shouldExtract(h, name) || e.extracted.has(name)) continue;
        if (v === "" && !keepEmpty) continue;
        setParsed(e, name, v);
        if (allExtracted(h, e)) return true;
      }
    }
    if (error && strict) setError(e, "LogfmtParserErr", error);
    return true;
  };
}

export function regexpStage(node: SyntaxNode, ctx: Context): Stage {
  const r = regex(unquote(ctx.text(node.getChild("String")!)), ctx);
  if (r.names.length === 0) throw new LogQLInvalid("at least one named capture must be supplied", ctx.query);
  if (new Set(r.names).size !== r.names.length) throw new LogQLInvalid("duplicate extracted label name", ctx.query);
  return (e) => {
    const groups = r.groups(e.line);
    if (!groups) return true;
    for (const [k, v] of Object.entries(groups)) {
      const name = parsedName(e, sanitizeKey(k));
      if (!shouldExtract(ctx.hints, name) || e.extracted.has(name)) continue;
      setParsed(e, name, v);
    }
    return true;
  };
}

/** `| unpack`: string fields become labels; `_entry` replaces the line. */
/** `| unpack`: only a packed line (one with `_entry`) yields labels, its string fields; `_entry` replaces the line. */
export function unpackStage(ctx: Context): Stage {
  return (e) => {
    if (e.line === "" || ctx.hints.noLabels) return true;
    if (!e.line.startsWith("{")) {
      setError(e, "JSONParserErr", "expecting json object");
      return true;
    }
    const pairs: Array<[string, string]> = [];
    let entry: string | undefined;
    try {
      objectEach(e.line, (k, v) => {
        if (v.type !== "string") return;
        if (k === "_entry") entry = v.text;
        else pairs.push([k, v.text]);
      });
    } catch (err) {
      if (!(err instanceof JsonError)) throw err;
      setError(e, "JSONParserErr", err.message);
      return true;
    }
    if (entry === undefined) return true;
    for (const [k, v] of pairs) {
      const name = sanitizeKey(parsedName(e, k));
      if (shouldExtract(ctx.hints, name) && !e.extracted.has(name)) e.labels[name] = v;
    }
    for (const [k] of pairs) e.extracted.add(sanitizeKey(parsedName(e, k)));
    e.line = entry;
    return true;
  };
}

export function pattern<T>(build: () => T, ctx: Context): T {
  try {
    return build();
  } catch (err) {
    if (err instanceof PatternError) throw new LogQLInvalid(err.message, ctx.query);
    throw err;
  }
}

export function patternStage(node: SyntaxNode, ctx: Context): Stage {
  const p = pattern(() => patternParser(unquote(ctx.text(node.getChild("String")!))), ctx);
  return (e) => {
    if (ctx.hints.noLabels) return true;
    p.matches(e.line).forEach((value, i) => {
      const name = parsedName(e, p.names[i]);
      if (shouldExtract(ctx.hints, name) && !e.extracted.has(name)) setParsed(e, name, value);
    });
    return true;
  };
}
