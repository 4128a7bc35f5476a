import { beforeEach, describe, expect, it } from "vitest";
import { program } from "../../../src/emit/pulumi/program";
import { GET_PROBES, installMocks, mocked, settled, tokensCalled, type Registered } from "../../support/pulumi-mocks";
import { exampleConfig } from "../../support/stack";
import { checkedStack } from "../../../src/checks";
import { parseConfig } from "../../../src/config/schema";

/** The alert catalogue as Pulumi declares it: rule groups, rules, recording rules and the health check. */

beforeEach(installMocks);

function ruleGroups(): Registered[] {
  return mocked.registered.filter((r) => r.type === "grafana:alerting/ruleGroup:RuleGroup");
}

function rulesOf(groups: Registered[]): any[] {
  return groups.flatMap((g) => g.inputs.rules.map((r: any) => ({ ...r, group: g.inputs.name })));
}

/** The catalogue as the definitions build it for the example stack: what Pulumi must declare, rule for rule. */
const cfg = parseConfig(exampleConfig());
const BUILT = checkedStack(cfg).ruleGroups.flatMap((g) => (g.rules ?? []).map((r) => ({ ...r, group: g.title ?? "" })));
const ALERT_UIDS = BUILT.filter((r) => !r.record).map((r) => r.uid ?? "");
const RECORDING_UIDS = BUILT.filter((r) => r.record).map((r) => r.uid ?? "");

