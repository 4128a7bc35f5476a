import { describe, expect, it } from "vitest";
import { ENCRYPTED_PLACEHOLDER } from "../../src/config/secret";
import { grafanaTarget } from "../../src/backtest/target";

/** Where the backtest's credential comes from; it never appears in a message or in printed values. */
describe("grafanaTarget", () => {
  const url = "https://jwtpizza.grafana.net";

  it("takes GRAFANA_AUTH first, as the provider does, and keeps it secret", () => {
    const t = grafanaTarget(url, { "grafana:auth": "glsa_from-stack-S3CRET" }, "Pulumi.prod.yaml", {
      GRAFANA_AUTH: "glsa_from-env-S3CRET",
    });
    expect(t.auth.reveal()).toBe("glsa_from-env-S3CRET");
    expect(`${t.auth} ${JSON.stringify(t)}`).not.toContain("S3CRET");
  });

  it("reads a plain grafana:auth from the stack file", () => {
    expect(grafanaTarget(url, { "grafana:auth": "glsa_plain-S3CRET" }, "Pulumi.dev.yaml", {}).auth.reveal()).toBe("glsa_plain-S3CRET");
  });

  it("names the key when it is missing, and the way out when it cannot be decrypted", () => {
    expect(() => grafanaTarget(url, {}, "Pulumi.prod.yaml", {})).toThrow(/grafana:auth is not set in Pulumi\.prod\.yaml.*GRAFANA_AUTH/);
    expect(() => grafanaTarget(url, { "grafana:auth": ENCRYPTED_PLACEHOLDER }, "stack.yaml", {})).toThrow(
      /grafana:auth is encrypted in stack\.yaml, whose name does not say its stack.*export GRAFANA_AUTH/,
    );
  });
});
