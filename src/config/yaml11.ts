import { type Alias, type Document, isAlias, isMap, isScalar, isSeq, type Node, parseDocument, type Scalar, type YAMLMap } from "yaml";

/**
 * YAML read as Pulumi reads stack files: `gopkg.in/yaml.v2` (pulumi/pulumi
 * `sdk/go/common/encoding/marshal.go`), decoding into `interface{}`, then
 * `sdk/go/common/resource/config/value.go` turning maps into string-keyed maps (`fmt.Sprintf("%v", key)`).
 * The `yaml` package only tokenises; every plain scalar is resolved here by the rules of yaml.v2's
 * `resolve.go` (YAML 1.1: `010` is 8, `yes`/`no`/`on`/`off`/`y`/`n` are booleans, `0o17` is 15 because
 * Go's `strconv.ParseInt(s, 0, 64)` reads it, base-60 `14:00` stays text, a date stays text when decoded
 * into `interface{}`), and merge keys are applied as yaml.v2's `decoder.mapping`/`merge` apply them:
 * in document order, a later key (merged or not) replacing an earlier one, the maps of a merge
 * sequence applied last to first so the first wins.
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

/** yaml.v2 `resolveMapList`: the plain scalars resolved by lookup. */
const LOOKUP = new Map<string, unknown>([
  ...["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"].map((s): [string, unknown] => [s, true]),
  ...["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"].map((s): [string, unknown] => [s, false]),
  ...["", "~", "null", "Null", "NULL"].map((s): [string, unknown] => [s, null]),
  ...[".nan", ".NaN", ".NAN"].map((s): [string, unknown] => [s, Number.NaN]),
  ...[".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"].map((s): [string, unknown] => [s, Number.POSITIVE_INFINITY]),
  ...["-.inf", "-.Inf", "-.INF"].map((s): [string, unknown] => [s, Number.NEGATIVE_INFINITY]),
]);

/** yaml.v2 `yamlStyleFloat`. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** What Go's `strconv.ParseInt(s, 0, 64)` reads once `_` is removed: sign, then 0x, 0b, 0o, a leading 0 (octal) or decimal. */
const GO_INT = /^([-+]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/;
const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;
/** yaml.v2 `parseTimestamp`: only texts starting with four digits and `-` are tried. */
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}((t|T| )[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]+)?(Z|[-+][0-9]{2}:[0-9]{2})?)?$/;

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

/** A plain (unquoted, untagged) scalar as yaml.v2 resolves it, decoded into interface{}. */
export function resolvePlain(text: string): unknown {
  if (LOOKUP.has(text)) return LOOKUP.get(text);
  const hint = text[0];
  if (hint === ".") {
    // strconv.ParseFloat on the text itself.
    return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text) && Number.isFinite(Number(text)) ? Number(text) : text;
  }
  if (hint === undefined || !/[-+0-9]/.test(hint)) return text;
  // A timestamp decoded into interface{} is kept as its text by yaml.v2 (decode.go, "backward compatibility").
  if (TIMESTAMP.test(text)) return text;
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

function kindOf(v: unknown): string {
  if (v === null) return "!!null";
  if (typeof v === "boolean") return "!!bool";
  if (typeof v === "number") return Number.isInteger(v) ? "!!int" : "!!float";
  return "!!str";
}

class Reader {
  constructor(
    readonly doc: Document,
    readonly lineOf: (offset: number | undefined) => [number | undefined, number | undefined],
  ) {}

  fail(node: Node | undefined, reason: string): never {
    const [line, col] = this.lineOf(node?.range?.[0]);
    throw new YamlReadError(line, col, reason);
  }

