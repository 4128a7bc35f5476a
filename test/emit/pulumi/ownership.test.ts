import { beforeEach, describe, expect, it } from "vitest";
import { InvalidDefinitionError } from "../../../src/config/errors";
import { parseConfig } from "../../../src/config/schema";
import { defineStack } from "../../../src/build/stack";
import { program } from "../../../src/emit/pulumi/program";
import { receiversFor } from "../../../src/model/routing-match";
import { installMocks, mocked, ofType, settled } from "../../support/pulumi-mocks";
import { exampleConfig, OWNED_TREE } from "../../support/stack";

beforeEach(installMocks);

const RULE_GROUP = "grafana:alerting/ruleGroup:RuleGroup";
const POLICY = "grafana:alerting/notificationPolicy:NotificationPolicy";

function rules(): any[] {
  return ofType(RULE_GROUP).flatMap((g) => g.inputs.rules);
}

function optionsOf(type: string) {
  const found = mocked.options.filter((o) => o.type === type);
  expect(found.length, type).toBeGreaterThan(0);
  return found;
}

describe("routing mode rule-settings (the default): the org's notification policy tree is never touched", () => {
  it("declares no notification policy, and gives every alerting rule the route the routing plan's tree gives its labels", async () => {
    await program(exampleConfig());
    await settled();
    expect(ofType(POLICY)).toEqual([]);
    const cfg = parseConfig(exampleConfig());
    const plan = defineStack(cfg).notificationPolicy;
    const alerting = rules().filter((r) => !r.record);
    expect(alerting.length).toBeGreaterThan(5);
    for (const r of alerting) {
      const labels = { ...r.labels, alertname: r.name, grafana_folder: cfg.folder.title };
      // The review stage's Alertmanager-semantics router, applied to the same tree: the same receiver.
      expect([r.notificationSettings.contactPoint], r.uid).toEqual(receiversFor(plan, labels));
      // The route's group_by after the two Grafana forces first (docs/routing.md "Grouping").
      expect(r.notificationSettings.groupBies.slice(0, 2), r.uid).toEqual(["grafana_folder", "alertname"]);
      if (r.labels.severity === "page" && r.labels.category !== "telemetry")
        expect(r.notificationSettings.groupBies, r.uid).toEqual(["grafana_folder", "alertname", "severity"]);
    }
    for (const r of rules().filter((r) => r.record)) expect(r.notificationSettings, r.uid).toBeUndefined();
  });

  it("carries each route's timings and mute timings onto its rules", async () => {
    await program(exampleConfig());
    await settled();
    const settings = Object.fromEntries(
      rules()
        .filter((r) => !r.record)
        .map((r) => [r.uid, r.notificationSettings]),
    );
    expect(settings["pizza-order-slo-fast-burn"]).toEqual({
      contactPoint: "pizza-on-call",
      // The page route's grafana_folder, severity; Grafana forces alertname in anyway (grafana #90488).
      groupBies: ["grafana_folder", "alertname", "severity"],
      groupWait: "5s",
      groupInterval: "5m",
      repeatInterval: "1h",
    });
    expect(settings["pizza-watchdog"]).toEqual({
      contactPoint: "pizza-heartbeat",
      groupBies: ["grafana_folder", "alertname"],
      groupWait: "0s",
      groupInterval: "1m",
      repeatInterval: "5m",
    });
    expect(settings["pizza-metrics-absent"]).toMatchObject({ contactPoint: "pizza-observability-tickets", repeatInterval: "12h" });
    expect(settings["pizza-metrics-absent"].muteTimings).toBeUndefined();
    expect(settings["pizza-order-5xx"]).toMatchObject({ contactPoint: "pizza-team-slack", muteTimings: ["chaos-testing"] });
  });

  it("saves rules only after the contact points and mute timings they name", async () => {
    await program(exampleConfig());
    await settled();
    const targets = mocked.options
      .filter((o) => ["grafana:alerting/contactPoint:ContactPoint", "grafana:alerting/muteTiming:MuteTiming"].includes(o.type))
      .map((o) => o.urn);
    expect(targets.length).toBeGreaterThan(5);
    for (const g of optionsOf(RULE_GROUP)) expect(g.dependencies, g.name).toEqual(expect.arrayContaining(targets));
  });
});

