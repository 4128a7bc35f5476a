import { readFileSync } from "node:fs";
import { join } from "node:path";
import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { describe, expect, it } from "vitest";
import type { AlertingSnapshot, AlertSummary } from "../../src/review/alert-snapshot";
import { readAlertingSnapshot } from "../../src/review/alert-snapshot";
import { behaviourDiff, NO_CHANGES, routeOf } from "../../src/review/behaviour-diff";
import { formatText } from "../../src/review/changes";
import { EXAMPLE_STACK_FILE, RENDERED_DIR } from "../../src/config/paths";
import { listFiles, renderArtifacts } from "../../src/emit/files/artifacts";
import { readStackFile } from "../../src/config/stack-file";

const policy: alerting.NotificationPolicy = {
  receiver: "pizza-team-email",
  group_by: ["grafana_folder", "alertname"],
  routes: [
    { receiver: "pizza-team-email", object_matchers: [["alertname", "=~", "DatasourceError|DatasourceNoData"]] },
    { receiver: "pizza-on-call", object_matchers: [["severity", "=", "page"]], group_wait: "10s" },
  ],
};

const order5xx: AlertSummary = {
  uid: "pizza-order-5xx",
  title: "JWT Pizza API answering 5xx",
  group: "orders",
  folder: "JWT Pizza Service",
  interval: "60s",
  queries: { A: 'sum(count_over_time({component="jwt-pizza-service"} |= "x" [5m]))' },
  threshold: "> 2",
  pending: "1m",
  keepFiringFor: "0s",
  labels: { severity: "page", team: "pizza", category: "errors" },
  noDataState: "OK",
  execErrState: "Error",
  paused: false,
};

const cpu: AlertSummary = {
  ...order5xx,
  uid: "pizza-cpu-saturation",
  title: "JWT Pizza CPU saturated",
  group: "saturation",
  queries: { A: 'max(cpu_percent{source="jwt-pizza-service"})' },
  threshold: "> 90",
  pending: "10m",
  labels: { severity: "ticket", team: "pizza", category: "saturation" },
};

const snapshot = (alerts: AlertSummary[], p: alerting.NotificationPolicy = policy): AlertingSnapshot => ({ alerts, policy: p });
const diff = (before: AlertingSnapshot, after: AlertingSnapshot) => formatText(behaviourDiff(before, after));

