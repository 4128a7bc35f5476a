import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";

/**
 * The engines the stack is tested against, pinned. The Pulumi SDK and the Grafana provider take
 * their versions from package-lock.json, so the binaries can never drift from the npm packages
 * that drive them; the others are pinned here. docs/engines.md explains each choice.
 */

/** Where an engine's source comes from, and so whether `npm run engines` can build it here. */
export type EngineSource =
  /** Go modules the Go module proxy serves: built here. `replaces` places a module at a path relative to the main one. */
  | {
      kind: "go-proxy";
      module: string;
      version: string;
      pkg: string;
      ldflags: string;
      replaces: Array<{ module: string; version: string; dir: string }>;
    }
  /** A Go module of this repository (`dir`), its requirements from the Go module proxy: built here. */
  | { kind: "repository-module"; dir: string; pkg: string }
  /** A public repository the proxy does not serve: built from a checkout of `tag` by whoever has one, then reused. */
  | { kind: "repository"; repository: string; tag: string; pkg: string; refusal: string }
  /** A Debian package (.ci/run installs it). */
  | { kind: "debian"; debianPackage: string }
  /** Nothing here can provide it; a user points at their own binary. */
  | { kind: "unavailable"; repository: string; release: string; refusal: string };

/**
 * How this machine gets an engine, the three kinds `npm run engines` shows and docs/engines.md explains:
 * from a registry (Debian, the Go module proxy: `.ci/run` installs or builds it, and a check that needs
 * it fails when it is missing), by hand (built by a person from a repository `fetch` brings, found
 * through its \`*_BIN\` variable or the cache, never built by a script here: its checks are skipped where
 * it is absent, and its answers are recorded as data in the repository), or not available here at all.
 * A Go module of this repository (the page-text helper) builds from the module proxy: a registry's.
 */
export type Supply = "registry" | "by hand" | "not available";

export function supplyOf(engine: Engine): Supply {
  switch (engine.source.kind) {
    case "go-proxy":
    case "repository-module":
    case "debian":
      return "registry";
    case "repository":
      return "by hand";
    case "unavailable":
      return "not available";
  }
}

export interface Engine {
  name: string;
  version: string;
  /** The executable's file name. */
  binary: string;
  /** Environment variable naming a binary the user already has; it wins over the cache. */
  env: string;
  /** Arguments that make the binary print its version, and the text that must appear in the answer. */
  versionArgs: string[];
  versionText: string;
  source: EngineSource;
  /** What the e2e checks use it for. */
  usedFor: string;
}

function lockedVersion(root: string, pkg: string): string {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string }> };
  const version = lock.packages[`node_modules/${pkg}`]?.version;
  if (!version) throw new Error(`package-lock.json: no version of ${pkg}`);
  return version;
}

/** The page-text helper: Grafana's annotation expansion over Prometheus' template engine (tools/page-text/main.go). */
export const PAGE_TEXT_DIR = "tools/page-text";

/**
 * A module of this repository is versioned by its content (go.mod, go.sum and its Go files): a
 * cached binary built from other sources is never taken for it.
 */
function moduleVersion(root: string, dir: string): string {
  const hash = createHash("sha256");
  const folder = join(root, dir);
  for (const file of readdirSync(folder)
    .filter((f) => /^go\.(mod|sum)$|\.go$/.test(f))
    .sort())
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(join(folder, file)))
      .update("\0");
  return `src-${hash.digest("hex").slice(0, 12)}`;
}

export const LOKI_VERSION = "v3.7.6";
/** Grafana 12.4.0 is the first release whose file provisioning takes recording rules' targetDatasourceUid. */
export const GRAFANA_RELEASE = "12.4.0";

