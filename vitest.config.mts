import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith(".test.ts") ? [join(dir, e.name)] : [],
  );
}

// Pulumi's runtime keeps global state (mocks, stack resources): files that load it each get a fresh
// process. Every other file shares its worker's process (no per-file start-up and re-import).
const pulumiFiles = testFiles(join(root, "test"))
  .filter((f) => /from "(@pulumi\/|@pulumiverse\/|[./]+\/support\/pulumi-mocks"|[./]+\/src\/emit\/pulumi)/.test(readFileSync(f, "utf8")))
  .map((f) => relative(root, f));

export default defineConfig({
  test: {
    // Fails the run at once, with one line naming the Debian packages, when promtool or amtool is missing;
    // then a folder where the first test file that needs it leaves the scenario library's replay.
    globalSetup: ["test/support/required-tools.ts", "test/support/scenario-replay.ts"],
    maxWorkers: 2,
    testTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "pulumi", include: pulumiFiles, pool: "forks", isolate: true } },
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: pulumiFiles, pool: "forks", isolate: false } },
    ],
  },
});
