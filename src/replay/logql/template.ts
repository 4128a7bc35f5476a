import { unquote } from "../../checks/grammar";

/**
 * The Go text/template subset Loki's line_format/label_format offer that the replay implements:
 * text, `{{.label}}` (a missing label renders empty), `{{__line__}}`, string and number literals,
 * pipelines `a | f`, and the functions below. A function Loki has but this does not is refused by
 * name; a function Loki does not have fails like Loki ("not defined").
 */
export type Template = (labels: Record<string, string>, line: string) => string;

export class TemplateUnsupported extends Error {}
export class TemplateInvalid extends Error {}

const title = (s: string) => s.replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());

function printf(format: string, ...args: unknown[]): string {
  let i = 0;
  return format.replace(/%([%sdvq])/g, (_m, verb: string) => {
    if (verb === "%") return "%";
    const a = args[i++];
    if (verb === "q") return JSON.stringify(String(a));
    return String(a);
  });
}

const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
  upper: (s) => String(s).toUpperCase(),
  lower: (s) => String(s).toLowerCase(),
  ToUpper: (s) => String(s).toUpperCase(),
  ToLower: (s) => String(s).toLowerCase(),
  title: (s) => title(String(s)),
  TrimSpace: (s) => String(s).trim(),
  trim: (s) => String(s).trim(),
  trimPrefix: (p, s) => (String(s).startsWith(String(p)) ? String(s).slice(String(p).length) : String(s)),
  trimSuffix: (p, s) => (String(s).endsWith(String(p)) ? String(s).slice(0, -String(p).length) : String(s)),
  TrimPrefix: (s, p) => (String(s).startsWith(String(p)) ? String(s).slice(String(p).length) : String(s)),
  TrimSuffix: (s, p) => (String(s).endsWith(String(p)) ? String(s).slice(0, -String(p).length) : String(s)),
  contains: (sub, s) => String(s).includes(String(sub)),
  hasPrefix: (p, s) => String(s).startsWith(String(p)),
  hasSuffix: (p, s) => String(s).endsWith(String(p)),
  replace: (old, neu, s) => String(s).split(String(old)).join(String(neu)),
  default: (d, v) => (v === undefined || v === "" ? d : v),
  printf: (f, ...args) => printf(String(f), ...args),
  len: (s) => String(s).length,
};

/** Functions of Loki's template engine (pkg/logql/log/fmt.go and Go's builtins) this replay lacks. */
const LOKI_FUNCTIONS = new Set(
  (
    "Replace Trim TrimLeft TrimRight substr trunc indent nindent repeat trimAll int float64 add sub mul div addf subf mulf divf mod max min maxf minf ceil floor round fromJson " +
    "date toDate now unixEpoch unixEpochMillis unixEpochNanos unixToTime toDateInZone alignLeft alignRight regexReplaceAll regexReplaceAllLiteral count urlencode urldecode " +
    "b64enc b64dec bytes duration duration_seconds print println index eq ne lt le gt ge and or not html js urlquery slice call __timestamp__"
  ).split(" "),
);

type Arg = (labels: Record<string, string>, line: string) => unknown;

function tokenize(action: string): string[] {
  const tokens: string[] = [];
  const re = /\s*("(?:[^"\\]|\\.)*"|`[^`]*`|\||\.[A-Za-z0-9_]*|[A-Za-z_][A-Za-z0-9_]*|-?\d+(?:\.\d+)?|\S)/y;
  let m: RegExpExecArray | null;
  while ((m = re.exec(action)) !== null) tokens.push(m[1]);
  if (action.slice(re.lastIndex).trim() !== "" && tokens.join("").length === 0) throw new TemplateInvalid(`bad action ${action}`);
  return tokens;
}

function operand(token: string): Arg {
  if (token.startsWith('"') || token.startsWith("`")) {
    const s = unquote(token);
    return () => s;
  }
  if (token === ".") throw new TemplateUnsupported("the template dot {{.}}");
  if (token.startsWith(".")) {
    const name = token.slice(1);
    return (labels) => labels[name] ?? "";
  }
  if (/^-?\d/.test(token)) {
    const n = Number(token);
    return () => n;
  }
  if (token === "__line__") return (_l, line) => line;
  throw new TemplateInvalid(`unexpected ${token}`);
}

function command(tokens: string[], piped: Arg | undefined): Arg {
  const [head, ...rest] = tokens;
  if (head === undefined) throw new TemplateInvalid("missing value for command");
  if (/^[A-Za-z_]/.test(head) && head !== "__line__") {
    const fn = FUNCTIONS[head];
    if (!fn) {
      if (LOKI_FUNCTIONS.has(head)) throw new TemplateUnsupported(`the template function ${head}`);
      throw new TemplateInvalid(`function "${head}" not defined`);
    }
    const args = rest.map(operand);
    if (piped) args.push(piped);
    return (labels, line) => fn(...args.map((a) => a(labels, line)));
  }
  if (rest.length > 0 || piped) throw new TemplateInvalid(`can't give argument to non-function ${head}`);
  return operand(head);
}

export function compileTemplate(text: string): Template {
  const parts: Array<string | Arg> = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("{{", i);
    if (open < 0) {
      parts.push(text.slice(i));
      break;
    }
    let literal = text.slice(i, open);
    const close = text.indexOf("}}", open + 2);
    if (close < 0) throw new TemplateInvalid("unclosed action");
    let action = text.slice(open + 2, close);
    let next = close + 2;
    if (action.startsWith("- ")) {
      literal = literal.trimEnd();
      action = action.slice(1);
    }
    if (action.endsWith(" -")) {
      action = action.slice(0, -1);
      while (next < text.length && /\s/.test(text[next])) next++;
    }
    parts.push(literal);
    const tokens = tokenize(action);
    if (tokens.some((t) => /^(if|range|with|define|template|block|end|else)$/.test(t)))
      throw new TemplateUnsupported(`the template action {{${action}}}`);
    let arg: Arg | undefined;
    let current: string[] = [];
    for (const t of [...tokens, "|"]) {
      if (t === "|") {
        arg = command(current, arg);
        current = [];
      } else current.push(t);
    }
    parts.push(arg!);
    i = next;
  }
  return (labels, line) => parts.map((p) => (typeof p === "string" ? p : String(p(labels, line)))).join("");
}
