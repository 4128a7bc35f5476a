import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import messageTemplate from "../../../contact-points/message-template";
import { SUPPORT_URL_LABEL } from "../../../src/model/telemetry";
import { parseConfig } from "../../../src/config/schema";
import { RENDERED_DIR } from "../../../src/config/paths";
import { amtool } from "../../support/amtool";
import { exampleConfig } from "../../support/stack";

const template = messageTemplate(parseConfig(exampleConfig())).build().template ?? "";

/**
 * Executes the template with Go's text/template through `amtool template render`. Alertmanager's
 * alerts lack Grafana's .PanelURL/.DashboardURL fields, so this copy reads them from annotations.
 */
function render(data: object): string {
  const dir = mkdtempSync(join(tmpdir(), "pizza-template-"));
  writeFileSync(
    join(dir, "t.tmpl"),
    template.replaceAll(".PanelURL", ".Annotations.PanelURL").replaceAll(".DashboardURL", ".Annotations.DashboardURL"),
  );
  writeFileSync(join(dir, "data.json"), JSON.stringify(data));
  const run = amtool([
    "template",
    "render",
    `--template.glob=${join(dir, "t.tmpl")}`,
    `--template.data=${join(dir, "data.json")}`,
    '--template.text={{ template "pizza.title" . }}\n---\n{{ template "pizza.message" . }}',
  ]);
  expect(run.status, run.output).toBe(0);
  return run.stdout;
}

function alert(status: "firing" | "resolved", labels: Record<string, string>, annotations: Record<string, string>) {
  return {
    status,
    labels,
    annotations,
    startsAt: "2024-05-18T15:43:17Z",
    endsAt: status === "firing" ? "0001-01-01T00:00:00Z" : "2024-05-18T16:00:00Z",
  };
}

describe("message template", () => {
  it("references summary, description, runbook, panel/dashboard and the support link", () => {
    for (const field of [".Annotations.summary", ".Annotations.description", ".Annotations.runbook_url", ".PanelURL", ".DashboardURL"]) {
      expect(template).toContain(field);
    }
    expect(template).toContain(`.Annotations.${SUPPORT_URL_LABEL}`);
    expect(template).toContain(`.Labels.${SUPPORT_URL_LABEL}`);
  });

  it("is rendered identically for Grafana provisioning and for amtool", () => {
    const provisioned = parse(readFileSync(join(RENDERED_DIR, "alerting", "templates.yaml"), "utf8"));
    expect(provisioned.templates).toEqual([{ orgId: 1, name: "pizza-notifications", template }]);
    expect(readFileSync(join(RENDERED_DIR, "alertmanager", "templates.tmpl"), "utf8")).toContain(template);
  });

  it("renders a page with its runbook, panel and the factory's support link", () => {
    const text = render({
      receiver: "pizza-on-call",
      status: "firing",
      alerts: [
        alert(
          "firing",
          { alertname: "JWT Pizza API answering 5xx", severity: "page", category: "errors" },
          {
            summary: "POST /api/order returned 5 5xx responses in 5m",
            description: "The pizza factory is failing.",
            runbook_url: "https://example.com/runbooks/pizza-order-5xx.md",
            PanelURL: "https://jwtpizza.grafana.net/d/pizza-orders?viewPanel=5",
            DashboardURL: "https://jwtpizza.grafana.net/d/pizza-orders",
            support_url: "https://factory.example.com/api/support/KEY/report/CODE",
          },
        ),
      ],
      groupLabels: {},
      commonLabels: { alertname: "JWT Pizza API answering 5xx", service: "jwt-pizza-service" },
      commonAnnotations: {},
      externalURL: "https://jwtpizza.grafana.net",
    });
    expect(text).toBe(
      [
        "[FIRING:1] JWT Pizza API answering 5xx (jwt-pizza-service)",
        "---",
        "Firing:",
        "POST /api/order returned 5 5xx responses in 5m",
        "The pizza factory is failing.",
        "severity: page, category: errors",
        "Runbook: https://example.com/runbooks/pizza-order-5xx.md",
        "Panel: https://jwtpizza.grafana.net/d/pizza-orders?viewPanel=5",
        "Factory support/report: https://factory.example.com/api/support/KEY/report/CODE",
        "",
        "",
      ].join("\n"),
    );
  });

  it("falls back to the dashboard link and a support_url label, and leaves out links an alert lacks; a group of several alerts is titled by their names", () => {
    const text = render({
      receiver: "pizza-team-slack",
      status: "resolved",
      alerts: [
        alert(
          "resolved",
          { alertname: "Factory latency high", severity: "ticket", category: "latency", support_url: "https://factory.example.com/r/1" },
          { summary: "Factory slow", DashboardURL: "https://g/d/x" },
        ),
        alert("resolved", { alertname: "CPU saturation", severity: "ticket", category: "saturation" }, {}),
      ],
      groupLabels: {},
      commonLabels: { severity: "ticket" },
      commonAnnotations: {},
      externalURL: "https://jwtpizza.grafana.net",
    });
    expect(text.split("\n")).toEqual([
      "[RESOLVED] Factory latency high, CPU saturation",
      "---",
      "Resolved:",
      "Factory slow",
      "severity: ticket, category: latency",
      "Dashboard: https://g/d/x",
      "Factory support/report: https://factory.example.com/r/1",
      "",
      "CPU saturation",
      "severity: ticket, category: saturation",
      "",
      "",
    ]);
  });
});
