import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE_STACK_FILE, REPO_ROOT } from "../../src/config/paths";
import { listFiles, renderArtifacts } from "../../src/emit/files/artifacts";
import { readStackFile } from "../../src/config/stack-file";
import { runScript } from "../support/cli";

function render(...args: string[]) {
  const run = runScript("render", args);
  return { status: run.code, stdout: run.stdout, stderr: run.stderr };
}

describe("npm run render", () => {
  it("writes every artifact of the stack file into the output folder", () => {
    const out = mkdtempSync(join(tmpdir(), "rendered-"));
    const run = render("--out", out);
    expect(run.status).toBe(0);
    const expected = renderArtifacts(readStackFile(EXAMPLE_STACK_FILE));
    expect(listFiles(out)).toEqual([...expected.keys()]);
    for (const [path, content] of expected) expect(readFileSync(join(out, path), "utf8")).toBe(content);
  });

  it("exits non-zero naming each bad key, and writes nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "bad-stack-"));
    const stackFile = join(dir, "Pulumi.bad.yaml");
    writeFileSync(
      stackFile,
      readFileSync(EXAMPLE_STACK_FILE, "utf8")
        .replace("grafana:url: https://jwtpizza.grafana.net", "grafana:url: jwtpizza")
        .replace("prometheus: grafanacloud-prom", "")
        .replace("count: 2 #", "count: -1 #"),
    );
    const out = join(dir, "out");
    const run = render("--stack-file", stackFile, "--out", out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('grafana:url: expected an http(s) URL (got "jwtpizza")');
    expect(run.stderr).toContain("pizza-observability:datasources.prometheus: is required");
    expect(run.stderr).toContain("pizza-observability:thresholds.order5xx.count: expected a number >= 0 (got -1)");
    expect(run.stderr).toContain("Nothing was rendered");
    expect(listFiles(out)).toEqual([]);
  });

  it("refuses a misspelt flag with its usage instead of rendering the example", () => {
    const out = mkdtempSync(join(tmpdir(), "rendered-"));
    const run = render("--stack-fle", EXAMPLE_STACK_FILE, "--out", out);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--stack-fle");
    expect(run.stderr).toContain("usage: npm run render");
    expect(listFiles(out)).toEqual([]);
  });

  it("loads neither Pulumi nor the Grafana provider (they are the slow part of a start-up)", () => {
    const probe = `require("./src/cli/render.ts"); console.log(JSON.stringify(Object.keys(require.cache)))`;
    const run = spawnSync(process.execPath, ["--require", "tsx/cjs", "-e", probe], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const loaded: string[] = JSON.parse(run.stdout);
    expect(loaded.some((m) => m.includes("/src/emit/files/artifacts.ts"))).toBe(true);
    expect(loaded.filter((m) => /node_modules\/(@pulumi|@pulumiverse)\//.test(m))).toEqual([]);
  });
});
