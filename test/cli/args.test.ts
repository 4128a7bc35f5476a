import { describe, expect, it } from "vitest";
import { parseCommandLine, UsageError } from "../../src/cli/args";

const spec = { usage: "usage: x [--stack-file F] <ref>", options: { "stack-file": { type: "string" as const, default: "P.yaml" } }, positionals: { min: 1, max: 1 } };

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
});
