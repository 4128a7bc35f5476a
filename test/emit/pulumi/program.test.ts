import { beforeEach, describe, expect, it } from "vitest";
import { InvalidDefinitionError } from "../../../src/config/errors";
import { program } from "../../../src/emit/pulumi/program";
import { installMocks, mocked, ofType, resources, SECRET_SIG, SECRET_SIG_VALUE, settled, valueOf } from "../../support/pulumi-mocks";
import { containsSecret, exampleConfig, OWNED_TREE, WEBHOOK_SECRET } from "../../support/stack";

beforeEach(installMocks);

describe("the Pulumi program under mocks", () => {
  it("declares the folder, rule groups, contact points, policy, dashboard and health check, and exports their addresses", async () => {
    const outputs = await program(exampleConfig(OWNED_TREE));
    await settled();
    expect(await valueOf(outputs.folderUid)).toBe("jwt-pizza-service");
    expect(await valueOf(outputs.dashboardUrls)).toEqual({
      "pizza-factory": "https://jwtpizza.grafana.net/d/pizza-factory",
      "pizza-orders": "https://jwtpizza.grafana.net/d/pizza-orders",
      "pizza-overview": "https://jwtpizza.grafana.net/d/pizza-overview",
      "pizza-telemetry": "https://jwtpizza.grafana.net/d/pizza-telemetry",
    });
    expect(
      resources()
        .map((r) => `${r.type} ${r.name}`)
        .sort(),
    ).toEqual([
      "grafana:alerting/contactPoint:ContactPoint contact-point-pizza-heartbeat",
      "grafana:alerting/contactPoint:ContactPoint contact-point-pizza-observability-tickets",
      "grafana:alerting/contactPoint:ContactPoint contact-point-pizza-on-call",
      "grafana:alerting/contactPoint:ContactPoint contact-point-pizza-team-email",
      "grafana:alerting/contactPoint:ContactPoint contact-point-pizza-team-slack",
      "grafana:alerting/messageTemplate:MessageTemplate message-template-pizza-notifications",
      "grafana:alerting/muteTiming:MuteTiming mute-timing-chaos-testing",
      "grafana:alerting/notificationPolicy:NotificationPolicy notification-policy",
      "grafana:alerting/ruleGroup:RuleGroup rule-group-availability",
      "grafana:alerting/ruleGroup:RuleGroup rule-group-errors",
      "grafana:alerting/ruleGroup:RuleGroup rule-group-latency",
      "grafana:alerting/ruleGroup:RuleGroup rule-group-meta",
      "grafana:alerting/ruleGroup:RuleGroup rule-group-orders",
      "grafana:alerting/ruleGroup:RuleGroup rule-group-recording",
      "grafana:alerting/ruleGroup:RuleGroup rule-group-saturation",
      "grafana:alerting/ruleGroup:RuleGroup rule-group-slo",
      "grafana:alerting/ruleGroup:RuleGroup rule-group-telemetry",
      "grafana:oss/dashboard:Dashboard dashboard-pizza-factory",
      "grafana:oss/dashboard:Dashboard dashboard-pizza-orders",
      "grafana:oss/dashboard:Dashboard dashboard-pizza-overview",
      "grafana:oss/dashboard:Dashboard dashboard-pizza-telemetry",
      "grafana:oss/folder:Folder folder",
      "grafana:syntheticMonitoring/check:Check health-check",
    ]);
  });

  it("sends the rule model JSON Grafana expects, in the stack's folder", async () => {
    await program(exampleConfig());
    await settled();
    const [group] = ofType("grafana:alerting/ruleGroup:RuleGroup").filter((g) => g.inputs.name === "errors");
    expect(group.inputs).toMatchObject({ name: "errors", folderUid: "jwt-pizza-service", intervalSeconds: 60 });
    const [rule] = group.inputs.rules;
    expect(rule).toMatchObject({
      uid: "pizza-order-5xx",
      condition: "B",
      for: "0s",
      noDataState: "OK",
      execErrState: "Error",
      labels: { severity: "warning", team: "pizza", service: "jwt-pizza-service", category: "errors" },
    });
    expect(rule.datas.map((d: any) => d.refId)).toContain(rule.condition);
    const query = JSON.parse(rule.datas[0].model);
    expect(rule.datas[0]).toMatchObject({ datasourceUid: "grafanacloud-logs", relativeTimeRange: { from: 120, to: 0 } });
    expect(query.expr).toContain('{component="jwt-pizza-service", type="http"}');
    expect(JSON.parse(rule.datas[1].model)).toMatchObject({ type: "threshold", expression: "A" });
  });

  it("routes severity=page to on-call, with the team as the catch-all", async () => {
    await program(exampleConfig(OWNED_TREE));
    await settled();
    const [policy] = ofType("grafana:alerting/notificationPolicy:NotificationPolicy");
    expect(policy.inputs.contactPoint).toBe("pizza-team-email");
    const page = policy.inputs.policies.find((p: any) => p.matchers.some((m: any) => m.label === "severity"));
    expect(page).toMatchObject({ contactPoint: "pizza-on-call", matchers: [{ label: "severity", match: "=", value: "page" }] });
    // Query failures of a paging rule must not page: their route comes before severity=page.
    expect(policy.inputs.policies[0]).toMatchObject({
      contactPoint: "pizza-observability-tickets",
      matchers: [{ label: "alertname", match: "=~", value: "DatasourceError|DatasourceNoData" }],
    });
  });

  it("deploys every dashboard's JSON with its stable uid into the folder", async () => {
    await program(exampleConfig());
    await settled();
    const dashboards = ofType("grafana:oss/dashboard:Dashboard");
    expect(dashboards.map((d) => JSON.parse(d.inputs.configJson).uid).sort()).toEqual([
      "pizza-factory",
      "pizza-orders",
      "pizza-overview",
      "pizza-telemetry",
    ]);
    for (const d of dashboards) expect(d.inputs.folder).toBe("jwt-pizza-service");
  });

  it("passes the on-call credential as a Pulumi secret, never in plain inputs", async () => {
    await program(exampleConfig());
    await settled();
    const [onCall] = ofType("grafana:alerting/contactPoint:ContactPoint").filter((r) => r.name === "contact-point-pizza-on-call");
    // The engine receives secrets wrapped in Pulumi's secret signature; a secret taints the whole block.
    const webhooks = onCall.inputs.webhooks;
    expect(webhooks[SECRET_SIG]).toBe(SECRET_SIG_VALUE);
    expect(webhooks.value[0].url === WEBHOOK_SECRET).toBe(true);
    expect(webhooks.value[0].httpMethod).toBe("POST");
    const [email] = ofType("grafana:alerting/contactPoint:ContactPoint").filter((r) => r.name === "contact-point-pizza-team-email");
    expect(email.inputs.emails).toEqual([
      {
        uid: "pizza-team-email",
        addresses: ["pizza-team@example.com"],
        singleEmail: true,
        subject: '{{ template "pizza.title" . }}',
        message: '{{ template "pizza.message" . }}',
        disableResolveMessage: false,
      },
    ]);
  });

  it("declares nothing when the config is invalid, and names the bad keys", async () => {
    let error: unknown;
    try {
      await program(exampleConfig({ "pizza-observability:datasources": { loki: "grafanacloud-logs" }, "grafana:url": "nope" }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidDefinitionError);
    expect((error as InvalidDefinitionError).problems.map((p) => p.split(":").slice(0, 2).join(":"))).toEqual([
      "grafana:url",
      "pizza-observability:datasources.prometheus",
    ]);
    expect(containsSecret((error as Error).message)).toBe(false);
    await settled();
    expect(mocked.registered).toEqual([]);
  });
});
