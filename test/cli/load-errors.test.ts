import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { REPO_ROOT } from "../../src/config/paths";
import { loadFailureLine } from "../../src/cli/load-errors";

/** A copy of this checkout's tracked and untracked files, with this checkout's node_modules. */
function copyOfCheckout(): string {
  const dir = mkdtempSync(join(tmpdir(), "load-errors-"));
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: REPO_ROOT, encoding: "utf8" })
    .split("\0")
    .filter((f) => f && existsSync(join(REPO_ROOT, f)));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    copyFileSync(join(REPO_ROOT, f), join(dir, f));
  }
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

describe("a definition that does not compile", () => {
  it("stops render with one line naming the file, line and column, exit 2, no stack trace", () => {
    const dir = copyOfCheckout();
    const file = join(dir, "alerts", "watchdog.ts");
    writeFileSync(file, readFileSync(file, "utf8").replace("export default function", "const = ;\nexport default function"));
    const run = spawnSync(process.execPath, ["--require", "tsx/cjs", "src/cli/render.ts", "--out", join(dir, "out")], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^render: cannot load the definitions: alerts\/watchdog\.ts:\d+:\d+: Expected identifier but found "="$/),
    ]);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("reads the compiler's located line out of its error, redacted", () => {
    const error = Object.assign(new Error('Transform failed with 1 error:\n/x/alerts/a.ts:3:7: ERROR: Unexpected "}"'), {
      name: "TransformError",
    });
    expect(loadFailureLine(error)).toBe('/x/alerts/a.ts:3:7: Unexpected "}"');
    expect(loadFailureLine(new Error("Cannot find module 'https://bot:S3CRET@example.com/x'"))).not.toContain("S3CRET");
  });
});
