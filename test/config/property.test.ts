import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { main, renderStack } from "../../src/cli/render";
import { InvalidDefinitionError } from "../../src/config/errors";
import { EXAMPLE_STACK_FILE, REPO_ROOT } from "../../src/config/paths";
import { listFiles } from "../../src/emit/files/artifacts";
import { FixtureFileError, fixtureJson, parseFixture } from "../../src/replay/fixtures/file";
import { keptFixtures } from "../support/fixtures";
import { parseConfig } from "../../src/config/schema";
import { runMain } from "../support/cli";
import { exampleConfig } from "../support/stack";

/**
 * Property: a stack file generated from the example (the schema's every key) and mutated at random
 * either renders consistently or fails with one line per problem naming a key, never a stack trace,
 * never a write outside the output folder, never a canary secret in any output. Seeds and run
 * counts are fixed so a failure reproduces; they are listed in the closing note.
 */
// PROPERTY_SEED / PROPERTY_RUNS override the stack property's seed and runs for exploratory runs.
export const STACK_SEED = Number(process.env.PROPERTY_SEED ?? 190419);
export const STACK_RUNS = Number(process.env.PROPERTY_RUNS ?? 120);
export const CLI_SEED = 1919;
export const CLI_RUNS = 6;
export const INCIDENT_SEED = 20261204;
export const INCIDENT_RUNS = 300;

const CANARY = "S3CRET";
type Json = Record<string, unknown>;
const example = () => parse(readFileSync(EXAMPLE_STACK_FILE, "utf8")) as { config: Json };

/** Every path to a value in the example's config, as [key, ...path]. */
function leafPaths(value: unknown, path: string[] = []): string[][] {
  if (value !== null && typeof value === "object" && !Array.isArray(value) && !("secure" in (value as Json))) {
    return Object.entries(value as Json).flatMap(([k, v]) => [[...path, k], ...leafPaths(v, [...path, k])]);
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...path, String(i)], ...leafPaths(v, [...path, String(i)])]);
  return [];
}
const PATHS = leafPaths(example().config);

const hostileText = fc.constantFrom(
  `https://bot:${CANARY}@grafana.example.net/`,
  `https:bot:${CANARY}@pizza.example.com/`,
  `https://bot%3A${CANARY}@pizza.example.com/`,
  "../../package",
  "pizza/api",
  "..",
  "",
  " ",
  "utc",
  "sunday:saturday",
  "00:00",
  "24:00",
  "1ms",
  "1500ms",
  "010",
  "yes",
  "general",
  "-100",
  "$__range",
  "{{ $labels.x }}",
  "a\u0000b",
  "a\u200bb",
  "x".repeat(3000),
  "__name__",
  "1:12",
  "-31:-1",
  "https://example.com/runbooks?x=1",
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.string({ maxLength: 40 }),
  fc.integer({ min: -5, max: 200 }),
  fc.constantFrom(0, -1, 1e9, 0.5, 100, 101, 1e-9, 3600),
  fc.boolean(),
  fc.constant(null),
  fc.constant({ secure: `v1:${CANARY}-ciphertext` }),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom("start", "end", "weekdays", "times", "name", "x"), hostileText, { maxKeys: 2 }),
);

type Mutation =
  { kind: "set"; path: string[]; value: unknown } | { kind: "delete"; path: string[] } | { kind: "add"; key: string; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), path: fc.constantFrom(...PATHS), value }),
  fc.record({ kind: fc.constant("delete" as const), path: fc.constantFrom(...PATHS) }),
  fc.record({
    kind: fc.constant("add" as const),
    key: fc.constantFrom("pizza-observability:extra", "grafana:auth", "pizza-observability:heartbeatUrl", "aws:region"),
    value,
  }),
);

function apply(config: Json, m: Mutation): void {
  if (m.kind === "add") {
    config[m.key] = m.value;
    return;
  }
  let node = config as Record<string, unknown>;
  for (const part of m.path.slice(0, -1)) {
    const next = node[part];
    if (next === null || typeof next !== "object") return;
    node = next as Record<string, unknown>;
  }
  const last = m.path.at(-1)!;
  if (m.kind === "delete") delete node[last];
  else node[last] = m.value;
}

