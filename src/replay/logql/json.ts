/**
 * Loki's `| json` reads lines with buger/jsonparser, which is lenient: it walks an object's
 * key/value pairs and stops where the object ends or the input runs out, without validating the
 * rest. This scanner reproduces what that walk yields: every value's raw text and type.
 */
export type JsonType = "string" | "number" | "boolean" | "null" | "object" | "array";
export interface JsonValue {
  type: JsonType;
  /** Raw text: a string's unescaped value, a number's literal, an object's or array's JSON text. */
  text: string;
}

export class JsonError extends Error {}

const WS = new Set([" ", "\t", "\n", "\r"]);

function skipWs(s: string, i: number): number {
  while (i < s.length && WS.has(s[i])) i++;
  return i;
}

/** Index just after the closing quote of the string starting at s[i] === '"'. */
function stringEnd(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === "\\") j++;
    else if (s[j] === '"') return j + 1;
  }
  throw new JsonError("unterminated string");
}

/** Loki replaces invalid UTF-8 (U+FFFD after decoding) in values by a space. */
const replaceInvalid = (s: string) => s.replace(/\uFFFD/g, " ");

function unescape(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    throw new JsonError(`bad string escape in ${raw}`);
  }
}

/** Index just after the object/array starting at s[i]; a truncated one ends at the input's end. */
function blockEnd(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === '"') j = stringEnd(s, j) - 1;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  throw new JsonError("unterminated object or array");
}

function value(s: string, i: number): [JsonValue, number] {
  const c = s[i];
  if (c === '"') {
    const end = stringEnd(s, i);
    let text: string;
    try {
      text = replaceInvalid(unescape(s.slice(i + 1, end - 1)));
    } catch {
      // Loki reads a value it cannot unescape as "".
      text = "";
    }
    return [{ type: "string", text }, end];
  }
  if (c === "{" || c === "[") {
    const end = blockEnd(s, i);
    return [{ type: c === "{" ? "object" : "array", text: s.slice(i, end) }, end];
  }
  let end = i;
  while (end < s.length && !WS.has(s[end]) && s[end] !== "," && s[end] !== "}" && s[end] !== "]") end++;
  const text = s.slice(i, end);
  if (text === "true" || text === "false") return [{ type: "boolean", text }, end];
  if (text === "null") return [{ type: "null", text }, end];
  if (/^-?[0-9]/.test(text)) return [{ type: "number", text }, end];
  throw new JsonError(`unknown value ${text || "(none)"}`);
}

/**
 * Walks the key/value pairs of the object at the start of `s` in order (duplicates included),
 * calling `visit` for each; `visit` returning true stops the walk there (nothing after it is
 * checked, as jsonparser stops). Throws JsonError where jsonparser reports a malformed object.
 */
export function objectEach(s: string, visit: (key: string, value: JsonValue) => boolean | void, requireClose = false): void {
  let i = skipWs(s, 0);
  if (s[i] !== "{") throw new JsonError(s[i] === "[" ? "a top-level array is not an object" : "not an object");
  i++;
  for (;;) {
    i = skipWs(s, i);
    if (i >= s.length) return;
    if (s[i] === "}") return;
    if (s[i] !== '"') throw new JsonError(`expected a key at ${i}`);
    const keyEnd = stringEnd(s, i);
    const key = unescape(s.slice(i + 1, keyEnd - 1));
    i = skipWs(s, keyEnd);
    if (s[i] !== ":") throw new JsonError(`expected : at ${i}`);
    i = skipWs(s, i + 1);
    const [v, end] = value(s, i);
    if (visit(key, v) === true) return;
    // Loki's full `| json` parser reports a number, boolean or null the input ends inside (after
    // extracting what it read); a line that ends after a whole value is read without error.
    // Checked against Loki 3.7.6 by test/e2e/logql-differential.e2e.ts.
    if (requireClose && end >= s.length && v.type !== "string" && v.type !== "object" && v.type !== "array")
      throw new JsonError("unterminated value");
    i = skipWs(s, end);
    if (s[i] === ",") i++;
    else if (i >= s.length) return;
    else if (s[i] === "}") return;
    else throw new JsonError(`unexpected ${s[i]} at ${i}`);
  }
}

/** The value at a Loki json expression path (`a.b[0]`, `["a b"]`), or undefined when absent. */
export function jsonPathValue(line: string, path: Array<string | number>): JsonValue | undefined {
  const start = line[skipWs(line, 0)];
  let current: JsonValue = { type: start === "[" ? "array" : start === "{" ? "object" : "string", text: line };
  for (const step of path) {
    if (typeof step === "number") {
      if (current.type !== "array") return undefined;
      const items = arrayItems(current.text);
      if (step >= items.length) return undefined;
      current = items[step];
    } else {
      if (current.type !== "object") return undefined;
      let found: JsonValue | undefined;
      objectEach(current.text, (k, v) => {
        if (k === step) found = v;
        return found !== undefined;
      });
      if (!found) return undefined;
      current = found;
    }
  }
  return current;
}

function arrayItems(s: string): JsonValue[] {
  let i = skipWs(s, 0) + 1;
  const out: JsonValue[] = [];
  for (;;) {
    i = skipWs(s, i);
    if (i >= s.length || s[i] === "]") return out;
    const [v, end] = value(s, i);
    out.push(v);
    i = skipWs(s, end);
    if (s[i] === ",") i++;
  }
}

/**
 * A json expression path as Loki's jsonexpr grammar reads it: a field, `["key"]` or `[0]` first,
 * then `["key"]`, `[0]` or `.field`; fields are [A-Za-z_][A-Za-z0-9_]*. Undefined when invalid.
 */
export function parseJsonPath(path: string): Array<string | number> | undefined {
  const tokens: Array<{ t: "[" | "]" | "." | "field" | "string" | "index"; v?: string | number }> = [];
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    if (c === " " || c === "\t" || c === "\n") i++;
    else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+/.exec(path.slice(i))!;
      tokens.push({ t: "index", v: Number(m[0]) });
      i += m[0].length;
    } else if (c === "[" || c === "]" || c === ".") {
      tokens.push({ t: c });
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(path.slice(i))!;
      tokens.push({ t: "field", v: m[0] });
      i += m[0].length;
    } else if (c === '"') {
      // A string runs to the next `"` or `]`, without escapes.
      let j = i + 1;
      while (j < path.length && path[j] !== '"' && path[j] !== "]") j++;
      tokens.push({ t: "string", v: path.slice(i + 1, j) });
      i = path[j] === '"' ? j + 1 : j;
    } else return undefined;
  }
  const out: Array<string | number> = [];
  let k = 0;
  while (k < tokens.length) {
    const tok = tokens[k];
    if (tok.t === "field" && k === 0) {
      out.push(tok.v as string);
      k++;
    } else if (tok.t === "." && k > 0 && tokens[k + 1]?.t === "field") {
      out.push(tokens[k + 1].v as string);
      k += 2;
    } else if (tok.t === "[" && (tokens[k + 1]?.t === "string" || tokens[k + 1]?.t === "index") && tokens[k + 2]?.t === "]") {
      out.push(tokens[k + 1].v!);
      k += 3;
    } else return undefined;
  }
  return out.length > 0 ? out : undefined;
}
