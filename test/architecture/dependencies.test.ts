import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/paths";

const CONFIG = join(REPO_ROOT, ".dependency-cruiser.cjs");
const SCANNED = ["src", "alerts", "dashboards", "contact-points", "recording-rules"];

/** `depcruise <paths> --config .dependency-cruiser.cjs --output-type err` run from `cwd`, through dependency-cruiser's API. */
async function depcruise(cwd: string, paths: string[]) {
  const { cruise } = await import("dependency-cruiser");
  const { default: extractDepcruiseOptions } = await import("dependency-cruiser/config-utl/extract-depcruise-options");
  const { default: extractTSConfig } = await import("dependency-cruiser/config-utl/extract-ts-config");
  const options = await extractDepcruiseOptions(CONFIG);
  const tsConfig = join(cwd, "tsconfig.json");
  const result = await cruise(
    paths,
    { ...options, baseDir: cwd, tsConfig: { fileName: tsConfig }, outputType: "err" },
    {},
    { tsConfig: extractTSConfig(tsConfig) },
  );
  return { code: result.exitCode, output: String(result.output) };
}

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A throwaway project laid out like this one, holding only the given files. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "depcruise-"));
  temps.push(dir);
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "node16", moduleResolution: "node16" } }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("dependencies (dependency-cruiser, .dependency-cruiser.cjs)", () => {
  it("this repository has no import cycle and no stage importing a later one", async () => {
    const { code, output } = await depcruise(REPO_ROOT, SCANNED);
    expect(output).toContain("no dependency violations found");
    expect(code).toBe(0);
  });

  it("the check fails on an import cycle", async () => {
    const dir = project({
      "src/model/a.ts": 'import { b } from "./b";\nexport const a = () => b;\n',
      "src/model/b.ts": 'import { a } from "./a";\nexport const b = () => a;\n',
    });
    const { code, output } = await depcruise(dir, ["src"]);
    expect(code).not.toBe(0);
    expect(output).toContain("no-circular");
  });

  it("the check fails when a stage imports a later one, even for types", async () => {
    const dir = project({
      "src/config/schema.ts": 'import type { Cli } from "../cli/main";\nexport type Config = Cli;\n',
      "src/cli/main.ts": "export type Cli = string;\n",
    });
    const { code, output } = await depcruise(dir, ["src"]);
    expect(code).not.toBe(0);
    expect(output).toContain("config-imports-a-later-stage");
  });
});
