import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Every test file shares its worker's process (no per-file start-up and re-import: loading Pulumi in a
// fresh process per file took about 1 s of CPU each; two projects, one for the files that load Pulumi,
// cost two more worker processes). Pulumi's runtime keeps global state (mocks, config, the stack
// resource): every test that deploys installs fresh mocks first (test/support/pulumi-mocks.ts
// installMocks), and the suite passes in any file order (vitest run --sequence.shuffle.files --sequence.seed=N).
export default defineConfig({
  test: {
    // One temporary folder for the run, removed at its end (TMPDIR); then the run fails at once, with one
    // line naming the Debian packages, when promtool or amtool is missing; then a folder where the first
    // test file that needs it leaves the scenario library's replay.
    globalSetup: ["test/support/temp-root.ts", "test/support/required-tools.ts", "test/support/scenario-replay.ts"],
    // promtool's answers kept within the run (test machinery, out of the product: test/support/promtool-answers.ts).
    setupFiles: ["test/support/promtool-answers-setup.ts"],
    maxWorkers: 2,
    testTimeout: 60_000,
    include: ["test/**/*.test.ts"],
    pool: "forks",
    // @grafana/data's ESM build imports moment-timezone (CommonJS) by name, which Node's ESM loader
    // refuses; its CommonJS build, which the CLIs load, is the same code.
    alias: { "@grafana/data": fileURLToPath(new URL("node_modules/@grafana/data/dist/cjs/index.cjs", import.meta.url)) },
    isolate: false,
  },
});
