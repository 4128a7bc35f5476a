import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseDuration } from "../../../src/config/durations";
import { EXAMPLE_STACK_FILE, RENDERED_DIR } from "../../../src/config/paths";
import { readStackFile } from "../../../src/config/stack-file";
import { renderArtifacts } from "../../../src/emit/files/artifacts";
import { ruleGroupDocument } from "../../../src/emit/files/provisioning";

/**
 * Grafana's alerting file-provisioning reader (grafana/grafana
 * `pkg/services/provisioning/alerting/rules_types.go`): the keys it reads, from its struct tags.
 * Go's YAML decoding ignores any other key, so a misspelt one (`keep_firing_for`) is silently lost.
 */
const GROUP_KEYS = ["orgId", "name", "folder", "interval", "rules"];
const RULE_KEYS = [
  "uid",
  "title",
  "condition",
  "data",
  "dasboardUid",
  "dashboardUid",
  "panelId",
  "noDataState",
  "execErrState",
  "for",
  "keepFiringFor",
  "missing_series_evals_to_resolve",
  "annotations",
  "labels",
  "isPaused",
  "notification_settings",
  "record",
];
const QUERY_KEYS = ["refId", "queryType", "relativeTimeRange", "datasourceUid", "model"];
const RECORD_KEYS = ["metric", "from", "targetDatasourceUid"];

interface FileRule {
  [key: string]: unknown;
  uid: string;
  title: string;
  condition?: string;
  data?: Array<Record<string, unknown>>;
  for?: string;
  keepFiringFor?: string;
  record?: Record<string, string>;
}
interface FileGroup {
  [key: string]: unknown;
  name: string;
  folder: string;
  interval: string;
  rules: FileRule[];
}

/**
 * What AlertRuleGroupV1.MapToModel and AlertRuleV1.mapToModel reject, plus unread keys. Versions
 * before recording rules in files required `condition` on every rule: required here too.
 */
function readerProblems(doc: { apiVersion: number; groups: FileGroup[] }): string[] {
  const problems: string[] = [];
  const unread = (where: string, obj: object, keys: string[]) =>
    Object.keys(obj)
      .filter((k) => !keys.includes(k))
      .forEach((k) => problems.push(`${where}: Grafana does not read key ${k}`));
  if (doc.apiVersion !== 1) problems.push(`apiVersion ${doc.apiVersion}`);
  for (const g of doc.groups) {
    unread(`group ${g.name}`, g, GROUP_KEYS);
    if (!g.name?.trim()) problems.push("rule group has no name set");
    if (!g.folder?.trim()) problems.push("rule group has no folder set");
    if (!parseDuration(g.interval).ok) problems.push(`group ${g.name}: interval ${g.interval}`);
    for (const r of g.rules) {
      unread(`rule ${r.uid}`, r, RULE_KEYS);
      if (!r.title) problems.push("rule has no title set");
      if (!r.uid) problems.push(`rule '${r.title}' failed to parse: no UID set`);
      for (const field of ["for", "keepFiringFor"] as const) {
        const v = r[field];
        if (v !== undefined && v !== "" && !parseDuration(v).ok) problems.push(`rule '${r.title}' failed to parse '${field}' field`);
      }
      if (!r.data?.length) problems.push(`rule '${r.title}' failed to parse: no data set`);
      for (const q of r.data ?? []) unread(`rule ${r.uid} query ${String(q.refId)}`, q, QUERY_KEYS);
      if (!r.condition) problems.push(`rule '${r.title}' failed to parse: no condition set`);
      const refIds = (r.data ?? []).map((q) => q.refId);
      if (r.condition && !refIds.includes(r.condition)) problems.push(`rule '${r.title}': condition ${r.condition} is no query`);
      if (r.record) {
        unread(`rule ${r.uid} record`, r.record, RECORD_KEYS);
        if (!refIds.includes(r.record.from)) problems.push(`rule '${r.title}': record.from ${r.record.from} is no query`);
        if (r.condition !== r.record.from) problems.push(`rule '${r.title}': condition is not record.from`);
      }
    }
  }
  return problems;
}

/** Grafana's fixture testdata/alert_rules/recording-rules/with-target-datasource.yml, as the SDK models it. */
function fixtureGroup(targetDatasourceUid?: string): alerting.RuleGroup {
  return {
    title: "recording_rules_group",
    interval: 60 as unknown as alerting.RuleGroup["interval"],
    rules: [
      {
        uid: "recording_rule_with_target",
        title: "my_recording_rule_with_target",
        condition: "",
        folderUID: "my_folder",
        ruleGroup: "recording_rules_group",
        orgID: 1,
        for: "",
        noDataState: "NoData",
        execErrState: "Error",
        data: [
          {
            refId: "A",
            queryType: "",
            relativeTimeRange: { from: 600, to: 0 },
            datasourceUid: "prometheus-uid",
            model: { expr: 'up{instance="localhost:9090"}', instant: true, intervalMs: 1000, maxDataPoints: 43200, refId: "A" } as never,
          },
        ],
        record: { metric: "my_recorded_metric", from: "A", ...(targetDatasourceUid ? { target_datasource_uid: targetDatasourceUid } : {}) },
      },
    ],
  };
}

