import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE_STACK_FILE, REPO_ROOT } from "../../src/config/paths";
import { listFiles, renderArtifacts } from "../../src/emit/files/artifacts";
import { readStack, readStackFile } from "../../src/config/stack-file";
import { main } from "../../src/cli/render";
import { pathWithOnlyNode, runMain } from "../support/cli";

/** How `npm run render` starts the CLI (package.json): node with tsx's CommonJS loader. */
const RENDER = ["--require", "tsx/cjs", "src/cli/render.ts"];

/** The smoke test's and the lock tests' render: a real process, as `npm run render` starts it. */
function spawnedRender(args: string[]) {
  return spawnSync(process.execPath, [...RENDER, ...args], { cwd: REPO_ROOT, encoding: "utf8" });
}

/** Every other test's render: the CLI's entry point in this process. */
async function render(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const run = await runMain(main, args, { env });
  return { status: run.code, stdout: run.stdout, stderr: run.stderr };
}

function renderAsync(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...RENDER, ...args], { cwd: REPO_ROOT });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

/** Every file under `dir` with its content. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((p) => [p, readFileSync(join(dir, p), "utf8")]));
}

function expected(stackFile: string): Record<string, string> {
  const stack = readStack(stackFile);
  return Object.fromEntries(renderArtifacts(stack.config, stack.secrets));
}

describe("npm run render", () => {
  it("writes every artifact of the stack file into the output folder, checked by promtool (a real process)", async () => {
    const out = mkdtempSync(join(tmpdir(), "rendered-"));
    const run = spawnedRender(["--out", out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/promtool check rules: 7 Prometheus rule files OK\./);
    const files = renderArtifacts(readStackFile(EXAMPLE_STACK_FILE));
    expect(listFiles(out)).toEqual([...files.keys()]);
    for (const [path, content] of files) expect(readFileSync(join(out, path), "utf8")).toBe(content);
  });

  it("says every LogQL query has Loki's recorded answers, and names a changed LogQL rule as not yet checked against Loki (a warning: it renders, exit 0)", async () => {
    const checked = await render(["--out", mkdtempSync(join(tmpdir(), "rendered-"))]);
    expect(checked.stdout).toMatch(
      /^LogQL: all \d+ queries the stack renders have answers recorded from Loki v3\.7\.6 \(recorded \d{4}-\d\d-\d\d\)\.$/m,
    );
    const dir = mkdtempSync(join(tmpdir(), "changed-logql-"));
    const stackFile = join(dir, "Pulumi.changed.yaml");
    writeFileSync(
      stackFile,
      `${readFileSync(EXAMPLE_STACK_FILE, "utf8")}\n  pizza-observability:thresholds:\n    order5xx: { window: 90s }\n`,
    );
    const changed = await render(["--stack-file", stackFile, "--out", join(dir, "out")]);
    expect(changed.status, changed.stderr).toBe(0);
    const lines = changed.stdout.split("\n");
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^LogQL: 1 of \d+ queries the stack renders are not yet checked against Loki \(a warning: `npm run e2e -- --record` where Loki runs records them/,
      ),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^  not yet checked against Loki: alert pizza-order-5xx query A: .*\[90s\]/));
  });

  it("exits non-zero naming each bad key, and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bad-stack-"));
    const stackFile = join(dir, "Pulumi.bad.yaml");
    writeFileSync(
      stackFile,
      readFileSync(EXAMPLE_STACK_FILE, "utf8")
        .replace("grafana:url: https://jwtpizza.grafana.net", "grafana:url: jwtpizza")
        .replace("prometheus: grafanacloud-prom", "")
        .concat("  pizza-observability:thresholds:\n    order5xx: { count: -1 }\n"),
    );
    const out = join(dir, "out");
    const run = await render(["--stack-file", stackFile, "--out", out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('grafana:url: expected an http(s) URL (got "jwtpizza")');
    expect(run.stderr).toContain("pizza-observability:datasources.prometheus: is required");
    expect(run.stderr).toContain("pizza-observability:thresholds.order5xx.count: expected a number >= 0 (got -1)");
    expect(run.stderr).toContain("Nothing was rendered");
    expect(listFiles(out)).toEqual([]);
  });

  it("refuses a misspelt flag with its usage instead of rendering the example", async () => {
    const out = mkdtempSync(join(tmpdir(), "rendered-"));
    const run = await render(["--stack-fle", EXAMPLE_STACK_FILE, "--out", out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--stack-fle");
    expect(run.stderr).toContain("usage: npm run render");
    expect(listFiles(out)).toEqual([]);
  });

  it("loads neither Pulumi nor the Grafana provider (they are the slow part of a start-up)", async () => {
    const probe = `require("./src/cli/render.ts"); console.log(JSON.stringify(Object.keys(require.cache)))`;
    const run = spawnSync(process.execPath, ["--require", "tsx/cjs", "-e", probe], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const loaded: string[] = JSON.parse(run.stdout);
    expect(loaded.some((m) => m.includes("/src/emit/files/artifacts.ts"))).toBe(true);
    expect(loaded.filter((m) => /node_modules\/(@pulumi|@pulumiverse)\//.test(m))).toEqual([]);
  });
});

describe("npm run render writes atomically", () => {
  it("--out alerts refuses and deletes nothing", async () => {
    const before = snapshot(join(REPO_ROOT, "alerts"));
    const run = await render(["--out", "alerts"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--out: .*alerts is inside the source folder alerts\/; expected a folder of its own/);
    expect(run.stderr).toContain("Nothing was rendered; alerts/ is unchanged.");
    expect(snapshot(join(REPO_ROOT, "alerts"))).toEqual(before);
  });

  it("refuses a folder of rendered artifacts with one foreign file, and leaves it as it was", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "rendered-")), "out");
    expect((await render(["--out", out])).status).toBe(0);
    writeFileSync(join(out, "notes.md"), "mine\n");
    const before = snapshot(out);
    const run = await render(["--out", out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("holds files render did not write (notes.md)");
    expect(snapshot(out)).toEqual(before);
  });

  it("a failure after the files are written (promtool rejects them) leaves the previous output intact, and says so", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rendered-"));
    const out = join(dir, "out");
    expect((await render(["--out", out])).status).toBe(0);
    const before = snapshot(out);
    const rejecting = join(dir, "promtool");
    writeFileSync(rejecting, '#!/bin/sh\necho "  FAILED: group \\"slo\\", rule 1: could not parse expression" >&2\nexit 1\n');
    chmodSync(rejecting, 0o755);
    const run = await render(["--out", out], { ...process.env, PROMTOOL: rejecting });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("promtool check rules rejected the Prometheus exports:");
    expect(run.stderr).toContain('FAILED: group "slo"');
    expect(run.stderr).toMatch(/Nothing was rendered; .*out\/ is unchanged\.\n$/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(["out", "promtool"]);
  });

  it("without promtool on PATH renders and says it skipped the check", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "rendered-")), "out");
    const { PROMTOOL: _, ...env } = process.env;
    const run = await render(["--out", out], { ...env, PATH: pathWithOnlyNode() });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "Skipped `promtool check rules` of the Prometheus exports: promtool is not on PATH (install Debian's prometheus package).",
    );
    expect(listFiles(out)).toEqual([...renderArtifacts(readStackFile(EXAMPLE_STACK_FILE)).keys()]);
  });

  it("two concurrent renders of different stacks leave exactly one of them, whole", async () => {
    const dir = mkdtempSync(join(tmpdir(), "concurrent-"));
    const pasta = join(dir, "Pulumi.pasta.yaml");
    writeFileSync(
      pasta,
      readFileSync(EXAMPLE_STACK_FILE, "utf8")
        .replace("  pizza-observability:alerting:\n", "  pizza-observability:alerting:\n    team: pasta\n")
        .concat("  pizza-observability:folder:\n    uid: pasta-service\n"),
    );
    const out = join(dir, "out");
    const [a, b] = await Promise.all([renderAsync(["--out", out]), renderAsync(["--stack-file", pasta, "--out", out])]);
    for (const run of [a, b]) {
      // A render that lost the race says why; it never half-writes.
      if (run.status !== 0) expect(run.stderr).toMatch(/another render \(pid [0-9]+, .*, started [0-9]+ s ago\) is writing/);
    }
    expect([a.status, b.status]).toContain(0);
    const result = snapshot(out);
    const candidates = [expected(EXAMPLE_STACK_FILE), expected(pasta)];
    expect(candidates[0]).not.toEqual(candidates[1]);
    expect(candidates.some((c) => JSON.stringify(c) === JSON.stringify(result))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["Pulumi.pasta.yaml", "out"]);
  });

  it("stops while another live render holds the lock, leaving the output as it was", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "rendered-")), "out");
    expect((await render(["--out", out])).status).toBe(0);
    const before = snapshot(out);
    // A sleeping process whose command line names render stands in for a render still running.
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)", "src/cli/render.ts"]);
    try {
      const lock = JSON.stringify({
        pid: holder.pid,
        command: "src/cli/render.ts --out out",
        started: new Date(Date.now() - 5000).toISOString(),
      });
      writeFileSync(`${out}.render-lock`, lock);
      const run = spawnedRender(["--out", out]);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        new RegExp(`another render \\(pid ${holder.pid}, src/cli/render.ts --out out, started [0-9]+ s ago\\) is writing`),
      );
      expect(run.stderr).toContain("Nothing was rendered;");
      expect(snapshot(out)).toEqual(before);
      expect(readFileSync(`${out}.render-lock`, "utf8")).toBe(lock);
    } finally {
      holder.kill();
    }
  });

  it("takes over a stale lock naming a live process that is not a render (a reused pid)", () => {
    const out = join(mkdtempSync(join(tmpdir(), "rendered-")), "out");
    const unrelated = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    try {
      writeFileSync(`${out}.render-lock`, String(unrelated.pid));
      const run = spawnedRender(["--out", out]);
      expect(run.status, run.stderr).toBe(0);
      expect(existsSync(`${out}.render-lock`)).toBe(false);
    } finally {
      unrelated.kill();
    }
  });

  it("takes over a lock left by a render that no longer runs", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "rendered-")), "out");
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(`${out}.render-lock`, "2147483646");
    const run = await render(["--out", out]);
    expect(run.status).toBe(0);
    expect(existsSync(`${out}.render-lock`)).toBe(false);
  });
});
