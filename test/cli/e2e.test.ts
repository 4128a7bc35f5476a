import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { E2E_CHECKS, planCheck } from "../../src/cli/engines/checks";
import { engines, supplyOf } from "../../src/cli/engines/pins";
import { main } from "../../src/cli/e2e";
import { runMain } from "../support/cli";
import { standIn } from "../support/stand-in";

const ROOT = resolve(__dirname, "../..");
const all = engines(ROOT);
const check = (file: string) => E2E_CHECKS.find((c) => c.file === file)!;
const LOKI_CHECK = "test/e2e/logql-differential.e2e.ts";
const version = (name: string) => all.find((e) => e.name === name)!.version;
const LOKI = `loki ${version("loki")}`;
const HOST = `pulumi-language-nodejs ${version("pulumi-language-nodejs")}`;

/** An empty engine cache and no *_BIN variable: a new machine. */
function newMachine(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, PIZZA_ENGINES_DIR: mkdtempSync(join(tmpdir(), "e2e-empty-cache-")) };
}

describe("npm run e2e's plan: a by-hand engine's absence skips, out loud; a registry engine's fails", () => {
  it("skips the LogQL check where Loki is absent, in one line naming the check, the engine and docs/engines.md", () => {
    expect(planCheck(check(LOKI_CHECK), all, newMachine())).toMatchObject({
      outcome: "skip",
      line: `skipped: logql-differential (the replay's LogQL against a real Loki) needs ${LOKI}, not present (docs/engines.md)`,
    });
  });

  it("fails it instead when the job requires Loki (PIZZA_E2E_REQUIRE), with the line saying how to get it", () => {
    const plan = planCheck(check(LOKI_CHECK), all, { ...newMachine(), PIZZA_E2E_REQUIRE: "loki" });
    expect(plan).toMatchObject({ outcome: "fail" });
    expect((plan as { line: string }).line).toMatch(/^loki v3\.7\.6: not in the cache: .*LOKI_BIN/);
  });

  it("fails a check whose registry engine is missing, never skips it", () => {
    const plan = planCheck(check("test/e2e/backtest-agreement.e2e.ts"), all, { ...newMachine(), PROMETHEUS: "/nonexistent/prometheus" });
    expect(plan).toMatchObject({ outcome: "fail", line: "prometheus: PROMETHEUS=/nonexistent/prometheus is not an executable file" });
  });

  it("runs a check with the binaries it found", () => {
    const env = newMachine();
    const loki = standIn(join(env.PIZZA_ENGINES_DIR!, "mine", "loki"), "loki, version 3.7.6 (branch: x)");
    expect(planCheck(check(LOKI_CHECK), all, { ...env, LOKI_BIN: loki })).toEqual({
      check: check(LOKI_CHECK),
      outcome: "run",
      binaries: { loki },
    });
  });

  it("lists exactly the files in test/e2e, and every file needing a by-hand engine asks its plan", () => {
    const files = readdirSync(join(ROOT, "test", "e2e"))
      .filter((f) => f.endsWith(".e2e.ts"))
      .map((f) => `test/e2e/${f}`);
    expect(E2E_CHECKS.map((c) => c.file).sort()).toEqual(files.sort());
    for (const c of E2E_CHECKS.filter((x) => x.needs.some((n) => supplyOf(all.find((e) => e.name === n)!) === "by hand")))
      expect(readFileSync(join(ROOT, c.file), "utf8"), c.file).toContain("engineCheck(__filename)");
  });
});

describe("npm run e2e's command line", () => {
  const noVitest = async () => 0;

  it("prints one skipped: line per check a new machine cannot run (after npm run engines built the Pulumi CLI), then runs the rest", async () => {
    let ranWith: NodeJS.ProcessEnv | undefined;
    const env = newMachine();
    env.PULUMI_BIN = standIn(join(env.PIZZA_ENGINES_DIR!, "built", "pulumi"), version("pulumi"));
    const r = await runMain((argv, io) => main(argv, io, async (_files, e) => ((ranWith = e), 0)), [], { env });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toEqual([
      `skipped: logql-differential (the replay's LogQL against a real Loki) needs ${LOKI}, not present (docs/engines.md)`,
      `skipped: pulumi-engine (the program in the real Pulumi engine) needs ${HOST}, not present (docs/engines.md)`,
      `skipped: local-stack (Loki and Prometheus started for real) needs ${LOKI}, not present (docs/engines.md)`,
    ]);
    expect(ranWith?.PIZZA_E2E_RUNNER).toBe("1");
  });

  it("prints only the skips of the files it was given", async () => {
    const r = await runMain((argv, io) => main(argv, io, noVitest), ["test/e2e/local-stack.e2e.ts"], { env: newMachine() });
    expect(r.stdout.trim()).toBe(
      `skipped: local-stack (Loki and Prometheus started for real) needs ${LOKI}, not present (docs/engines.md)`,
    );
  });

  it("turns --require and --record into required engines, merged with PIZZA_E2E_REQUIRE", async () => {
    let env: NodeJS.ProcessEnv = {};
    const r = await runMain(
      (argv, io) => main(argv, io, async (_f, e) => ((env = e), 1)),
      ["--require", "pulumi-language-nodejs", "--record"],
      { env: newMachine() },
    );
    expect(r.code).toBe(1);
    expect(env.PIZZA_E2E_REQUIRE?.split(",").sort()).toEqual(["loki", "pulumi-language-nodejs"]);
    expect(env.PIZZA_E2E_RECORD).toBe("1");
    expect(r.stdout).not.toContain("skipped: logql-differential");
  });

  it("refuses an engine that is not built by hand, exit 2, naming it", async () => {
    const r = await runMain((argv, io) => main(argv, io, noVitest), ["--require", "grafana"], { env: newMachine() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--require: "grafana" is not a by-hand engine (pulumi-language-nodejs, loki)');
  });

  it("answers --help from its option table", async () => {
    const r = await runMain((argv, io) => main(argv, io, noVitest), ["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--require ENGINE,...");
    expect(r.stdout).toContain("--record");
  });
});
