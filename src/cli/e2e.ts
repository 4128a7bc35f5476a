import "./load-errors";
import { spawn } from "node:child_process";
import { relative, resolve } from "node:path";
import { defineCommand, parseCommandLine, processIO, runAsProcess, runCommand, UsageError, type CliIO, EXIT_CODES } from "./args";
import { E2E_CHECKS, engineNames, planCheck, REQUIRE_ENV, requiredOf } from "./engines/checks";
import { engines, supplyOf } from "./engines/pins";

const ROOT = resolve(__dirname, "..", "..");

export const E2E = defineCommand({
  usage: "usage: npm run e2e [-- [--require ENGINE,...] [--record] [FILE...]]",
  about: `The checks against the real engines (docs/engines.md), run by vitest (vitest.e2e.config.mts): the replay's
LogQL against Loki, the program in the Pulumi engine, the local stack, and the long promtool and Prometheus runs.
A check whose by-hand engine (loki, pulumi-language-nodejs) is absent is skipped with one skipped: line, unless
the engine is required; a check whose registry engine is absent fails.`,
  positionals: { min: 0, max: 50, shown: "[FILE...]", explanation: "Run only these e2e files (paths as vitest takes them)." },
  exitCodes: {
    ...EXIT_CODES,
    0: "every check that ran passed (each skip printed its line)",
    1: "a check failed, or an engine it needs is missing and not skippable",
  },
  options: {
    require: {
      type: "string",
      multiple: true,
      argument: "ENGINE,...",
      explanation: `By-hand engines this machine must have: a check that needs a missing one fails instead of being skipped (also ${REQUIRE_ENV}=loki,pulumi-language-nodejs, for CI jobs that have them).`,
      example: "npm run e2e -- --require loki,pulumi-language-nodejs",
    },
    record: {
      type: "boolean",
      explanation:
        "Write what Loki answered into recorded/loki-answers.json.gz (which npm test checks the replay against on every machine); requires loki.",
      example: "npm run e2e -- --record test/e2e/logql-differential.e2e.ts",
    },
  },
});

const BY_HAND = () =>
  engines(ROOT)
    .filter((e) => supplyOf(e) === "by hand")
    .map((e) => e.name);

/** The run's environment: the required engines (flag and variable together), recording, and that the runner printed the plan. */
export function e2eEnvironment(argv: string[], env: NodeJS.ProcessEnv): { env: NodeJS.ProcessEnv; files: string[] } {
  const { values, positionals } = parseCommandLine(argv, E2E);
  const required = new Set([...requiredOf(env), ...engineNames(values.require ?? [])]);
  if (values.record) required.add("loki");
  const known = BY_HAND();
  const unknown = [...required].find((r) => !known.includes(r));
  if (unknown !== undefined)
    throw new UsageError(`--require: "${unknown.slice(0, 60)}" is not a by-hand engine (${known.join(", ")})`, E2E.usage);
  return {
    env: {
      ...env,
      [REQUIRE_ENV]: [...required].join(","),
      PIZZA_E2E_RUNNER: "1",
      ...(values.record ? { PIZZA_E2E_RECORD: "1" } : {}),
    },
    files: positionals,
  };
}

/** The skipped: line of every check that will not run, for the files the run covers. */
export function skipLines(env: NodeJS.ProcessEnv, files: string[]): string[] {
  // vitest's filters: a file runs when its path contains one of them.
  const covered = (file: string) => files.length === 0 || files.some((f) => file.includes(relative(ROOT, resolve(ROOT, f))));
  const all = engines(ROOT);
  return E2E_CHECKS.filter((c) => covered(c.file)).flatMap((c) => {
    const plan = planCheck(c, all, env);
    return plan.outcome === "skip" ? [plan.line] : [];
  });
}

function vitest(files: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [resolve(ROOT, "node_modules", "vitest", "vitest.mjs"), "run", "--config", resolve(ROOT, "vitest.e2e.config.mts"), ...files],
      { cwd: ROOT, env, stdio: "inherit" },
    );
    child.on("close", (code) => done(code ?? 1));
  });
}

/** `npm run e2e`: prints a skipped: line per check that cannot run here, then runs vitest; its exit code. */
export function main(argv: string[], io: CliIO = processIO(), run = vitest): Promise<number> {
  return runCommand(
    "e2e",
    async () => {
      const { env, files } = e2eEnvironment(argv, io.env);
      for (const line of skipLines(env, files)) io.stdout(`${line}\n`);
      return run(files, env);
    },
    io,
  );
}

if (require.main === module) runAsProcess(main);
