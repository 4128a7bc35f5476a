import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../../src/config/paths";
import type { CliIO } from "../../src/cli/args";

const PROMTOOL_ANSWERS_PRELOAD = join(__dirname, "promtool-answers-setup.ts");

/**
 * Runs `npm run <script> -- <args>` as npm would, minus npm's own start-up: the command is read
 * from package.json, so the tests exercise the loader the scripts use.
 */
export function runScript(script: string, args: string[], cwd = REPO_ROOT) {
  const command: string = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).scripts[script];
  const [program, ...rest] = command.split(/\s+/);
  if (program !== "node") throw new Error(`package.json script ${script} does not start with node: ${command}`);
  // After the script's own loader (tsx), before its program: promtool's answers kept within the test run.
  const options = rest.includes("tsx/cjs") ? [...rest.slice(0, -1), "--require", PROMTOOL_ANSWERS_PRELOAD, rest.at(-1)!] : rest;
  const run = spawnSync(process.execPath, [...options, ...args], { cwd, encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A PATH holding node and nothing else: no promtool, no amtool. */
export function pathWithOnlyNode(): string {
  const bin = mkdtempSync(join(tmpdir(), "bin-"));
  symlinkSync(process.execPath, join(bin, "node"));
  return bin;
}

/** Runs a CLI's `main` in this process, as `npm run <script> -- <args>` would in `cwd` with `env`. */
export async function runMain(
  main: (argv: string[], io: CliIO) => Promise<number>,
  args: string[],
  { cwd = REPO_ROOT, env = process.env }: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, cwd });
  return { code, stdout, stderr };
}
