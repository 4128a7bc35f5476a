import { parseStack } from "../config/stack-file";
import type { Change } from "./changes";

/**
 * What a change to a stack file changes in its configuration, key by key (`pizza-observability:thresholds.cpu.percent:
 * 80 -> 90`), so a pull request that edits only a stack file names what it set beside the behaviour it changes.
 * Credentials (`secure:` values) are left to the credential section, which never shows them.
 */

const isObject = (v: unknown) => v !== null && typeof v === "object";

/** Leaves by path: objects by key, lists of objects by index (`routing.muteTimings[0].routes`); lists of values are leaves. */
function leaves(value: unknown, path: string, secure: boolean, out: Map<string, string>): void {
  if (Array.isArray(value) && value.some(isObject)) {
    value.forEach((v, i) => leaves(v, `${path}[${i}]`, secure, out));
    return;
  }
  if (isObject(value) && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as object)) leaves(v, `${path}.${k}`, secure, out);
    return;
  }
  if (!secure) out.set(path, JSON.stringify(value));
}

function settings(text: string): Map<string, string> {
  const { config, secrets } = parseStack(text, "the stack file");
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(config)) leaves(value, key, secrets.isSecret(key), out);
  return out;
}

/** Key-level changes between two versions of a stack file's text; values not set show as `(default)`. */
export function configChanges(before: string, after: string): Change[] {
  const [a, b] = [settings(before), settings(after)];
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  return keys.flatMap((key): Change[] => {
    const [x, y] = [a.get(key), b.get(key)];
    if (x === y) return [];
    const subject = `config ${key}`;
    return [
      {
        mark: x === undefined ? "+" : y === undefined ? "-" : "~",
        subject,
        fields: [{ field: "value", before: x ?? "(default)", after: y ?? "(default)" }],
      },
    ];
  });
}
