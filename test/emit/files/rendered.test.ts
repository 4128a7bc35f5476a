import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { EXAMPLE_STACK_FILE, RENDERED_DIR } from "../../../src/config/paths";
import { listFiles, renderArtifacts } from "../../../src/emit/files/artifacts";
import { readStackFile } from "../../../src/config/stack-file";
import { containsSecret, exampleConfig, PAGERDUTY_SECRET } from "../../support/stack";

describe("rendered/", () => {
  const expected = renderArtifacts(readStackFile(EXAMPLE_STACK_FILE));

  it("is what `npm run render` writes from the current definitions (run it and commit the result)", () => {
    expect(listFiles(RENDERED_DIR)).toEqual([...expected.keys()]);
    for (const [path, content] of expected) {
      expect(readFileSync(join(RENDERED_DIR, path), "utf8") === content, `rendered/${path} is stale`).toBe(true);
    }
  });

  it("holds dashboards as JSON and alerting as Grafana provisioning YAML", () => {
    expect([...expected.keys()]).toEqual([
      "alerting/contact-points.yaml",
      "alerting/mute-timings.yaml",
      "alerting/notification-policies.yaml",
      "alerting/rule-group-availability.yaml",
      "alerting/rule-group-errors.yaml",
      "alerting/rule-group-latency.yaml",
      "alerting/rule-group-meta.yaml",
      "alerting/rule-group-orders.yaml",
      "alerting/rule-group-recording.yaml",
      "alerting/rule-group-saturation.yaml",
      "alerting/rule-group-slo.yaml",
      "alerting/rule-group-telemetry.yaml",
      "alerting/templates.yaml",
      "alertmanager/alertmanager.yml",
      "alertmanager/templates.tmpl",
      "dashboards/pizza-factory.json",
      "dashboards/pizza-orders.json",
      "dashboards/pizza-overview.json",
      "dashboards/pizza-telemetry.json",
      "prometheus/availability.rules.yml",
      "prometheus/latency.rules.yml",
      "prometheus/meta.rules.yml",
      "prometheus/orders.rules.yml",
      "prometheus/saturation.rules.yml",
      "prometheus/slo.rules.yml",
      "prometheus/telemetry.rules.yml",
      "synthetic-monitoring/pizza-api-health.json",
    ]);
    for (const [path, content] of expected) {
      if (path.endsWith(".tmpl")) continue;
      const doc = path.endsWith(".json") ? JSON.parse(content) : parse(content);
      if (path.startsWith("alerting/")) expect(doc.apiVersion).toBe(1);
    }
  });

  it("is deterministic", () => {
    expect(renderArtifacts(readStackFile(EXAMPLE_STACK_FILE))).toEqual(expected);
  });

  it("never holds a credential, even when rendered from decrypted config", () => {
    for (const onCall of ["webhook", "pagerduty"]) {
      const files = renderArtifacts(
        exampleConfig({
          "pizza-observability:contacts": { teamEmail: "team@example.com", onCall },
          "pizza-observability:pagerDutyIntegrationKey": PAGERDUTY_SECRET,
        }),
      );
      const all = [...files.values()].join("\n");
      expect(containsSecret(all)).toBe(false);
      expect(files.get("alerting/contact-points.yaml")).toContain("[REDACTED]");
    }
  });
});
