import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Fails the run at once, with one line naming the Debian packages, when promtool or amtool is missing;
    // then a folder where the first test file that needs it leaves the scenario library's replay.
    globalSetup: ["test/support/required-tools.ts", "test/support/scenario-replay.ts"],
    // Pulumi's runtime keeps global state; each test file gets its own process.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