  scalar(node: Scalar): unknown {
    const text = typeof node.source === "string" ? node.source : String(node.value ?? "");
    const tag = node.tag;
    const plain = node.type === "PLAIN" || node.type === undefined;
    if (!tag || tag === "!") return plain && !tag ? resolvePlain(text) : text;
    const name = TAG_NAMES[tag];
    // yaml.v2 `resolvableTag`: any other tag (local `!foo`, `!!set` on a scalar) leaves the text as is.
    if (name === undefined || tag === STR) return text;
    if (name === "!!binary") {
      const compact = text.replace(/\s+/g, "");
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) this.fail(node, "!!binary value is not base64");
      return Buffer.from(compact, "base64").toString("utf8");
    }
    if (name === "!!timestamp") {
      if (!TIMESTAMP.test(text)) this.fail(node, "cannot decode the value as a !!timestamp");
      return text;
    }
    const resolved = resolvePlain(text);
    const kind = kindOf(resolved);
    if (kind === name) return resolved;
    // yaml.v2 turns an int into a float when the tag asks for one.
    if (name === "!!float" && kind === "!!int") return resolved;
    return this.fail(node, `cannot decode a ${kind} as a ${name}`);
  }

  /** Nodes decoded so far: aliases of aliases could otherwise expand a 1 KiB file into billions of nodes. */
  visits = 0;

  value(node: unknown, depth = 0): unknown {
    if (depth > 64) this.fail(node as Node, "nested more than 64 levels deep");
    // yaml.v2 (2.2.8+) refuses such a file too: "document contains excessive aliasing".
    if (++this.visits > 400_000) this.fail(node as Node, "document contains excessive aliasing");
    if (isAlias(node)) {
      const target = (node as Alias).resolve(this.doc);
      if (!target) this.fail(node as Node, "alias to an anchor that is not defined before it");
      return this.value(target, depth + 1);
    }
    if (isScalar(node)) return this.scalar(node);
    if (isSeq(node)) return node.items.map((item) => this.value(item, depth + 1));
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      this.into(node, out, depth);
      return out;
    }
    if (node === null || node === undefined) return null;
    return this.fail(undefined, "unsupported YAML node");
  }

  /** yaml.v2 `decoder.mapping`: pairs in order into `out`, a merge key applying its maps in place. */
  into(node: YAMLMap, out: Record<string, unknown>, depth: number): void {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (isScalar(key) && key.type === "PLAIN" && !key.tag && key.source === "<<") {
        this.merge(pair.value as Node, out, depth + 1);
        continue;
      }
      out[this.keyText(key, depth)] = this.value(pair.value, depth + 1);
    }
  }

  merge(node: Node | null, out: Record<string, unknown>, depth: number): void {
    const target = isAlias(node) ? (node as Alias).resolve(this.doc) : node;
    if (isMap(target)) return this.into(target, out, depth);
    if (isSeq(node)) {
      // "Step backwards as earlier nodes take precedence."
      for (const item of [...node.items].reverse()) {
        const map = isAlias(item) ? (item as Alias).resolve(this.doc) : item;
        if (!isMap(map)) this.fail(item as Node, "map merge requires map or sequence of maps as the value");
        this.into(map as YAMLMap, out, depth);
      }
      return;
    }
    this.fail(node ?? undefined, "map merge requires map or sequence of maps as the value");
  }

  /** pulumi `interfaceMapToStringMap`: a key becomes `fmt.Sprintf("%v", key)`. */
  keyText(key: Node | null, depth: number): string {
    const v = key === null ? null : this.value(key, depth + 1);
    if (v === null) return "<nil>";
    if (typeof v === "object") this.fail(key ?? undefined, "a map or list used as a key");
    if (typeof v === "number" && Number.isNaN(v)) return "NaN";
    if (v === Number.POSITIVE_INFINITY) return "+Inf";
    if (v === Number.NEGATIVE_INFINITY) return "-Inf";
    return String(v);
  }
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
 * The first YAML document of `text`, as yaml.v2 decodes it into interface{}: scalars resolved by
 * YAML 1.1, merge keys applied, keys as text. Throws a YamlReadError naming a line and column.
 */
export function readYaml11(text: string): unknown {
  return readYaml11TopLevel(text).root;
}

/**
 * A top-level config value as pulumi's `config.Value.UnmarshalYAML` reads it: a scalar is first
 * decoded into a Go string, which yaml.v2 fills with the scalar's text (`yes` stays "yes", `010`
 * stays "010", an empty value is ""); anything else is an object.
 */
export function readYaml11TopLevel(text: string): { root: unknown; topLevelText: (key: string) => string | undefined } {
  const lineOf = lineCounter(text);
  const doc = parseDocument(text, { version: "1.1", schema: "failsafe", uniqueKeys: false, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const [line, col] = lineOf(error.pos[0]);
    throw new YamlReadError(line, col, reasonOf(error.code));
  }
  const reader = new Reader(doc, lineOf);
  const root = reader.value(doc.contents);
  const configNode = isMap(doc.contents)
    ? doc.contents.items.find((p) => isScalar(p.key) && reader.keyText(p.key as Node, 0) === "config")?.value
    : undefined;
  const config = isAlias(configNode) ? (configNode as Alias).resolve(doc) : configNode;
  const texts = new Map<string, string>();
  if (isMap(config)) {
    for (const pair of config.items) {
      let value = pair.value as Node | null;
      if (isAlias(value)) value = (value as Alias).resolve(doc) ?? null;
      if (value === null || value === undefined) texts.set(reader.keyText(pair.key as Node, 0), "");
      else if (isScalar(value)) {
        const v = reader.scalar(value);
        // yaml.v2 refuses to put a !!binary/!!null into a string only when tagged; a plain scalar's text is kept.
        texts.set(reader.keyText(pair.key as Node, 0), v === null ? "" : typeof v === "string" ? v : String(value.source ?? value.value));
      }
    }
  }
  return { root, topLevelText: (key) => texts.get(key) };
}
