import type * as grafana from "@pulumiverse/grafana";
import { beforeEach, describe, expect, it } from "vitest";
import { InvalidDefinitionError } from "../../../src/config/errors";
import { program } from "../../../src/emit/pulumi/program";
import { installMocks, mocked, ONCALL_LINK, SECRET_SIG, settled, valueOf } from "../../support/pulumi-mocks";
import { containsSecret, exampleConfig, OWNED_TREE, PAGERDUTY_SECRET } from "../../support/stack";

beforeEach(installMocks);

/** The Integration's output holding its URL; typed so a renamed provider output fails to compile. */
const LINK_OUTPUT: keyof grafana.oncall.Integration = "link";

/** Paths of every plaintext value holding a test credential; a Pulumi secret's content is not plaintext. */
function plaintextCredentials(value: unknown, path = ""): string[] {
  if (typeof value === "string") return containsSecret(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => plaintextCredentials(v, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    if (SECRET_SIG in value) return [];
    return Object.entries(value).flatMap(([k, v]) => plaintextCredentials(v, `${path}.${k}`));
  }
  return [];
}

/** Every test credential that the walk found inside a Pulumi secret (proves the walk sees them). */
function secretCredentials(value: unknown): number {
  return JSON.stringify(value).split("S3CRET").length - 1 - plaintextCredentials(value).length;
}

const VARIANTS: Array<[string, Record<string, unknown>]> = [
  ["webhook on-call, Slack, policy tree", OWNED_TREE],
  [
    "PagerDuty",
    {
      "pizza-observability:contacts": { teamEmail: "pizza-team@example.com", onCall: "pagerduty" },
      "pizza-observability:pagerDutyIntegrationKey": PAGERDUTY_SECRET,
    },
  ],
  [
    "Grafana OnCall with escalation",
    {
      "pizza-observability:contacts": { teamEmail: "pizza-team@example.com", onCall: "grafana-oncall", slackChannel: "#pizza-alerts" },
      "pizza-observability:escalation": { users: ["alice"], enabled: true, escalateTo: ["bob"] },
    },
  ],
];

describe("credentials under Pulumi mocks", () => {
  it.each(VARIANTS)(
    "%s: no resource input, stored output or stack output holds a credential outside a Pulumi secret",
    async (_, config) => {
      const outputs = await program(exampleConfig(config));
      await settled();
      const custom = mocked.options.filter((o) => o.custom);
      expect(custom.length).toBeGreaterThan(15);
      const leaks = [
        ...mocked.registered.flatMap((r) => plaintextCredentials(r.inputs).map((p) => `input ${r.name}${p}`)),
        ...mocked.options.flatMap((o) => plaintextCredentials(o.outputs).map((p) => `output ${o.name}${p}`)),
        ...plaintextCredentials({ folderUid: await valueOf(outputs.folderUid), dashboardUrls: await valueOf(outputs.dashboardUrls) }),
      ];
      expect(leaks).toEqual([]);
      // The credentials are there, as secrets: the walk would have seen them in plaintext.
      expect(secretCredentials(mocked.registered.map((r) => r.inputs))).toBeGreaterThanOrEqual(2);
    },
  );

  it("marks the OnCall integration's link an additional secret output, so state stores it encrypted", async () => {
    await program(exampleConfig(VARIANTS[2][1]));
    await settled();
    const [integration] = mocked.options.filter((o) => o.type === "grafana:onCall/integration:Integration");
    expect(integration.additionalSecretOutputs).toEqual([LINK_OUTPUT]);
    expect(integration.outputs.link[SECRET_SIG]).toBeDefined();
    expect(integration.outputs.link.value === ONCALL_LINK).toBe(true);
  });

  it("rejects grafana:url carrying credentials without echoing them, and declares nothing", async () => {
    let error: unknown;
    try {
      await program(exampleConfig({ "grafana:url": "https://admin:S3CRET-password@jwtpizza.grafana.net" }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidDefinitionError);
    expect((error as InvalidDefinitionError).problems).toEqual([
      'grafana:url: must not carry credentials; set the token with `pulumi config set --secret grafana:auth` (got "https://[REDACTED]@jwtpizza.grafana.net")',
    ]);
    expect(containsSecret((error as Error).message)).toBe(false);
    await settled();
    expect(mocked.registered).toEqual([]);
  });

  it("rejects credentials in URLs deployed in plain text (runbook links, the health check target), without echoing them", async () => {
    let error: unknown;
    try {
      await program(
        exampleConfig({
          "pizza-observability:alerting": { runbookBaseUrl: "https://bot:S3CRET-token@github.com/jwt-pizza/runbooks" },
          "pizza-observability:syntheticMonitoring": { url: "https://probe:S3CRET-pw@pizza-service.example.com/" },
        }),
      );
    } catch (e) {
      error = e;
    }
    expect((error as InvalidDefinitionError).problems).toEqual([
      'pizza-observability:alerting.runbookBaseUrl: expected a URL without credentials: it is deployed in plain text (got "https://[REDACTED]@github.com/jwt-pizza/runbooks")',
      'pizza-observability:syntheticMonitoring.url: expected a URL without credentials: it is deployed in plain text (got "https://[REDACTED]@pizza-service.example.com/")',
    ]);
    await settled();
    expect(mocked.registered).toEqual([]);
  });

  it("never echoes the credentials of any URL quoted in a config error", async () => {
    let error: unknown;
    try {
      await program(exampleConfig({ "pizza-observability:syntheticMonitoring": { url: "ftp://bob:S3CRET-pw@pizza.example.com/" } }));
    } catch (e) {
      error = e;
    }
    expect((error as InvalidDefinitionError).problems).toEqual([
      'pizza-observability:syntheticMonitoring.url: expected an http(s) URL (got "ftp://[REDACTED]@pizza.example.com/")',
    ]);
  });
});
