import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { renderStack } from "../../../src/cli/render";
import { EXAMPLE_STACK_FILE } from "../../../src/config/paths";
import { parseConfig } from "../../../src/config/schema";
import { ENCRYPTED_PLACEHOLDER, ENCRYPTED_URL_STANDIN } from "../../../src/config/secret";
import { readStack } from "../../../src/config/stack-file";
import { listFiles } from "../../../src/emit/files/artifacts";
import { program } from "../../../src/emit/pulumi/program";
import { installMocks, mocked, plaintextHolding, SECRET_SIG, settled } from "../../support/pulumi-mocks";
import { exampleConfig } from "../../support/stack";

/**
 * A config value stored with `pulumi config set --secret --path syntheticMonitoring.url`: render reads
 * the stack file without the key and renders a stand-in; `pulumi up` sees it decrypted, with the whole
 * key marked secret, and every resource input built from it stays a Pulumi secret.
 */

beforeEach(installMocks);

const SM = "pizza-observability:syntheticMonitoring";
const PRIVATE_URL = "https://pizza-S3CRET-staging.internal.example/";

function stackFileWith(url: string): string {
  const dir = mkdtempSync(join(tmpdir(), "nested-secret-"));
  const file = join(dir, "Pulumi.nested.yaml");
  writeFileSync(
    file,
    readFileSync(EXAMPLE_STACK_FILE, "utf8").replace(
      "url: https://pizza-service.example.com/ # required when enabled",
      `url:\n      ${url}`,
    ),
  );
  return file;
}

describe("a nested Pulumi secret", () => {
  it("render reads syntheticMonitoring.url stored as secure: and renders a stand-in, never the ciphertext", () => {
    const file = stackFileWith("secure: v1:S3CRET-nested-ciphertext");
    const stack = readStack(file);
    expect(stack.nestedSecrets).toEqual([`${SM}.url`]);
    expect(stack.secrets.isSecret(SM)).toBe(true);
    const out = join(mkdtempSync(join(tmpdir(), "nested-out-")), "out");
    renderStack(file, out);
    const texts = listFiles(out).map((f) => readFileSync(join(out, f), "utf8"));
    expect(texts.some((t) => t.includes(ENCRYPTED_URL_STANDIN))).toBe(true);
    expect(texts.join("\n")).not.toContain("S3CRET");
  });

  it("render refuses another key stored as a nested secret, naming it in one line", () => {
    const file = stackFileWith("https://pizza-service.example.com/").replace(/$/, "");
    const text = readFileSync(file, "utf8").replace(
      "  pizza-observability:syntheticMonitoring:\n",
      "  pizza-observability:syntheticMonitoring:\n    job:\n      secure: v1:S3CRET-job\n",
    );
    expect(text).toContain("S3CRET-job");
    writeFileSync(file, text);
    let message = "";
    try {
      renderStack(file, join(tmpdir(), "never-written"));
    } catch (e) {
      message = (e as Error).message;
    }
    const lines = message.split("\n").filter((l) => l.startsWith("  "));
    expect(lines).toEqual([
      `  ${SM}.job: is stored as a Pulumi secret, which render cannot decrypt; only pizza-observability:syntheticMonitoring.url, pizza-observability:alerting.runbookBaseUrl, pizza-observability:contacts.teamEmail, pizza-observability:contacts.observabilityEmail and the credential keys render from a secret: store this value in plain text`,
    ]);
    expect(message).not.toContain("S3CRET");
  });

  it("pulumi up refuses render's placeholder text as a decrypted nested value", () => {
    const config = exampleConfig({ [SM]: { ...(exampleConfig()[SM] as object), url: ENCRYPTED_PLACEHOLDER } });
    expect(() => parseConfig(config, { isSecret: () => true, decrypted: true })).toThrow(new RegExp(`${SM}\\.url: holds the text`));
  });

  it("under mocks, no resource input holds the decrypted URL outside a Pulumi secret", async () => {
    const config = exampleConfig({ [SM]: { ...(exampleConfig()[SM] as object), url: PRIVATE_URL } });
    await program(config, { isSecret: (key) => key === SM || key.endsWith("Url") || key === "grafana:auth", decrypted: true });
    await settled();
    const leaks = mocked.registered.flatMap((r) => plaintextHolding(r.inputs, "S3CRET").map((p) => `${r.name}${p}`));
    expect(leaks).toEqual([]);
    // The walk sees the URL: it is there, inside secrets (the check's target, the availability rule's annotations).
    expect(JSON.stringify(mocked.registered.map((r) => r.inputs))).toContain(SECRET_SIG);
    expect(mocked.registered.some((r) => r.name === "health-check" && r.custom)).toBe(true);
  });

  it("without the secret marking, the same URL is plain text (the walk can fail)", async () => {
    const config = exampleConfig({ [SM]: { ...(exampleConfig()[SM] as object), url: PRIVATE_URL } });
    await program(config);
    await settled();
    expect(mocked.registered.flatMap((r) => plaintextHolding(r.inputs, "S3CRET")).length).toBeGreaterThan(0);
  });
});
