import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { cacheDir, cachedBinary, type Engine } from "./pins";

/** A failed step of a build: the engine, the step and the tool's last line. */
export class EngineBuildError extends Error {
  constructor(engine: Engine, step: string, detail: string) {
    super(`${engine.name} ${engine.version}: ${step} failed: ${detail}`);
    this.name = "EngineBuildError";
  }
}

function lastLine(text: string): string {
  return text.trim().split("\n").filter(Boolean).pop()?.slice(0, 300) ?? "no output";
}

function run(engine: Engine, step: string, cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const r = spawnSync(cmd, args, { cwd, env, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.error)
    throw new EngineBuildError(
      engine,
      step,
      (r.error as NodeJS.ErrnoException).code === "ENOENT" ? `${cmd} is not installed` : r.error.message,
    );
  if (r.status !== 0) throw new EngineBuildError(engine, step, lastLine(r.stderr || r.stdout));
  return r.stdout;
}

/** The module's source folder in Go's (read-only) module cache, downloaded from the proxy. */
function download(engine: Engine, module: string, version: string, env: NodeJS.ProcessEnv): string {
  const out = run(
    engine,
    `go mod download ${module}@${version}`,
    "go",
    ["mod", "download", "-json", `${module}@${version}`],
    cacheDir(env),
    env,
  );
  const info = JSON.parse(out) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new EngineBuildError(engine, `go mod download ${module}@${version}`, info.Error ?? "no Dir");
  return info.Dir;
}

/**
 * Builds an engine whose modules the Go module proxy serves: `go install` refuses modules with
 * replace directives, so the main module is copied out of the read-only module cache, each replaced
 * module is placed where its replace points, and `go build` runs in the copy. The binary is moved
 * into the cache only when the build succeeded, so an interrupted build is never reused.
 */
export function buildFromProxy(engine: Engine, env: NodeJS.ProcessEnv, progress: (line: string) => void): string {
  const source = engine.source;
  if (source.kind !== "go-proxy") throw new Error(`${engine.name} is not built from the Go module proxy`);
  const goEnv = { ...env, GOFLAGS: "-mod=mod" };
  mkdirSync(cacheDir(env), { recursive: true });
  run(engine, "go version", "go", ["version"], cacheDir(env), goEnv);
  const work = join(cacheDir(env), "src", `${engine.name}-${engine.version}`);
  rmSync(work, { recursive: true, force: true });
  progress(`${engine.name}: downloading ${source.module}@${source.version}`);
  const main = join(work, "main");
  cpSync(download(engine, source.module, source.version, goEnv), main, { recursive: true });
  for (const r of source.replaces) {
    progress(`${engine.name}: downloading ${r.module}@${r.version} for the replace => ${r.dir}`);
    const dir = resolve(main, r.dir);
    cpSync(download(engine, r.module, r.version, goEnv), dir, { recursive: true });
  }
  // The module cache is read-only; the copies must be writable for go to update go.sum.
  run(engine, "chmod", "chmod", ["-R", "u+w", work], work, goEnv);
  progress(`${engine.name}: go build ${source.pkg} (several minutes on 2 cores)`);
  const target = cachedBinary(engine, env);
  const partial = `${target}.partial`;
  mkdirSync(dirname(target), { recursive: true });
  run(engine, `go build ${source.pkg}`, "go", ["build", "-ldflags", source.ldflags, "-o", partial, source.pkg], main, goEnv);
  if (!existsSync(partial)) throw new EngineBuildError(engine, "go build", "no binary written");
  renameSync(partial, target);
  return target;
}

/**
 * Builds a Go module of this repository (its requirements come from the Go module proxy, pinned by
 * its go.sum), stamping the content version the cache is keyed by. Moved into the cache only when
 * the build succeeded.
 */
export function buildRepositoryModule(engine: Engine, root: string, env: NodeJS.ProcessEnv, progress: (line: string) => void): string {
  const source = engine.source;
  if (source.kind !== "repository-module") throw new Error(`${engine.name} is not a module of this repository`);
  const dir = join(root, source.dir);
  run(engine, "go version", "go", ["version"], dir, env);
  progress(`${engine.name}: go build ${source.dir} (downloads its modules from the Go module proxy the first time)`);
  const target = cachedBinary(engine, env);
  const partial = `${target}.partial`;
  mkdirSync(dirname(target), { recursive: true });
  run(
    engine,
    `go build ${source.dir}`,
    "go",
    ["build", "-ldflags", `-X main.version=${engine.version}`, "-o", partial, source.pkg],
    dir,
    env,
  );
  if (!existsSync(partial)) throw new EngineBuildError(engine, "go build", "no binary written");
  renameSync(partial, target);
  return target;
}
