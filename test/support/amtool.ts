import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { renderArtifacts, writeArtifacts } from "../../src/emit/files/artifacts";

export interface ToolRun {
  status: number | null;
  stdout: string;
  /** stdout and stderr, for failure messages. */
  output: string;
}

/** Runs Debian's amtool; a missing amtool fails the calling test (ENOENT is reported, not skipped). */
export function amtool(args: string[]): ToolRun {
  const run = spawnSync("amtool", args, { encoding: "utf8" });
  expect(run.error?.message, "amtool must be installed (apt-get install prometheus-alertmanager)").toBeUndefined();
  return { status: run.status, stdout: run.stdout, output: `${run.stdout}${run.stderr}` };
}

/** Renders a stack config into a fresh temp dir and returns the path of its alertmanager.yml. */
export function renderAlertmanagerConfig(rawConfig: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "pizza-routing-"));
  writeArtifacts(dir, renderArtifacts(rawConfig));
  return join(dir, "alertmanager", "alertmanager.yml");
}

/** `amtool config routes test`: the receivers a label set routes to, and whether they are `expected`. */
export function routesTo(configFile: string, labels: Record<string, string>, expected: string): ToolRun {
  const labelArgs = Object.entries(labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return amtool(["config", "routes", "test", `--config.file=${configFile}`, `--verify.receivers=${expected}`, ...labelArgs]);
}
