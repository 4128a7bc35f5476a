import "./load-errors";
import { spawnSync } from "node:child_process";
import { join, relative } from "node:path";
import { EXAMPLE_STACK_FILE, RENDERED_DIR } from "../config/paths";
import { configWarnings } from "../config/keys";
import { readStack } from "../config/stack-file";
import { stackArtifacts, writeArtifacts } from "../emit/files/artifacts";
import { promtoolBinary } from "../emit/promtool";
import { parseCommandLine, processIO, runAsProcess, runCommand, type CliIO, defineCommand, EXIT_CODES } from "./args";
import { parseConfig } from "../config/schema";
import { checkedStack } from "../checks";
import { describeLogqlCost } from "../checks/logql-cost";
import { InvalidDefinitionError } from "../config/errors";
import { lokiCheckLines, readLokiRecording, stackLogQL } from "../replay/loki-recording";

export const RENDER = defineCommand({
  usage: "usage: npm run render [-- --stack-file Pulumi.<stack>.yaml] [--out DIR]",
  about:
    "Renders every artifact of a stack (Grafana provisioning files, dashboards, Prometheus rule exports) into a folder,\n" +
    "checked first (and by `promtool check rules` when promtool is installed). Writing is atomic: on any error nothing changes.",
  exitCodes: {
    ...EXIT_CODES,
    0: "rendered",
    1: "rendering failed (promtool rejected the exports, or writing did); the output folder is unchanged",
  },
  options: {
    "stack-file": {
      type: "string",
      default: EXAMPLE_STACK_FILE,
      shownDefault: "Pulumi.example.yaml",
      argument: "FILE",
      explanation: "The Pulumi stack file whose config is rendered.",
      example: "npm run render -- --stack-file Pulumi.staging.example.yaml",
    },
    out: {
      type: "string",
      default: RENDERED_DIR,
      shownDefault: "rendered",
      argument: "DIR",
      explanation: "The folder to write; it may only hold files a render wrote.",
      example: "npm run render -- --out /tmp/rendered",
    },
  },
});

/**
 * `promtool check rules` on the staged Prometheus exports. Render is the offline main job and
 * works without promtool: then it says it skipped the check. Returns the line to print.
 */
function checkPrometheusExports(stagedDir: string, ruleFiles: string[], env: NodeJS.ProcessEnv): string {
  if (ruleFiles.length === 0) return "";
  const binary = promtoolBinary(env);
  const run = spawnSync(binary, ["check", "rules", ...ruleFiles.map((f) => join(stagedDir, f))], { encoding: "utf8", env });
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") {
    return `Skipped \`promtool check rules\` of the Prometheus exports: ${binary} is not on PATH (install Debian's prometheus package).`;
  }
  if (run.error) throw new Error(`cannot run ${binary}: ${run.error.message}`);
  if (run.status !== 0) {
    throw new Error(
      `promtool check rules rejected the Prometheus exports:\n${`${run.stdout}${run.stderr}`.split(stagedDir).join("prometheus export").trim()}`,
    );
  }
  return `promtool check rules: ${ruleFiles.length} Prometheus rule files OK.`;
}

/**
 * What `npm run render` does after parsing its command line: returns the lines to print, or throws
 * with every problem and a last line saying that `out` is unchanged (true: writing is atomic).
 * `warn` hears what is suspicious but not refused (a `pulumi:` key Pulumi does not read).
 */
export function renderStack(
  stackFile: string,
  out: string,
  env: NodeJS.ProcessEnv = process.env,
  warn: (line: string) => void = () => {},
): string[] {
  const shownOut = `${relative(process.cwd(), out) || "."}/`;
  try {
    const stack = readStack(stackFile);
    configWarnings(stack.config).forEach(warn);
    const cfg = parseConfig(stack.config, stack.secrets);
    const checked = checkedStack(cfg);
    const files = stackArtifacts(checked, cfg);
    let promtoolLine = "";
    writeArtifacts(out, files, (staged) => {
      promtoolLine = checkPrometheusExports(
        staged,
        [...files.keys()].filter((p) => p.startsWith("prometheus/")),
        env,
      );
    });
    return [
      promtoolLine,
      `Rendered ${files.size} files from ${relative(process.cwd(), stackFile)} into ${shownOut}`,
      describeLogqlCost(checked, cfg),
      ...lokiCheckLines(stackLogQL(checked, cfg), readLokiRecording()),
    ].filter(Boolean);
  } catch (e) {
    const footer = `Nothing was rendered; ${shownOut} is unchanged.`;
    if (e instanceof InvalidDefinitionError) throw new InvalidDefinitionError(e.subject, e.problems, footer);
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n${footer}`);
  }
}

/** `npm run render`: the exit code (0 rendered, 1 failed, 2 a bad command line). */
export function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  return runCommand(
    "render",
    () => {
      const { values } = parseCommandLine(argv, RENDER);
      const warn = (line: string) => io.stderr(`warning: ${line}\n`);
      for (const line of renderStack(values["stack-file"], values.out, io.env, warn)) io.stdout(`${line}\n`);
    },
    io,
  );
}

if (require.main === module) runAsProcess(main);
