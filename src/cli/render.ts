import { spawnSync } from "node:child_process";
import { join, relative } from "node:path";
import { EXAMPLE_STACK_FILE, RENDERED_DIR } from "../config/paths";
import { readStack } from "../config/stack-file";
import { stackArtifacts, writeArtifacts } from "../emit/files/artifacts";
import { PROMTOOL } from "../replay/promtool";
import { parseCommandLine, runCli } from "./args";
import { parseConfig } from "../config/schema";
import { checkedStack } from "../checks";
import { describeLogqlCost } from "../checks/logql-cost";
import { InvalidDefinitionError } from "../config/errors";

const USAGE = "usage: npm run render [-- --stack-file Pulumi.<stack>.yaml] [--out DIR]";

/**
 * `promtool check rules` on the staged Prometheus exports. Render is the offline main job and
 * works without promtool: then it says it skipped the check. Returns the line to print.
 */
function checkPrometheusExports(stagedDir: string, ruleFiles: string[]): string {
  if (ruleFiles.length === 0) return "";
  const run = spawnSync(PROMTOOL, ["check", "rules", ...ruleFiles.map((f) => join(stagedDir, f))], { encoding: "utf8" });
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") {
    return `Skipped \`promtool check rules\` of the Prometheus exports: ${PROMTOOL} is not on PATH (install Debian's prometheus package).`;
  }
  if (run.error) throw new Error(`cannot run ${PROMTOOL}: ${run.error.message}`);
  if (run.status !== 0) {
    throw new Error(`promtool check rules rejected the Prometheus exports:\n${`${run.stdout}${run.stderr}`.split(stagedDir).join("prometheus export").trim()}`);
  }
  return `promtool check rules: ${ruleFiles.length} Prometheus rule files OK.`;
}

/**
 * What `npm run render` does after parsing its command line: returns the lines to print, or throws
 * with every problem and a last line saying that `out` is unchanged (true: writing is atomic).
 */
export function renderStack(stackFile: string, out: string): string[] {
  const shownOut = `${relative(process.cwd(), out) || "."}/`;
  try {
    const stack = readStack(stackFile);
    const cfg = parseConfig(stack.config, stack.secrets);
    const checked = checkedStack(cfg);
    const files = stackArtifacts(checked, cfg);
    let promtoolLine = "";
    writeArtifacts(out, files, (staged) => {
      promtoolLine = checkPrometheusExports(staged, [...files.keys()].filter((p) => p.startsWith("prometheus/")));
    });
    return [promtoolLine, `Rendered ${files.size} files from ${relative(process.cwd(), stackFile)} into ${shownOut}`, describeLogqlCost(checked, cfg)].filter(Boolean);
  } catch (e) {
    const footer = `Nothing was rendered; ${shownOut} is unchanged.`;
    if (e instanceof InvalidDefinitionError) throw new InvalidDefinitionError(e.subject, e.problems, footer);
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n${footer}`);
  }
}

function main(argv: string[]): void {
  const { values } = parseCommandLine(argv, {
    usage: USAGE,
    options: { "stack-file": { type: "string", default: EXAMPLE_STACK_FILE }, out: { type: "string", default: RENDERED_DIR } },
  });
  for (const line of renderStack(values["stack-file"], values.out)) console.log(line);
}

if (require.main === module) runCli("render", main);
