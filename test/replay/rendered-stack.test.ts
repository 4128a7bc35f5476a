import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkedStack } from "../../src/checks";
import { parseConfig } from "../../src/config/schema";
import { renderArtifacts } from "../../src/emit/files/artifacts";
import { ruleGroupDocument, ruleGroupOfDocument } from "../../src/emit/files/provisioning";
import { stackOfRenderedFiles } from "../../src/replay/rendered-stack";
import { replayStack, type FixtureReplay } from "../../src/replay/run";
import { keptFixtures } from "../support/fixtures";
import { scenarioReplay } from "../support/scenario-replay";
import { exampleConfig, OWNED_TREE } from "../support/stack";

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "rendered-stack-"));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

describe("a stack read back from its rendered provisioning files", () => {
  it.each([
    ["rule-settings", {}],
    ["policy-tree", OWNED_TREE],
  ])("reads every rule group as it was written (%s mode)", (_, overrides) => {
    const files = renderArtifacts(exampleConfig(overrides));
    const groups = [...files].filter(([path]) => path.startsWith("alerting/rule-group-"));
    expect(groups.length).toBeGreaterThanOrEqual(8);
    for (const [path, text] of groups) {
      const doc = parse(text) as ReturnType<typeof ruleGroupDocument>;
      const group = doc.groups[0];
      expect(plain(ruleGroupDocument(ruleGroupOfDocument(group as never), group.folder)), path).toEqual(doc);
    }
  });

  it("keeps what the replay reads of each rule: query, condition, pending, keep firing, states, labels, route", () => {
    const cfg = parseConfig(exampleConfig());
    const built = checkedStack(cfg);
    const read = stackOfRenderedFiles(renderArtifacts(exampleConfig()), "example");
    expect(read.folder.title).toBe(built.folder.title);
    expect(plain(read.notificationPolicy)).toEqual(plain(built.notificationPolicy));
    const pick = (g: (typeof built.ruleGroups)[number]) => ({
      title: g.title,
      interval: g.interval,
      // The file writes an expression's unset time range as { from: 0, to: 0 }, as Grafana reads it.
      rules: (g.rules ?? []).map((r) =>
        plain({
          uid: r.uid,
          data: r.data.map((q) => ({ ...q, relativeTimeRange: q.relativeTimeRange ?? { from: 0, to: 0 } })),
          condition: r.record ? r.record.from : r.condition,
          for: r.record ? undefined : r.for,
          keep_firing_for: r.record ? undefined : r.keep_firing_for,
          noDataState: r.record ? undefined : r.noDataState,
          execErrState: r.record ? undefined : r.execErrState,
          labels: r.labels,
          notification_settings: r.record ? undefined : r.notification_settings,
          record: r.record,
        }),
      ),
    });
    expect(read.ruleGroups.map(pick)).toEqual(built.ruleGroups.map(pick));
    expect(
      read.ruleGroups.flatMap((g) => g.rules ?? []).filter((r) => r.keep_firing_for && r.keep_firing_for !== "0s").length,
    ).toBeGreaterThan(3);
  });

  it("replays exactly as the built stack does (alerts, states, notification groups)", async () => {
    const cfg = parseConfig(exampleConfig());
    const fixtures = keptFixtures(cfg, [0]).filter((f) =>
      ["factory-5xx", "telemetry-outage", "loki-query-errors", "deploy-restart-logged"].includes(f.name),
    );
    expect(fixtures).toHaveLength(4);
    const outcome = (r: FixtureReplay) => plain({ alerts: r.alerts, groups: r.groups, detection: r.detection, falsePages: r.falsePages });
    // The built stack's replay of these fixtures: the scenario library's (example stack, first phase).
    const library = (await scenarioReplay()).results;
    const built = fixtures.map((f) => library.find((r) => r.fixture.name === f.name)!);
    expect(built.map((r) => r.fixture)).toEqual(fixtures);
    const read = await replayStack({ stack: stackOfRenderedFiles(renderArtifacts(exampleConfig()), "example"), cfg, dir: tmp() }, fixtures);
    expect(built.flatMap((r) => r.groups.flatMap((g) => g.notifications)).length).toBeGreaterThan(4);
    expect(read.map(outcome)).toEqual(built.map(outcome));
  }, 300_000);

  it("names its source when the files hold no notification policy tree", () => {
    const files = new Map([...renderArtifacts(exampleConfig())].filter(([path]) => path !== "alerting/notification-policies.yaml"));
    expect(() => stackOfRenderedFiles(files, "origin/main")).toThrow("origin/main: no notification policy tree in rendered/alerting/");
  });
});
