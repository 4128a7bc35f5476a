import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/paths";
import { parseConfig } from "../../src/config/schema";
import { EXPORT_MANIFEST, fixtureJson, parseFixture, readFixtureFile } from "../../src/replay/fixtures/file";
import { stackFixtures } from "../../src/replay/run";
import { replayCommand } from "../../src/cli/replay";
import { SCENARIOS } from "../../src/replay/fixtures";
import { exampleConfig } from "../support/stack";

const cfg = parseConfig(exampleConfig());
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "replay-cli-"));
  temps.push(d);
  return d;
};
const transient = stackFixtures(cfg, [0]).find((f) => f.name === "transient-500")!;

function cli(args: string[]) {
  return spawnSync("npx", ["tsx", "src/cli/replay.ts", ...args], { cwd: REPO_ROOT, encoding: "utf8" });
}

describe("npm run replay -- --fixture FILE", () => {
  const dir = tmp();
  const passing = join(dir, "quiet.json");
  writeFileSync(passing, fixtureJson(transient));
  const failing = join(dir, "wants-a-page.json");
  writeFileSync(
    failing,
    fixtureJson({ ...transient, name: "wants-a-page", incident: { startSeconds: 1220, endSeconds: 1230, what: "one failed order", pageWorthy: true }, expect: { pageWithinSeconds: 60, maxEpisodes: 1 } }),
  );

  it("a fixture whose expectation fails: the report names it and the failed expectation, and the process exits non-zero", () => {
    const run = replayCommand(["--fixture", passing, "--fixture", failing]);
    expect(run.failed).toBe(true);
    expect(run.output).toContain("wants-a-page: A single transient 500");
    expect(run.output).toMatch(/pageWithinSeconds 60: on-call was never notified/);
    expect(run.output).toMatch(/incident NOT DETECTED/);
    expect(run.output).toMatch(/1 of 2 fixtures FAILED: wants-a-page/);
    const proc = cli(["--fixture", failing]);
    expect(proc.status).toBe(1);
    expect(proc.stdout).toContain("FAIL");
  }, 120_000);

  it("a fixture whose expectations hold exits 0; --format markdown prints the same report as markdown", () => {
    const proc = cli(["--fixture", passing, "--format", "markdown"]);
    expect(proc.status, proc.stderr).toBe(0);
    expect(proc.stdout).toContain("### transient-500: A single transient 500");
    expect(proc.stdout).toContain("| scenario | expected | time to notify |");
    expect(proc.stdout).toContain("**PASS**");
  }, 120_000);

  it("an invalid incident file is refused before anything is replayed, naming the field", () => {
    const bad = join(dir, "bad.json");
    const json = JSON.parse(fixtureJson(transient)) as { logs: Array<{ ts: unknown }>; expect: unknown };
    json.logs[3].ts = "soon";
    json.expect = { pageWithinSeconds: 60, noPages: true };
    writeFileSync(bad, JSON.stringify(json));
    const proc = cli(["--fixture", passing, "--fixture", bad]);
    expect(proc.status).toBe(2);
    expect(proc.stderr).toContain(`Invalid incident file ${bad}`);
    expect(proc.stderr).toMatch(/logs\[3\]\.ts: /);
    expect(proc.stderr).toMatch(/expect: .*noPages/);
    expect(proc.stdout).toBe("");
    expect(() => parseFixture(JSON.stringify({ ...json, logs: [], series: [{ metric: "x", labels: {}, values: [1] }] }), "f.json")).toThrow(/series\[0\]\.values: expected 241 values/);
  }, 120_000);

  it("a misspelt flag or format is a usage error (exit 2)", () => {
    expect(cli(["--fixtures", passing]).status).toBe(2);
    expect(cli(["--format", "html"]).status).toBe(2);
  }, 120_000);

  it("--export DIR writes every built-in scenario as an incident file that reads back identically", () => {
    const out = tmp();
    const run = replayCommand(["--export", out]);
    expect(run.failed).toBe(false);
    const files = readdirSync(out).sort();
    expect(files).toEqual([EXPORT_MANIFEST, ...SCENARIOS.flatMap((s) => (s.variantSeeds ?? [s.seed]).map((seed, i) => `${s.name}${i === 0 ? "" : `.seed${seed}`}.json`))].sort());
    const back = readFixtureFile(join(out, "deploy-restart-logged.json"));
    expect(back).toEqual(stackFixtures(cfg, [0]).find((f) => f.name === "deploy-restart-logged"));
    expect(back.expect).toEqual({ noPage: true, maxEpisodes: 1 });
  });
});