describe("behaviour diff", () => {
  it('says "No behaviour changes." when nothing that matters changed', () => {
    expect(diff(snapshot([order5xx, cpu]), snapshot([cpu, { ...order5xx }]))).toBe(`${NO_CHANGES}\n`);
    expect(NO_CHANGES).toBe("No behaviour changes.");
  });

  it("shows a threshold change", () => {
    expect(diff(snapshot([order5xx]), snapshot([{ ...order5xx, threshold: "> 5" }]))).toBe(
      "~ pizza-order-5xx (JWT Pizza API answering 5xx)\n    threshold: > 2 -> > 5\n",
    );
  });

  it("shows a pending period change", () => {
    expect(diff(snapshot([order5xx]), snapshot([{ ...order5xx, pending: "2m" }]))).toBe(
      "~ pizza-order-5xx (JWT Pizza API answering 5xx)\n    pending period: 1m -> 2m\n",
    );
  });

  it("shows a query change as the old and the new query, and the changed tokens in their context", () => {
    const changed = { ...order5xx, queries: { A: order5xx.queries.A.replace("[5m]", "[10m]") } };
    expect(diff(snapshot([order5xx]), snapshot([changed]))).toBe(
      [
        "~ pizza-order-5xx (JWT Pizza API answering 5xx)",
        "    query A:",
        `      - ${order5xx.queries.A}`,
        `      + ${changed.queries.A}`,
        '      ~ …pizza-service"} |= "x" [[-5m-]{+10m+}]))…',
        "",
      ].join("\n"),
    );
  });

  it("shows a severity change together with the route it changes", () => {
    const warning = { ...order5xx, labels: { ...order5xx.labels, severity: "warning" } };
    expect(diff(snapshot([order5xx]), snapshot([warning]))).toBe(
      "~ pizza-order-5xx (JWT Pizza API answering 5xx)\n    severity: page -> warning\n    route: pizza-on-call -> pizza-team-email\n",
    );
  });

  it("shows a route changed by the policy tree alone, and the route added to the tree", () => {
    const newPolicy: alerting.NotificationPolicy = {
      ...policy,
      routes: [...(policy.routes ?? []), { receiver: "pizza-saturation", object_matchers: [["category", "=", "saturation"]] }],
    };
    expect(diff(snapshot([order5xx, cpu]), snapshot([order5xx, cpu], newPolicy))).toBe(
      [
        "~ pizza-cpu-saturation (JWT Pizza CPU saturated)",
        "    route: pizza-team-email -> pizza-saturation",
        '+ route root > category="saturation" to pizza-saturation at root.3',
        "",
      ].join("\n"),
    );
  });

  it("routes with the alertname and grafana_folder labels Grafana adds", () => {
    const byName: alerting.NotificationPolicy = {
      receiver: "root",
      routes: [
        {
          receiver: "named",
          object_matchers: [
            ["alertname", "=", cpu.title],
            ["grafana_folder", "=", cpu.folder],
          ],
        },
      ],
    };
    expect(routeOf(cpu, byName)).toBe("named");
    expect(routeOf(order5xx, byName)).toBe("root");
    expect(routeOf(order5xx, undefined)).toBe("(no notification policy)");
  });

  it("lists added and removed alerts, one block per alert, sorted by uid", () => {
    expect(diff(snapshot([order5xx]), snapshot([cpu]))).toBe(
      [
        "+ pizza-cpu-saturation (JWT Pizza CPU saturated) severity ticket, route pizza-team-email, threshold > 90, pending 10m",
        "- pizza-order-5xx (JWT Pizza API answering 5xx)",
        "",
      ].join("\n"),
    );
  });

  it("shows several changes of one alert in a fixed order", () => {
    const changed: AlertSummary = {
      ...order5xx,
      threshold: "> 5",
      pending: "2m",
      keepFiringFor: "5m",
      labels: { ...order5xx.labels, severity: "warning", category: "orders" },
      noDataState: "Alerting",
      execErrState: "OK",
    };
    expect(diff(snapshot([order5xx]), snapshot([changed]))).toBe(
      [
        "~ pizza-order-5xx (JWT Pizza API answering 5xx)",
        "    threshold: > 2 -> > 5",
        "    pending period: 1m -> 2m",
        "    keep firing for: 0s -> 5m",
        "    severity: page -> warning",
        "    route: pizza-on-call -> pizza-team-email",
        "    other labels: team=pizza, category=errors -> team=pizza, category=orders",
        "    no data: OK -> Alerting",
        "    query error: Error -> OK",
        "",
      ].join("\n"),
    );
  });
});

