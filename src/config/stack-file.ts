import { readFileSync } from "node:fs";
import { parse } from "yaml";
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

/** The `config:` map of a Pulumi stack file (Pulumi.<stack>.yaml), keyed by full config key. */
export function readStackFile(path: string): Record<string, unknown> {
  const doc = parse(readFileSync(path, "utf8")) as { config?: Record<string, unknown> } | null;
  return withoutCiphertext(doc?.config ?? {}) as Record<string, unknown>;
}
