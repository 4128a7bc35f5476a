import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it, vi } from "vitest";
import { installMocks, mocked, settled } from "../../support/pulumi-mocks";
import { CREDENTIAL_KEYS } from "../../../src/config/keys";
import { ENCRYPTED_PLACEHOLDER } from "../../../src/config/secret";
import { containsSecret, exampleConfig } from "../../support/stack";

/** src/index.ts as `pulumi up` runs it: config from the Pulumi runtime, invalid config ends the run cleanly. */
async function runEntrypoint(config: Record<string, unknown>, secretKeys = CREDENTIAL_KEYS.filter((k) => k in config)) {
  await installMocks();
  // Pulumi hands every config value to the program as a string: objects as JSON text.
  const asPulumiSetsIt = Object.fromEntries(Object.entries(config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
  pulumi.runtime.setAllConfig(asPulumiSetsIt, secretKeys);
  vi.resetModules();
  try {
    const module = await import("../../../src/index.js");
    // `export = async () => ...`: Pulumi calls the exported function and exports what it returns.
    const main = (module as any).default as () => Promise<Record<string, any>>;
    const outputs = await main();
    await settled();
    return { outputs, registered: mocked.registered };
  } catch (error) {
    return { error, registered: mocked.registered };
  }
}

describe("src/index.ts", () => {
  it("reads the stack config from Pulumi and exports the folder uid", async () => {
    const { outputs, error } = await runEntrypoint(exampleConfig());
    expect(error).toBeUndefined();
    expect(await new Promise((resolve) => outputs!.folderUid.apply(resolve))).toBe("jwt-pizza-service");
  });

  it("stops with a RunError naming the bad key, and declares nothing", async () => {
    const { error, registered } = await runEntrypoint(exampleConfig({ "pizza-observability:thresholds": { order5xx: { count: -5 } } }));
    expect(error).toBeInstanceOf(pulumi.RunError);
    expect((error as Error).message).toContain("pizza-observability:thresholds.order5xx.count: expected a number >= 0 (got -5)");
    expect(containsSecret((error as Error).message)).toBe(false);
    await new Promise((r) => setTimeout(r, 100));
    expect(registered).toEqual([]);
  });

  it("refuses a credential set without --secret, saying how to set it, without echoing it", async () => {
    const { error, registered } = await runEntrypoint(exampleConfig(), [
      "pizza-observability:onCallWebhookUrl",
      "pizza-observability:slackWebhookUrl",
    ]);
    expect(error).toBeInstanceOf(pulumi.RunError);
    expect((error as Error).message).toContain(
      "pizza-observability:heartbeatUrl: is stored in plaintext; set it with `pulumi config set --secret pizza-observability:heartbeatUrl <value>`",
    );
    expect(containsSecret((error as Error).message)).toBe(false);
    await new Promise((r) => setTimeout(r, 100));
    expect(registered).toEqual([]);
  });

  it("refuses render's ciphertext stand-in as a decrypted credential", async () => {
    const { error } = await runEntrypoint(exampleConfig({ "pizza-observability:heartbeatUrl": ENCRYPTED_PLACEHOLDER }));
    expect(error).toBeInstanceOf(pulumi.RunError);
    expect((error as Error).message).toContain(`pizza-observability:heartbeatUrl: holds the text "${ENCRYPTED_PLACEHOLDER}"`);
  });
});
