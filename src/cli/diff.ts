import { execFileSync } from "node:child_process";
import { relative } from "node:path";
import { parseCommandLine, runCli, UsageError } from "./args";
import { readAlertingSnapshot } from "../review/alert-snapshot";
import { behaviourDiff, formatBehaviourDiff } from "../review/behaviour-diff";
import { EXAMPLE_STACK_FILE, REPO_ROOT } from "../config/paths";
import { renderArtifacts } from "../emit/files/artifacts";
import { readStackFile } from "../config/stack-file";

/**
 * `npm run diff -- <git-ref> [--stack-file Pulumi.<stack>.yaml]`: what changes in alert behaviour
 * from the definitions at <git-ref> to the working tree. The ref side is read from its committed
 * rendered/alerting/ (kept fresh by a test); the working tree is rendered in memory.
 */

const ALERTING_DIR = "rendered/alerting/";

function git(args: string[]): string {
  return execFileSync("git", args, { cwd: REPO_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
}

/** The committed alerting provisioning files at a ref, by name within rendered/. */
export function alertingFilesAt(ref: string): Map<string, string> {
  try {
    git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new UsageError(`unknown git ref "${ref}": expected a branch, tag or commit (e.g. origin/main, HEAD~1)`, USAGE);
  }
  const paths = git(["ls-tree", "-r", "--name-only", ref, "--", ALERTING_DIR])
    .split("\n")
    .filter((p) => p.endsWith(".yaml"));
  if (paths.length === 0) throw new UsageError(`${ref} has no ${ALERTING_DIR}*.yaml to compare with`, USAGE);
  return new Map(paths.map((p) => [p.slice("rendered/".length), git(["show", `${ref}:${p}`])]));
}

/** The working tree's alerting provisioning files, rendered in memory from a stack file. */
export function alertingFilesOfWorkingTree(stackFile: string): Map<string, string> {
  const files = renderArtifacts(readStackFile(stackFile));
  return new Map([...files].filter(([path]) => path.startsWith("alerting/")));
}

const USAGE = "usage: npm run diff -- <git-ref> [--stack-file Pulumi.<stack>.yaml]";

export function diffArgs(argv: string[]): { ref: string; stackFile: string } {
  const { values, positionals } = parseCommandLine(argv, {
    usage: USAGE,
    options: { "stack-file": { type: "string", default: EXAMPLE_STACK_FILE } },
    positionals: { min: 1, max: 1 },
  });
  return { ref: positionals[0], stackFile: values["stack-file"] };
}

export function runDiff(argv: string[]): string {
  const { ref, stackFile } = diffArgs(argv);
  const before = readAlertingSnapshot(alertingFilesAt(ref));
  const after = readAlertingSnapshot(alertingFilesOfWorkingTree(stackFile));
  const shown = relative(process.cwd(), stackFile) || stackFile;
  return `Alert behaviour: ${ref} -> working tree (${shown})\n${formatBehaviourDiff(behaviourDiff(before, after))}`;
}

if (require.main === module) runCli("diff", (argv) => process.stdout.write(runDiff(argv)));
