import { type Alias, type Document, isAlias, isMap, isScalar, isSeq, type Node, parseDocument, type Scalar, type YAMLMap } from "yaml";

/**
 * YAML read as Pulumi reads stack files. Since v3.50.0 (pulumi/pulumi commit 5666684030, "cli:
 * Implement comment preserving edits on config, projects") `sdk/go/common/encoding/marshal.go`
 * decodes them with `gopkg.in/yaml.v3` into `any`; `sdk/go/common/workspace/loaders.go`
 * `LoadProjectStackBytes` then turns map keys into text (`fmt.Sprintf("%v", key)`), writes the
 * document back and decodes it again into the stack's config map, where
 * `sdk/go/common/resource/config/object.go` `unmarshalObject` keeps each value (a timestamp as its
 * Go `time.Time.String()`). The `yaml` package only tokenises; every scalar is resolved here by the
 * rules of yaml.v3's `resolve.go` (`true`/`True`/`TRUE` but not `yes` or `on` are booleans, `010` is 8,
 * `0o17` is 15, base-60 `14:00` stays text), merge keys as yaml.v3's `decoder.merge` applies them
 * (the map's own keys win, then the merged maps in order), and a key given twice in one map is
 * refused, as yaml.v3's `decoder.mapping` refuses it ("mapping key ... already defined at line ...").
 * The answers of Pulumi's own loader (v3.248.0) for these rules are recorded in
 * test/config/fixtures/pulumi-stack-reader.json.
 */

/** A problem reading YAML: a position and a reason, never the source text (it may hold a credential). */
export class YamlReadError extends Error {
  constructor(
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly reason: string,
  ) {
    super(`${line !== undefined ? `line ${line}, column ${column}: ` : ""}${reason}`);
    this.name = "YamlReadError";
  }
}

/** yaml.v3 `resolveMapList`: the plain scalars resolved by lookup. */
const LOOKUP = new Map<string, unknown>([
  ...["true", "True", "TRUE"].map((s): [string, unknown] => [s, true]),
  ...["false", "False", "FALSE"].map((s): [string, unknown] => [s, false]),
  ...["", "~", "null", "Null", "NULL"].map((s): [string, unknown] => [s, null]),
  ...[".nan", ".NaN", ".NAN"].map((s): [string, unknown] => [s, Number.NaN]),
  ...[".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"].map((s): [string, unknown] => [s, Number.POSITIVE_INFINITY]),
  ...["-.inf", "-.Inf", "-.INF"].map((s): [string, unknown] => [s, Number.NEGATIVE_INFINITY]),
]);

/** yaml.v3 `yamlStyleFloat`. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** What Go's `strconv.ParseInt(s, 0, 64)` reads once `_` is removed: sign, then 0x, 0b, 0o, a leading 0 (octal) or decimal. */
const GO_INT = /^([-+]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/;
const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;

/**
 * yaml.v3 `allowedTimestampFormats`, as Go's time.Parse reads them: a four-digit year, month and day
 * of one or two digits, then optionally `T`, `t` or a space and a time of one- or two-digit fields,
 * a fraction, and (after T or t only) `Z` or an offset.
 */
const TIMESTAMP =
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:([Tt])|( ))([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,]([0-9]+))?(Z|[-+][0-9]{2}:[0-9]{2})?)?$/;

/** A timestamp as yaml.v3 decodes it (a Go time.Time), with the text Pulumi keeps of it. */
class GoTime {
  constructor(
    /** `time.Time.String()`; undefined when it depends on the time zone of the machine running Pulumi. */
    readonly text: string | undefined,
  ) {}
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * A timestamp as yaml.v3 parses it and Pulumi keeps it: Go's `time.Time.String()`, e.g.
 * `2001-12-14 21:59:43.1 +0000 UTC`. Undefined when Go's time.Parse would refuse it (a day the month
 * does not have, hour 24), so the text is read as a number or kept.
 */
function timestamp(text: string): GoTime | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  // A zone only follows T or t (the layout with a space has none).
  if (m[5] && m[10]) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[6] ?? 0), Number(m[7] ?? 0), Number(m[8] ?? 0)];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return undefined;
  // Go's time.Parse names an offset after the machine's own zone when they match: not modelled.
  if (m[10] && m[10] !== "Z") return new GoTime(undefined);
  // Nanoseconds: Go reads at most nine digits of the fraction; String() drops its trailing zeros.
  const fraction = (m[9] ?? "").slice(0, 9).replace(/0+$/, "");
  return new GoTime(
    `${pad(year, 4)}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}${fraction ? `.${fraction}` : ""} +0000 UTC`,
  );
}

