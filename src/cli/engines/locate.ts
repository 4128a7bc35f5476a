import { accessSync, constants, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { cachedBinary, type Engine } from "./pins";

/** An engine's binary as found on this machine, or the one line saying why it is not usable and how to get it. */
export type Located = { engine: Engine; path: string; from: "env" | "cache" | "system" } | { engine: Engine; missing: string };

/** How to get an engine that is missing, in one clause. */
export function howToGet(engine: Engine): string {
  const s = engine.source;
  switch (s.kind) {
    case "go-proxy":
      return "run npm run engines";
    case "repository-module":
      return `run npm run engines -- --only ${engine.name}`;
    case "repository":
      return `${s.refusal}: build ${s.pkg} of ${s.repository} at tag ${s.tag} (docs/engines.md), then set ${engine.env} or put it at ${cachedBinary(engine)}`;
    case "debian":
      return `apt-get install ${s.debianPackage}`;
    case "unavailable":
      return `${s.refusal}; set ${engine.env} to a ${engine.binary} ${s.release} binary`;
  }
}

function executable(path: string): boolean {
  try {
    return statSync(path).isFile() && (accessSync(path, constants.X_OK), true);
  } catch {
    return false;
  }
}

/** The binary's own version answer, bounded: a wrong or hung binary is reported, never waited on. */
export function versionAnswer(path: string, engine: Engine): string {
  const run = spawnSync(path, engine.versionArgs, { encoding: "utf8", timeout: 20_000, maxBuffer: 1 << 20 });
  return `${run.stdout ?? ""}${run.stderr ?? ""}`;
}

function checked(engine: Engine, path: string, from: "env" | "cache" | "system"): Located {
  if (!executable(path))
    return { engine, missing: `${engine.name}: ${from === "env" ? `${engine.env}=${path}` : path} is not an executable file` };
  const answer = versionAnswer(path, engine);
  if (!answer.includes(engine.versionText)) {
    const first = answer.trim().split("\n")[0]?.slice(0, 120) || "nothing";
    return { engine, missing: `${engine.name}: ${path} is not ${engine.version} (it says: ${first})` };
  }
  return { engine, path, from };
}

/** `ENV` first (a binary the user already has), then the cache, then (Debian packages) the system path. */
export function locate(engine: Engine, env: NodeJS.ProcessEnv = process.env): Located {
  const override = env[engine.env];
  if (override) return checked(engine, override, "env");
  if (engine.source.kind === "debian") {
    const path = `/usr/bin/${engine.binary}`;
    if (!executable(path)) return { engine, missing: `${engine.name}: not installed: ${howToGet(engine)}` };
    return checked(engine, path, "system");
  }
  const path = cachedBinary(engine, env);
  if (!executable(path)) return { engine, missing: `${engine.name} ${engine.version}: not in the cache: ${howToGet(engine)}` };
  return checked(engine, path, "cache");
}

/** Locates engines by name; throws one line per missing engine, each saying how to get it. */
export function requireEngines(engines: Engine[], names: string[], env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const found: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of names) {
    const engine = engines.find((e) => e.name === name);
    if (!engine) throw new Error(`no engine named ${name}`);
    const l = locate(engine, env);
    if ("missing" in l) missing.push(l.missing);
    else found[name] = l.path;
  }
  if (missing.length) {
    const error = new Error(missing.join("\n"));
    error.stack = error.message;
    throw error;
  }
  return found;
}
