import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROMTOOL_ANSWERS_ENV } from "./promtool-answers";

/**
 * vitest globalSetup: one temporary folder for the whole run. TMPDIR points at it before the workers
 * start, so every temporary file of the tests and of the processes they start (os.tmpdir(),
 * mkdtemp, promtool, spawned CLIs) lands inside it, and it is removed when the run ends, whatever a
 * test forgot to remove. promtool's answers are kept in it by question (test/support/promtool-answers.ts,
 * installed in each worker and each spawned command), so a question asked twice in the run is evaluated once.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "pizza-test-run-"));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  // promtool's answers, reused within this run only: the same rules over the same fixture are evaluated once.
  process.env[PROMTOOL_ANSWERS_ENV] = join(root, "promtool-answers");
  return () => {
    delete process.env[PROMTOOL_ANSWERS_ENV];
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}
