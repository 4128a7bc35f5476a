import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HelpRequested, parseCommandLine, UsageError, type CommandSpec, type OptionTable } from "../../src/cli/args";
import { REPO_ROOT } from "../../src/config/paths";
import { runMain } from "../support/cli";

const spec = {
  usage: "usage: x [--stack-file F] <ref>",
  about: "Does x.",
  options: {
    "stack-file": {
      type: "string" as const,
      default: "P.yaml",
      argument: "F",
      explanation: "The stack file.",
      example: "x --stack-file Q.yaml main",
    },
  },
  positionals: { min: 1, max: 1, shown: "<ref>", explanation: "A ref." },
};

describe("parseCommandLine", () => {
  it("reads flags and positionals, with defaults", () => {
    expect(parseCommandLine(["main"], spec).values["stack-file"]).toBe("P.yaml");
    const parsed = parseCommandLine(["--stack-file", "Q.yaml", "main"], spec);
    expect([parsed.values["stack-file"], parsed.positionals]).toEqual(["Q.yaml", ["main"]]);
  });

  it.each([
    [["--stack-fle", "Q.yaml", "main"], "--stack-fle"],
    [["main", "--stack-file"], "--stack-file"],
    [[], "expected 1 argument(s), got 0"],
    [["a", "b"], "expected 1 argument(s), got 2"],
  ])("refuses %j naming the problem, with the usage", (argv, named) => {
    let error: unknown;
    try {
      parseCommandLine(argv, spec);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(named);
    expect((error as Error).message).toContain(spec.usage);
  });

  it("--help and -h ask for the help generated from the option table, even without the required argument", () => {
    for (const flag of ["--help", "-h"]) {
      let error: unknown;
      try {
        parseCommandLine([flag], spec);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(HelpRequested);
      const help = (error as HelpRequested).help;
      expect(help.split("\n").slice(0, 3)).toEqual([spec.usage, "", "Does x."]);
      expect(help).toMatch(/^ {2}<ref> +A ref\.$/m);
      expect(help).toMatch(/^ {2}--stack-file F +The stack file\. \(default: P\.yaml\)$/m);
      expect(help).toMatch(/^ +e\.g\. x --stack-file Q\.yaml main$/m);
      expect(help).toMatch(/^ {2}-h, --help +Show this help and exit\.$/m);
    }
  });
});

/** Every npm script that runs a command of src/cli/, with the module it runs. */
const COMMANDS = Object.entries(
  (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts,
).flatMap(([name, command]) => {
  const file = /^node --require tsx\/cjs (src\/cli\/[\w-]+\.ts)$/.exec(command)?.[1];
  return file ? [[name, file] as const] : [];
});

describe("every command keeps the one CLI contract", () => {
  it("covers the commands (render, diff, replay, backtest, docs, engines, e2e, local-stack at least)", () => {
    expect(COMMANDS.map(([name]) => name)).toEqual(
      expect.arrayContaining(["render", "diff", "replay", "backtest", "docs", "engines", "e2e", "local-stack"]),
    );
  });

  describe.each(COMMANDS)("npm run %s", (name, file) => {
    it("has an in-process main(argv, io), runs it only as a process, and answers --help from its option table with its exit codes, exit 0", async () => {
      const source = readFileSync(join(REPO_ROOT, file), "utf8");
      expect(source).toContain("if (require.main === module) runAsProcess(main);");
      const module = (await import(join(REPO_ROOT, file))) as Record<string, unknown>;
      const command = Object.values(module).find(
        (v): v is CommandSpec<OptionTable> => typeof v === "object" && v !== null && "usage" in v && "options" in v,
      )!;
      expect(command, `${file} exports its command spec`).toBeDefined();
      for (const flag of ["--help", "-h"]) {
        const run = await runMain(module.main as Parameters<typeof runMain>[0], [flag]);
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).toBe("");
        expect(run.stdout.startsWith(`${command.usage}\n\n${command.about}\n`)).toBe(true);
        expect(run.stdout).toContain(`usage: npm run ${name}`);
        expect(run.stdout).toMatch(/\nexit codes:\n {2}0 {2}.+\n {2}1 {2}.+\n {2}2 {2}.+\n$/);
        for (const [option, row] of Object.entries(command.options)) {
          expect(run.stdout, option).toContain(`--${option}${row.argument ? ` ${row.argument}` : ""}  `);
          expect(run.stdout, option).toContain(row.explanation);
          expect(run.stdout, option).toContain(`e.g. ${row.example}`);
          expect(row.example, option).toMatch(new RegExp(`^npm run ${name} -- .*--${option}\\b`));
        }
      }
    });

    it("refuses an unknown flag with exit 2 and its usage", async () => {
      const module = (await import(join(REPO_ROOT, file))) as { main: Parameters<typeof runMain>[0] };
      const run = await runMain(module.main, ["--no-such-flag"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^[\w-]+: Unknown option '--no-such-flag'/);
    });
  });
});
