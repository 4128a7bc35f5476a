import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseConfig } from "../../src/config/schema";
import { RENDERED_DIR } from "../../src/config/paths";
import { amtool, renderAlertmanagerConfig, routesTo } from "../support/amtool";
import { alertCatalogue } from "../../src/review/alert-catalogue";
import { containsSecret, exampleConfig } from "../support/stack";

const RENDERED_CONFIG = join(RENDERED_DIR, "alertmanager", "alertmanager.yml");

const cfg = parseConfig(exampleConfig());

/** Every alerting rule of the stack (the availability fallback included), as the built stack declares it. */
const CATALOGUE = alertCatalogue(exampleConfig()).map((a) => ({
  uid: a.uid,
  title: a.title,
  severity: a.labels.severity ?? "",
  category: a.labels.category ?? "",
  receiver: a.route,
}));

function alert(uid: string) {
  const found = CATALOGUE.find((a) => a.uid === uid);
  if (!found) throw new Error(`no alert ${uid} in the stack`);
  return found;
}

/**
 * The routing plan (docs/alerts.md, docs/routing.md), by what an alert is rather than alert by alert,
 * so a new alert file needs no edit here: its labels say where it goes. `full`: Slack and the
 * observability email configured; `emailOnly`: neither, the team email takes both routes.
 */
function expectedReceiver(a: { uid: string; severity: string; category: string }): { full: string; emailOnly: string } {
  if (a.category === "watchdog") return { full: "pizza-heartbeat", emailOnly: "pizza-heartbeat" };
  if (a.category === "telemetry") return { full: "pizza-observability-tickets", emailOnly: "pizza-team-email" };
  if (a.severity === "page") return { full: "pizza-on-call", emailOnly: "pizza-on-call" };
  if (a.severity === "ticket" || a.severity === "warning") return { full: "pizza-team-slack", emailOnly: "pizza-team-email" };
  throw new Error(
    `alert ${a.uid}: the routing plan has no case for severity="${a.severity}", category="${a.category}"; give it a severity of page, ticket or warning, or add its case to the plan`,
  );
}

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

  it.each(CATALOGUE.map((a) => [a.uid, a] as const))("routes %s as the routing plan says", (_uid, alert) => {
    const run = routesTo(RENDERED_CONFIG, labelsOf(alert), expectedReceiver(alert).full);
    expect(run.status, run.output).toBe(0);
    expect(run.stdout.trim()).toBe(expectedReceiver(alert).full);
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
    expect(
      routesTo(RENDERED_CONFIG, { ...labelsOf(alert("pizza-api-availability")), alertname: "DatasourceError" }, "pizza-on-call").status,
    ).not.toBe(0);
  });

  it("never pages telemetry trouble, even when its severity says page", () => {
    const run = routesTo(
      RENDERED_CONFIG,
      labelsOf({ title: "Metric ingestion failing", severity: "page", category: "telemetry" }),
      "pizza-observability-tickets",
    );
    expect(run.status, run.output).toBe(0);
  });

  it("has a routing case for every alert the stack defines, and the built rule carries that same contact point", () => {
    expect(CATALOGUE.length).toBeGreaterThan(10);
    for (const a of CATALOGUE) expect(a.receiver, a.uid).toBe(expectedReceiver(a).full);
  });

  it("names the alert when the routing plan has no case for its labels", () => {
    expect(() => expectedReceiver({ uid: "pizza-new-alert", severity: "info", category: "other" })).toThrow(
      'alert pizza-new-alert: the routing plan has no case for severity="info", category="other"',
    );
  });
});

describe("routing without Slack or an observability email (amtool, rendered into a temp dir)", () => {
  const configFile = renderAlertmanagerConfig(emailOnlyConfig());

  it("declares neither contact point, and passes check-config", () => {
    const doc = parse(readFileSync(configFile, "utf8"));
    expect(doc.receivers.map((r: { name: string }) => r.name)).toEqual(["pizza-heartbeat", "pizza-on-call", "pizza-team-email"]);
    expect(amtool(["check-config", configFile]).status).toBe(0);
  });

  it.each(CATALOGUE.map((a) => [a.uid, a] as const))("routes %s with the team email standing in for Slack and tickets", (_uid, alert) => {
    const run = routesTo(configFile, labelsOf(alert), expectedReceiver(alert).emailOnly);
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
