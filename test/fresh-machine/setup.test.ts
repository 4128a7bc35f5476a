import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { engines } from "../../src/cli/engines/pins";
import { REPO_ROOT } from "../../src/config/paths";

const read = (path: string) => readFileSync(join(REPO_ROOT, path), "utf8");

/** The README's test command: the line of its commands block that ends in `npm test`. */
function readmeTestCommand(): string {
  const block = /## The two commands[\s\S]*?```sh\n([\s\S]*?)```/.exec(read("README.md"))![1];
  const line = block.split("\n").find((l) => /npm test\s*(#|$)/.test(l))!;
  return line.replace(/\s+#.*$/, "").trim();
}

describe("a fresh machine runs the README's test command, set-up included", () => {
  it("is one line that sets up the machine and runs npm test", () => {
    expect(readmeTestCommand()).toBe("bash scripts/setup.sh && npm test");
  });

  it("is run by .ci/run exactly as the README gives it", () => {
    expect(read(".ci/run").split("\n")).toContain(readmeTestCommand());
  });

  it("installs every Debian package the engine pins name, and no other", () => {
    const packages = /^packages=\(([^)]*)\)$/m.exec(read("scripts/setup.sh"))![1].trim().split(/\s+/);
    const pinned = engines(REPO_ROOT).flatMap((e) => (e.source.kind === "debian" ? [e.source.debianPackage] : []));
    expect(packages.sort()).toEqual(pinned.sort());
  });

  it("runs npm ci after the packages, so npm test finds both", () => {
    const setup = read("scripts/setup.sh");
    expect(setup.indexOf("npm ci")).toBeGreaterThan(setup.indexOf("apt-get install"));
  });
});