function goInt(plain: string): number | undefined {
  const m = GO_INT.exec(plain);
  if (!m) return undefined;
  const body = m[2];
  const digits = /^0[oO]/.test(body) ? `0o${body.slice(2)}` : /^0[0-7]+$/.test(body) ? `0o${body.slice(1)}` : body.toLowerCase();
  const n = BigInt(digits) * (m[1] === "-" ? -1n : 1n);
  // ParseInt (int64), then ParseUint (uint64, no sign); beyond both the text falls through to the float rule.
  if (n < INT64_MIN || n > UINT64_MAX || (n > (1n << 63n) - 1n && m[1] !== "")) return undefined;
  return Number(n);
}

type Resolved = string | number | boolean | null | GoTime;

/** yaml.v3 `resolve("", text)` of a plain scalar, a timestamp still a GoTime. */
function resolve(text: string): Resolved {
  if (LOOKUP.has(text)) return LOOKUP.get(text) as Resolved;
  const hint = text[0];
  if (hint === ".") {
    // strconv.ParseFloat on the text itself.
    return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text) && Number.isFinite(Number(text)) ? Number(text) : text;
  }
  if (hint === undefined || !/[-+0-9]/.test(hint)) return text;
  const stamp = timestamp(text);
  if (stamp !== undefined) return stamp;
  const plain = text.replaceAll("_", "");
  const int = goInt(plain);
  if (int !== undefined) return int;
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = Number(plain);
    // ParseFloat fails on out-of-range values (1e400): the text stays a string.
    if (Number.isFinite(f)) return f;
  }
  return text;
}

const STR = "tag:yaml.org,2002:str";
const TAG_NAMES: Record<string, string> = {
  "tag:yaml.org,2002:str": "!!str",
  "tag:yaml.org,2002:int": "!!int",
  "tag:yaml.org,2002:float": "!!float",
  "tag:yaml.org,2002:bool": "!!bool",
  "tag:yaml.org,2002:null": "!!null",
  "tag:yaml.org,2002:binary": "!!binary",
  "tag:yaml.org,2002:timestamp": "!!timestamp",
};

/** A plain (unquoted, untagged) scalar as yaml.v3 resolves it and Pulumi keeps it (a timestamp as its text). */
export function resolvePlain(text: string): unknown {
  const v = resolve(text);
  return v instanceof GoTime ? v.text : v;
}

function kindOf(v: Resolved): string {
  if (v === null) return "!!null";
  if (typeof v === "boolean") return "!!bool";
  if (typeof v === "number") return Number.isInteger(v) ? "!!int" : "!!float";
  if (v instanceof GoTime) return "!!timestamp";
  return "!!str";
}

/**
 * Go's `fmt.Sprintf("%v", f)` of a float64 (strconv 'g', shortest): an exponent below -4 or of 6 or
 * more is written as `1e+06`, with at least two exponent digits.
 */
function goFloatText(f: number): string {
  if (Number.isNaN(f)) return "NaN";
  if (f === Number.POSITIVE_INFINITY) return "+Inf";
  if (f === Number.NEGATIVE_INFINITY) return "-Inf";
  const [mantissa, exp] = f.toExponential().split("e");
  const e = Number(exp);
  if (e < -4 || e >= 6) return `${mantissa}e${e < 0 ? "-" : "+"}${pad(Math.abs(e))}`;
  return String(f);
}

/** Where a key stands, for messages: `pizza-observability:thresholds.cpu` inside `config:`, else the document path. */
function shownPath(path: readonly string[]): string {
  const inConfig = path[0] === "config" && path.length > 1;
  const shown = (inConfig ? path.slice(1) : path).map((p) => (/^[\x21-\x7e]{1,80}$/.test(p) ? p : JSON.stringify(p.slice(0, 80))));
  return shown.join(".") || "the document";
}

/**
 * Whether a double-quoted scalar's source escapes a UTF-16 surrogate (`\ud800`, even one of a pair)
 * or a code point beyond U+10FFFF: yaml.v3's scanner refuses them ("found invalid Unicode character
 * escape code"), and only such an escape could carry a lone surrogate into a UTF-8 file.
 */
function invalidUnicodeEscape(source: string): boolean {
  for (const m of source.matchAll(/\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|.)/gs)) {
    const code = parseInt(m[1] ?? m[2] ?? "", 16);
    if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return true;
  }
  return false;
}

class Reader {
  constructor(
    readonly doc: Document,
    readonly lineOf: (offset: number | undefined) => [number | undefined, number | undefined],
    readonly text: string,
  ) {}

  fail(node: Node | undefined, reason: string): never {
    const [line, col] = this.lineOf(node?.range?.[0]);
    throw new YamlReadError(line, col, reason);
  }

