import { beforeEach, describe, expect, it } from "vitest";
import { program } from "../../../src/emit/pulumi/program";
import { installMocks, mocked, settled, urnOf } from "../../support/pulumi-mocks";
import { exampleConfig, OWNED_TREE } from "../../support/stack";

beforeEach(installMocks);

/**
 * What the program declared before the components existed (commit 46bb0cf, src/emit/pulumi/resources.ts
 * `declareResources`): every resource at the stack root, as (type, name). Stacks deployed with that code
 * hold exactly these URNs.
 */
const DECLARED_AT_ROOT_BEFORE: Record<string, Array<[string, string]>> = {
  example: [
    ["grafana:alerting/contactPoint:ContactPoint", "contact-point-pizza-heartbeat"],
    ["grafana:alerting/contactPoint:ContactPoint", "contact-point-pizza-observability-tickets"],
    ["grafana:alerting/contactPoint:ContactPoint", "contact-point-pizza-on-call"],
    ["grafana:alerting/contactPoint:ContactPoint", "contact-point-pizza-team-email"],
    ["grafana:alerting/contactPoint:ContactPoint", "contact-point-pizza-team-slack"],
    ["grafana:alerting/messageTemplate:MessageTemplate", "message-template-pizza-notifications"],
    ["grafana:alerting/muteTiming:MuteTiming", "mute-timing-chaos-testing"],
    ["grafana:alerting/notificationPolicy:NotificationPolicy", "notification-policy"],
    ["grafana:alerting/ruleGroup:RuleGroup", "rule-group-availability"],
    ["grafana:alerting/ruleGroup:RuleGroup", "rule-group-latency"],
    ["grafana:alerting/ruleGroup:RuleGroup", "rule-group-meta"],
    ["grafana:alerting/ruleGroup:RuleGroup", "rule-group-orders"],
    ["grafana:alerting/ruleGroup:RuleGroup", "rule-group-recording"],
    ["grafana:alerting/ruleGroup:RuleGroup", "rule-group-saturation"],
    ["grafana:alerting/ruleGroup:RuleGroup", "rule-group-slo"],
    ["grafana:alerting/ruleGroup:RuleGroup", "rule-group-telemetry"],
    ["grafana:oss/dashboard:Dashboard", "dashboard-pizza-factory"],
    ["grafana:oss/dashboard:Dashboard", "dashboard-pizza-orders"],
    ["grafana:oss/dashboard:Dashboard", "dashboard-pizza-overview"],
    ["grafana:oss/dashboard:Dashboard", "dashboard-pizza-telemetry"],
    ["grafana:oss/folder:Folder", "folder"],
    ["grafana:syntheticMonitoring/check:Check", "health-check"],
  ],
  // contacts.onCall grafana-oncall with escalation enabled: the OnCall resources too.
  oncall: [
    ["grafana:onCall/escalationChain:EscalationChain", "oncall-escalation-chain"],
    ["grafana:onCall/escalation:Escalation", "oncall-escalation-0"],
    ["grafana:onCall/escalation:Escalation", "oncall-escalation-1"],
    ["grafana:onCall/escalation:Escalation", "oncall-escalation-2"],
    ["grafana:onCall/integration:Integration", "oncall-integration"],
  ],
};

const ONCALL = {
  "pizza-observability:contacts": {
    teamEmail: "pizza-team@example.com",
    onCall: "grafana-oncall",
    slackChannel: "#pizza-alerts",
    observabilityEmail: "observability@example.com",
  },
  "pizza-observability:escalation": { users: ["alice"], enabled: true, afterMinutes: 10, escalateTo: ["bob"] },
};

const grafanaResources = () => mocked.options.filter((o) => o.custom);
const components = () => mocked.options.filter((o) => !o.custom);

/** Old URN -> the resources of the new program that the engine would match to it (by URN or alias). */
function claimants(oldUrn: string): string[] {
  return grafanaResources()
    .filter((r) => r.urn === oldUrn || r.aliasUrns.includes(oldUrn))
    .map((r) => r.urn);
}

describe("the Pulumi components", () => {
  it("group every Grafana resource under ServiceObservability, and each component registers its outputs", async () => {
    await program(exampleConfig({ ...OWNED_TREE, ...ONCALL }));
    await settled();
    const types = components().map((c) => `${c.type} ${c.name}`);
    expect(types.sort()).toEqual([
      "pizza:observability:AlertRules alert-rules",
      "pizza:observability:Dashboards dashboards",
      "pizza:observability:HealthCheck health-check",
      "pizza:observability:OnCall on-call",
      "pizza:observability:Routing routing",
      "pizza:observability:ServiceObservability jwt-pizza-service",
    ]);
    const [service] = components().filter((c) => c.type === "pizza:observability:ServiceObservability");
    expect(service.parentUrn).toBe("");
    for (const c of components()) if (c !== service) expect(c.parentUrn, c.name).toBe(service.urn);
    const componentUrns = new Set(components().map((c) => c.urn));
    for (const r of grafanaResources()) expect(componentUrns.has(r.parentUrn), `${r.type} ${r.name}`).toBe(true);
    const parentOf = (name: string) =>
      mocked.options.find((o) => o.urn === grafanaResources().find((r) => r.name === name)!.parentUrn)!.type;
    expect(parentOf("folder")).toBe("pizza:observability:ServiceObservability");
    expect(parentOf("rule-group-orders")).toBe("pizza:observability:AlertRules");
    expect(parentOf("contact-point-pizza-on-call")).toBe("pizza:observability:Routing");
    expect(parentOf("notification-policy")).toBe("pizza:observability:Routing");
    expect(parentOf("oncall-integration")).toBe("pizza:observability:OnCall");
    expect(parentOf("dashboard-pizza-orders")).toBe("pizza:observability:Dashboards");
    expect(parentOf("health-check")).toBe("pizza:observability:HealthCheck");
    expect([...new Set(mocked.outputsRegistered)].sort()).toEqual([...componentUrns].sort());
  });

  it.each([
    ["the example stack", {}, DECLARED_AT_ROOT_BEFORE.example],
    ["an OnCall stack with escalation", ONCALL, [...DECLARED_AT_ROOT_BEFORE.example, ...DECLARED_AT_ROOT_BEFORE.oncall]],
  ])("replace nothing of %s deployed before them: each old URN is the alias of exactly one resource", async (_, config, before) => {
    await program(exampleConfig({ ...OWNED_TREE, ...config }));
    await settled();
    for (const [type, name] of before) {
      const oldUrn = urnOf(type, name);
      expect(claimants(oldUrn), oldUrn).toHaveLength(1);
      const [resource] = grafanaResources().filter((r) => r.type === type && r.name === name);
      // Moved under a component: without the alias the engine would create it anew and delete the old one.
      expect(resource.urn, oldUrn).not.toBe(oldUrn);
    }
    // Beyond the old program's resources, only definitions added since (the errors rule group of
    // the incident redesign): new names, so they cannot take over an old URN.
    const added = grafanaResources().filter((r) => !before.some(([type, name]) => r.type === type && r.name === name));
    expect(added.map((r) => r.name)).toEqual(["rule-group-errors"]);
  });

  it("in the default rule-settings mode, keep every old URN but the org's notification policy", async () => {
    await program(exampleConfig());
    await settled();
    const orphaned = DECLARED_AT_ROOT_BEFORE.example.filter(([type, name]) => claimants(urnOf(type, name)).length === 0);
    expect(orphaned).toEqual([["grafana:alerting/notificationPolicy:NotificationPolicy", "notification-policy"]]);
  });
});
