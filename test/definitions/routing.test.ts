import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseConfig } from "../../src/config/schema";
import { RENDERED_DIR } from "../../src/config/paths";
import { checkedStack } from "../../src/checks";
import { amtool, renderAlertmanagerConfig, routesTo } from "../support/amtool";
import { containsSecret, exampleConfig } from "../support/stack";

const RENDERED_CONFIG = join(RENDERED_DIR, "alertmanager", "alertmanager.yml");

const cfg = parseConfig(exampleConfig());
const withoutSyntheticMonitoring = parseConfig(exampleConfig({ "pizza-observability:syntheticMonitoring": { enabled: false } }));

/** Every alerting rule of the stack (the availability fallback included), as routing sees it. */
const CATALOGUE = [...checkedStack(cfg).ruleGroups, ...checkedStack(withoutSyntheticMonitoring).ruleGroups]
  .flatMap((g) => g.rules ?? [])
  .filter((r, i, all) => !r.record && all.findIndex((o) => o.uid === r.uid) === i)
  .map((r) => ({ uid: r.uid ?? "", title: r.title, severity: r.labels?.severity ?? "", category: r.labels?.category ?? "" }));

type Uid = string;

function alert(uid: string) {
  const found = CATALOGUE.find((a) => a.uid === uid);
  if (!found) throw new Error(`no alert ${uid} in the stack`);
  return found;
}

/** Expected receiver of every catalogue alert, per variant of the contact point config. */
const EXPECTED: Record<Uid, { full: string; emailOnly: string }> = {
  "pizza-order-5xx": { full: "pizza-team-slack", emailOnly: "pizza-team-email" },
  "pizza-order-failures": { full: "pizza-on-call", emailOnly: "pizza-on-call" },
  "pizza-logs-absent": { full: "pizza-observability-tickets", emailOnly: "pizza-team-email" },
  "pizza-order-slo-fast-burn": { full: "pizza-on-call", emailOnly: "pizza-on-call" },
  "pizza-order-slo-slow-burn": { full: "pizza-team-slack", emailOnly: "pizza-team-email" },
  "pizza-api-availability": { full: "pizza-on-call", emailOnly: "pizza-on-call" },
  "pizza-api-traffic-absent": { full: "pizza-on-call", emailOnly: "pizza-on-call" },
  "pizza-metric-ingestion-failure": { full: "pizza-observability-tickets", emailOnly: "pizza-team-email" },
  "pizza-metrics-absent": { full: "pizza-observability-tickets", emailOnly: "pizza-team-email" },
  "pizza-cpu-saturation": { full: "pizza-team-slack", emailOnly: "pizza-team-email" },
  "pizza-memory-saturation": { full: "pizza-team-slack", emailOnly: "pizza-team-email" },
  "pizza-factory-latency": { full: "pizza-on-call", emailOnly: "pizza-on-call" },
  "pizza-watchdog": { full: "pizza-heartbeat", emailOnly: "pizza-heartbeat" },
};

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
      const labels = { ...labelsOf(alert("pizza-api-availability")), alertname, rulename: alert("pizza-api-availability").title };
      const run = routesTo(RENDERED_CONFIG, labels, "pizza-observability-tickets");
      expect(run.status, run.output).toBe(0);
    }
    // The check itself can fail: the same labels are not the pager.
    expect(routesTo(RENDERED_CONFIG, { ...labelsOf(alert("pizza-api-availability")), alertname: "DatasourceError" }, "pizza-on-call").status).not.toBe(0);
  });

  it("never pages telemetry trouble, even when its severity says page", () => {
    const run = routesTo(RENDERED_CONFIG, labelsOf({ title: "Metric ingestion failing", severity: "page", category: "telemetry" }), "pizza-observability-tickets");
    expect(run.status, run.output).toBe(0);
  });

  it("has a routing case for every alert the stack defines, and no case for an alert it does not", () => {
    expect(CATALOGUE.map((a) => a.uid).sort()).toEqual(Object.keys(EXPECTED).sort());
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
    const run = routesTo(configFile, { ...labelsOf(alert("pizza-api-availability")), alertname: "DatasourceError" }, "pizza-team-email");
    expect(run.status, run.output).toBe(0);
  });

  it("routes team tickets to Slack when only Slack is configured, telemetry tickets too", () => {
    const raw = exampleConfig({ "pizza-observability:contacts": { teamEmail: "pizza-team@example.com", onCall: "webhook" } });
    const slackOnly = renderAlertmanagerConfig(raw);
    expect(routesTo(slackOnly, labelsOf(alert("pizza-cpu-saturation")), "pizza-team-slack").status).toBe(0);
    expect(routesTo(slackOnly, labelsOf(alert("pizza-metric-ingestion-failure")), "pizza-team-slack").status).toBe(0);
  });

  it("holds no credential though rendered from decrypted config", () => {
    expect(containsSecret(readFileSync(configFile, "utf8"))).toBe(false);
    expect(containsSecret(readFileSync(renderAlertmanagerConfig(exampleConfig()), "utf8"))).toBe(false);
  });
});
