import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROMTOOL_CACHE_ENV, testRulesAsync } from "../../src/replay/promtool";

/** A promtool stand-in that counts its runs and names the file it was asked about. */
function countingPromtool(dir: string): { binary: string; runs: () => number } {
  const binary = join(dir, "promtool");
  const count = join(dir, "runs");
  writeFileSync(count, "");
  writeFileSync(binary, `#!/bin/sh\necho run >> '${count}'\necho "Unit Testing:  $3"\necho "  FAILED:"\nexit 1\n`, { mode: 0o755 });
  return { binary, runs: () => readFileSync(count, "utf8").split("\n").filter(Boolean).length };
}

/** A test file as the replay writes it (a comment line, then JSON) naming one rule file. */
function question(dir: string, name: string, rules: string, ruleText: string): string {
  const ruleFile = join(dir, rules);
  writeFileSync(ruleFile, ruleText);
  const file = join(dir, name);
  writeFileSync(file, `# Generated\n${JSON.stringify({ rule_files: [ruleFile], evaluation_interval: "10s", tests: [] }, null, 2)}\n`);
  return file;
}

describe("promtool's answers within one test run (PIZZA_PROMTOOL_CACHE_DIR)", () => {
  const dir = mkdtempSync(join(tmpdir(), "promtool-answers-"));
  const { binary, runs } = countingPromtool(dir);
  const env = { [PROMTOOL_CACHE_ENV]: join(dir, "answers") };
  const groups = "groups: []\n";

  it("answers the same question (tests and rule files' content, wherever they are) once, naming each asking file", async () => {
    const first = await testRulesAsync(question(dir, "a.test.yml", "a.rules.yml", groups), binary, env);
    const again = await testRulesAsync(join(dir, "a.test.yml"), binary, env);
    const elsewhere = question(dir, "b.test.yml", "b.rules.yml", groups);
    const moved = await testRulesAsync(elsewhere, binary, env);
    expect(runs()).toBe(1);
    expect(first).toEqual({ status: 1, output: `Unit Testing:  ${join(dir, "a.test.yml")}\n  FAILED:\n` });
    expect(again).toEqual(first);
    expect(moved).toEqual({ status: 1, output: `Unit Testing:  ${elsewhere}\n  FAILED:\n` });
  });

  it("asks promtool again when a rule file's content differs, and every time without the variable", async () => {
    const before = runs();
    await testRulesAsync(question(dir, "c.test.yml", "c.rules.yml", "groups: [{name: x, rules: []}]\n"), binary, env);
    expect(runs()).toBe(before + 1);
    await testRulesAsync(join(dir, "a.test.yml"), binary, {});
    await testRulesAsync(join(dir, "a.test.yml"), binary, {});
    expect(runs()).toBe(before + 3);
  });
});