  /** yaml.v3 `decoder.scalar` then `resolve(tag, text)`, decoded into `any`. */
  scalar(node: Scalar): unknown {
    if (node.type === "QUOTE_DOUBLE" && node.range && invalidUnicodeEscape(this.text.slice(node.range[0], node.range[1])))
      this.fail(node, "found invalid Unicode character escape code (a UTF-16 surrogate or beyond U+10FFFF), which Pulumi's reader refuses");
    const text = typeof node.source === "string" ? node.source : String(node.value ?? "");
    const tag = node.tag;
    const plain = node.type === "PLAIN" || node.type === undefined;
    if (!tag || tag === "!") return plain && !tag ? this.kept(node, resolve(text)) : text;
    const name = TAG_NAMES[tag];
    // yaml.v3 `resolvableTag`: any other tag (local `!foo`, `!!set` on a scalar) leaves the text as is.
    if (name === undefined || tag === STR) return text;
    if (name === "!!binary") {
      // Go's base64.StdEncoding ignores line breaks, nothing else.
      const compact = text.replace(/[\r\n]+/g, "");
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0)
        this.fail(node, "!!binary value contains invalid base64 data");
      return Buffer.from(compact, "base64").toString("utf8");
    }
    const resolved = resolve(text);
    const kind = kindOf(resolved);
    // yaml.v3 turns an int into a float when the tag asks for one.
    if (kind === name || (name === "!!float" && kind === "!!int")) return this.kept(node, resolved);
    return this.fail(node, `cannot decode a ${kind} as a ${name}`);
  }

  /** The value Pulumi keeps: a timestamp's text; refused when that text depends on the machine. */
  kept(node: Scalar, v: Resolved): unknown {
    if (!(v instanceof GoTime)) return v;
    if (v.text === undefined)
      this.fail(
        node,
        "a timestamp with a UTC offset, which Pulumi writes in the time zone of the machine running it; quote it to keep it as text",
      );
    return v.text;
  }

  /** Nodes decoded so far: aliases of aliases could otherwise expand a 1 KiB file into billions of nodes. */
  visits = 0;

  value(node: unknown, path: string[], depth = 0): unknown {
    if (depth > 64) this.fail(node as Node, "nested more than 64 levels deep");
    // yaml.v3 refuses such a file too: "document contains excessive aliasing".
    if (++this.visits > 400_000) this.fail(node as Node, "document contains excessive aliasing");
    if (isAlias(node)) {
      const target = (node as Alias).resolve(this.doc);
      if (!target) this.fail(node as Node, "alias to an anchor that is not defined before it");
      return this.value(target, path, depth + 1);
    }
    if (isScalar(node)) return this.scalar(node);
    if (isSeq(node)) return node.items.map((item, i) => this.value(item, [...path, String(i)], depth + 1));
    if (isMap(node)) {
      this.uniqueKeys(node, path);
      const out: Record<string, unknown> = {};
      const own = this.into(node, out, path, depth, new Map());
      if (own.merge) this.merge(own.merge, out, path, depth + 1, own.set);
      return out;
    }
    if (node === null || node === undefined) return null;
    return this.fail(undefined, "unsupported YAML node");
  }

  /** yaml.v3 `decoder.mapping`: two keys of the same kind and text in one map are refused. */
  uniqueKeys(node: YAMLMap, path: readonly string[]): void {
    const seen = new Map<string, Node>();
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      // An empty key is a null scalar whose text is empty, as `""` is.
      const text = isAlias(key)
        ? `alias ${(key as Alias).source}`
        : key === null
          ? "scalar "
          : isScalar(key)
            ? `scalar ${String(key.value ?? "")}`
            : "collection";
      const first = seen.get(text);
      if (first) {
        const [firstLine] = this.lineOf(first.range?.[0]);
        const shown = isScalar(key) ? String(key.value ?? "") : text;
        this.fail(
          key ?? undefined,
          `${shownPath([...path, shown])} is given twice (first at line ${firstLine}); Pulumi's reader refuses a key given twice in a map: keep one`,
        );
      }
      if (key) seen.set(text, key);
    }
  }

  /**
   * The pairs of a map into `out`, keys already `set` skipped (yaml.v3 `mergedFields`: a merged map
   * never replaces the map's own keys, nor an earlier merged map's). Keys of another spelling that
   * read as the same text (`1` and `01`, `true` and `True`) are refused: Pulumi keeps one of them, or
   * refuses the file, depending on their types.
   */
  into(
    node: YAMLMap,
    out: Record<string, unknown>,
    path: string[],
    depth: number,
    set: Map<string, Node>,
  ): { merge?: Node; set: Map<string, Node> } {
    let merge: Node | undefined;
    const own = new Map<string, Node>();
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (isScalar(key) && key.type === "PLAIN" && (!key.tag || key.tag === "tag:yaml.org,2002:merge") && key.source === "<<") {
        merge = (pair.value as Node | null) ?? undefined;
        if (!merge) this.fail(key, "map merge requires map or sequence of maps as the value");
        continue;
      }
      const text = this.keyText(key, depth);
      const earlier = own.get(text);
      if (earlier) {
        const [firstLine] = this.lineOf(earlier.range?.[0]);
        this.fail(
          key ?? undefined,
          `${shownPath([...path, text])} is given twice, spelt two ways that both read as ${JSON.stringify(text)} (first at line ${firstLine}); Pulumi keeps only one of them or refuses the file: keep one`,
        );
      }
      if (key) own.set(text, key);
      if (set.has(text)) continue;
      set.set(text, key as Node);
      out[text] = this.value(pair.value, [...path, text], depth + 1);
    }
    return { merge, set };
  }

  /** yaml.v3 `decoder.merge`: a map, an alias to one, or a sequence of them, in order; the first wins. */
  merge(node: Node, out: Record<string, unknown>, path: string[], depth: number, set: Map<string, Node>): void {
    const mapOf = (n: unknown): YAMLMap | undefined => {
      const target = isAlias(n) ? (n as Alias).resolve(this.doc) : n;
      return isMap(target) ? target : undefined;
    };
    const maps = isSeq(node) ? node.items.map((item) => [item, mapOf(item)] as const) : [[node, mapOf(node)] as const];
    for (const [item, map] of maps) {
      if (!map) return this.fail(item as Node, "map merge requires map or sequence of maps as the value");
      this.uniqueKeys(map, path);
      const inner = this.into(map, out, path, depth, set);
      if (inner.merge) this.merge(inner.merge, out, path, depth + 1, set);
    }
  }

  /** pulumi `SimplifyMarshalledProject`: a key becomes `fmt.Sprintf("%v", key)`. */
  keyText(key: Node | null, depth: number): string {
    const v = key === null ? null : this.value(key, [], depth + 1);
    if (v === null) return "<nil>";
    if (typeof v === "object") this.fail(key ?? undefined, "a map or list used as a key");
    if (typeof v === "number") return Number.isInteger(v) && Math.abs(v) < 2 ** 63 && !isFloatKey(key) ? String(BigInt(v)) : goFloatText(v);
    return String(v);
  }
}

