import { closeSync, fstatSync, openSync, readSync, constants } from "node:fs";
import { InvalidDefinitionError } from "./errors";
import type { SecretSource } from "./keys";
import { ENCRYPTED_PLACEHOLDER } from "./secret";
import { readStackYamlTopLevel, YamlReadError } from "./stack-yaml";

/** A stack file larger than this is refused: Pulumi stack files are a few KiB. */
export const MAX_STACK_FILE_BYTES = 1024 * 1024;

function isSecure(value: unknown): value is { secure: string } {
  return (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { secure?: unknown }).secure === "string"
  );
}

/** Replaces each nested `secure:` value with ENCRYPTED_PLACEHOLDER, recording its dotted path. */
function withoutCiphertext(value: unknown, path: string, secured: string[]): unknown {
  if (isSecure(value)) {
    secured.push(path);
    return ENCRYPTED_PLACEHOLDER;
  }
  if (Array.isArray(value)) return value.map((v, i) => withoutCiphertext(v, `${path}.${i}`, secured));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutCiphertext(v, `${path}.${k}`, secured)]));
  }
  return value;
}

/** Pulumi JSON-encodes object values (`json.Marshal`), which refuses NaN and infinities. */
function nonJsonPath(value: unknown, path: string): string | undefined {
  if (typeof value === "number" && !Number.isFinite(value)) return path;
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const found = nonJsonPath(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return undefined;
}

export interface StackFile {
  /** The `config:` map, keyed by full config key, with ENCRYPTED_PLACEHOLDER for each `secure:` value. */
  config: Record<string, unknown>;
  /** Which keys the file holds as `secure:` ciphertext (set with `pulumi config set --secret`, with `--path` for nested ones). */
  secrets: SecretSource;
  /** Dotted paths (`pizza-observability:syntheticMonitoring.url`) of the `secure:` values inside object keys. */
  nestedSecrets: string[];
}

function fail(path: string, problem: string): never {
  throw new InvalidDefinitionError("stack configuration", [`${path}: ${problem}`]);
}

/**
 * A stack file's text: a regular file of at most MAX_STACK_FILE_BYTES. A named pipe or device is
 * refused before it is read (reading one could block forever).
 */
export function readStackText(path: string): string {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO without a writer would otherwise block before it can be refused.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(
      path,
      code === "ENOENT"
        ? "no such file"
        : code === "EACCES"
          ? "cannot be read (permission denied)"
          : code === "ENAMETOOLONG"
            ? "file name too long"
            : `cannot be read (${code ?? "error"})`,
    );
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) fail(path, "is a folder, expected a stack file such as Pulumi.<stack>.yaml");
    if (!stat.isFile()) fail(path, "is not a regular file (a named pipe or device is never read)");
    if (stat.size > MAX_STACK_FILE_BYTES) fail(path, `is ${stat.size} bytes; stack files are read up to ${MAX_STACK_FILE_BYTES} bytes`);
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

/** A stack file's text, read as Pulumi reads it (yaml.v3; see stack-yaml.ts), without its encryption key. */
export function parseStack(text: string, path: string): StackFile {
  let read;
  try {
    read = readStackYamlTopLevel(text);
  } catch (e) {
    if (e instanceof YamlReadError) fail(path, e.message);
    throw e;
  }
  const doc = read.root;
  if (doc !== null && (typeof doc !== "object" || Array.isArray(doc))) fail(path, "expected a map with a config: key");
  const rawConfig = (doc as { config?: unknown } | null)?.config ?? {};
  if (rawConfig === null || typeof rawConfig !== "object" || Array.isArray(rawConfig))
    fail(`${path}: config`, "expected a map of config keys");
  const config: Record<string, unknown> = {};
  const secure = new Set<string>();
  const nested: string[] = [];
  for (const [key, value] of Object.entries(rawConfig as Record<string, unknown>)) {
    if (isSecure(value)) {
      secure.add(key);
      config[key] = ENCRYPTED_PLACEHOLDER;
      continue;
    }
    const bad = nonJsonPath(value, key);
    if (bad) fail(bad, "NaN or an infinity, which Pulumi cannot store (it JSON-encodes config values)");
    const text = read.topLevelText(key);
    if (text !== undefined) {
      config[key] = text;
      continue;
    }
    const secured: string[] = [];
    config[key] = withoutCiphertext(value, key, secured);
    if (secured.length > 0) {
      // Pulumi marks the whole key secret when any value inside it is (config/value.go hasSecureValue).
      secure.add(key);
      nested.push(...secured);
    }
  }
  return { config, secrets: { isSecret: (key) => secure.has(key), decrypted: false, nested }, nestedSecrets: nested };
}

/** A Pulumi stack file (Pulumi.<stack>.yaml), read without its encryption key. */
export function readStack(path: string): StackFile {
  return parseStack(readStackText(path), path);
}

/** The `config:` map of a Pulumi stack file (Pulumi.<stack>.yaml), keyed by full config key. */
export function readStackFile(path: string): Record<string, unknown> {
  return readStack(path).config;
}
