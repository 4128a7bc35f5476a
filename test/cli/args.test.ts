import { describe, expect, it } from "vitest";
import { HelpRequested, parseCommandLine, UsageError } from "../../src/cli/args";
import { BACKTEST, main as backtestMain } from "../../src/cli/backtest";
import { DIFF, main as diffMain } from "../../src/cli/diff";
import { main as renderMain, RENDER } from "../../src/cli/render";
import { main as replayMain, REPLAY } from "../../src/cli/replay";
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

describe.each([
  ["render", renderMain, RENDER],
  ["diff", diffMain, DIFF],
  ["replay", replayMain, REPLAY],
  ["backtest", backtestMain, BACKTEST],
] as const)("npm run %s -- --help", (name, main, command) => {
  it("prints the usage and every option of the command's table with its explanation and an example, and exits 0", async () => {
    for (const flag of ["--help", "-h"]) {
      const run = await runMain(main, [flag]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe("");
      expect(run.stdout.startsWith(`${command.usage}\n\n${command.about}\n`)).toBe(true);
      expect(run.stdout).toContain(`usage: npm run ${name}`);
      const options: Record<string, { argument?: string; explanation: string; example: string }> = command.options;
      expect(Object.keys(options).length).toBeGreaterThan(1);
      for (const [option, row] of Object.entries(options)) {
        expect(run.stdout, option).toContain(`--${option}${row.argument ? ` ${row.argument}` : ""}  `);
        expect(run.stdout, option).toContain(row.explanation);
        expect(run.stdout, option).toContain(`e.g. ${row.example}`);
        expect(row.example, option).toMatch(new RegExp(`^npm run ${name} -- .*--${option}\\b`));
      }
    }
  });
});
