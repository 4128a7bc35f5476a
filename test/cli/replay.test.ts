import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/schema";
import { EXPORT_MANIFEST, fixtureJson, parseFixture, readFixtureFile } from "../../src/replay/fixtures/file";
import { keptFixtures } from "../support/fixtures";
import { main, replayCommand, type ReplayVerdict } from "../../src/cli/replay";
import { runMain, runScript } from "../support/cli";
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
const transient = keptFixtures(cfg, [0]).find((f) => f.name === "transient-500")!;

/** `npm run replay -- <args>` through the CLI's entry point, in this process. */
async function cli(args: string[]) {
  const run = await runMain(main, args);
  return { status: run.code, stdout: run.stdout, stderr: run.stderr };
}

/** The one spawned run: `npm run replay` as a real process. */
function spawned(args: string[]) {
  return runScript("replay", args);
}

describe("npm run replay -- --fixture FILE", () => {
  const dir = tmp();
  const passing = join(dir, "quiet.json");
  writeFileSync(passing, fixtureJson(transient));
  const failing = join(dir, "wants-a-page.json");
  writeFileSync(
    failing,
    fixtureJson({
      ...transient,
      name: "wants-a-page",
      incident: { startSeconds: 1220, endSeconds: 1230, what: "one failed order", pageWorthy: true },
      expect: { pageWithinSeconds: 60, maxEpisodes: 1 },
    }),
  );

  it("a fixture whose expectation fails: the report names it and the failed expectation, and the process exits non-zero", async () => {
    const verdictFile = join(dir, "verdict.json");
    const run = await replayCommand(["--fixture", passing, "--fixture", failing, "--cross-check", "--verdict", verdictFile]);
    expect(run.failed).toBe(true);
    // The machine-readable verdict the pull-request workflow reads, whatever lines the report ends with.
    const verdict = JSON.parse(readFileSync(verdictFile, "utf8")) as ReplayVerdict;
    expect(verdict).toMatchObject({
      format: "pizza-observability/replay-verdict@1",
      passed: false,
      summary: "1 of 2 fixtures FAILED: wants-a-page",
      fixtures: 2,
      failedFixtures: [
        {
          name: "wants-a-page",
          failures: expect.arrayContaining([expect.stringMatching(/^pageWithinSeconds 60: on-call was never notified/)]),
        },
      ],
      promtool: { crossChecked: true, disagreeing: [] },
    });
    expect(verdict.promtool.checked).toBeGreaterThan(0);
    expect(verdict.promtool.agree).toBe(verdict.promtool.checked);
    expect(verdict.scenarios.map((r) => [r.scenario, r.pass])).toEqual([
      ["transient-500", true],
      ["wants-a-page", false],
    ]);
    expect(run.output).toContain("wants-a-page: A single transient 500");
    expect(run.output).toMatch(/pageWithinSeconds 60: on-call was never notified/);
    expect(run.output).toMatch(/incident NOT DETECTED/);
    // Times into the fixture read as offsets from its start, not as clock times.
    expect(run.output).toMatch(/\n {2}incident from \+20m20s to \+20m30s of [0-9]+m: one failed order \(page-worthy\)\n/);
    expect(run.output).toMatch(/1 of 2 fixtures FAILED: wants-a-page/);
    const proc = spawned(["--fixture", failing]);
    expect(proc.code).toBe(1);
    expect(proc.stdout).toContain("FAIL");
    expect(proc.stderr).toContain("replay: 1/1 fixtures (wants-a-page)");
  }, 120_000);

  it("a fixture whose expectations hold exits 0; --format markdown prints the same report as markdown", async () => {
    const proc = await cli(["--fixture", passing, "--format", "markdown"]);
    expect(proc.status, proc.stderr).toBe(0);
    expect(proc.stdout).toContain("### transient-500: A single transient 500");
    expect(proc.stdout).toContain("| scenario | expected | time to notify |");
    expect(proc.stdout).toContain("**PASS**");
  }, 120_000);

  it("--verdict refuses, before replaying, a path inside a source folder or an existing file that is not a verdict", async () => {
    for (const [path, problem] of [
      ["src/verdict.json", /--verdict: .* is inside src\/; expected a file of its own/],
      ["package.json", /--verdict: .*package\.json exists and is not an earlier output of this command; refusing to overwrite it/],
    ] as const) {
      const run = await cli(["--fixture", passing, "--verdict", path]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(problem);
      expect(run.stderr).not.toContain("replay: 1/1");
    }
  });

  it("an invalid incident file is refused before anything is replayed, naming the field", async () => {
    const bad = join(dir, "bad.json");
    const json = JSON.parse(fixtureJson(transient)) as { logs: Array<{ ts: unknown }>; expect: unknown };
    json.logs[3].ts = "soon";
    json.expect = { pageWithinSeconds: 60, noPages: true };
    writeFileSync(bad, JSON.stringify(json));
    const proc = await cli(["--fixture", passing, "--fixture", bad]);
    expect(proc.status).toBe(2);
    expect(proc.stderr).toContain(`Invalid incident file ${bad}`);
    expect(proc.stderr).toMatch(/logs\[3\]\.ts: /);
    expect(proc.stderr).toMatch(/expect: .*noPages/);
    expect(proc.stdout).toBe("");
    expect(() => parseFixture(JSON.stringify({ ...json, logs: [], series: [{ metric: "x", labels: {}, values: [1] }] }), "f.json")).toThrow(
      /series\[0\]\.values: expected 241 values/,
    );
  }, 120_000);

  it("a misspelt flag or format is a usage error (exit 2)", async () => {
    expect((await cli(["--fixtures", passing])).status).toBe(2);
    expect((await cli(["--format", "html"])).status).toBe(2);
    const docs = await cli(["--fixture", passing, "--write-docs"]);
    expect(docs.status).toBe(2);
    expect(docs.stderr).toContain("--write-docs writes the built-in scenarios");
  }, 120_000);

  it("--export DIR writes every built-in scenario as an incident file that reads back identically", async () => {
    const out = tmp();
    const run = await replayCommand(["--export", out]);
    expect(run.failed).toBe(false);
    const files = readdirSync(out).sort();
    expect(files).toEqual(
      [
        EXPORT_MANIFEST,
        ...SCENARIOS.flatMap((s) => (s.variantSeeds ?? [s.seed]).map((seed, i) => `${s.name}${i === 0 ? "" : `.seed${seed}`}.json`)),
      ].sort(),
    );
    const back = readFixtureFile(join(out, "deploy-restart-logged.json"));
    expect(back).toEqual(keptFixtures(cfg, [0]).find((f) => f.name === "deploy-restart-logged"));
    expect(back.expect).toEqual({ noPage: true, maxEpisodes: 1 });
  });
});
