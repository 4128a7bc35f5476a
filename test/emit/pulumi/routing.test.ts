import { beforeEach, describe, expect, it } from "vitest";
import { program } from "../../../src/emit/pulumi/program";
import {
  GET_ONCALL_USER,
  installMocks,
  mocked,
  ofType,
  ONCALL_LINK,
  SECRET_SIG,
  settled,
  type Registered,
} from "../../support/pulumi-mocks";
import { exampleConfig, HEARTBEAT_SECRET, OWNED_TREE, SLACK_SECRET } from "../../support/stack";

beforeEach(installMocks);

function contactPoint(name: string): Registered | undefined {
  return ofType("grafana:alerting/contactPoint:ContactPoint").find((r) => r.name === `contact-point-${name}`);
}

function unwrapSecret(value: any): any {
  expect(value?.[SECRET_SIG], "expected a Pulumi secret").toBeDefined();
  return value.value;
}

const TITLE = '{{ template "pizza.title" . }}';
const MESSAGE = '{{ template "pizza.message" . }}';

describe("routing resources under Pulumi mocks", () => {
  it("declares Slack and the heartbeat with their credentials as Pulumi secrets, and the template in title/text", async () => {
    await program(exampleConfig());
    await settled();
    const [slack] = unwrapSecret(contactPoint("pizza-team-slack")!.inputs.slacks);
    expect(slack.url === SLACK_SECRET).toBe(true);
    // Compared without the credential, so a failure cannot print it.
    expect({ ...slack, url: undefined }).toMatchObject({ recipient: "#pizza-alerts", title: TITLE, text: MESSAGE });
    const [heartbeat] = unwrapSecret(contactPoint("pizza-heartbeat")!.inputs.webhooks);
    expect(heartbeat.url === HEARTBEAT_SECRET).toBe(true);
    expect(heartbeat.disableResolveMessage).toBe(true);
    expect(contactPoint("pizza-observability-tickets")!.inputs.emails).toEqual([
      expect.objectContaining({ addresses: ["observability@example.com"], subject: TITLE, message: MESSAGE }),
    ]);
  });

  it("declares no Slack or observability contact point when they are not configured", async () => {
    const raw = exampleConfig({
      ...OWNED_TREE,
      "pizza-observability:contacts": { teamEmail: "pizza-team@example.com", onCall: "webhook" },
    });
    delete raw["pizza-observability:slackWebhookUrl"];
    await program(raw);
    await settled();
    expect(
      ofType("grafana:alerting/contactPoint:ContactPoint")
        .map((r) => r.name)
        .sort(),
    ).toEqual(["contact-point-pizza-heartbeat", "contact-point-pizza-on-call", "contact-point-pizza-team-email"]);
    const [policy] = ofType("grafana:alerting/notificationPolicy:NotificationPolicy");
    expect(policy.inputs.policies.map((p: any) => p.contactPoint)).toEqual([
      "pizza-team-email",
      "pizza-heartbeat",
      "pizza-team-email",
      "pizza-on-call",
      "pizza-team-email",
    ]);
  });

  it("deploys the policy tree of the routing plan, first match wins, the example's chaos-testing mute timing on the ticket route only (pages arrive during chaos tests)", async () => {
    await program(exampleConfig(OWNED_TREE));
    await settled();
    const [policy] = ofType("grafana:alerting/notificationPolicy:NotificationPolicy");
    expect(policy.inputs).toMatchObject({ contactPoint: "pizza-team-email", groupBies: ["grafana_folder", "alertname"] });
    const routes = policy.inputs.policies.map((p: any) => ({
      match: p.matchers.map((m: any) => `${m.label}${m.match}${m.value}`).join(","),
      to: p.contactPoint,
      wait: p.groupWait,
      repeat: p.repeatInterval,
      mute: p.muteTimings ?? [],
    }));
    expect(routes).toEqual([
      { match: "alertname=~DatasourceError|DatasourceNoData", to: "pizza-observability-tickets", wait: "1m", repeat: "12h", mute: [] },
      { match: "category=watchdog", to: "pizza-heartbeat", wait: "0s", repeat: "5m", mute: [] },
      { match: "category=telemetry", to: "pizza-observability-tickets", wait: "1m", repeat: "12h", mute: [] },
      { match: "severity=page", to: "pizza-on-call", wait: "5s", repeat: "1h", mute: [] },
      { match: "severity=~ticket|warning", to: "pizza-team-slack", wait: "1m", repeat: "12h", mute: ["chaos-testing"] },
    ]);
  });

  it("deploys the message template with summary, description, runbook, dashboard/panel and support links", async () => {
    await program(exampleConfig());
    await settled();
    const [template] = ofType("grafana:alerting/messageTemplate:MessageTemplate");
    expect(template.inputs.name).toBe("pizza-notifications");
    for (const field of [
      '{{ define "pizza.title"',
      '{{ define "pizza.message"',
      ".Annotations.summary",
      ".Annotations.description",
      ".Annotations.runbook_url",
      ".DashboardURL",
      ".PanelURL",
      ".Annotations.support_url",
      ".Labels.support_url",
    ]) {
      expect(template.inputs.template).toContain(field);
    }
  });

  it("deploys the configured mute timing in the provider's shape", async () => {
    await program(exampleConfig());
    await settled();
    const [timing] = ofType("grafana:alerting/muteTiming:MuteTiming");
    expect(timing.inputs).toEqual({
      name: "chaos-testing",
      disableProvenance: false,
      intervals: [{ times: [{ start: "14:00", end: "16:00" }], weekdays: ["tuesday"], location: "Europe/Berlin" }],
    });
  });
});

