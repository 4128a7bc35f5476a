import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { EXAMPLE_STACK_FILE, REPO_ROOT } from "../../config/paths";

/**
 * The one implementation of "render a git ref": the artifacts a ref's definitions render from a
 * stack file, for the review diff (src/cli/diff.ts) and the backtest (src/backtest/catalogue.ts).
 * When the stack file is, byte for byte, the ref's own Pulumi.example.yaml, that is the ref's
 * committed rendered/ (kept fresh by a test); otherwise the ref's tree is rendered by its own
 * `npm run render` with that stack file.
 */

/** A ref git does not know: the CLIs show it with their usage. */
export class UnknownRefError extends Error {
  constructor(readonly ref: string) {
    super(`unknown git ref "${ref}": expected a branch, tag or commit (e.g. origin/main, HEAD~1)`);
    this.name = "UnknownRefError";
  }
}

function git(args: string[], cwd = REPO_ROOT): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
}

/** The top folder of the git repository `cwd` is in. */
export function repositoryOf(cwd: string): string {
  try {
    return git(["rev-parse", "--show-toplevel"], cwd).trim();
  } catch {
    throw new Error(`${cwd} is not inside a git repository: run the command from your checkout of pizza-observability`);
  }
}

export function verifiedRef(ref: string, repo = REPO_ROOT): void {
  try {
    git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], repo);
  } catch {
    throw new UnknownRefError(ref);
  }
}

/** A file's committed text at a ref (path relative to the repository), or undefined when the ref does not have it. */
export function fileAtRef(ref: string, path: string, repo = REPO_ROOT): string | undefined {
  try {
    return git(["show", `${ref}:${path}`], repo);
  } catch {
    return undefined;
  }
}

/** The ref's committed rendered/ (the example stack's artifacts), by path within rendered/. */
export function committedRenderedFiles(ref: string, repo = REPO_ROOT): Map<string, string> {
  verifiedRef(ref, repo);
  const paths = git(["ls-tree", "-r", "--name-only", ref, "--", "rendered/"], repo).split("\n").filter(Boolean);
  if (!paths.some((p) => p.startsWith("rendered/alerting/"))) throw new Error(`${ref} has no rendered/alerting/*.yaml`);
  const texts = blobsAtRef(ref, paths, repo);
  return new Map(paths.map((p, i) => [p.slice("rendered/".length), texts[i]]));
}

/** The committed texts of files at a ref, in one `git cat-file --batch` (one process, not one per file). */
function blobsAtRef(ref: string, paths: string[], repo: string): string[] {
  const out = execFileSync("git", ["cat-file", "--batch"], {
    cwd: repo,
    input: paths.map((p) => `${ref}:${p}\n`).join(""),
    stdio: ["pipe", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  // Each answer: "<object id> blob <size>\n", the content, "\n" (or "<name> missing\n").
  const texts: string[] = [];
  let at = 0;
  for (const p of paths) {
    const eol = out.indexOf(10, at);
    const header = out.subarray(at, eol).toString("utf8");
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1];
    if (size === undefined) throw new Error(`git cat-file: cannot read ${ref}:${p} (${header.slice(0, 200)})`);
    texts.push(out.subarray(eol + 1, eol + 1 + Number(size)).toString("utf8"));
    at = eol + 1 + Number(size) + 1;
  }
  return texts;
}

function filesUnder(dir: string, prefix = ""): Array<[string, string]> {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e): Array<[string, string]> =>
      e.isDirectory()
        ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`)
        : [[`${prefix}${e.name}`, readFileSync(join(dir, e.name), "utf8")]],
    )
    .sort(([a], [b]) => a.localeCompare(b));
}

/**
 * Every artifact `ref`'s definitions render from a stack file's text (`stackName` names it in
 * messages), in the repository `repo` (this checkout by default): relative path within rendered/ -> content.
 */
export function renderedFilesAtRef(ref: string, stackText: string, stackName: string, repo = REPO_ROOT): Map<string, string> {
  verifiedRef(ref, repo);
  const example = relative(REPO_ROOT, EXAMPLE_STACK_FILE);
  if (fileAtRef(ref, example, repo) === stackText) return committedRenderedFiles(ref, repo);
  const dir = mkdtempSync(join(tmpdir(), "pizza-render-ref-"));
  try {
    const tree = join(dir, "tree");
    const out = join(dir, "rendered");
    const stackFile = join(dir, "Pulumi.stack.yaml");
    writeFileSync(stackFile, stackText);
    execFileSync("sh", ["-c", 'mkdir -p "$1" && git archive --format=tar "$2" | tar -x -C "$1"', "sh", tree, ref], {
      cwd: repo,
      stdio: ["ignore", "ignore", "pipe"],
    });
    symlinkSync(join(REPO_ROOT, "node_modules"), join(tree, "node_modules"));
    // As the ref's `npm run render` starts it: node with tsx's CommonJS loader.
    const r = spawnSync(process.execPath, ["--require", "tsx/cjs", "src/cli/render.ts", "--stack-file", stackFile, "--out", out], {
      cwd: tree,
      encoding: "utf8",
    });
    if (r.status !== 0) {
      const output = `${r.stdout}${r.stderr}`.split(stackFile).join(stackName).trim().slice(0, 2000);
      throw new Error(`cannot render ${ref}'s definitions from ${stackName}:\n${output}`);
    }
    return new Map(filesUnder(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
