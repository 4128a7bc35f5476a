import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { parseCommandLine, runCli, UsageError } from "./args";
import { readAlertingSnapshot } from "../review/alert-snapshot";
import { behaviourDiff, type ReviewSnapshot } from "../review/behaviour-diff";
import { formatMarkdown, formatText, type Section } from "../review/changes";
import { credentialChanges, credentialDigests } from "../review/credentials";
import { readDashboardSnapshot } from "../review/dashboard-snapshot";
import { EXAMPLE_STACK_FILE, REPO_ROOT } from "../config/paths";
import { renderArtifacts } from "../emit/files/artifacts";
import { readStackFile } from "../config/stack-file";

/**
 * `npm run diff -- <git-ref> [--to <git-ref>] [--stack-file Pulumi.<stack>.yaml] [--format text|markdown]`:
 * what changes in behaviour (alerts, routing, contact points, mute timings, dashboards, credentials)
 * from the definitions at <git-ref> to the working tree, or to the `--to` ref. A ref's side is read
 * from its committed rendered/ (kept fresh by a test); the working tree is rendered in memory.
 */

const COMPARED_DIRS = ["alerting/", "dashboards/"];
const USAGE = "usage: npm run diff -- <git-ref> [--to <git-ref>] [--stack-file Pulumi.<stack>.yaml] [--format text|markdown]";
const FORMATS = ["text", "markdown"] as const;
type Format = (typeof FORMATS)[number];

function git(args: string[]): string {
  return execFileSync("git", args, { cwd: REPO_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
}

/** The committed provisioning files and dashboards at a ref, by name within rendered/. */
export function renderedFilesAt(ref: string): Map<string, string> {
  try {
    git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new UsageError(`unknown git ref "${ref}": expected a branch, tag or commit (e.g. origin/main, HEAD~1)`, USAGE);
  }
  const paths = git(["ls-tree", "-r", "--name-only", ref, "--", ...COMPARED_DIRS.map((d) => `rendered/${d}`)])
    .split("\n")
    .filter((p) => p.endsWith(".yaml") || p.endsWith(".json"));
  if (!paths.some((p) => p.startsWith("rendered/alerting/"))) throw new UsageError(`${ref} has no rendered/alerting/*.yaml to compare with`, USAGE);
  return new Map(paths.map((p) => [p.slice("rendered/".length), git(["show", `${ref}:${p}`])]));
}

/** The working tree's provisioning files and dashboards, rendered in memory from a stack file. */
export function renderedFilesOfWorkingTree(stackFile: string): Map<string, string> {
  const files = renderArtifacts(readStackFile(stackFile));
  return new Map([...files].filter(([path]) => COMPARED_DIRS.some((d) => path.startsWith(d))));
}

/** Both kinds of rendered file read back. */
export function reviewSnapshot(files: Map<string, string>): ReviewSnapshot {
  const pick = (dir: string) => [...files].filter(([path]) => path.startsWith(dir));
  return { ...readAlertingSnapshot(pick("alerting/")), dashboards: readDashboardSnapshot(pick("dashboards/")) };
}

/** A file's committed text at a ref, or undefined when the ref does not have it. */
function fileAt(ref: string, path: string): string | undefined {
  try {
    return git(["show", `${ref}:${path}`]);
  } catch {
    return undefined;
  }
}

/**
 * The stack file's secrets on both sides, when both have that file (a stack file new since the ref
 * has nothing to compare with: no changes).
 */
function credentialSection(ref: string, to: string | undefined, stackFile: string): Section {
  const path = relative(REPO_ROOT, stackFile);
  const inRepo = !path.startsWith("..");
  const before = inRepo ? fileAt(ref, path) : undefined;
  const after = to === undefined ? readFileSync(stackFile, "utf8") : inRepo ? fileAt(to, path) : undefined;
  const changes = before === undefined || after === undefined ? [] : credentialChanges(credentialDigests(before), credentialDigests(after));
  return { title: "Credentials", changes };
}

export function diffArgs(argv: string[]): { ref: string; to?: string; stackFile: string; format: Format } {
  const { values, positionals } = parseCommandLine(argv, {
    usage: USAGE,
    options: {
      "stack-file": { type: "string", default: EXAMPLE_STACK_FILE },
      format: { type: "string", default: "text" },
      to: { type: "string" },
    },
    positionals: { min: 1, max: 1 },
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be text or markdown (got "${values.format}")`, USAGE);
  return { ref: positionals[0], ...(values.to !== undefined ? { to: values.to } : {}), stackFile: values["stack-file"], format };
}

export function runDiff(argv: string[]): string {
  const { ref, to, stackFile, format } = diffArgs(argv);
  const beforeFiles = renderedFilesAt(ref);
  const afterFiles = to === undefined ? renderedFilesOfWorkingTree(stackFile) : renderedFilesAt(to);
  const sections = [...behaviourDiff(reviewSnapshot(beforeFiles), reviewSnapshot(afterFiles)), credentialSection(ref, to, stackFile)];
  const shown = relative(process.cwd(), stackFile) || stackFile;
  const target = to === undefined ? `working tree (${shown})` : to;
  if (format === "markdown") return formatMarkdown(sections, `Behaviour diff: \`${ref}\` → ${to === undefined ? `working tree (\`${shown}\`)` : `\`${to}\``}`);
  return `Behaviour: ${ref} -> ${target}\n${formatText(sections)}`;
}

if (require.main === module) runCli("diff", (argv) => process.stdout.write(runDiff(argv)));