describe("the alert catalogue under Pulumi mocks", () => {
  it("declares one rule group per concern, with its own evaluation interval", async () => {
    await program(exampleConfig());
    await settled();
    const intervals = Object.fromEntries(ruleGroups().map((g) => [g.inputs.name, g.inputs.intervalSeconds]));
    const groups = [...new Set(BUILT.map((r) => r.group))].sort();
    expect(Object.keys(intervals).sort()).toEqual(groups);
    // Recorded series are counts per minute: their group runs every 60 s whatever the config says.
    const configured = (g: string) =>
      g === "recording"
        ? 60
        : ((cfg.alerting.groupEvaluationIntervalSeconds as Record<string, number | undefined>)[g] ??
          cfg.alerting.evaluationIntervalSeconds);
    expect(intervals).toEqual(Object.fromEntries(groups.map((g) => [g, configured(g)])));
    expect(new Set(Object.values(intervals)).size, "the example's groups run at different intervals").toBeGreaterThan(1);
    for (const g of ruleGroups()) expect(g.inputs.folderUid).toBe("jwt-pizza-service");
  });

  it("declares every rule the definitions build, each in the group its definition gives it", async () => {
    await program(exampleConfig());
    await settled();
    const rules = rulesOf(ruleGroups());
    expect(rules.map((r) => r.uid).sort()).toEqual([...ALERT_UIDS, ...RECORDING_UIDS].sort());
    expect(Object.fromEntries(rules.map((r) => [r.uid, r.group]))).toEqual(Object.fromEntries(BUILT.map((r) => [r.uid, r.group])));
    for (const uid of RECORDING_UIDS) expect(rules.find((r) => r.uid === uid).group).toBe("recording");
  });

  it("gives every alerting rule the labels routing reads and the annotations on-call reads", async () => {
    await program(exampleConfig());
    await settled();
    const alerts = rulesOf(ruleGroups()).filter((r) => !r.record);
    expect(alerts).toHaveLength(ALERT_UIDS.length);
    for (const r of alerts) {
      expect(Object.keys(r.labels).sort(), r.uid).toEqual(["category", "service", "severity", "team"]);
      // Every alert but the watchdog links the dashboard panel showing what it watches.
      const panelLink = r.uid === "pizza-watchdog" ? [] : ["__dashboardUid__", "__panelId__"];
      // The order-failure page also links the factory's support/report links (an Explore query), as a factory page must.
      const supportLinks = r.uid === "pizza-order-failures" ? ["support_url"] : [];
      expect(Object.keys(r.annotations).sort(), r.uid).toEqual([...panelLink, "description", "runbook_url", "summary", ...supportLinks]);
      expect(r.annotations.runbook_url, r.uid).toMatch(new RegExp(`/runbooks/${r.uid}\\.md$`));
    }
  });

  it("labels severity and category as each definition says, with a severity routing knows", async () => {
    await program(exampleConfig());
    await settled();
    const declared = Object.fromEntries(
      rulesOf(ruleGroups())
        .filter((r) => !r.record)
        .map((r) => [r.uid, `${r.labels.severity}/${r.labels.category}`]),
    );
    expect(declared).toEqual(
      Object.fromEntries(BUILT.filter((r) => !r.record).map((r) => [r.uid, `${r.labels?.severity}/${r.labels?.category}`])),
    );
    for (const [uid, labels] of Object.entries(declared)) expect(labels, uid).toMatch(/^(page|ticket|warning|none)\/[a-z]+$/);
  });

  it("declares recording rules that write Loki counts into Prometheus with the source label", async () => {
    await program(exampleConfig());
    await settled();
    const recording = rulesOf(ruleGroups()).filter((r) => r.record);
    expect(recording.map((r) => r.record.metric).sort()).toEqual(Object.values(cfg.telemetry.recorded).sort());
    for (const r of recording) {
      expect(r.record).toMatchObject({ from: "A", targetDatasourceUid: "grafanacloud-prom" });
      expect(r.datas).toHaveLength(1);
      expect(r.datas[0]).toMatchObject({ refId: "A", datasourceUid: "grafanacloud-logs", relativeTimeRange: { from: 60, to: 0 } });
      expect(r.labels).toEqual({ source: "jwt-pizza-service" });
      // Grafana clears these on recording rules; sending them would diff on every update.
      expect(r.condition).toBeUndefined();
      expect(r.noDataState).toBeUndefined();
      expect(r.execErrState).toBeUndefined();
    }
  });

  it("declares the Synthetic Monitoring health check with probe ids resolved by getProbes", async () => {
    await program(exampleConfig());
    await settled();
    const checks = mocked.registered.filter((r) => r.type === "grafana:syntheticMonitoring/check:Check");
    expect(checks).toHaveLength(1);
    expect(tokensCalled()).toContain(GET_PROBES);
    expect(checks[0].inputs).toMatchObject({
      job: "pizza-api-health",
      target: "https://pizza-service.example.com/",
      enabled: true,
      frequency: 60000,
      timeout: 10000,
      probes: [1, 4, 7],
      settings: { http: { method: "GET", failIfBodyNotMatchesRegexps: ["welcome to JWT Pizza"], validStatusCodes: [200] } },
    });
    expect(checks[0].inputs.probeNames).toBeUndefined();
    const availability = rulesOf(ruleGroups()).find((r) => r.uid === "pizza-api-availability");
    expect(JSON.parse(availability.datas[0].model).expr).toContain(
      'probe_success{job="pizza-api-health", instance="https://pizza-service.example.com/"}',
    );
  });

  it("declares no health check when Synthetic Monitoring is disabled, and the log-traffic fallback alert instead", async () => {
    await program(exampleConfig({ "pizza-observability:syntheticMonitoring": { enabled: false } }));
    await settled();
    expect(mocked.registered.filter((r) => r.type === "grafana:syntheticMonitoring/check:Check")).toEqual([]);
    expect(tokensCalled()).not.toContain(GET_PROBES);
    const availability = rulesOf(ruleGroups()).filter((r) => r.group === "availability");
    expect(availability.map((r) => r.uid)).toEqual(["pizza-api-traffic-absent"]);
    expect(availability[0].labels).toMatchObject({ severity: "page", category: "availability" });
    expect(JSON.parse(availability[0].datas[0].model).expr).toContain('pizza:http_requests:count1m{source="jwt-pizza-service"}');
  });
});
