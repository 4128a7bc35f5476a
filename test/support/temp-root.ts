import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * vitest globalSetup: one temporary folder for the whole run. TMPDIR points at it before the workers
 * start, so every temporary file of the tests and of the processes they start (os.tmpdir(),
 * mkdtemp, promtool, spawned CLIs) lands inside it, and it is removed when the run ends, whatever a
 * test forgot to remove.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "pizza-test-run-"));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}
