import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";

export const REPO_ROOT = join(__dirname, "..", "..");
export const RENDERED_DIR = join(REPO_ROOT, "rendered");
export const EXAMPLE_STACK_FILE = join(REPO_ROOT, "Pulumi.example.yaml");

/** Folders of the repository that hold its sources: no command writes into them. */
export const SOURCE_DIRS = [
  ".git",
  ".github",
  "alerts",
  "contact-points",
  "dashboards",
  "docs",
  "node_modules",
  "recording-rules",
  "runbooks",
  "scripts",
  "src",
  "test",
] as const;

/**
 * The strict file-name grammar of every name that becomes a file name (health check job, uids,
 * fixture and export names): a letter or digit, then letters, digits, `.`, `_` or `-`, at most 100
 * characters. No `/`, no `..`, nothing a shell or file system reads specially.
 */
export const SAFE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * `name` as a file name: itself when it fits SAFE_FILE_NAME, otherwise its safe characters and a
 * digest of the whole name (so `pizza/api` and `pizza:api` stay two files).
 */
export function safeFileName(name: string): string {
  if (SAFE_FILE_NAME.test(name)) return name;
  const kept = name
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[^A-Za-z0-9]+/, "")
    .slice(0, 80);
  const digest = createHash("sha256").update(name).digest("hex").slice(0, 12);
  return kept ? `${kept}-${digest}` : digest;
}

/** `path` with symbolic links resolved, for as much of it as exists. */
export function realPath(path: string): string {
  const absolute = resolve(path);
  let existing = absolute;
  const rest: string[] = [];
  while (!existsSync(existing) && dirname(existing) !== existing) {
    rest.unshift(basename(existing));
    existing = dirname(existing);
  }
  try {
    return join(realpathSync(existing), ...rest);
  } catch {
    return absolute;
  }
}

function inside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith(sep));
}

/** Which command writes an output folder, to keep each command out of the others' folders. */
export type OutputOwner = "render" | "replay" | "preview";

/**
 * Why `dir` may not be an output folder of `owner` (named by its `flag`), or undefined when it may:
 * `/`, the repository root or any folder holding it, a source folder or anything inside one, and
 * another command's output (rendered/ belongs to render; a folder inside rendered/ to nobody).
 */
export function outputFolderProblem(dir: string, flag: string, owner: OutputOwner): string | undefined {
  // Linux's NAME_MAX and PATH_MAX: refused here, naming the flag, rather than as ENAMETOOLONG later.
  if (
    resolve(dir)
      .split(sep)
      .some((part) => Buffer.byteLength(part) > 255)
  )
    return `${flag}: a folder name in it is longer than 255 bytes, more than the file system allows`;
  if (Buffer.byteLength(resolve(dir)) > 4000) return `${flag}: the path is longer than 4000 bytes, more than the file system allows`;
  if (resolve(dir).includes("\0")) return `${flag}: the path contains a NUL character`;
  const path = realPath(dir);
  const root = realPath(REPO_ROOT);
  const rendered = realPath(RENDERED_DIR);
  if (dirname(path) === path) return `${flag}: refusing to write into the file system root ${path}`;
  if (inside(root, path)) return `${flag}: ${path} is the repository root or holds it; expected a folder of its own`;
  for (const source of SOURCE_DIRS) {
    if (inside(path, join(root, source))) return `${flag}: ${path} is inside the source folder ${source}/; expected a folder of its own`;
  }
  if (owner === "render" && inside(path, rendered) && path !== rendered)
    return `${flag}: ${path} is inside rendered/, render's own output; expected rendered/ itself or a folder outside it`;
  if (owner !== "render" && inside(path, rendered))
    return `${flag}: ${path} is render's output folder rendered/ or inside it; expected a folder of its own`;
  return undefined;
}

/**
 * Why `file` may not be written as a command's output file (named by its `flag`), or undefined when
 * it may: too long, inside a source folder or rendered/, a folder, or an existing file that `isOurs`
 * does not recognise as an earlier output of the same kind (so a typo never overwrites package.json).
 */
export function outputFileProblem(file: string, flag: string, isOurs: (text: string) => boolean): string | undefined {
  const absolute = resolve(file);
  if (absolute.includes("\0")) return `${flag}: the path contains a NUL character`;
  if (absolute.split(sep).some((part) => Buffer.byteLength(part) > 255) || Buffer.byteLength(absolute) > 4000)
    return `${flag}: the path is longer than the file system allows`;
  const path = realPath(file);
  const root = realPath(REPO_ROOT);
  for (const folder of [...SOURCE_DIRS, "rendered"])
    if (inside(path, join(root, folder))) return `${flag}: ${path} is inside ${folder}/; expected a file of its own`;
  if (!existsSync(path)) return undefined;
  if (!statSync(path).isFile()) return `${flag}: ${path} exists and is not a file`;
  if (statSync(path).size > 64 << 20 || !isOurs(readFileSync(path, "utf8")))
    return `${flag}: ${path} exists and is not an earlier output of this command; refusing to overwrite it`;
  return undefined;
}
