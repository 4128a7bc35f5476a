import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * `npm run e2e` (src/cli/e2e.ts runs it): the checks against the real engines (docs/engines.md).
 * Apart from `npm test` because they start servers and take minutes; a missing registry engine fails
 * a test with one line saying how to get it, a missing by-hand engine skips its check with one
 * skipped: line (src/cli/engines/checks.ts).
 */
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    // As in `npm test`: promtool, Prometheus and amtool checked first; the scenario library replayed once for the files that need it.
    globalSetup: ["test/support/temp-root.ts", "test/support/required-tools.ts", "test/support/scenario-replay.ts"],
    setupFiles: ["test/support/promtool-answers-setup.ts"],
    // The scenario library at every phase and seed (npm test replays each scenario once: test/support/scenario-replay.ts).
    env: { PIZZA_LIBRARY: "all" },
    pool: "forks",
    // @grafana/data's ESM build imports moment-timezone (CommonJS) by name, which Node's ESM loader
    // refuses; its CommonJS build, which the CLIs load, is the same code.
    alias: { "@grafana/data": fileURLToPath(new URL("node_modules/@grafana/data/dist/cjs/index.cjs", import.meta.url)) },
    // One engine set at a time: the files start their own servers, and the machine has 2 cores.
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 300_000,
  },
});
