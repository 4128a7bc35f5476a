import * as pulumi from "@pulumi/pulumi";
import { beforeEach, describe, expect, it } from "vitest";
import { ConfigError } from "../src/config";
import { program } from "../src/program";
import { containsSecret, exampleConfig, WEBHOOK_SECRET } from "./support";

/** Pulumi's marker of a secret value on the wire. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_SIG_VALUE = "1b47061264138c4ac30d75fd1eb44270";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, any>;
}

let registered: Registered[] = [];
let invoked: string[] = [];

/** What the provider's getProbes answers: public probe name -> id. */
const PROBES = { Atlanta: 1, Frankfurt: 4, Singapore: 7, Tokyo: 9 };

beforeEach(async () => {
  registered = [];
  invoked = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        const state: Record<string, unknown> = { ...args.inputs };
        if (args.type === "grafana:oss/dashboard:Dashboard") {
          state.url = `https://jwtpizza.grafana.net/d/${JSON.parse(args.inputs.configJson).uid}`;
        }
        return { id: `${args.name}-id`, state };
      },
      call: (args) => {
        invoked.push(args.token);
        return args.token === "grafana:syntheticMonitoring/getProbes:getProbes" ? { id: "probes", probes: PROBES } : {};
      },
    },
    "pizza-observability",
    "test",
    false,
  );
});

function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

/** Resources register asynchronously: wait until no new registration arrives. */
async function settled(): Promise<void> {
  let seen = -1;
  while (seen !== registered.length) {
    seen = registered.length;
    await new Promise((r) => setTimeout(r, 50));
  }
}

function ofType(type: string): Registered[] {
  return registered.filter((r) => r.type === type);
}

describe("the Pulumi program under mocks", () => {
  it("declares the folder, rule groups, contact points, policy, dashboard and health check, and exports their addresses", async () => {
    const outputs = program(exampleConfig());
    await settled();
    expect(await valueOf(outputs.folderUid)).toBe("jwt-pizza-service");
    expect(await valueOf(outputs.dashboardUrls)).toEqual({ "pizza-orders": "https://jwtpizza.grafana.net/d/pizza-orders" });
    expect(registered.map((r) => `${r.type} ${r.name}`).sort()).toEqual([
      "grafana:alerting/contactPoint:ContactPoint contact-point-pizza-on-call",
      "grafana:alerting/contactPoint:ContactPoint contact-point-pizza-team-email",
      "grafana:alerting/notificationPolicy:NotificationPolicy notification-policy",
      "grafana:alerting/ruleGroup:RuleGroup rule-group-availability",
      "grafana:alerting/ruleGroup:RuleGroup rule-group-latency",
      "grafana:alerting/ruleGroup:RuleGroup rule-group-meta",
      "grafana:alerting/ruleGroup:RuleGroup rule-group-orders",
      "grafana:alerting/ruleGroup:RuleGroup rule-group-recording",
      "grafana:alerting/ruleGroup:RuleGroup rule-group-saturation",
      "grafana:alerting/ruleGroup:RuleGroup rule-group-slo",
      "grafana:alerting/ruleGroup:RuleGroup rule-group-telemetry",
      "grafana:oss/dashboard:Dashboard dashboard-pizza-orders",
      "grafana:oss/folder:Folder folder",
      "grafana:syntheticMonitoring/check:Check health-check",
    ]);
  });

  it("sends the rule model JSON Grafana expects, in the stack's folder", async () => {
    program(exampleConfig());
    await settled();
    const [group] = ofType("grafana:alerting/ruleGroup:RuleGroup").filter((g) => g.inputs.name === "orders");
    expect(group.inputs).toMatchObject({ name: "orders", folderUid: "jwt-pizza-service", intervalSeconds: 30 });
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
    expect(rule.datas[0]).toMatchObject({ datasourceUid: "grafanacloud-logs", relativeTimeRange: { from: 300, to: 0 } });
    expect(query.expr).toContain('{component="jwt-pizza-service", type="http"}');
    expect(JSON.parse(rule.datas[1].model)).toMatchObject({ type: "threshold", expression: "A" });
  });

  it("routes severity=page to on-call, with the team as the catch-all", async () => {
    program(exampleConfig());
    await settled();
    const [policy] = ofType("grafana:alerting/notificationPolicy:NotificationPolicy");
    expect(policy.inputs.contactPoint).toBe("pizza-team-email");
    const page = policy.inputs.policies.find((p: any) => p.matchers.some((m: any) => m.label === "severity"));
    expect(page).toMatchObject({ contactPoint: "pizza-on-call", matchers: [{ label: "severity", match: "=", value: "page" }] });
    // Query failures of a paging rule must not page: their route comes before severity=page.
    expect(policy.inputs.policies[0]).toMatchObject({
      contactPoint: "pizza-team-email",
      matchers: [{ label: "alertname", match: "=~", value: "DatasourceError|DatasourceNoData" }],
    });
  });

  it("deploys the dashboard JSON with its stable uid into the folder", async () => {
    program(exampleConfig());
    await settled();
    const [dashboard] = ofType("grafana:oss/dashboard:Dashboard");
    expect(JSON.parse(dashboard.inputs.configJson).uid).toBe("pizza-orders");
    expect(dashboard.inputs.folder).toBe("jwt-pizza-service");
  });

  it("passes the on-call credential as a Pulumi secret, never in plain inputs", async () => {
    program(exampleConfig());
    await settled();
    const [onCall] = ofType("grafana:alerting/contactPoint:ContactPoint").filter((r) => r.name === "contact-point-pizza-on-call");
    // The engine receives secrets wrapped in Pulumi's secret signature; a secret taints the whole block.
    const webhooks = onCall.inputs.webhooks;
    expect(webhooks[SECRET_SIG]).toBe(SECRET_SIG_VALUE);
    expect(webhooks.value[0].url === WEBHOOK_SECRET).toBe(true);
    expect(webhooks.value[0].httpMethod).toBe("POST");
    const [email] = ofType("grafana:alerting/contactPoint:ContactPoint").filter((r) => r.name === "contact-point-pizza-team-email");
    expect(email.inputs.emails).toEqual([{ uid: "pizza-team-email", addresses: ["pizza-team@example.com"], singleEmail: true, disableResolveMessage: false }]);
  });

  it("declares nothing when the config is invalid, and names the bad keys", async () => {
    let error: unknown;
    try {
      program(exampleConfig({ "pizza-observability:datasources": { loki: "grafanacloud-logs" }, "grafana:url": "nope" }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.split(":").slice(0, 2).join(":"))).toEqual([
      "grafana:url",
      "pizza-observability:datasources.prometheus",
    ]);
    expect(containsSecret((error as Error).message)).toBe(false);
    await settled();
    expect(registered).toEqual([]);
  });
});
