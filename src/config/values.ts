import { RE2JS } from "re2js";
import { z } from "zod";
import { durationSeconds, parseDuration } from "./durations";
import { redact } from "./secret";

/**
 * Value grammars of the stack config, each as strict as the system that finally reads the value
 * (Prometheus, Loki, Grafana templating, Go's RE2), so that a value those would reject or
 * misread fails here, naming its key, before anything is rendered or deployed.
 */

/** Only plain decimal text is read as a number: "0x3c", " 60 " and "6e1" are not numbers here. */
const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;
export const NUMBER_MESSAGE = "expected a number written in plain decimal, such as 60 or 99.5";

/**
 * `pulumi config set --path` stores integers as numbers but decimals (99.5, 0.95) as text, and
 * stack files may quote either: decimal text is read as the number it spells.
 */
export function numeric<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === "string" && DECIMAL.test(v) ? Number(v) : v), schema);
}

/** The longest window a query may look back: Loki's default `max_query_length` is 721h. */
export const MAX_WINDOW = "30d";
const MAX_WINDOW_MS = durationSeconds(MAX_WINDOW) * 1000;

function durationSchema(zero: "allowed" | "rejected") {
  return z.string().check((ctx) => {
    const r = parseDuration(ctx.value);
    const problem = !r.ok
      ? r.problem
      : zero === "rejected" && r.milliseconds === 0
        ? "expected a window longer than 0 (a window of zero covers no samples)"
        : r.milliseconds % 1000 !== 0
          ? "expected whole seconds (Grafana reads rule windows and pending periods in whole seconds), such as 1s or 90s"
          : r.milliseconds > MAX_WINDOW_MS
            ? `expected at most ${MAX_WINDOW} (Loki's default max_query_length is 721h)`
            : undefined;
    if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
  });
}
/** A query's look-back window: longer than zero. */
export const window = durationSchema("rejected").describe("look-back window of the query, longer than 0");
/** A rule's pending period (`for`): zero means "fire on the first evaluation". */
export const pendingPeriod = durationSchema("allowed").describe(
  "how long the condition must hold before the alert fires (`0s`: at the first evaluation)",
);

export const uid = z.string().regex(/^[a-zA-Z0-9_-]{1,40}$/, "expected a Grafana uid: 1-40 letters, digits, '-' or '_'");

/** Prometheus' and Loki's label name grammar; names starting with `__` are reserved for internal use. */
export const labelName = z
  .string()
  // Loki's default limits_config.max_label_name_length.
  .max(1024, "expected at most 1024 characters (Loki's max_label_name_length)")
  .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "expected a label name such as source (letters, digits, '_')")
  .refine((n) => !n.startsWith("__"), "label names starting with __ are reserved (e.g. __name__ is the metric name)");

export const metricName = z
  .string()
  .regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, "expected a Prometheus metric name such as requests_total")
  .refine((n) => !n.startsWith("__"), "metric names starting with __ are reserved");

/** Grafana expands `{{ ... }}` in rule labels and annotations as Go templates. */
const TEMPLATE = /\{\{|\}\}/;

/**
 * A label value placed in rule labels and inside double-quoted selectors: a quote or backslash
 * would break every query, and `{{` would be expanded by Grafana, so the recorded series' label
 * would no longer match the alerts' selectors.
 */
