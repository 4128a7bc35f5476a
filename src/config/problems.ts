import type { z } from "zod";
import { InvalidDefinitionError } from "./errors";
import {
  GRAFANA_URL_KEY,
  plaintextCredentialProblems,
  PROJECT,
  SECRET_KEYS,
  type SecretSource,
  shownKeyPart,
  unknownKeyProblems,
} from "./keys";
import { ENCRYPTED_EMAIL_STANDIN, ENCRYPTED_PLACEHOLDER, ENCRYPTED_URL_STANDIN, redact, Secret } from "./secret";
import { invisibleCharacter, NUMBER_MESSAGE } from "./values";

/**
 * From stack config to one line per problem: full key names (`pizza-observability:thresholds.cpu.percent`),
 * the walks over every value (invisible characters, URL credentials, nested Pulumi secrets), Pulumi's
 * JSON-encoded objects decoded, and a schema's issues described without echoing a secret.
 * The schema itself (src/config/schema.ts) is data and one cross-field validator.
 */

/** Full stack config key of a schema path: grafanaUrl -> grafana:url, ["datasources","loki"] -> pizza-observability:datasources.loki */
function configKey(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  const key = head === "grafanaUrl" ? GRAFANA_URL_KEY : `${PROJECT}:${head}`;
  return rest.length ? `${key}.${rest.map(shownKeyPart).join(".")}` : key;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((v, k) => (v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined), input);
}

function shownValue(value: unknown): string {
  const text = redact(JSON.stringify(value) ?? String(value));
  // A 200 KB value is named by its length, not printed.
  return text.length > 120 ? `${text.slice(0, 100)}... (${text.length} characters)` : text;
}

function describeIssue(input: unknown, issue: z.core.$ZodIssue): string[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((k) => `${configKey([...issue.path, k])}: unknown key (check its spelling against docs/configuration.md)`);
  }
  const value = valueAt(input, issue.path);
  if (value === undefined) return [`${configKey(issue.path)}: is required${issue.code === "custom" ? ` (${issue.message})` : ""}`];
  const isSecret = (SECRET_KEYS as readonly PropertyKey[]).includes(issue.path[0]);
  // A whole object (a mute timing) is named by its key, not printed.
  const shown = isSecret || (value !== null && typeof value === "object" && issue.code === "custom") ? "" : ` (got ${shownValue(value)})`;
  const message = issue.code === "invalid_type" && issue.expected === "number" ? NUMBER_MESSAGE : issue.message;
  return [`${configKey(issue.path)}: ${message}${shown}`];
}

/**
 * Control and invisible characters (NUL, escape, zero-width, bidi overrides) in any text value:
 * invisible in review, and refused or misread by Grafana, Loki and Alertmanager. One line per key.
 */
function invisibleProblems(value: unknown, path: PropertyKey[]): Array<{ key: string; line: string }> {
  if (typeof value === "string") {
    const found = invisibleCharacter(value);
    if (!found) return [];
    const code = parseInt(found.slice(2), 16);
    const what =
      found === "U+000A" || found === "U+000D"
        ? `a line break (${found}); expected a single line without newlines`
        : code >= 0xd800 && code <= 0xdfff
          ? `a lone UTF-16 surrogate (${found}), half of a character; expected valid Unicode text`
          : `the control or invisible character ${found}; expected visible text`;
    return [{ key: configKey(path), line: `${configKey(path)}: contains ${what}` }];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => invisibleProblems(v, [...path, i]));
  if (value !== null && typeof value === "object" && !(value instanceof Secret))
    return Object.entries(value).flatMap(([k, v]) => invisibleProblems(v, [...path, k]));
  return [];
}

/** Keys render reads through a nested Pulumi secret, and the stand-in it renders in their place. */
const SECRET_STANDINS = new Map([
  [`${PROJECT}:syntheticMonitoring.url`, ENCRYPTED_URL_STANDIN],
  [`${PROJECT}:alerting.runbookBaseUrl`, ENCRYPTED_URL_STANDIN],
  [`${PROJECT}:contacts.teamEmail`, ENCRYPTED_EMAIL_STANDIN],
  [`${PROJECT}:contacts.observabilityEmail`, ENCRYPTED_EMAIL_STANDIN],
]);

/**
 * `secure:` values inside object keys. Render (no decryption) puts a stand-in in place of a secret URL
 * or contact address and refuses any other, which it would need in clear to render; `pulumi up` sees
 * decrypted values, where render's placeholder text is refused like a credential key's.
 */
