import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseConfig } from "../src/config";
import { RENDERED_DIR } from "../src/render";
import { buildStack } from "../src/stack";
import { amtool, renderAlertmanagerConfig, routesTo } from "./amtool";
import { containsSecret, exampleConfig } from "./support";

const RENDERED_CONFIG = join(RENDERED_DIR, "alertmanager", "alertmanager.yml");

/** The planned alert catalogue (COMMON.md): the labels routing sees. Titles stand in for the rules' titles. */
const CATALOGUE = [
  { uid: "pizza-order-5xx", title: "JWT Pizza API answering 5xx", severity: "warning", category: "errors" },
  { uid: "pizza-order-slo-fast-burn", title: "Order SLO fast burn", severity: "page", category: "slo" },
  { uid: "pizza-order-slo-slow-burn", title: "Order SLO slow burn", severity: "ticket", category: "slo" },
  { uid: "pizza-api-availability", title: "JWT Pizza API unavailable", severity: "page", category: "availability" },
  { uid: "pizza-api-traffic-absent", title: "JWT Pizza API traffic absent", severity: "page", category: "availability" },
  { uid: "pizza-metric-ingestion-failure", title: "Metric ingestion failing", severity: "ticket", category: "telemetry" },
  { uid: "pizza-metrics-absent", title: "Metrics absent while traffic flows", severity: "ticket", category: "telemetry" },
  { uid: "pizza-cpu-saturation", title: "CPU saturation", severity: "ticket", category: "saturation" },
  { uid: "pizza-memory-saturation", title: "Memory saturation", severity: "ticket", category: "saturation" },
  { uid: "pizza-factory-latency", title: "Factory latency high", severity: "ticket", category: "latency" },
  { uid: "pizza-watchdog", title: "Watchdog", severity: "none", category: "watchdog" },
] as const;

type Uid = (typeof CATALOGUE)[number]["uid"];

/** Expected receiver of every catalogue alert, per variant of the contact point config. */
const EXPECTED: Record<Uid, { full: string; emailOnly: string }> = {
  "pizza-order-5xx": { full: "pizza-team-slack", emailOnly: "pizza-team-email" },
  "pizza-order-slo-fast-burn": { full: "pizza-on-call", emailOnly: "pizza-on-call" },
  "pizza-order-slo-slow-burn": { full: "pizza-team-slack", emailOnly: "pizza-team-email" },
  "pizza-api-availability": { full: "pizza-on-call", emailOnly: "pizza-on-call" },
  "pizza-api-traffic-absent": { full: "pizza-on-call", emailOnly: "pizza-on-call" },
  "pizza-metric-ingestion-failure": { full: "pizza-observability-tickets", emailOnly: "pizza-team-email" },
  "pizza-metrics-absent": { full: "pizza-observability-tickets", emailOnly: "pizza-team-email" },
  "pizza-cpu-saturation": { full: "pizza-team-slack", emailOnly: "pizza-team-email" },
  "pizza-memory-saturation": { full: "pizza-team-slack", emailOnly: "pizza-team-email" },
  "pizza-factory-latency": { full: "pizza-team-slack", emailOnly: "pizza-team-email" },
  "pizza-watchdog": { full: "pizza-heartbeat", emailOnly: "pizza-heartbeat" },
};

const cfg = parseConfig(exampleConfig());

/** Every label a Grafana-managed alert of this stack carries. */
function labelsOf(a: { title: string; severity: string; category: string }): Record<string, string> {
  return {
    alertname: a.title,
    severity: a.severity,
    category: a.category,
    team: cfg.alerting.team,
    service: cfg.telemetry.source,
    grafana_folder: cfg.folder.title,
  };
}

/** No Slack webhook, no observability email: the team email takes the team channel's and the tickets' routes. */
function emailOnlyConfig(): Record<string, unknown> {
  const raw = exampleConfig({ "pizza-observability:contacts": { teamEmail: "pizza-team@example.com", onCall: "webhook" } });
  delete raw["pizza-observability:slackWebhookUrl"];
  return raw;
}

