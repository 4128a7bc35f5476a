import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { testRulesAsync } from "../../src/emit/promtool";
import { keptAnswers } from "./promtool-answers";

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

describe("promtool's answers kept within one test run (test machinery: test/support/promtool-answers.ts)", () => {
  const dir = mkdtempSync(join(tmpdir(), "promtool-answers-"));
  const { binary, runs } = countingPromtool(dir);
  const answer = keptAnswers(join(dir, "answers"));
  const groups = "groups: []\n";

  it("answers the same question (tests and rule files' content, wherever they are) once, naming each asking file", async () => {
    const first = await answer(question(dir, "a.test.yml", "a.rules.yml", groups), binary);
    const again = await answer(join(dir, "a.test.yml"), binary);
    const elsewhere = question(dir, "b.test.yml", "b.rules.yml", groups);
    const moved = await answer(elsewhere, binary);
    expect(runs()).toBe(1);
    expect(first).toEqual({ status: 1, output: `Unit Testing:  ${join(dir, "a.test.yml")}\n  FAILED:\n` });
    expect(again).toEqual(first);
    expect(moved).toEqual({ status: 1, output: `Unit Testing:  ${elsewhere}\n  FAILED:\n` });
  });

  it("asks promtool again when a rule file's content differs", async () => {
    const before = runs();
    await answer(question(dir, "c.test.yml", "c.rules.yml", "groups: [{name: x, rules: []}]\n"), binary);
    expect(runs()).toBe(before + 1);
  });

  it("is what the product's testRulesAsync uses in this test run (installed by the vitest setup file)", async () => {
    const other = mkdtempSync(join(tmpdir(), "promtool-answers-installed-"));
    const counting = countingPromtool(other);
    const file = question(other, "d.test.yml", "d.rules.yml", "groups: [{name: installed, rules: []}]\n");
    await testRulesAsync(file, counting.binary);
    await testRulesAsync(file, counting.binary);
    expect(counting.runs()).toBe(1);
  });
});
