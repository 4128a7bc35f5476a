import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith(".test.ts") ? [join(dir, e.name)] : [],
  );
}

// Files that load Pulumi (project "pulumi") and the others (project "unit") each share their worker's
// process (no per-file start-up and re-import: loading Pulumi in a fresh process per file took about
// 1 s of CPU each). Pulumi's runtime keeps global state (mocks, config, the stack resource): every test
// of those files installs fresh mocks first (test/support/pulumi-mocks.ts installMocks), and they pass
// in any order in one process (vitest --project pulumi --sequence.shuffle --maxWorkers=1).
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
      { extends: true, test: { name: "pulumi", include: pulumiFiles, pool: "forks", isolate: false } },
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: pulumiFiles, pool: "forks", isolate: false } },
    ],
  },
});