describe("rendered/alertmanager/alertmanager.yml (amtool)", () => {
  it("passes amtool check-config, message template included", () => {
    const run = amtool(["check-config", RENDERED_CONFIG]);
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain("1 templates");
  });

  it("is checked for real: check-config rejects a broken copy of the message template", () => {
    const dir = mkdtempSync(join(tmpdir(), "pizza-routing-"));
    copyFileSync(RENDERED_CONFIG, join(dir, "alertmanager.yml"));
    const template = readFileSync(join(dirname(RENDERED_CONFIG), "templates.tmpl"), "utf8");
    writeFileSync(join(dir, "templates.tmpl"), template.replace("{{ end }}", "{{ end"));
    expect(amtool(["check-config", join(dir, "alertmanager.yml")]).status).not.toBe(0);
  });

  it("names receivers only: no integration, so no credential, can be in it", () => {
    const doc = parse(readFileSync(RENDERED_CONFIG, "utf8"));
    for (const receiver of doc.receivers) expect(Object.keys(receiver)).toEqual(["name"]);
    expect(doc.route.routes.map((r: { matchers: string[] }) => r.matchers)).toEqual([
      ['alertname=~"DatasourceError|DatasourceNoData"'],
      ['category="watchdog"'],
      ['category="telemetry"'],
      ['severity="page"'],
      ['severity=~"ticket|warning"'],
    ]);
  });

  it.each(CATALOGUE.map((a) => [a.uid, a] as const))("routes %s as the routing plan says", (uid, alert) => {
    const run = routesTo(RENDERED_CONFIG, labelsOf(alert), EXPECTED[uid].full);
    expect(run.status, run.output).toBe(0);
    expect(run.stdout.trim()).toBe(EXPECTED[uid].full);
  });

  it("routes an unknown alert to the root's default receiver, the team email", () => {
    const run = routesTo(RENDERED_CONFIG, labelsOf({ title: "Something new", severity: "info", category: "other" }), "pizza-team-email");
    expect(run.status, run.output).toBe(0);
    const bare = routesTo(RENDERED_CONFIG, { alertname: "Unlabelled" }, "pizza-team-email");
    expect(bare.status, bare.output).toBe(0);
  });

  it("routes query failures of a paging rule to the ticket channel, never the pager", () => {
    for (const alertname of ["DatasourceError", "DatasourceNoData"]) {
      const labels = { ...labelsOf(CATALOGUE[3]), alertname, rulename: CATALOGUE[3].title };
      const run = routesTo(RENDERED_CONFIG, labels, "pizza-observability-tickets");
      expect(run.status, run.output).toBe(0);
    }
    // The check itself can fail: the same labels are not the pager.
    expect(routesTo(RENDERED_CONFIG, { ...labelsOf(CATALOGUE[3]), alertname: "DatasourceError" }, "pizza-on-call").status).not.toBe(0);
  });

  it("never pages telemetry trouble, even when its severity says page", () => {
    const run = routesTo(RENDERED_CONFIG, labelsOf({ title: "Metric ingestion failing", severity: "page", category: "telemetry" }), "pizza-observability-tickets");
    expect(run.status, run.output).toBe(0);
  });

  it("has a routing case for every alert the stack defines", () => {
    const uids = buildStack(cfg).ruleGroups.flatMap((g) => g.rules ?? []).map((r) => r.uid);
    expect(uids.length).toBeGreaterThan(0);
    for (const uid of uids) expect(Object.keys(EXPECTED), `no routing case for ${uid}`).toContain(uid);
  });
});

describe("routing without Slack or an observability email (amtool, rendered into a temp dir)", () => {
  const configFile = renderAlertmanagerConfig(emailOnlyConfig());

  it("declares neither contact point, and passes check-config", () => {
    const doc = parse(readFileSync(configFile, "utf8"));
    expect(doc.receivers.map((r: { name: string }) => r.name)).toEqual(["pizza-heartbeat", "pizza-on-call", "pizza-team-email"]);
    expect(amtool(["check-config", configFile]).status).toBe(0);
  });

  it.each(CATALOGUE.map((a) => [a.uid, a] as const))("routes %s with the team email standing in for Slack and tickets", (uid, alert) => {
    const run = routesTo(configFile, labelsOf(alert), EXPECTED[uid].emailOnly);
    expect(run.status, run.output).toBe(0);
  });

  it("still sends DatasourceError of a paging rule to the ticket fallback, not the pager", () => {
    const run = routesTo(configFile, { ...labelsOf(CATALOGUE[3]), alertname: "DatasourceError" }, "pizza-team-email");
    expect(run.status, run.output).toBe(0);
  });

  it("routes team tickets to Slack when only Slack is configured, telemetry tickets too", () => {
    const raw = exampleConfig({ "pizza-observability:contacts": { teamEmail: "pizza-team@example.com", onCall: "webhook" } });
    const slackOnly = renderAlertmanagerConfig(raw);
    expect(routesTo(slackOnly, labelsOf(CATALOGUE[7]), "pizza-team-slack").status).toBe(0);
    expect(routesTo(slackOnly, labelsOf(CATALOGUE[5]), "pizza-team-slack").status).toBe(0);
  });

  it("holds no credential though rendered from decrypted config", () => {
    expect(containsSecret(readFileSync(configFile, "utf8"))).toBe(false);
    expect(containsSecret(readFileSync(renderAlertmanagerConfig(exampleConfig()), "utf8"))).toBe(false);
  });
});
