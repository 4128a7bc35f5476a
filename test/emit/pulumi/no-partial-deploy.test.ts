import * as pulumi from "@pulumi/pulumi";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { InvalidDefinitionError } from "../../../src/config/errors";
import { checkedStack } from "../../../src/checks";
import { parseConfig } from "../../../src/config/schema";
import { deploy, program } from "../../../src/emit/pulumi/program";
import { GET_ONCALL_USER, GET_PROBES, installMocks, mocked, settled, tokensCalled } from "../../support/pulumi-mocks";
import { exampleConfig } from "../../support/stack";

beforeEach(installMocks);

async function failure(config: Record<string, unknown>): Promise<InvalidDefinitionError> {
  try {
    await program(exampleConfig(config));
  } catch (e) {
    await settled();
    return e as InvalidDefinitionError;
  }
  throw new Error("expected the program to fail");
}

const probes = (names: string[]) => ({
  "pizza-observability:syntheticMonitoring": { url: "https://pizza-service.example.com/", probes: names },
});
const oncall = (users: string[], escalateTo: string[]) => ({
  "pizza-observability:contacts": { teamEmail: "pizza-team@example.com", onCall: "grafana-oncall" },
  "pizza-observability:escalation": { users, enabled: true, escalateTo },
});

describe("nothing is declared when a data-source lookup fails", () => {
  it("an unknown Synthetic Monitoring probe: one line naming the key and the probe, zero resources, components included", async () => {
    const error = await failure(probes(["Atlanta", "Atlantis"]));
    expect(error).toBeInstanceOf(InvalidDefinitionError);
    expect(error.problems).toEqual([
      "pizza-observability:syntheticMonitoring.probes: no Synthetic Monitoring probe named Atlantis (known: Atlanta, Frankfurt, Singapore, Tokyo)",
    ]);
    expect(tokensCalled()).toContain(GET_PROBES);
    expect(mocked.registered).toEqual([]);
  });

  it("unknown OnCall users and probes together: every problem listed, each under its key, zero resources", async () => {
    const error = await failure({ ...probes(["Mars", "Tokyo"]), ...oncall(["alice", "mallory"], ["trent"]) });
    expect(error.problems).toEqual([
      "pizza-observability:syntheticMonitoring.probes: no Synthetic Monitoring probe named Mars (known: Atlanta, Frankfurt, Singapore, Tokyo)",
      "pizza-observability:escalation.users: no Grafana OnCall user named mallory",
      "pizza-observability:escalation.escalateTo: no Grafana OnCall user named trent",
    ]);
    expect(
      mocked.calls
        .filter((c) => c.token === GET_ONCALL_USER)
        .map((c) => c.inputs.username)
        .sort(),
    ).toEqual(["alice", "mallory", "trent"]);
    expect(mocked.registered).toEqual([]);
  });

  it("a contact point posting to an OnCall integration the stack does not declare: refused before any resource", async () => {
    const stack = checkedStack(parseConfig(exampleConfig(oncall(["alice"], ["bob"]))));
    const error = await deploy({ ...stack, onCallEscalation: undefined }).then(
      () => undefined,
      (e: unknown) => e as InvalidDefinitionError,
    );
    await settled();
    expect(error?.problems).toEqual(["contact point pizza-on-call: posts to the Grafana OnCall integration, but none is declared"]);
    expect(mocked.registered).toEqual([]);
  });

  it("src/index.ts ends the run with one RunError saying nothing was deployed", async () => {
    pulumi.runtime.setAllConfig(
      Object.fromEntries(
        Object.entries(exampleConfig(probes(["Atlantis"]))).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
      ),
      ["pizza-observability:onCallWebhookUrl", "pizza-observability:slackWebhookUrl", "pizza-observability:heartbeatUrl"],
    );
    vi.resetModules();
    const main = ((await import("../../../src/index.js")) as any).default as () => Promise<unknown>;
    const error = await main().then(
      () => undefined,
      (e: unknown) => e,
    );
    await settled();
    expect(error).toBeInstanceOf(pulumi.RunError);
    expect((error as Error).message).toBe(
      "Invalid stack configuration:\n  pizza-observability:syntheticMonitoring.probes: no Synthetic Monitoring probe named Atlantis (known: Atlanta, Frankfurt, Singapore, Tokyo)\nNothing was deployed.",
    );
    expect(mocked.registered).toEqual([]);
  });
});
