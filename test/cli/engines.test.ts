import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { howToGet, locate, requireEngines } from "../../src/cli/engines/locate";
import { cacheDir, cachedBinary, engines, supplyOf } from "../../src/cli/engines/pins";
import { main } from "../../src/cli/engines";
import { runMain } from "../support/cli";
import { standIn } from "../support/stand-in";

const ROOT = resolve(__dirname, "../..");
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { version: string }> };
const byName = (name: string) => engines(ROOT).find((e) => e.name === name)!;

describe("engine pins", () => {
  it("takes the Pulumi CLI's and the provider's versions from package-lock.json", () => {
    expect(byName("pulumi").version).toBe(`v${lock.packages["node_modules/@pulumi/pulumi"].version}`);
    expect(byName("pulumi-language-nodejs").version).toBe(`v${lock.packages["node_modules/@pulumi/pulumi"].version}`);
    expect(byName("pulumi-resource-grafana").version).toBe(`v${lock.packages["node_modules/@pulumiverse/grafana"].version}`);
  });

  it("keeps the cache outside the repository, one folder per engine and version, movable by PIZZA_ENGINES_DIR", () => {
    expect(cacheDir({ HOME: "/home/u" }).startsWith(ROOT)).toBe(false);
    expect(cachedBinary(byName("loki"), { PIZZA_ENGINES_DIR: "/tmp/e" })).toBe(`/tmp/e/bin/loki-${byName("loki").version}/loki`);
  });
});

describe("locating an engine", () => {
  const dir = mkdtempSync(join(tmpdir(), "engines-test-"));
  const env = { PIZZA_ENGINES_DIR: dir };
  const loki = byName("loki");

  it("reports a missing engine in one line that says how to get it", () => {
    const found = locate(loki, env);
    expect("missing" in found && found.missing).toBe(`loki ${loki.version}: not in the cache: ${howToGet(loki)}`);
    expect(howToGet(loki)).toContain("LOKI_BIN");
    expect(() => requireEngines(engines(ROOT), ["loki"], env)).toThrow(/^loki v[\d.]+: not in the cache: .*LOKI_BIN/);
  });

  it("finds the cached binary when it answers with the pinned version", () => {
    standIn(cachedBinary(loki, env), `loki, version ${loki.version.slice(1)} (branch: x)`);
    expect(locate(loki, env)).toMatchObject({ path: cachedBinary(loki, env), from: "cache" });
  });

  it("refuses a binary of another version, quoting its answer", () => {
    const other = standIn(join(dir, "other", "loki"), "loki, version 2.9.0");
    const found = locate(loki, { ...env, LOKI_BIN: other });
    expect("missing" in found && found.missing).toBe(`loki: ${other} is not ${loki.version} (it says: loki, version 2.9.0)`);
  });

  it("lets a binary the user names win over the cache", () => {
    const mine = standIn(join(dir, "mine", "loki"), `loki, version ${loki.version.slice(1)}`);
    expect(locate(loki, { ...env, LOKI_BIN: mine })).toMatchObject({ path: mine, from: "env" });
  });

  it("names the refusal for an engine this machine cannot build", () => {
    const found = locate(byName("grafana"), env);
    expect("missing" in found && found.missing).toMatch(/AGPL.*set GRAFANA_BIN/);
  });
});

describe("npm run engines: three kinds, and a failure exactly when a registry engine cannot be had", () => {
  /** Stand-ins answering with the pinned versions, named through each engine's variable. */
  function standIns(dir: string, names: string[]): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { PIZZA_ENGINES_DIR: join(dir, "cache") };
    for (const name of names) {
      const e = byName(name);
      env[e.env] = standIn(join(dir, name, e.binary), `${e.binary}, version ${e.versionText}`);
    }
    return env;
  }
  const registry = engines(ROOT)
    .filter((e) => supplyOf(e) === "registry")
    .map((e) => e.name);

  it("sorts every engine into registry, by hand or not available", () => {
    expect(Object.fromEntries(engines(ROOT).map((e) => [e.name, supplyOf(e)]))).toEqual({
      pulumi: "registry",
      "pulumi-language-nodejs": "by hand",
      "pulumi-resource-grafana": "not available",
      loki: "by hand",
      prometheus: "registry",
      amtool: "registry",
      chromium: "registry",
      "page-text": "registry",
      grafana: "not available",
    });
  });

  it("exits 0 with the by-hand engines absent, naming them as not present in the kind column", async () => {
    const env = standIns(mkdtempSync(join(tmpdir(), "engines-kinds-")), registry);
    const r = await runMain(main, ["--check"], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^loki\s+v3\.7\.6\s+by hand\s+not present\s/m);
    expect(r.stdout).toMatch(/^pulumi-language-nodejs\s+v[\d.]+\s+by hand\s+not present\s/m);
    expect(r.stdout).toMatch(/^grafana\s+[\d.]+\s+not available\s+unavailable here\s/m);
    expect(r.stdout).toMatch(/^prometheus\s+Debian\s+registry\s+from PROMETHEUS\s/m);
    expect(r.stdout).toContain("loki v3.7.6 (by hand) is not present: npm run e2e skips the checks that need it");
  });

  it.each(["pulumi", "prometheus", "amtool", "chromium", "page-text"])(
    "exits 1 when the registry engine %s cannot be had",
    async (name) => {
      const env = standIns(
        mkdtempSync(join(tmpdir(), "engines-kinds-")),
        registry.filter((n) => n !== name),
      );
      env[byName(name).env] = "/nonexistent/engine";
      const r = await runMain(main, ["--check"], { env });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`engines: ${name}: ${byName(name).env}=/nonexistent/engine is not an executable file`);
    },
  );

  it("answers --help from its option table, exit 0", async () => {
    const r = await runMain(main, ["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--check");
    expect(r.stdout).toContain("by hand");
  });
});
