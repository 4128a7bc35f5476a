import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { SecretSource } from "./keys";
import { ENCRYPTED_PLACEHOLDER } from "./secret";

function isSecure(value: unknown): boolean {
  return value !== null && typeof value === "object" && Object.keys(value).length === 1 && "secure" in value;
}

function withoutCiphertext(value: unknown): unknown {
  if (isSecure(value)) return ENCRYPTED_PLACEHOLDER;
  if (Array.isArray(value)) return value.map(withoutCiphertext);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutCiphertext(v)]));
  }
  return value;
}

export interface StackFile {
  /** The `config:` map, keyed by full config key, with ENCRYPTED_PLACEHOLDER for each `secure:` value. */
  config: Record<string, unknown>;
  /** Which keys the file holds as `secure:` ciphertext (set with `pulumi config set --secret`). */
  secrets: SecretSource;
}

/** A Pulumi stack file (Pulumi.<stack>.yaml), read without its encryption key. */
export function readStack(path: string): StackFile {
  return parseStack(readFileSync(path, "utf8"));
}

/** A stack file's text (e.g. as committed at a git ref), read without its encryption key. */
export function parseStack(text: string): StackFile {
  const doc = parse(text) as { config?: Record<string, unknown> } | null;
  const raw = doc?.config ?? {};
  const secure = new Set(Object.keys(raw).filter((k) => isSecure(raw[k])));
  return { config: withoutCiphertext(raw) as Record<string, unknown>, secrets: { isSecret: (key) => secure.has(key), decrypted: false } };
}

/** The `config:` map of a Pulumi stack file (Pulumi.<stack>.yaml), keyed by full config key. */
export function readStackFile(path: string): Record<string, unknown> {
  return readStack(path).config;
}