/** Whether a key resolved to a float (`1.0`, `1e3`), which Go prints as a float, not as an int. */
function isFloatKey(key: Node | null): boolean {
  if (!isScalar(key) || key.type !== "PLAIN") return false;
  const text = String(key.source ?? key.value ?? "").replaceAll("_", "");
  return goInt(text) === undefined && YAML_STYLE_FLOAT.test(text);
}

/** Line and column (1-based) of an offset in `text`. */
function lineCounter(text: string): (offset: number | undefined) => [number | undefined, number | undefined] {
  return (offset) => {
    if (offset === undefined) return [undefined, undefined];
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    return [line, offset - before.lastIndexOf("\n")];
  };
}

/** What an error code of the `yaml` package means, in words that never quote the source. */
function reasonOf(code: string): string {
  return `invalid YAML (${code.toLowerCase().replaceAll("_", " ")})`;
}

/**
 * The first YAML document of `text`, as Pulumi decodes a stack file: scalars resolved by yaml.v3,
 * merge keys applied, keys as text, a key given twice refused. Throws a YamlReadError naming a line and column.
 */
export function readStackYaml(text: string): unknown {
  return readStackYamlTopLevel(text).root;
}

/** A scalar config value as Pulumi hands it over: its JSON text (`8`, `true`, `1.5`), a string as is, null as "". */
function topLevelText(v: unknown): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

/**
 * A stack file as `LoadProjectStackBytes` reads it: the document, and each top-level config key's
 * value as the text Pulumi hands the program when it is a scalar (pulumi `config.Value` of an
 * `object` holding a bool, number or string: `010` becomes "8", `True` "true", an empty value "").
 */
export function readStackYamlTopLevel(text: string): { root: unknown; topLevelText: (key: string) => string | undefined } {
  const lineOf = lineCounter(text);
  const doc = parseDocument(text, { version: "1.1", schema: "failsafe", uniqueKeys: false, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const [line, col] = lineOf(error.pos[0]);
    throw new YamlReadError(line, col, reasonOf(error.code));
  }
  const reader = new Reader(doc, lineOf, text);
  const root = reader.value(doc.contents, []);
  const config = (root as { config?: unknown } | null)?.config;
  const texts = new Map<string, string>();
  if (config !== null && typeof config === "object" && !Array.isArray(config)) {
    for (const [key, value] of Object.entries(config)) if (value === null || typeof value !== "object") texts.set(key, topLevelText(value));
  }
  return { root, topLevelText: (key) => texts.get(key) };
}
