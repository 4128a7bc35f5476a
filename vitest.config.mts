import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Fails the run at once, with one line naming the Debian packages, when promtool or amtool is missing.
    globalSetup: ["test/support/required-tools.ts"],
    // Pulumi's runtime keeps global state; each test file gets its own process.
    pool: "forks",
    testTimeout: 60_000,
  },
});