/** Grafana expands its variables (`$__range`, `${var}`, `[[var]]`) in queries, Loki's included. */
const GRAFANA_VARIABLE = /\$__|\$\{|\[\[/;
const NO_VARIABLE = [
  (v: string) => !GRAFANA_VARIABLE.test(v),
  "must not contain $__, ${ or [[: Grafana expands its variables in the queries this text reaches",
] as const;

export const labelValue = z
  .string()
  // Loki's default limits_config.max_label_value_length.
  .max(2048, "expected at most 2048 characters (Loki's max_label_value_length)")
  .regex(/^[^"\\\n]+$/, 'expected a non-empty label value without ", \\ or newlines')
  .refine((v) => v === v.trim(), "expected no leading or trailing spaces")
  .refine((v) => !TEMPLATE.test(v), "must not contain {{ or }}: Grafana would expand it as a template")
  .refine(...NO_VARIABLE);

/** Text quoted in alert annotations, which Grafana expands as Go templates. */
const NO_TEMPLATE = [
  (v: string) => !TEMPLATE.test(v),
  "must not contain {{ or }}: it is quoted in alert descriptions, which Grafana expands as templates",
] as const;

/** A literal log text; it is regex-escaped where a query needs it, so it cannot widen into `.*`. */
export const literal = z
  .string()
  .max(1024, "expected at most 1024 characters")
  .regex(/^[^\n]+$/, "expected non-empty text without newlines")
  .refine(...NO_TEMPLATE)
  .refine(...NO_VARIABLE);

export const httpUrl = z.url({ protocol: /^https?$/, error: "expected an http(s) URL" });

/** A URL written into alert annotations, which Grafana expands as templates. */
export const templateFreeUrl = httpUrl.refine(...NO_TEMPLATE);

/** A URL deployed in plain text (annotations, check target): `user:password@` in it would be a leaked credential. */
export const plainUrl = templateFreeUrl.refine(
  // Only one problem per key: a URL that is not http(s) at all is reported as such.
  (url) => !(httpUrl.safeParse(url).success && hasUserinfo(url)),
  "expected a URL without credentials: it is deployed in plain text",
);

/** A regular expression as Go's RE2 reads it (Synthetic Monitoring's checks run in Go). */
export const re2Regex = z
  .string()
  .min(1, "expected a regular expression")
  .check((ctx) => {
    try {
      RE2JS.compile(ctx.value);
    } catch (e) {
      ctx.issues.push({
        code: "custom",
        message: `expected a regular expression Go's RE2 accepts: ${(e as Error).message}`,
        input: ctx.value,
      });
    }
  })
  .refine(...NO_TEMPLATE);

/**
 * Whether a URL carries credentials (`user:password@`) in any spelling a URL parser accepts:
 * `https://u:p@h`, `https:u:p@h`, `https:\\u:p@h`, percent-encoded.
 */
export function hasUserinfo(url: string): boolean {
  if (redact(url) !== url) return true;
  try {
    const parsed = new URL(url);
    return parsed.username !== "" || parsed.password !== "";
  } catch {
    return false;
  }
}

/**
 * C0/C1 control characters, format characters (zero-width, bidi overrides, BOM), line/paragraph
 * separators, lone UTF-16 surrogates (half a character, which no UTF-8 file or Go string can hold)
 * and the noncharacters U+FFFE and U+FFFF.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029\uFFFE\uFFFF]/u;

/** The first control or invisible character of `text`, as U+XXXX, or undefined. */
export function invisibleCharacter(text: string): string | undefined {
  const m = INVISIBLE.exec(text);
  return m ? `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` : undefined;
}

/**
 * IANA time zone names exactly as the tz database spells them: Go's time.LoadLocation (Alertmanager,
 * amtool, Grafana) opens the zoneinfo file of that name, so `utc` or `europe/berlin` fail there while
 * Node's Intl accepts them in any case. Returns the problem, or undefined.
 */
export function timeZoneProblem(tz: string): string | undefined {
  let canonical: string;
  try {
    canonical = new Intl.DateTimeFormat("en", { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return "expected an IANA time zone such as Europe/Berlin";
  }
  if (canonical === tz) return undefined;
  if (canonical.toLowerCase() === tz.toLowerCase())
    return `expected the IANA name exactly as spelt, ${canonical} (Alertmanager reads time zones case-sensitively)`;
  // An alias (US/Eastern, Etc/UTC): each part is spelt with a capital or a digit first in the tz database.
  if (!/^[A-Z][A-Za-z0-9_+-]*(\/[A-Z0-9][A-Za-z0-9_+-]*)*$/.test(tz))
    return `expected the IANA name exactly as spelt, such as ${canonical}`;
  return undefined;
}
