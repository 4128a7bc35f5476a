import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/paths";
import { pathWithOnlyNode } from "../support/cli";
import { missingToolsMessage } from "../support/required-tools";

describe("npm test on a machine without promtool, amtool and chromium", () => {
  it("names the Debian package of each missing tool in one line", () => {
    const bin = pathWithOnlyNode();
    expect(missingToolsMessage({ PATH: bin })).toBe(
      "npm test needs promtool, amtool and chromium on PATH: sudo apt-get install prometheus prometheus-alertmanager chromium",
    );
    expect(missingToolsMessage({ PATH: "/usr/bin", CHROMIUM_BIN: "/nonexistent/chrome" })).toBe(
      "npm test needs chromium on PATH: sudo apt-get install chromium",
    );
    expect(missingToolsMessage({ PATH: `${bin}:/usr/bin` })).toBeUndefined();
    expect(missingToolsMessage({ PATH: "/usr/bin", PROMTOOL: "/nonexistent/promtool" })).toBe(
      "npm test needs promtool on PATH: sudo apt-get install prometheus",
    );
  });

  it("fails at once with that line, running no test", () => {
    const { PROMTOOL: _p, CHROMIUM_BIN: _c, ...env } = process.env;
    const run = spawnSync(process.execPath, [join(REPO_ROOT, "node_modules/vitest/vitest.mjs"), "run", "test/config/durations.test.ts"], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      env: { ...env, PATH: pathWithOnlyNode(), NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status).not.toBe(0);
    expect(output).toContain(
      "npm test needs promtool, amtool and chromium on PATH: sudo apt-get install prometheus prometheus-alertmanager chromium",
    );
    expect(output).not.toMatch(/passed|failed \(/);
    expect(output).not.toContain("at setup");
  });
});
