import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InvalidDefinitionError } from "../../src/config/errors";
import { ENCRYPTED_PLACEHOLDER } from "../../src/config/secret";
import { REPO_ROOT } from "../../src/config/paths";
import { parseStack } from "../../src/config/stack-file";

/**
 * The recorded answers of Pulumi's own stack-file loader (fixtures/pulumi-stack-reader.json, see
 * fixtures/README.md) decide what a stack file means: the project's reader gives each key the value
 * Pulumi hands the program, marks the same keys secret, and refuses every file Pulumi refuses.
 */

interface Recorded {
  name: string;
  yaml: string;
  pulumi: { error: string } | { config: Record<string, string>; secure: string[] };
}
const RECORDED: { recordedWith: string; cases: Recorded[] } = JSON.parse(
  readFileSync(join(__dirname, "fixtures", "pulumi-stack-reader.json"), "utf8"),
);
/** The Pulumi this project drives (package-lock.json): the recording must come from its loader. */
const PULUMI_VERSION: string = JSON.parse(readFileSync(join(REPO_ROOT, "package-lock.json"), "utf8")).packages[
  "node_modules/@pulumi/pulumi"
].version;

/**
 * Files Pulumi reads although they are ambiguous: refused here, naming the key and why. Two
 * spellings of one key are silently one for Pulumi (the later wins); a timestamp with an offset
 * becomes text that depends on the time zone of the machine running Pulumi.
 */
const REFUSED_HERE: Record<string, RegExp> = {
  "duplicates: 1 and 01 read as one key":
    /line 4, column 5: pizza-observability:o\.1 is given twice, spelt two ways that both read as "1" \(first at line 3\)/,
  "duplicates: true and True read as one key": /pizza-observability:o\.true is given twice, spelt two ways that both read as "true"/,
  "duplicates: ~ and null read as one key": /pizza-observability:o\.<nil> is given twice, spelt two ways/,
  "plain 2001-12-14t21:59:43.10-05:00: a timestamp with an offset": /line 3, column 8: a timestamp with a UTC offset/,
};

/** Pulumi's value of a key as the project holds it: objects decoded, ciphertext replaced by render's stand-in. */
function asHeld(value: string, secure: boolean, object: boolean): unknown {
  if (!object) return secure ? ENCRYPTED_PLACEHOLDER : value;
  const replace = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(replace);
    if (v !== null && typeof v === "object") {
      const entries = Object.entries(v);
      if (entries.length === 1 && entries[0][0] === "secure") return ENCRYPTED_PLACEHOLDER;
      return Object.fromEntries(entries.map(([k, x]) => [k, replace(x)]));
    }
    return v;
  };
  return replace(JSON.parse(value));
}

function problems(text: string): string[] {
  try {
    parseStack(text, "Pulumi.case.yaml");
  } catch (e) {
    if (e instanceof InvalidDefinitionError) return e.problems;
    throw e;
  }
  return [];
}

describe(`stack files, as the loader of Pulumi v${PULUMI_VERSION} (package-lock.json) read them`, () => {
  it("the recording is of that version and covers plain scalars, tags, keys, merges, duplicates, escapes and secrets (over 100 files)", () => {
    // A newer @pulumi/pulumi needs the answers recorded again (fixtures/README.md).
    expect(RECORDED.recordedWith).toContain(
      `LoadProjectStackBytes(nil, project, text, path, encoding.YAML) of github.com/pulumi/pulumi/sdk/v3 v${PULUMI_VERSION} `,
    );
    expect(RECORDED.cases.length).toBeGreaterThan(100);
    expect(new Set(RECORDED.cases.map((c) => c.name)).size).toBe(RECORDED.cases.length);
    for (const name of Object.keys(REFUSED_HERE)) expect(RECORDED.cases.some((c) => c.name === name)).toBe(true);
  });

  it.each(RECORDED.cases.map((c) => [c.name, c] as const))("%s", (name, c) => {
    const refusedHere = REFUSED_HERE[name];
    if ("error" in c.pulumi || refusedHere) {
      const lines = problems(c.yaml);
      // One line, naming the file and where in it (or the key); a key given twice is named, never its value.
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^(Pulumi\.case\.yaml: line \d+, column \d+|pizza-observability:[^ ]+): /);
      if (refusedHere) expect(lines[0]).toMatch(refusedHere);
      const duplicate = "error" in c.pulumi ? /mapping key "(.*)" already defined/.exec(c.pulumi.error) : null;
      if (duplicate) expect(lines[0]).toMatch(/is given twice\b.*keep one$/);
      expect(lines[0]).not.toMatch(/AAAA|BBBB/);
      return;
    }
    const { config, secrets } = parseStack(c.yaml, "Pulumi.case.yaml");
    const secure = new Set(c.pulumi.secure);
    expect(Object.keys(config).sort()).toEqual(Object.keys(c.pulumi.config).sort());
    for (const [key, value] of Object.entries(c.pulumi.config)) {
      const object = config[key] !== null && typeof config[key] === "object";
      expect(config[key], key).toEqual(asHeld(value, secure.has(key), object));
      expect(secrets.isSecret(key), `${key} secret`).toBe(secure.has(key));
    }
  });
});