describe("rule group provisioning files as Grafana reads them", () => {
  it("writes Grafana's recording-rule fixture (with-target-datasource.yml) as Grafana wrote it", () => {
    const [group] = JSON.parse(JSON.stringify(ruleGroupDocument(fixtureGroup("mimir-uid"), "my_folder"))).groups;
    const [rule] = group.rules;
    expect({ name: group.name, folder: group.folder, interval: group.interval }).toEqual({
      name: "recording_rules_group",
      folder: "my_folder",
      interval: "60s",
    });
    expect(rule.condition).toBe("A");
    expect(rule.record).toEqual({ metric: "my_recorded_metric", from: "A", targetDatasourceUid: "mimir-uid" });
    expect(rule.data).toEqual([
      {
        refId: "A",
        queryType: "",
        relativeTimeRange: { from: 600, to: 0 },
        datasourceUid: "prometheus-uid",
        model: { expr: 'up{instance="localhost:9090"}', instant: true, intervalMs: 1000, maxDataPoints: 43200, refId: "A" },
      },
    ]);
    // Grafana clears these on recording rules; the file does not pretend they apply.
    expect(Object.keys(rule)).not.toEqual(expect.arrayContaining(["for"]));
    expect(rule.noDataState).toBeUndefined();
  });

  it("writes the without-target-datasource fixture's record block with metric and from only", () => {
    const [group] = JSON.parse(JSON.stringify(ruleGroupDocument(fixtureGroup(), "my_folder"))).groups;
    expect(group.rules[0].record).toEqual({ metric: "my_recorded_metric", from: "A" });
    expect(group.rules[0].condition).toBe("A");
  });

  it("writes keep-firing under keepFiringFor, the key Grafana's file format reads", () => {
    const base = fixtureGroup().rules![0];
    const alertRule: alerting.Rule = { ...base, record: undefined, condition: "A", for: "1m", keep_firing_for: "5m" };
    const [group] = JSON.parse(JSON.stringify(ruleGroupDocument({ ...fixtureGroup(), rules: [alertRule] }, "my_folder"))).groups;
    expect(group.rules[0]).toMatchObject({ for: "1m", keepFiringFor: "5m" });
    expect(group.rules[0]).not.toHaveProperty("keep_firing_for");
    expect(readerProblems({ apiVersion: 1, groups: [group] })).toEqual([]);
  });

  it("the reader check catches what Grafana would drop or reject", () => {
    const group: FileGroup = {
      name: "g",
      folder: "f",
      interval: "1m",
      rules: [
        {
          uid: "r",
          title: "r",
          data: [{ refId: "A" }],
          keep_firing_for: "5m",
          record: { metric: "m", from: "A", target_datasource_uid: "x" },
        },
      ],
    };
    expect(readerProblems({ apiVersion: 1, groups: [group] })).toEqual([
      "rule r: Grafana does not read key keep_firing_for",
      "rule 'r' failed to parse: no condition set",
      "rule r record: Grafana does not read key target_datasource_uid",
      "rule 'r': condition is not record.from",
    ]);
  });

  const rendered = renderArtifacts(readStackFile(EXAMPLE_STACK_FILE));
  const ruleFiles = [...rendered.keys()].filter((p) => p.startsWith("alerting/rule-group-"));

  it.each(ruleFiles)("%s loads: every key is one Grafana reads, every rule has a condition, durations parse", (path) => {
    expect(readerProblems(parse(rendered.get(path)!))).toEqual([]);
  });

  it("the recording group's rules carry condition = record.from and a target datasource", () => {
    const doc = parse(rendered.get("alerting/rule-group-recording.yaml")!) as { groups: FileGroup[] };
    for (const rule of doc.groups[0].rules) {
      expect(rule.condition).toBe(rule.record!.from);
      expect(rule.record!.targetDatasourceUid).toBe("grafanacloud-prom");
    }
  });
});

describe("times in provisioning and Alertmanager files", () => {
  it("are quoted, so a YAML 1.1 reader (Alertmanager's yaml.v2) reads 14:00 as text, not the base-60 number 840", () => {
    for (const path of ["alerting/mute-timings.yaml", "alertmanager/alertmanager.yml"]) {
      const text = readFileSync(join(RENDERED_DIR, path), "utf8");
      expect(text).toContain('"14:00"');
      const doc = parse(text, { version: "1.1" });
      expect(JSON.stringify(doc)).toContain('"14:00"');
      expect(JSON.stringify(doc)).not.toContain(":840");
    }
  });
});
