import * as pulumi from "@pulumi/pulumi";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { CREDENTIAL_KEYS } from "../../../src/config/keys";
import { InvalidDefinitionError } from "../../../src/config/errors";
import { program } from "../../../src/emit/pulumi/program";
import { installMocks, mocked, plaintextHolding, SECRET_SIG, settled, valueOf } from "../../support/pulumi-mocks";
import { exampleConfig } from "../../support/stack";

/**
 * A value set with `pulumi config set --secret --path <key>.<field>`. Pulumi writes it as `secure:`
 * under the object's key (`pizza-observability:contacts: {teamEmail: {secure: v1:...}}`), marks the
 * whole top-level key secret (sdk/go/common/resource/config/object.go `Secure()` is true for a map
 * holding a secure value; `Map.SecureKeys()` lists it in PULUMI_CONFIG_SECRET_KEYS) and hands the
 * program the object as JSON with the value decrypted in place; @pulumi/pulumi's `Config.getObject`
 * would return it as plain data, `requireSecretObject` as one secret Output. The program must keep
 * whatever it builds from that key a Pulumi secret in every resource input it declares.
 */

beforeEach(installMocks);

const P = "pizza-observability";
const CANARY = "zzsecretzz";

const example = exampleConfig() as Record<string, Record<string, unknown>>;
const TREE = { [`${P}:deployment`]: { routingMode: "policy-tree" } };
const ONCALL = {
  [`${P}:contacts`]: { teamEmail: "pizza-team@example.com", onCall: "grafana-oncall" },
  [`${P}:escalation`]: { users: ["alice"] },
};

interface Case {
  name: string;
  /** The top-level key holding the secret, and the stack config around it. */
  key: string;
  config: Record<string, unknown>;
}
const at = (key: string, value: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...extra,
  [`${P}:${key}`]: { ...(example[`${P}:${key}`] ?? {}), ...((extra[`${P}:${key}`] as object) ?? {}), ...value },
});
const secretAt = (name: string, key: string, value: Record<string, unknown>, extra: Record<string, unknown> = {}): Case => ({
  name,
  key: `${P}:${key}`,
  config: at(key, value, extra),
});

const CASES: Case[] = [
  secretAt("syntheticMonitoring.url is a secret in every input", "syntheticMonitoring", { url: `https://${CANARY}.example/` }),
  secretAt("syntheticMonitoring.url is a secret with the policy tree", "syntheticMonitoring", { url: `https://${CANARY}.example/` }, TREE),
  secretAt("syntheticMonitoring.url is a secret with Grafana OnCall", "syntheticMonitoring", { url: `https://${CANARY}.example/` }, ONCALL),
  secretAt("syntheticMonitoring.job is a secret in every input", "syntheticMonitoring", { job: `${CANARY}-health` }),
  secretAt("syntheticMonitoring.bodyRegex is a secret in every input", "syntheticMonitoring", { bodyRegex: `welcome ${CANARY}` }),
  secretAt("contacts.teamEmail is a secret in every input", "contacts", { teamEmail: `${CANARY}@example.com` }),
  secretAt("contacts.teamEmail is a secret with the policy tree", "contacts", { teamEmail: `${CANARY}@example.com` }, TREE),
  secretAt("contacts.teamEmail is a secret with Grafana OnCall", "contacts", { teamEmail: `${CANARY}@example.com` }, ONCALL),
  secretAt("contacts.observabilityEmail is a secret in every input", "contacts", { observabilityEmail: `${CANARY}@example.com` }),
  secretAt("contacts.slackChannel is a secret in every input", "contacts", { slackChannel: `#${CANARY}` }),
  secretAt("alerting.runbookBaseUrl is a secret in every input", "alerting", { runbookBaseUrl: `https://${CANARY}.example/runbooks` }),
  secretAt("alerting.team is a secret with the policy tree", "alerting", { team: `${CANARY}` }, TREE),
  secretAt("alerting.team is a secret in rule-settings routing", "alerting", { team: `${CANARY}` }),
  secretAt("folder.title is a secret in every input", "folder", { title: `JWT ${CANARY}` }),
  secretAt("telemetry.source is a secret in every input", "telemetry", { source: `${CANARY}-service` }),
  secretAt("datasources.loki is a secret in every input", "datasources", { loki: `${CANARY}-logs` }),
  secretAt("escalation.users are a secret in every input", "escalation", { users: ["alice"], escalateTo: ["bob"], enabled: true }, ONCALL),
];

async function deployWithSecret(c: Case) {
  const outputs = await program(exampleConfig(c.config), {
    isSecret: (key) => key === c.key || CREDENTIAL_KEYS.includes(key),
    decrypted: true,
  });
  await settled();
  return outputs;
}

