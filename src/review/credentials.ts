import { createHash } from "node:crypto";
import { readStackYaml } from "../config/stack-yaml";
import type { Change } from "./changes";

/**
 * Credential changes between two versions of a stack file. Rendered files show every credential as
 * [REDACTED], so a re-set credential is only visible in the stack file's ciphertext: compared here by
 * digest, and reported by key only. Neither ciphertext nor digest is ever printed.
 */

function digest(ciphertext: string): string {
  return createHash("sha256").update(ciphertext).digest("hex");
}

/** Config key path -> digest of its `secure:` ciphertext, for every secret in a stack file's YAML. */
export function credentialDigests(stackFileText: string): Map<string, string> {
  // Read as Pulumi reads it (yaml.v3); a parse error names a line, never quotes it.
  const doc = readStackYaml(stackFileText) as { config?: Record<string, unknown> } | null;
  const out = new Map<string, string>();
  const walk = (value: unknown, path: string) => {
    if (value === null || typeof value !== "object") return;
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0][0] === "secure" && typeof entries[0][1] === "string") {
      out.set(path, digest(entries[0][1]));
      return;
    }
    for (const [k, v] of entries) walk(v, Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k);
  };
  walk(doc?.config ?? {}, "");
  return out;
}

export function credentialChanges(before: Map<string, string>, after: Map<string, string>): Change[] {
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  return keys.flatMap((key): Change[] => {
    const [a, b] = [before.get(key), after.get(key)];
    if (a === b) return [];
    const subject = `credential ${key}`;
    if (!a) return [{ mark: "+", subject, summary: "set (value not shown)", fields: [] }];
    if (!b) return [{ mark: "-", subject, fields: [] }];
    return [{ mark: "~", subject, fields: [{ field: "value", before: "(not shown)", after: "changed (not shown)" }] }];
  });
}