export function engines(root: string): Engine[] {
  const pulumi = lockedVersion(root, "@pulumi/pulumi");
  const provider = lockedVersion(root, "@pulumiverse/grafana");
  const versionFlag = `-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${pulumi}`;
  const pageText = moduleVersion(root, PAGE_TEXT_DIR);
  return [
    {
      name: "pulumi",
      version: `v${pulumi}`,
      binary: "pulumi",
      env: "PULUMI_BIN",
      versionArgs: ["version"],
      versionText: `v${pulumi}`,
      source: {
        kind: "go-proxy",
        module: "github.com/pulumi/pulumi/pkg/v3",
        version: `v${pulumi}`,
        pkg: "./cmd/pulumi",
        ldflags: versionFlag,
        // pkg/go.mod: replace github.com/pulumi/pulumi/sdk/v3 => ../sdk
        replaces: [{ module: "github.com/pulumi/pulumi/sdk/v3", version: `v${pulumi}`, dir: "../sdk" }],
      },
      usedFor: "the Pulumi engine: preview of the stack with the real provider, local file backend",
    },
    {
      name: "pulumi-language-nodejs",
      version: `v${pulumi}`,
      binary: "pulumi-language-nodejs",
      env: "PULUMI_LANGUAGE_NODEJS_BIN",
      versionArgs: ["-version"],
      versionText: pulumi,
      source: {
        kind: "repository",
        repository: "pulumi/pulumi",
        tag: `v${pulumi}`,
        pkg: "sdk/nodejs/cmd/pulumi-language-nodejs",
        refusal: "the Go module proxy does not serve github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 (403)",
      },
      usedFor: "runs the TypeScript program for the Pulumi engine",
    },
    {
      name: "pulumi-resource-grafana",
      version: `v${provider}`,
      binary: "pulumi-resource-grafana",
      env: "PULUMI_RESOURCE_GRAFANA_BIN",
      versionArgs: ["-version"],
      versionText: provider,
      source: {
        kind: "unavailable",
        repository: "pulumiverse/pulumi-grafana",
        release: `v${provider}`,
        refusal:
          "the Go module proxy refuses the provider and 15 of its modules (terraform-provider-grafana v4, pulumi-terraform-bridge, and Grafana's AGPL apps/* modules, whose repository is larger than a snapshot can be)",
      },
      usedFor: "not used by the e2e here (docs/engines.md): the engine stops where it would hand it the first resource",
    },
    {
      name: "loki",
      version: LOKI_VERSION,
      binary: "loki",
      env: "LOKI_BIN",
      versionArgs: ["-version"],
      versionText: `version ${LOKI_VERSION.slice(1)}`,
      source: {
        kind: "repository",
        repository: "grafana/loki",
        tag: LOKI_VERSION,
        pkg: "cmd/loki",
        refusal: "the Go module proxy refuses github.com/grafana/loki/v3 (AGPL-3.0: not served here)",
      },
      usedFor: "LogQL: the replay's evaluator compared with Loki on the same pushed logs",
    },
    {
      name: "page-text",
      version: pageText,
      binary: "page-text",
      env: "PIZZA_PAGE_TEXT_BIN",
      versionArgs: ["-version"],
      versionText: `page-text ${pageText}`,
      source: { kind: "repository-module", dir: PAGE_TEXT_DIR, pkg: "." },
      usedFor:
        "a page's words: rule summaries and descriptions expanded as Grafana does, with Prometheus' template engine (npm test, npm run replay -- --page-text)",
    },
    {
      name: "prometheus",
      version: "Debian",
      binary: "prometheus",
      env: "PROMETHEUS",
      versionArgs: ["--version"],
      versionText: "prometheus, version",
      source: { kind: "debian", debianPackage: "prometheus" },
      usedFor: "PromQL rules (replay, backtest) and the local stack's metrics store",
    },
    {
      name: "amtool",
      version: "Debian",
      binary: "amtool",
      env: "AMTOOL",
      versionArgs: ["--version"],
      versionText: "amtool, version",
      source: { kind: "debian", debianPackage: "prometheus-alertmanager" },
      usedFor: "the Alertmanager export's routing tests and the notification template (npm test)",
    },
    {
      name: "chromium",
      version: "Debian",
      binary: "chromium",
      env: "CHROMIUM_BIN",
      versionArgs: ["--version"],
      versionText: "Chromium",
      source: { kind: "debian", debianPackage: "chromium" },
      usedFor: "the pictures users see (timelines, dashboard previews), drawn as they will see them",
    },
    {
      name: "grafana",
      version: GRAFANA_RELEASE,
      binary: "grafana",
      env: "GRAFANA_BIN",
      versionArgs: ["--version"],
      versionText: `Version ${GRAFANA_RELEASE}`,
      source: {
        kind: "unavailable",
        repository: "grafana/grafana",
        release: `v${GRAFANA_RELEASE}`,
        refusal:
          "the Go module proxy refuses github.com/grafana/grafana (AGPL-3.0: not served here) and its repository (3.2 GB) is larger than a snapshot can be",
      },
      usedFor: "not used by the e2e here (see docs/engines.md); the docker compose file runs it",
    },
  ];
}

/** The cache of built engines: outside the repository so a fresh clone (CI) reuses it. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PIZZA_ENGINES_DIR) return resolve(env.PIZZA_ENGINES_DIR);
  return join(env.XDG_CACHE_HOME ? resolve(env.XDG_CACHE_HOME) : join(homedir(), ".cache"), "pizza-observability", "engines");
}

/** Where the cache holds an engine's binary: one folder per engine and version, so two versions never collide. */
export function cachedBinary(engine: Engine, env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheDir(env), "bin", `${engine.name}-${engine.version}`, engine.binary);
}
