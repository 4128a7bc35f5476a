import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { REPO_ROOT } from "../config/paths";
import { generatedDocs } from "../review/alert-catalogue";
import { parseCommandLine, runCli } from "./args";

const USAGE = "usage: npm run docs [-- --check]";

/**
 * `npm run docs`: rewrites the generated tables of docs/ (configuration reference from the schema,
 * alert catalogue from the built example stack). `--check` writes nothing and fails when one is stale.
 */
export function runDocs(argv: string[]): string[] {
  const { values } = parseCommandLine(argv, { usage: USAGE, options: { check: { type: "boolean", default: false } } });
  const stale = [...generatedDocs()].filter(([file, text]) => readFileSync(file, "utf8") !== text);
  const names = stale.map(([file]) => relative(REPO_ROOT, file));
  if (values.check) {
    if (stale.length > 0) throw new Error(`stale generated docs: ${names.join(", ")}; run npm run docs`);
    return ["Generated docs are up to date."];
  }
  for (const [file, text] of stale) writeFileSync(file, text);
  return [stale.length ? `Rewrote ${names.join(", ")}` : "Generated docs are up to date."];
}

if (require.main === module) runCli("docs", (argv) => runDocs(argv).forEach((l) => console.log(l)));