describe("a value set with pulumi config set --secret --path stays a Pulumi secret", () => {
  it("the table covers every object key a value can be set in by path, but routing (refused below)", () => {
    const keys = new Set(CASES.map((c) => c.key.slice(P.length + 1)));
    expect([...keys].sort()).toEqual(["alerting", "contacts", "datasources", "escalation", "folder", "syntheticMonitoring", "telemetry"]);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    const outputs = await deployWithSecret(c);
    const leaks = mocked.registered.flatMap((r) => plaintextHolding(r.inputs, CANARY).map((p) => `${r.name}${p}`));
    const stackOutputs = { folderUid: await valueOf(outputs.folderUid), dashboardUrls: await valueOf(outputs.dashboardUrls) };
    expect(leaks).toEqual([]);
    expect(plaintextHolding(stackOutputs, CANARY)).toEqual([]);
    // The canary is deployed (the walk would see it), inside secrets.
    const all = JSON.stringify(mocked.registered.map((r) => r.inputs));
    if (c.key !== `${P}:escalation`) expect(all).toContain(CANARY);
    expect(all).toContain(SECRET_SIG);
  });

  it("without the secret marking the same contact address is plaintext in the contact point (the walk can fail)", async () => {
    await program(exampleConfig(at("contacts", { teamEmail: `${CANARY}@example.com` })));
    await settled();
    expect(mocked.registered.flatMap((r) => plaintextHolding(r.inputs, CANARY))).not.toEqual([]);
  });

  it("a contact address marked secret reaches the contact point as a secret Output, not plaintext", async () => {
    await deployWithSecret(CASES.find((c) => c.name.startsWith("contacts.teamEmail"))!);
    const [team] = mocked.registered.filter((r) => r.name === "contact-point-pizza-team-email");
    // Pulumi sends a list holding a secret as one secret: the whole `emails` input.
    expect(team.inputs.emails[SECRET_SIG]).toBeDefined();
    expect(team.inputs.emails.value[0].addresses).toEqual([`${CANARY}@example.com`]);
    expect(team.inputs.name).toBe("pizza-team-email");
  });

  it("routing held as a secret is refused naming the key: mute timing names become resource names, which state keeps in plain text", async () => {
    let error: unknown;
    try {
      await deployWithSecret(secretAt("routing", "routing", {}));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidDefinitionError);
    expect((error as InvalidDefinitionError).problems).toEqual([
      `${P}:routing: holds a Pulumi secret (set with --secret --path), but each mute timing's name becomes the name of a Pulumi resource, which the state keeps in plain text; store routing in plain text`,
    ]);
    await settled();
    expect(mocked.registered).toEqual([]);
  });
});

describe("src/index.ts, as pulumi up runs it with a secret set by path", () => {
  it("hands the secret keys Pulumi lists to the program, which keeps the health check URL secret", async () => {
    const config = exampleConfig(at("syntheticMonitoring", { url: `https://${CANARY}.example/` }));
    // What the engine passes: every value as text (objects as JSON, the secure value decrypted in
    // place) and the keys Map.SecureKeys() lists, the object key among them.
    pulumi.runtime.setAllConfig(
      Object.fromEntries(Object.entries(config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])),
      [...CREDENTIAL_KEYS.filter((k) => k in config), `${P}:syntheticMonitoring`],
    );
    vi.resetModules();
    const main = ((await import("../../../src/index.js")) as unknown as { default: () => Promise<unknown> }).default;
    await main();
    await settled();
    expect(mocked.registered.flatMap((r) => plaintextHolding(r.inputs, CANARY))).toEqual([]);
    const [check] = mocked.registered.filter((r) => r.type === "grafana:syntheticMonitoring/check:Check");
    expect(check.inputs.target[SECRET_SIG]).toBeDefined();
  });
});

describe("pulumi up's diagnostics", () => {
  it("warn about a pulumi: key Pulumi does not read, and the stack still deploys", async () => {
    const warn = vi.spyOn(pulumi.log, "warn").mockImplementation(async () => {});
    try {
      await program(exampleConfig({ "pulumi:tgas": '{"team":"pizza"}' }));
      await settled();
      expect(warn.mock.calls.map((c) => c[0])).toEqual([
        expect.stringMatching(/^pulumi:tgas: not a key Pulumi reads .*did you mean pulumi:tags\?/),
      ]);
      expect(mocked.registered.length).toBeGreaterThan(15);
    } finally {
      warn.mockRestore();
    }
  });
});