/** Every file under `dir`, relative. */
function everything(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

function writeStack(mutations: Mutation[]): { dir: string; file: string; out: string } {
  const doc = example();
  for (const m of mutations) apply(doc.config, m);
  const dir = mkdtempSync(join(tmpdir(), "prop-"));
  const file = join(dir, "Pulumi.prop.yaml");
  writeFileSync(file, stringify(doc, { version: "1.1" }));
  return { dir, file, out: join(dir, "out") };
}

/** A failure's message: a heading, one line per problem naming a key, file or flag, the "unchanged" line. */
function expectProblemLines(message: string): void {
  const lines = message.split("\n");
  expect(lines[0]).toMatch(/^Invalid (stack configuration|definitions|command line):$/);
  expect(lines.at(-1)).toMatch(/^Nothing was rendered; .* is unchanged\.$/);
  const problems = lines.slice(1, -1);
  expect(problems.length).toBeGreaterThan(0);
  for (const line of problems) expect(line).toMatch(/^ {2}[^\s:][^\s]*: \S/);
  expect(message).not.toMatch(/\n\s+at /);
}

describe("property: mutated stack files through render", () => {
  it(`render succeeds consistently or fails naming keys (seed ${STACK_SEED}, ${STACK_RUNS} runs)`, () => {
    const packageJson = readFileSync(join(REPO_ROOT, "package.json"), "utf8");
    let rendered = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const { dir, file, out } = writeStack(mutations);
        try {
          let error: unknown;
          let lines: string[] = [];
          try {
            lines = renderStack(file, out);
          } catch (e) {
            error = e;
          }
          if (error === undefined) {
            rendered++;
            expect(lines.join("\n")).toMatch(/Rendered \d+ files/);
            const files = listFiles(out);
            expect(files.length).toBeGreaterThan(0);
            for (const f of files) expect(readFileSync(join(out, f), "utf8")).not.toContain(CANARY);
            expect(lines.join("\n")).not.toContain(CANARY);
          } else {
            refused++;
            expect(error).toBeInstanceOf(InvalidDefinitionError);
            const message = (error as Error).message;
            expectProblemLines(message);
            expect(message).not.toContain(CANARY);
            expect(listFiles(out)).toEqual([]);
          }
          // Nothing outside the output folder: the temporary folder holds the stack file and out/ only.
          expect(everything(dir).filter((f) => !f.startsWith("out/"))).toEqual(["Pulumi.prop.yaml"]);
          expect(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).toBe(packageJson);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { seed: STACK_SEED, numRuns: STACK_RUNS },
    );
    // Both outcomes were exercised.
    console.log(`stack property: seed ${STACK_SEED}, ${STACK_RUNS} runs: ${rendered} rendered, ${refused} refused`);
    expect(rendered).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, 600_000);

  // Through the CLI's entry point in this process (exit code, stdout, stderr); test/cli/render.test.ts
  // runs it as a real process.
  it(`the render CLI exits 0 or 2, never 1, never a stack trace (seed ${CLI_SEED}, ${CLI_RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const { dir, file, out } = writeStack(mutations);
        try {
          const run = await runMain(main, ["--stack-file", file, "--out", out]);
          expect([0, 2]).toContain(run.code);
          expect(run.stderr).not.toMatch(/\n\s+at /);
          expect(`${run.stdout}${run.stderr}`).not.toContain(CANARY);
          if (run.code === 2) expectProblemLines(run.stderr.trimEnd().replace(/^render: /, ""));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { seed: CLI_SEED, numRuns: CLI_RUNS },
    );
  }, 600_000);
});

describe("property: mutated incident files", () => {
  const base = JSON.parse(fixtureJson(keptFixtures(parseConfig(exampleConfig()), [0]).find((f) => f.name === "factory-5xx")!)) as Json;
  const FIELDS = [
    "name",
    "title",
    "durationSeconds",
    "sampleIntervalSeconds",
    "incident",
    "logs",
    "series",
    "queryErrors",
    "expect",
    "extra",
  ];
  const fieldValue = fc.oneof(
    value,
    fc.constantFrom(1e9, -60, 86400 * 8, 2.5),
    fc.record({
      startSeconds: fc.integer({ min: -10, max: 5000 }),
      endSeconds: fc.integer({ min: -10, max: 5000 }),
      what: fc.constant("x"),
      pageWorthy: fc.boolean(),
    }),
    fc.record({ noPage: fc.boolean(), pageWithinSeconds: fc.integer({ min: 0, max: 600 }) }),
    fc.constant([{ datasource: "loki", startSeconds: 600, endSeconds: 300 }]),
    fc.constant([{ metric: "x", labels: { "bad-name": "v" }, values: [] }]),
  );

  it(`parse succeeds or names each bad field (seed ${INCIDENT_SEED}, ${INCIDENT_RUNS} runs)`, () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...FIELDS), fieldValue, { minKeys: 1, maxKeys: 3 }), (changes) => {
        const f = { ...base, ...changes };
        try {
          parseFixture(JSON.stringify(f), "incident.json");
          accepted++;
        } catch (e) {
          refused++;
          expect(e).toBeInstanceOf(FixtureFileError);
          const lines = (e as Error).message.split("\n");
          expect(lines[0]).toBe("Invalid incident file incident.json:");
          for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}[^\s:]+: \S/);
          expect((e as Error).message).not.toContain(CANARY);
        }
      }),
      { seed: INCIDENT_SEED, numRuns: INCIDENT_RUNS },
    );
    expect(refused).toBeGreaterThan(0);
    expect(accepted + refused).toBe(INCIDENT_RUNS);
  });
});
