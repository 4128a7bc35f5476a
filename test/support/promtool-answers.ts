import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { answerTestRulesWith, promtoolAsync, type PromtoolResult, type TestRulesAnswerer } from "../../src/emit/promtool";

/**
 * Test machinery: promtool's answers kept within one test run. test/support/temp-root.ts points
 * PROMTOOL_ANSWERS_ENV into the run's own temporary folder; each worker (vitest setupFiles) and each
 * command a test spawns (test/support/cli.ts runScript preloads this file) then answers a question
 * asked before in the run (the same rules over the same fixture, e.g. a built stack and the same
 * stack read back from its rendered files) from that folder instead of running promtool again.
 * The product always runs promtool (src/emit/promtool.ts).
 */
export const PROMTOOL_ANSWERS_ENV = "PIZZA_PROMTOOL_CACHE_DIR";

/**
 * The content a `promtool test rules` file asks about (the replay's JSON files only): its tests and
 * the text of each rule file it names, wherever those are.
 */
function questionKey(text: string, binary: string): string | undefined {
  let doc: { rule_files?: unknown };
  try {
    doc = JSON.parse(text.slice(text.indexOf("\n") + 1)) as { rule_files?: unknown };
  } catch {
    return undefined;
  }
  const ruleFiles = doc.rule_files;
  if (!Array.isArray(ruleFiles) || !ruleFiles.every((f) => typeof f === "string")) return undefined;
  const hash = createHash("sha256")
    .update(binary)
    .update("\0")
    .update(JSON.stringify({ ...doc, rule_files: ruleFiles.length }));
  for (const rules of ruleFiles) hash.update("\0").update(readFileSync(rules));
  return hash.digest("hex");
}

/** `promtool test rules FILE`, answered from `dir` when the same question was asked before in it. */
export function keptAnswers(dir: string): TestRulesAnswerer {
  return async (file, binary) => {
    const key = questionKey(readFileSync(file, "utf8"), binary);
    if (!key) return promtoolAsync(["test", "rules", file], binary);
    const entry = join(dir, `${key}.json`);
    // The answer names the file it was asked about: kept with a placeholder, given back with this file's name.
    const PLACEHOLDER = "\u0000file\u0000";
    if (existsSync(entry)) {
      const { status, output } = JSON.parse(readFileSync(entry, "utf8")) as PromtoolResult;
      return { status, output: output.split(PLACEHOLDER).join(file) };
    }
    const r = await promtoolAsync(["test", "rules", file], binary);
    mkdirSync(dir, { recursive: true });
    const partial = `${entry}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify({ status: r.status, output: r.output.split(file).join(PLACEHOLDER) }));
    renameSync(partial, entry);
    return r;
  };
}

/** Keeps promtool's answers in PROMTOOL_ANSWERS_ENV's folder when the test run set it. */
export function installKeptAnswers(env: NodeJS.ProcessEnv = process.env): void {
  const dir = env[PROMTOOL_ANSWERS_ENV];
  if (dir) answerTestRulesWith(keptAnswers(dir));
}