describe("reading provisioning files", () => {
  const rendered = renderArtifacts(readStackFile(EXAMPLE_STACK_FILE));
  const snap = readAlertingSnapshot([...rendered].filter(([path]) => path.startsWith("alerting/")));

  it("reads each alert's query, threshold, pending period, labels and states, and the policy tree", () => {
    const alert = snap.alerts.find((a) => a.uid === "pizza-order-5xx");
    expect(alert).toMatchObject({
      title: "JWT Pizza API answering 5xx",
      group: "errors",
      folder: "JWT Pizza Service",
      interval: "60s",
      threshold: "> 2",
      pending: "0s",
      keepFiringFor: "5m",
      noDataState: "OK",
      execErrState: "Error",
      paused: false,
    });
    expect(Object.keys(alert?.queries ?? {})).toEqual(["A"]);
    expect(alert?.queries.A).toContain("count_over_time(");
    expect(alert?.labels.severity).toBe("warning");
    expect(snap.policy?.receiver).toBe("pizza-team-email");
    expect(snap.policy).not.toHaveProperty("orgId");
    expect(routeOf(alert!, snap.policy)).toBe("pizza-team-slack");
  });

  it("reads the files in rendered/ to the same snapshot as the in-memory render (a ref and the working tree compare like for like)", () => {
    const committed = listFiles(RENDERED_DIR)
      .filter((path) => path.startsWith("alerting/"))
      .map((path): [string, string] => [path, readFileSync(join(RENDERED_DIR, path), "utf8")]);
    const fromDisk = readAlertingSnapshot(committed);
    expect(fromDisk.alerts.length).toBeGreaterThan(0);
    expect(fromDisk).toEqual(snap);
    expect(behaviourDiff(fromDisk, snap).flatMap((s) => s.changes)).toEqual([]);
  });

  it("names a bad file", () => {
    expect(() => readAlertingSnapshot([["alerting/x.yaml", "a: [b"]])).toThrow(/^alerting\/x\.yaml: not valid YAML/);
  });
});

describe("routed labels in the diff", () => {
  it("routes a rule with its own contact point there, whatever the policy tree says", () => {
    const direct = { ...order5xx, receiver: "pizza-heartbeat" };
    expect(routeOf(direct, policy)).toBe("pizza-heartbeat");
    expect(routeOf(direct, undefined)).toBe("pizza-heartbeat");
    expect(diff(snapshot([order5xx]), snapshot([direct]))).toBe(
      "~ pizza-order-5xx (JWT Pizza API answering 5xx)\n    route: pizza-on-call -> pizza-heartbeat\n",
    );
  });

  it("reads notification_settings.receiver from a provisioning file", () => {
    const yaml = [
      "groups:",
      "  - name: orders",
      "    folder: JWT Pizza Service",
      "    rules:",
      "      - uid: x",
      "        title: X",
      "        condition: A",
      "        labels: { severity: page }",
      "        notification_settings: { receiver: pizza-team-email }",
    ].join("\n");
    const [alert] = readAlertingSnapshot([["alerting/x.yaml", yaml]]).alerts;
    expect(alert.receiver).toBe("pizza-team-email");
    expect(routeOf(alert, policy)).toBe("pizza-team-email");
  });
});

describe("alert annotations and lookback in the diff", () => {
  it("shows a changed query lookback, summary and dashboard panel link", () => {
    const before = {
      ...order5xx,
      lookback: { A: "5m" },
      annotations: { summary: "5xx", __dashboardUid__: "pizza-orders", __panelId__: "5" },
    };
    const after = {
      ...before,
      lookback: { A: "10m" },
      annotations: { summary: "5xx on an endpoint", __dashboardUid__: "pizza-orders", __panelId__: "2" },
    };
    expect(diff(snapshot([before]), snapshot([after]))).toBe(
      [
        "~ pizza-order-5xx (JWT Pizza API answering 5xx)",
        "    lookback A: 5m -> 10m",
        "    annotation summary:",
        "      - 5xx",
        "      + 5xx on an endpoint",
        "      ~ …5xx{+ on an endpoint+}…",
        "    dashboard panel: pizza-orders panel 5 -> pizza-orders panel 2",
        "",
      ].join("\n"),
    );
  });

  it("reads each query's lookback from its relative time range", () => {
    const snap = readAlertingSnapshot(
      [...renderArtifacts(readStackFile(EXAMPLE_STACK_FILE))].filter(([path]) => path.startsWith("alerting/")),
    );
    const alert = snap.alerts.find((a) => a.uid === "pizza-order-5xx");
    expect(alert?.lookback).toEqual({ A: "2m" });
    expect(alert?.annotations?.summary).toBeTruthy();
  });
});
