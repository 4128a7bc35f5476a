import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { engines } from "../../src/cli/engines/pins";
import { pulumiWorkspace, type PulumiRun, type PulumiWorkspace } from "./support/pulumi";
import { engineCheck } from "./support/engine-check";

/**
 * The Pulumi program in the real Pulumi engine and Node.js language host, on Pulumi.e2e.yaml with
 * a local file backend. The Grafana provider cannot be built on this machine (docs/engines.md),
 * so these checks stop where the engine hands the first Grafana resource to it: the program's
 * validation, the provider version it asks for, error output and secrets.
 */

const ROOT = resolve(__dirname, "../..");
/** Canaries: none may appear in plain text in anything Pulumi prints or stores. */
const CANARIES: Record<string, string> = {
  "grafana:auth": "glsa_CANARY-e2e-grafana-token-000",
  "pizza-observability:onCallWebhookUrl": "http://127.0.0.1:9/CANARY-e2e-oncall-webhook",
  "pizza-observability:heartbeatUrl": "http://127.0.0.1:9/CANARY-e2e-heartbeat",
};
const lockedProvider = (
  JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { version: string }> }
).packages["node_modules/@pulumiverse/grafana"].version;

const check = engineCheck(__filename);
let ws: PulumiWorkspace;
const printed = (r: PulumiRun) => `${r.stdout}\n${r.stderr}`;
const hasCanary = (text: string) => Object.values(CANARIES).some((c) => text.includes(c));

async function ok(r: Promise<PulumiRun>, what: string): Promise<PulumiRun> {
  const run = await r;
  if (run.code !== 0) throw new Error(`${what}: exit ${run.code}: ${run.stderr.slice(-2000)}`);
  return run;
}

beforeAll(async () => {
  if (check.skip) return;
  ws = pulumiWorkspace(ROOT, "Pulumi.e2e.yaml", check.binaries);
  await ok(ws.run(["stack", "init", "e2e"]), "pulumi stack init");
  for (const [key, value] of Object.entries(CANARIES))
    await ok(ws.run(["config", "set", "--secret", key, value, "--stack", "e2e"]), `pulumi config set --secret ${key}`);
}, 300_000);

afterAll(() => ws?.dispose());

describe.skipIf(check.skip)("the program in the real Pulumi engine", () => {
  it("validates, declares its component and asks for the Grafana provider at package-lock's @pulumiverse/grafana version", async () => {
    const started = Date.now();
    const preview = await ws.run(["preview", "--json", "--stack", "e2e"]);
    console.log(`pulumi preview: exit ${preview.code} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const text = printed(preview);
    expect(text).not.toContain("Invalid stack configuration");
    expect(text).toContain("pizza:observability:ServiceObservability");
    // Pulumi names a default provider after its version: default_2_38_0.
    expect(text).toContain(`pulumi:providers:grafana::default_${lockedProvider.replaceAll(".", "_")}`);
    expect(text, "the engine was asked for another provider version").not.toMatch(
      new RegExp(`providers:grafana::default_(?!${lockedProvider.replaceAll(".", "_")})\\d`),
    );
    expect(hasCanary(text), "a canary credential was printed").toBe(false);
  });

  it("stops invalid config before any resource, one line per problem naming the key, no stack trace", async () => {
    await ok(
      ws.run(["config", "set", "--path", "--stack", "e2e", "--", "pizza-observability:thresholds.cpu.percent", "-5"]),
      "pulumi config set",
    );
    await ok(ws.run(["config", "set", "--path", "pizza-observability:datasources.loki", "", "--stack", "e2e"]), "pulumi config set");
    const preview = await ws.run(["preview", "--stack", "e2e"]);
    await ok(ws.run(["config", "rm", "--path", "pizza-observability:thresholds.cpu", "--stack", "e2e"]), "pulumi config rm");
    await ok(
      ws.run(["config", "set", "--path", "pizza-observability:datasources.loki", "e2e-loki", "--stack", "e2e"]),
      "pulumi config set",
    );
    const text = printed(preview);
    expect(preview.code).not.toBe(0);
    expect(text).toContain("Invalid stack configuration");
    expect(text).toMatch(/pizza-observability:thresholds\.cpu\.percent: [^\n]+/);
    expect(text).toMatch(/pizza-observability:datasources\.loki: [^\n]+/);
    expect(text).toContain("Nothing was deployed.");
    expect(text).not.toContain("pizza:observability:ServiceObservability");
    expect(text, "a stack trace was printed").not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    expect(hasCanary(text), "a canary credential was printed").toBe(false);
  });

  it("keeps every credential out of the stack file, the output and the state in plain text", async () => {
    // Without the provider the update stops before its first checkpoint; the state holds its manifest.
    const up = await ws.run(["up", "--yes", "--stack", "e2e"]);
    expect(hasCanary(printed(up)), "a canary credential was printed").toBe(false);
    const exported = await ok(ws.run(["stack", "export", "--stack", "e2e"]), "pulumi stack export");
    expect(JSON.parse(exported.stdout).deployment.manifest.version).toBe(engines(ROOT).find((e) => e.name === "pulumi")!.version);
    expect(hasCanary(exported.stdout), "a canary credential is in the state").toBe(false);
    const stackFile = readFileSync(join(ws.dir, "Pulumi.e2e.yaml"), "utf8");
    expect(hasCanary(stackFile), "a canary credential is in the stack file").toBe(false);
    for (const key of Object.keys(CANARIES)) expect(stackFile).toMatch(new RegExp(`${key.split(":")[1]}:\\s*\\n?\\s*secure: `));
  });
});