describe("Grafana OnCall escalation under Pulumi mocks", () => {
  const oncall = (escalation: Record<string, unknown>) =>
    exampleConfig({
      "pizza-observability:contacts": { teamEmail: "pizza-team@example.com", onCall: "grafana-oncall" },
      "pizza-observability:escalation": escalation,
    });

  it("declares no OnCall resource when on-call is a webhook", async () => {
    await program(exampleConfig());
    await settled();
    expect(mocked.registered.filter((r) => r.type.startsWith("grafana:onCall/"))).toEqual([]);
  });

  it("pages through an OnCall integration with a one-step chain when escalation is off", async () => {
    await program(oncall({ users: ["alice"] }));
    await settled();
    const [integration] = ofType("grafana:onCall/integration:Integration");
    expect(integration.inputs).toMatchObject({
      type: "grafana_alerting",
      defaultRoute: { escalationChainId: "oncall-escalation-chain-id" },
    });
    const steps = ofType("grafana:onCall/escalation:Escalation");
    expect(steps.map((s) => s.inputs)).toEqual([
      {
        escalationChainId: "oncall-escalation-chain-id",
        position: 0,
        type: "notify_persons",
        personsToNotifies: ["user-alice"],
        important: false,
      },
    ]);
    const [pager] = unwrapSecret(contactPoint("pizza-on-call")!.inputs.oncalls);
    expect(pager.url === ONCALL_LINK).toBe(true);
    expect({ ...pager, url: undefined }).toMatchObject({ title: TITLE, message: MESSAGE });
  });

  it("adds the second page to the escalation engineer after the configured minutes when enabled", async () => {
    await program(oncall({ users: ["alice"], enabled: true, afterMinutes: 10, escalateTo: ["bob"] }));
    await settled();
    const steps = ofType("grafana:onCall/escalation:Escalation").map((s) => s.inputs);
    expect(
      steps.map(({ position, type, duration, personsToNotifies, important }) => ({
        position,
        type,
        duration,
        personsToNotifies,
        important,
      })),
    ).toEqual([
      { position: 0, type: "notify_persons", duration: undefined, personsToNotifies: ["user-alice"], important: false },
      { position: 1, type: "wait", duration: 600, personsToNotifies: undefined, important: undefined },
      { position: 2, type: "notify_persons", duration: undefined, personsToNotifies: ["user-bob"], important: true },
    ]);
    expect(
      mocked.calls
        .filter((c) => c.token === GET_ONCALL_USER)
        .map((c) => c.inputs.username)
        .sort(),
    ).toEqual(["alice", "bob"]);
  });
});
