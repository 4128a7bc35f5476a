import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { renderStack } from "../../src/cli/render";
import { EXAMPLE_STACK_FILE, outputFolderProblem, REPO_ROOT, RENDERED_DIR, safeFileName, SAFE_FILE_NAME } from "../../src/config/paths";
import { listFiles, writeArtifacts } from "../../src/emit/files/artifacts";
import { EXPORT_MANIFEST, fixtureJson, parseFixture, writeFixtureFiles } from "../../src/replay/fixtures/file";
import { keptFixtures } from "../support/fixtures";
import { parseConfig } from "../../src/config/schema";
import { exampleConfig } from "../support/stack";

/** Names that become paths, and output folders: nothing is written outside the folder it belongs in. */

const R = (p: string) => join(REPO_ROOT, p);
const linkToSrc = () => {
  const dir = mkdtempSync(join(tmpdir(), "link-"));
  symlinkSync(R("src"), join(dir, "src-link"));
  return join(dir, "src-link", "out");
};

const OUTPUT_FOLDERS: Array<[string, () => string, string, "render" | "replay", RegExp]> = [
  ["render --out / is refused", () => "/", "--out", "render", /file system root/],
  ["render --out at the repository root is refused", () => REPO_ROOT, "--out", "render", /repository root/],
  [
    "render --out at the folder holding the repository is refused",
    () => dirname(REPO_ROOT),
    "--out",
    "render",
    /repository root or holds it/,
  ],
  ["render --out src is refused", () => R("src"), "--out", "render", /source folder src\//],
  ["render --out inside src is refused", () => R("src/cli/out"), "--out", "render", /source folder src\//],
  ["render --out test/fixtures is refused", () => R("test/fixtures"), "--out", "render", /source folder test\//],
  ["render --out alerts is refused", () => R("alerts"), "--out", "render", /source folder alerts\//],
  ["render --out docs is refused", () => R("docs"), "--out", "render", /source folder docs\//],
  ["render --out runbooks is refused", () => R("runbooks"), "--out", "render", /source folder runbooks\//],
  ["render --out node_modules/x is refused", () => R("node_modules/x"), "--out", "render", /source folder node_modules\//],
  ["render --out .git is refused", () => R(".git"), "--out", "render", /source folder \.git\//],
  ["render --out .github/workflows is refused", () => R(".github/workflows"), "--out", "render", /source folder \.github\//],
  ["render --out rendered/alerting is refused", () => join(RENDERED_DIR, "alerting"), "--out", "render", /inside rendered\//],
  [
    "render --out rendered/alerting/nested is refused",
    () => join(RENDERED_DIR, "alerting", "nested"),
    "--out",
    "render",
    /inside rendered\//,
  ],
  ["render --out through a symbolic link into src is refused", linkToSrc, "--out", "render", /source folder src\//],
  ["replay --export rendered is refused", () => RENDERED_DIR, "--export", "replay", /render's output folder/],
  ["replay --export inside rendered is refused", () => join(RENDERED_DIR, "fixtures"), "--export", "replay", /render's output folder/],
  ["replay --export src is refused", () => R("src"), "--export", "replay", /source folder src\//],
  ["replay --export / is refused", () => "/", "--export", "replay", /file system root/],
  ["replay --export at the repository root is refused", () => REPO_ROOT, "--export", "replay", /repository root/],
  ["replay --keep src is refused", () => R("src"), "--keep", "replay", /source folder src\//],
  ["replay --keep test is refused", () => R("test"), "--keep", "replay", /source folder test\//],
  [
    "render --out with a folder name over 255 bytes is refused",
    () => join(tmpdir(), "a".repeat(300), "out"),
    "--out",
    "render",
    /longer than 255 bytes/,
  ],
  [
    "replay --export with a path over 4000 bytes is refused",
    () => join(tmpdir(), ...Array.from({ length: 40 }, () => "b".repeat(120))),
    "--export",
    "replay",
    /longer than 4000 bytes/,
  ],
  ["replay --keep with a NUL is refused", () => join(tmpdir(), "a\u0000b"), "--keep", "replay", /NUL/],
  ["replay --keep rendered/prometheus is refused", () => join(RENDERED_DIR, "prometheus"), "--keep", "replay", /render's output folder/],
];

describe("output folders", () => {
  it.each(OUTPUT_FOLDERS)("%s", (_, dir, flag, owner, reason) => {
    const problem = outputFolderProblem(dir(), flag, owner);
    expect(problem).toMatch(new RegExp(`^${flag}: `));
    expect(problem).toMatch(reason);
    expect(problem!.split("\n")).toHaveLength(1);
  });

  it("rendered/ itself and a fresh folder elsewhere are fine", () => {
    expect(outputFolderProblem(RENDERED_DIR, "--out", "render")).toBeUndefined();
    expect(outputFolderProblem(join(tmpdir(), "x", "out"), "--out", "render")).toBeUndefined();
    expect(outputFolderProblem(join(tmpdir(), "x", "export"), "--export", "replay")).toBeUndefined();
  });

  it("writeArtifacts refuses src/ before writing anything, naming --out", () => {
    expect(() => writeArtifacts(R("src/x"), new Map([["alerting/a.yaml", "x"]]))).toThrow(/--out: .*source folder src\//);
    expect(existsSync(R("src/x"))).toBe(false);
    expect(existsSync(R("src/x.render-lock"))).toBe(false);
  });
});

describe("replay --export never overwrites a file it did not write", () => {
  const cfg = parseConfig(exampleConfig());
  const fixtures = keptFixtures(cfg, [0]).slice(0, 2);

  it("a user's file of the same name is refused, and left as it was", () => {
    const dir = mkdtempSync(join(tmpdir(), "export-"));
    const mine = join(dir, `${fixtures[0].name}.json`);
    writeFileSync(mine, "my own notes\n");
    expect(() => writeFixtureFiles(fixtures, dir)).toThrow(
      new RegExp(`--export: .*${fixtures[0].name}\\.json exists and was not written by an earlier export`),
    );
    expect(readFileSync(mine, "utf8")).toBe("my own notes\n");
    expect(existsSync(join(dir, `${fixtures[1].name}.json`))).toBe(false);
  });

  it("a second export into its own folder replaces its own files", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "export-")), "out");
    writeFixtureFiles(fixtures, dir);
    const first = statSync(join(dir, `${fixtures[0].name}.json`)).mtimeMs;
    expect(writeFixtureFiles(fixtures, dir)).toHaveLength(2);
    expect(statSync(join(dir, `${fixtures[0].name}.json`)).mtimeMs).toBeGreaterThanOrEqual(first);
    expect(JSON.parse(readFileSync(join(dir, EXPORT_MANIFEST), "utf8"))).toEqual(fixtures.map((f) => `${f.name}.json`).sort());
  });

  it("a forged export list that is not a list is refused", () => {
    const dir = mkdtempSync(join(tmpdir(), "export-"));
    writeFileSync(join(dir, EXPORT_MANIFEST), "{}");
    expect(() => writeFixtureFiles(fixtures, dir)).toThrow(/is not an export list this command wrote/);
  });

  it("a fixture whose name is not a file name is refused naming it", () => {
    const dir = mkdtempSync(join(tmpdir(), "export-"));
    expect(() => writeFixtureFiles([{ ...fixtures[0], name: "../escape" }], dir)).toThrow(
      /--export: fixture name "\.\.\/escape" is not a safe file name/,
    );
    expect(existsSync(join(dirname(dir), "escape.json"))).toBe(false);
  });
});

const FIXTURE_NAMES: Array<[string, string]> = [
  ["a fixture name with a slash is refused", "a/b"],
  ["a fixture name going up is refused", "../x"],
  ["a hidden fixture name is refused", ".hidden"],
  ["a fixture name of 101 characters is refused", "f".repeat(101)],
  ["a fixture name with a NUL is refused", "a\u0000b"],
];

describe("incident file names", () => {
  const base = JSON.parse(fixtureJson(keptFixtures(parseConfig(exampleConfig()), [0])[0])) as Record<string, unknown>;
  it.each(FIXTURE_NAMES)("%s", (_, name) => {
    expect(() => parseFixture(JSON.stringify({ ...base, name }), "f.json")).toThrow(/Invalid incident file f\.json:\n {2}name: /);
  });
});

describe("syntheticMonitoring.job becomes a safe file name", () => {
  const JOBS: Array<[string, string]> = [
    ["a job going up to package.json stays in the output folder", "../../package"],
    ["a job with a slash (a legal label value) is one file", "pizza/api"],
    ["a job of two dots", ".."],
    ["a job of one dot", "."],
    ["a job starting with a dash", "-rf"],
    ["a job with a colon", "pizza:api"],
    ["a job with spaces", "pizza api health"],
    ["a job of 128 characters, the longest Synthetic Monitoring takes", "j".repeat(128)],
    ["a hidden job", ".hidden"],
  ];
  it.each(JOBS)("%s", (_, job) => {
    const dir = mkdtempSync(join(tmpdir(), "job-"));
    const doc = parse(readFileSync(EXAMPLE_STACK_FILE, "utf8")) as { config: Record<string, Record<string, unknown>> };
    doc.config["pizza-observability:syntheticMonitoring"].job = job;
    const file = join(dir, "Pulumi.job.yaml");
    writeFileSync(file, stringify(doc, { version: "1.1" }));
    const before = readFileSync(R("package.json"), "utf8");
    const out = join(dir, "nested", "out");
    renderStack(file, out);
    const files = listFiles(out).filter((f) => f.startsWith("synthetic-monitoring/"));
    expect(files).toHaveLength(1);
    const name = files[0].slice("synthetic-monitoring/".length, -".json".length);
    expect(name).toMatch(SAFE_FILE_NAME);
    expect(name).toBe(safeFileName(job));
    expect(JSON.parse(readFileSync(join(out, files[0]), "utf8")).job).toBe(job);
    expect(readFileSync(R("package.json"), "utf8")).toBe(before);
    expect(listFiles(dir).filter((f) => !f.startsWith("nested/out/"))).toEqual(["Pulumi.job.yaml"]);
  });

  it("two jobs that differ only in unsafe characters map to two names", () => {
    expect(safeFileName("pizza/api")).not.toBe(safeFileName("pizza:api"));
    expect(safeFileName("pizza-api-health")).toBe("pizza-api-health");
  });

  it("a render into a folder that exists under a file name is refused naming --out", () => {
    const dir = mkdtempSync(join(tmpdir(), "out-file-"));
    const out = join(dir, "out");
    writeFileSync(out, "x");
    expect(() => renderStack(EXAMPLE_STACK_FILE, out)).toThrow(/--out: .*is not a directory/);
    mkdirSync(join(dir, "ok"));
  });
});
