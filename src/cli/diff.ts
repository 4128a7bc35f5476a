import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { defineCommand, parseCommandLine, processIO, runAsProcess, runCommand, UsageError, type CliIO } from "./args";
import { readAlertingSnapshot } from "../review/alert-snapshot";
import { behaviourDiff, type ReviewSnapshot } from "../review/behaviour-diff";
import { formatMarkdown, formatText, type Section } from "../review/changes";
import { credentialChanges, credentialDigests } from "../review/credentials";
import { readDashboardSnapshot } from "../review/dashboard-snapshot";
import { REPO_ROOT } from "../config/paths";
import { renderArtifacts } from "../emit/files/artifacts";
import { readStackFile } from "../config/stack-file";

/**
 * `npm run diff -- <git-ref> [--to <git-ref>] [--stack-file Pulumi.<stack>.yaml] [--format text|markdown]`:
 * what changes in behaviour (alerts, routing, contact points, mute timings, dashboards, credentials)
 * from the definitions at <git-ref> to the working tree, or to the `--to` ref. A ref's side is read
 * from its committed rendered/ (kept fresh by a test); the working tree is rendered in memory.
 */

const COMPARED_DIRS = ["alerting/", "dashboards/"];
export const DIFF = defineCommand({
  usage:
    "usage: npm run diff -- <git-ref> [--to <git-ref>] [--stack-file Pulumi.<stack>.yaml] [--format text|markdown]\n" +
    "  --to <git-ref>: compare with that ref's committed rendered/ instead of the working tree",
  about:
    "What changes in behaviour (alerts, routing, contact points, mute timings, dashboards, credentials) from the\n" +
    "definitions at <git-ref> to the working tree, or to the --to ref. Credentials are named, never shown.",
  positionals: { min: 1, max: 1, shown: "<git-ref>", explanation: "The base side: a branch, tag or commit (origin/main, HEAD~1)." },
  options: {
    to: {
      type: "string",
      argument: "GIT-REF",
      explanation: "Compare with this ref's committed rendered/ instead of the working tree.",
      example: "npm run diff -- HEAD~1 --to HEAD",
    },
    "stack-file": {
      type: "string",
      argument: "FILE",
      explanation: "The Pulumi stack file the working tree is rendered from, and whose credentials are compared.",
      example: "npm run diff -- origin/main --stack-file Pulumi.staging.example.yaml",
      shownDefault: "Pulumi.example.yaml",
    },
    format: { type: "string", default: "text", argument: "text|markdown", explanation: "The report's format (markdown for a PR comment).", example: "npm run diff -- origin/main --format markdown" },
  },
});
const USAGE = DIFF.usage;
const FORMATS = ["text", "markdown"] as const;
type Format = (typeof FORMATS)[number];

function git(args: string[], root: string): string {
  return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
}

/** The committed provisioning files and dashboards at a ref, by name within rendered/. */
export function renderedFilesAt(ref: string, root = REPO_ROOT): Map<string, string> {
  try {
    git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], root);
  } catch {
    throw new UsageError(`unknown git ref "${ref}": expected a branch, tag or commit (e.g. origin/main, HEAD~1)`, USAGE);
  }
  const paths = git(["ls-tree", "-r", "--name-only", ref, "--", ...COMPARED_DIRS.map((d) => `rendered/${d}`)], root)
    .split("\n")
    .filter((p) => p.endsWith(".yaml") || p.endsWith(".json"));
  if (!paths.some((p) => p.startsWith("rendered/alerting/"))) throw new UsageError(`${ref} has no rendered/alerting/*.yaml to compare with`, USAGE);
  return new Map(paths.map((p) => [p.slice("rendered/".length), git(["show", `${ref}:${p}`], root)]));
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
function fileAt(ref: string, path: string, root: string): string | undefined {
  try {
    return git(["show", `${ref}:${path}`], root);
  } catch {
    return undefined;
  }
}

/**
 * The stack file's secrets on both sides, when both have that file (a stack file new since the ref
 * has nothing to compare with: no changes).
 */
function credentialSection(ref: string, to: string | undefined, stackFile: string, root: string): Section {
  const path = relative(root, stackFile);
  const inRepo = !path.startsWith("..");
  const before = inRepo ? fileAt(ref, path, root) : undefined;
  const after = to === undefined ? readFileSync(stackFile, "utf8") : inRepo ? fileAt(to, path, root) : undefined;
  const changes = before === undefined || after === undefined ? [] : credentialChanges(credentialDigests(before), credentialDigests(after));
  return { title: "Credentials", changes };
}

/** The command line; a relative --stack-file is read from `cwd` (the repository the diff runs in). */
export function diffArgs(argv: string[], cwd = REPO_ROOT): { ref: string; to?: string; stackFile: string; format: Format } {
  const { values, positionals } = parseCommandLine(argv, DIFF);
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be text or markdown (got "${values.format}")`, USAGE);
  return { ref: positionals[0], ...(values.to !== undefined ? { to: values.to } : {}), stackFile: resolve(cwd, values["stack-file"] ?? join(cwd, "Pulumi.example.yaml")), format };
}

/** The diff's report; `cwd` is the repository whose refs and working tree are compared. */
export function runDiff(argv: string[], cwd = REPO_ROOT): string {
  const { ref, to, stackFile, format } = diffArgs(argv, cwd);
  const beforeFiles = renderedFilesAt(ref, cwd);
  const afterFiles = to === undefined ? renderedFilesOfWorkingTree(stackFile) : renderedFilesAt(to, cwd);
  const sections = [...behaviourDiff(reviewSnapshot(beforeFiles), reviewSnapshot(afterFiles)), credentialSection(ref, to, stackFile, cwd)];
  const shown = relative(cwd, stackFile) || stackFile;
  const target = to === undefined ? `working tree (${shown})` : to;
  if (format === "markdown") return formatMarkdown(sections, `Behaviour diff: \`${ref}\` → ${to === undefined ? `working tree (\`${shown}\`)` : `\`${to}\``}`);
  return `Behaviour: ${ref} -> ${target}\n${formatText(sections)}`;
}

/** `npm run diff`: the exit code (0 the report was printed, 1 a failure, 2 a bad command line or ref). */
export function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  return runCommand("diff", () => io.stdout(runDiff(argv, io.cwd)), io);
}

if (require.main === module) runAsProcess(main);