describe("routing mode policy-tree: the stack owns the org's tree (a dedicated org)", () => {
  it("declares the one notification policy, and leaves routing to it (no rule carries settings)", async () => {
    await program(exampleConfig(OWNED_TREE));
    await settled();
    expect(ofType(POLICY)).toHaveLength(1);
    for (const r of rules()) expect(r.notificationSettings, r.uid).toBeUndefined();
  });
});

describe("protection and replacement", () => {
  const PROTECTED = ["grafana:oss/folder:Folder", RULE_GROUP, "grafana:oss/dashboard:Dashboard", "grafana:onCall/integration:Integration"];
  const ONCALL = {
    "pizza-observability:contacts": { teamEmail: "pizza-team@example.com", onCall: "grafana-oncall" },
    "pizza-observability:escalation": { users: ["alice"] },
  };

  it("protects what holds state or history (folder, rule groups, dashboards, OnCall integration), and nothing else", async () => {
    await program(exampleConfig({ ...OWNED_TREE, ...ONCALL }));
    await settled();
    for (const type of PROTECTED) for (const o of optionsOf(type)) expect(o.protect, o.name).toBe(true);
    const unprotected = mocked.options.filter((o) => o.custom && !PROTECTED.includes(o.type));
    expect(unprotected.length).toBeGreaterThan(5);
    for (const o of unprotected) expect(o.protect, o.name).toBe(false);
  });

  it("protects nothing with deployment.protect false", async () => {
    await program(exampleConfig({ ...ONCALL, "pizza-observability:deployment": { protect: false } }));
    await settled();
    expect(mocked.options.filter((o) => o.protect).map((o) => o.name)).toEqual([]);
  });

  it("deletes before replacing every object identified by a fixed uid or name", async () => {
    await program(exampleConfig(OWNED_TREE));
    await settled();
    for (const type of [
      RULE_GROUP,
      "grafana:alerting/contactPoint:ContactPoint",
      "grafana:alerting/messageTemplate:MessageTemplate",
      "grafana:alerting/muteTiming:MuteTiming",
      "grafana:oss/dashboard:Dashboard",
    ]) {
      for (const o of optionsOf(type)) expect(o.deleteBeforeReplace, o.name).toBe(true);
    }
    // A new folder uid does not collide with the old one: create the new folder first.
    for (const o of optionsOf("grafana:oss/folder:Folder")) expect(o.deleteBeforeReplace).toBe(false);
  });

  it("keeps the folder while it holds anything, never takes over an existing dashboard, and keeps alerting objects locked in the UI", async () => {
    await program(exampleConfig(OWNED_TREE));
    await settled();
    expect(ofType("grafana:oss/folder:Folder")[0].inputs.preventDestroyIfNotEmpty).toBe(true);
    for (const d of ofType("grafana:oss/dashboard:Dashboard")) expect(d.inputs.overwrite, d.name).toBe(false);
    for (const type of [
      RULE_GROUP,
      POLICY,
      "grafana:alerting/contactPoint:ContactPoint",
      "grafana:alerting/messageTemplate:MessageTemplate",
      "grafana:alerting/muteTiming:MuteTiming",
    ]) {
      for (const r of ofType(type)) expect(r.inputs.disableProvenance, r.name).toBe(false);
    }
  });
});

describe("deployment config", () => {
  function problems(deployment: unknown): string[] {
    try {
      parseConfig(exampleConfig({ "pizza-observability:deployment": deployment }));
      return [];
    } catch (e) {
      return (e as InvalidDefinitionError).problems;
    }
  }

  it("defaults to rule-settings with protection on", () => {
    expect(parseConfig(exampleConfig()).deployment).toEqual({ routingMode: "rule-settings", protect: true });
  });

  it("rejects an unknown mode, a non-boolean protect and unknown keys, naming each key", () => {
    expect(problems({ routingMode: "tree" })).toEqual([
      'pizza-observability:deployment.routingMode: expected one of rule-settings, policy-tree (got "tree")',
    ]);
    expect(problems({ protect: "yes" })).toEqual(['pizza-observability:deployment.protect: expected true or false (got "yes")']);
    expect(problems({ protected: false })).toEqual([
      "pizza-observability:deployment.protected: unknown key (check its spelling against docs/configuration.md)",
    ]);
  });
});
