import { spawn, spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";

/**
 * promtool (Debian `prometheus`, 2.42), the real Prometheus engine the stages run: render checks the
 * exported rule files with it (`promtool check rules`), the replay and the backtest evaluate rules
 * with it (`promtool test rules`). Only how it is run lives here; what the files say lives with the
 * stage that writes them (src/replay/promtool-tests.ts).
 */
/** The promtool to run: `PROMTOOL` (a path or name) when set, else `promtool` on PATH. */
export function promtoolBinary(env: NodeJS.ProcessEnv = process.env): string {
  return env.PROMTOOL ?? "promtool";
}

export const PROMTOOL = promtoolBinary();

export interface PromtoolResult {
  status: number;
  output: string;
}

/** Runs promtool; a missing binary throws, so a test needing it fails instead of passing vacuously. */
export function promtool(args: string[], binary = PROMTOOL): PromtoolResult {
  const r = spawnSync(binary, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new Error(`cannot run ${binary} (install Debian's prometheus package): ${r.error.message}`);
  return checkedResult(r.status ?? -1, `${r.stdout}${r.stderr}`);
}

/** `promtool` without blocking: several run at once (see `inParallel`). */
export function promtoolAsync(args: string[], binary = PROMTOOL): Promise<PromtoolResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", (e) => reject(new Error(`cannot run ${binary} (install Debian's prometheus package): ${e.message}`)));
    child.on("close", (status) => {
      try {
        resolvePromise(checkedResult(status ?? -1, `${Buffer.concat(out).toString("utf8")}${Buffer.concat(err).toString("utf8")}`));
      } catch (e) {
        reject(e as Error);
      }
    });
  });
}

function checkedResult(status: number, output: string): PromtoolResult {
  // promtool only warns about a rule file it cannot find, and then passes with no rules loaded.
  if (/no file match pattern/.test(output)) throw new Error(`promtool did not find a rule file:\n${output}`);
  return { status, output };
}

/** How many promtool runs the replay keeps going at once: one per core plus one (it also writes files), 2 to 4. */
export const PROMTOOL_CONCURRENCY = Math.min(4, Math.max(2, availableParallelism() + 1));

/** `work` over every item, at most `limit` at a time; results in the items' order. The first failure rejects. */
export async function inParallel<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** How `testRulesAsync` gets an answer: by running promtool (a test run may answer from what it asked before: test/support/promtool-answers.ts). */
export type TestRulesAnswerer = (file: string, binary: string) => Promise<PromtoolResult>;

const runTestRules: TestRulesAnswerer = (file, binary) => promtoolAsync(["test", "rules", file], binary);
let answerer: TestRulesAnswerer = runTestRules;

/** Replaces how `testRulesAsync` is answered (the test setup's answer cache); without an argument, promtool runs again. */
export function answerTestRulesWith(replacement: TestRulesAnswerer = runTestRules): void {
  answerer = replacement;
}

/** `promtool test rules FILE`. */
export function testRulesAsync(file: string, binary = PROMTOOL): Promise<PromtoolResult> {
  return answerer(file, binary);
}
