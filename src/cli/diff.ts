import { execFileSync } from "node:child_process";
import { relative } from "node:path";
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

export class UsageError extends Error {}

function git(args: string[]): string {
  return execFileSync("git", args, { cwd: REPO_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
}

/** The committed alerting provisioning files at a ref, by name within rendered/. */
export function alertingFilesAt(ref: string): Map<string, string> {
  try {
    git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new UsageError(`unknown git ref "${ref}": expected a branch, tag or commit (e.g. origin/main, HEAD~1)`);
  }
  const paths = git(["ls-tree", "-r", "--name-only", ref, "--", ALERTING_DIR])
    .split("\n")
    .filter((p) => p.endsWith(".yaml"));
  if (paths.length === 0) throw new UsageError(`${ref} has no ${ALERTING_DIR}*.yaml to compare with`);
  return new Map(paths.map((p) => [p.slice("rendered/".length), git(["show", `${ref}:${p}`])]));
}

/** The working tree's alerting provisioning files, rendered in memory from a stack file. */
export function alertingFilesOfWorkingTree(stackFile: string): Map<string, string> {
  const files = renderArtifacts(readStackFile(stackFile));
  return new Map([...files].filter(([path]) => path.startsWith("alerting/")));
}

export function parseArgs(argv: string[]): { ref: string; stackFile: string } {
  const positional: string[] = [];
  let stackFile = EXAMPLE_STACK_FILE;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--stack-file") {
      if (!argv[i + 1]) throw new UsageError("--stack-file needs a path");
      stackFile = argv[++i];
    } else if (argv[i].startsWith("-")) throw new UsageError(`unknown option ${argv[i]}`);
    else positional.push(argv[i]);
  }
  if (positional.length !== 1) throw new UsageError("usage: npm run diff -- <git-ref> [--stack-file Pulumi.<stack>.yaml]");
  return { ref: positional[0], stackFile };
}

export function runDiff(argv: string[]): string {
  const { ref, stackFile } = parseArgs(argv);
  const before = readAlertingSnapshot(alertingFilesAt(ref));
  const after = readAlertingSnapshot(alertingFilesOfWorkingTree(stackFile));
  const shown = relative(process.cwd(), stackFile) || stackFile;
  return `Alert behaviour: ${ref} -> working tree (${shown})\n${formatBehaviourDiff(behaviourDiff(before, after))}`;
}

if (require.main === module) {
  try {
    process.stdout.write(runDiff(process.argv.slice(2)));
  } catch (e) {
    console.error(`diff: ${e instanceof Error ? e.message : e}`);
    process.exit(e instanceof UsageError ? 2 : 1);
  }
}
