import { relative, resolve } from "node:path";
import { E2E_CHECKS, planCheck } from "../../../src/cli/engines/checks";
import { engines } from "../../../src/cli/engines/pins";

const ROOT = resolve(__dirname, "../../..");

/** Set by `npm run e2e` (src/cli/e2e.ts), which prints every skipped: line itself before the run. */
export const RUNNER_ENV = "PIZZA_E2E_RUNNER";

/**
 * The plan of the check the test file `filename` (its __filename) holds (src/cli/engines/checks.ts): its engines' paths when it runs,
 * `skip` when a by-hand engine is absent. A registry engine that is absent, or a by-hand one the job
 * requires, fails the file here with the one line saying how to get it. Run outside `npm run e2e`, a
 * skip still prints its line: no skip is silent.
 */
export function engineCheck(filename: string): { skip: boolean; binaries: Record<string, string> } {
  const file = relative(ROOT, filename);
  const check = E2E_CHECKS.find((c) => c.file === file);
  if (!check) throw new Error(`${file} is not listed in src/cli/engines/checks.ts`);
  const plan = planCheck(check, engines(ROOT), process.env);
  if (plan.outcome === "fail") {
    const error = new Error(plan.line);
    error.stack = plan.line;
    throw error;
  }
  if (plan.outcome === "skip") {
    if (!process.env[RUNNER_ENV]) console.warn(plan.line);
    return { skip: true, binaries: {} };
  }
  return { skip: false, binaries: plan.binaries };
}
