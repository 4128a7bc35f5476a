import "./load-errors";
import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { REPO_ROOT } from "../config/paths";
import { generatedDocs } from "./docs/sections";
import { defineCommand, parseCommandLine, processIO, runAsProcess, runCommand, type CliIO, EXIT_CODES } from "./args";

export const DOCS = defineCommand({
  usage: "usage: npm run docs [-- --check]",
  about:
    "Rewrites the generated sections of docs/ (src/cli/docs/sections.ts): the configuration reference (from the schema),\nthe alert catalogue, recording rules and LogQL cost (from the built example stack), the backtest's request cost and\nthe checks.",
  exitCodes: { ...EXIT_CODES, 0: "the generated docs are written, or up to date", 1: "a generated table is stale (--check)" },
  options: {
    check: {
      type: "boolean",
      default: false,
      explanation: "Write nothing; fail when a generated table is stale (CI).",
      example: "npm run docs -- --check",
    },
  },
});

/**
 * `npm run docs`: rewrites the generated sections of docs/ (src/cli/docs/sections.ts). `--check`
 * writes nothing and fails when one is stale.
 */
export function runDocs(argv: string[]): string[] {
  const { values } = parseCommandLine(argv, DOCS);
  const stale = [...generatedDocs()].filter(([file, text]) => readFileSync(file, "utf8") !== text);
  const names = stale.map(([file]) => relative(REPO_ROOT, file));
  if (values.check) {
    if (stale.length > 0) throw new Error(`stale generated docs: ${names.join(", ")}; run npm run docs`);
    return ["Generated docs are up to date."];
  }
  for (const [file, text] of stale) writeFileSync(file, text);
  return [stale.length ? `Rewrote ${names.join(", ")}` : "Generated docs are up to date."];
}

/** `npm run docs`: the exit code (0 written or up to date, 1 stale with --check, 2 a bad command line). */
export function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  return runCommand("docs", () => runDocs(argv).forEach((l) => io.stdout(`${l}\n`)), io);
}

if (require.main === module) runAsProcess(main);