function nestedSecretProblems(input: Record<string, unknown>, secrets: SecretSource | undefined): Array<{ key: string; line: string }> {
  const problems: Array<{ key: string; line: string }> = [];
  const visit = (
    value: unknown,
    path: PropertyKey[],
    parent: Record<PropertyKey, unknown> | unknown[] | undefined,
    key: PropertyKey | undefined,
  ) => {
    if (value === ENCRYPTED_PLACEHOLDER && path.length > 1) {
      const full = configKey(path);
      if (secrets?.decrypted)
        problems.push({
          key: full,
          line: `${full}: holds the text ${JSON.stringify(ENCRYPTED_PLACEHOLDER)}, render's stand-in for ciphertext, not a value`,
        });
      else if (SECRET_STANDINS.has(full) && parent && key !== undefined)
        (parent as Record<PropertyKey, unknown>)[key] = SECRET_STANDINS.get(full);
      else
        problems.push({
          key: full,
          line: `${full}: is stored as a Pulumi secret, which render cannot decrypt; only ${[...SECRET_STANDINS.keys()].join(", ")} and the credential keys render from a secret: store this value in plain text`,
        });
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i], value, i));
    else if (value !== null && typeof value === "object" && !(value instanceof Secret))
      Object.entries(value).forEach(([k, v]) => visit(v, [...path, k], value as Record<PropertyKey, unknown>, k));
  };
  for (const [k, v] of Object.entries(input)) if (!(SECRET_KEYS as readonly string[]).includes(k)) visit(v, [k], undefined, undefined);
  return problems;
}

/** Text values outside the secret keys that carry URL credentials (`user:password@`, in any spelling redact() knows). */
function credentialProblems(value: unknown, path: PropertyKey[]): Array<{ key: string; line: string }> {
  if (path.length === 1 && (SECRET_KEYS as readonly PropertyKey[]).includes(path[0])) return [];
  if (typeof value === "string") {
    return redact(value) !== value
      ? [
          {
            key: configKey(path),
            line: `${configKey(path)}: contains URL credentials (user:password@); it is deployed in plain text, so keep credentials in the secret keys`,
          },
        ]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => credentialProblems(v, [...path, i]));
  if (value !== null && typeof value === "object" && !(value instanceof Secret))
    return Object.entries(value).flatMap(([k, v]) => credentialProblems(v, [...path, k]));
  return [];
}

/** Pulumi hands structured values over as JSON text; stack files (read by render) as objects. */
function decode(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return value;
  try {
    return JSON.parse(trimmed);
  } catch {
    return value;
  }
}

/**
 * Validates stack config given as full keys (`pizza-observability:datasources`, `grafana:url`) with
 * `schema`, whose top-level keys are `grafanaUrl` and this project's keys, and returns it with defaults
 * applied, or throws an InvalidDefinitionError listing one line per problem. With `secrets`,
 * credential keys must be Pulumi secrets.
 */
export function validateStackConfig<S extends z.ZodObject>(schema: S, raw: Record<string, unknown>, secrets?: SecretSource): z.output<S> {
  const projectKeys = Object.keys(schema.shape).filter((k) => k !== "grafanaUrl");
  const keyProblems = [...unknownKeyProblems(raw, projectKeys), ...(secrets ? plaintextCredentialProblems(raw, secrets) : [])];

  const input: Record<string, unknown> = { grafanaUrl: raw[GRAFANA_URL_KEY] };
  for (const key of projectKeys) {
    const value = raw[`${PROJECT}:${key}`];
    if (value !== undefined) input[key] = decode(value);
  }
  const nested = nestedSecretProblems(input, secrets);

  const result = schema.safeParse(input);
  const invisible = invisibleProblems(input, []);
  const named = new Set([...invisible, ...nested].map((p) => p.key));
  // One line per key: its first problem (a value refused by its grammar is not also reported for its length).
  const issues = result.success
    ? []
    : result.error.issues.filter((i) => !named.has(configKey(i.path)) && (named.add(configKey(i.path)), true));
  for (const i of issues) if (i.code === "unrecognized_keys") i.keys.forEach((k) => named.add(configKey([...i.path, k])));
  // Credentials anywhere else than a secret key would be deployed and rendered in plain text.
  const credentials = credentialProblems(input, []).filter((p) => !named.has(p.key));
  const problems = [
    ...keyProblems,
    ...nested.map((p) => p.line),
    ...invisible.map((p) => p.line),
    ...issues.flatMap((i) => describeIssue(input, i)),
    ...credentials.map((p) => p.line),
  ];
  if (problems.length > 0 || !result.success) throw new InvalidDefinitionError("stack configuration", problems);
  return result.data;
}
