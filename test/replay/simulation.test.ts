import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { readCatalogue } from "../../src/backtest/catalogue";
import { checkedStack } from "../../src/checks";
import { parseConfig } from "../../src/config/schema";
import { renderArtifacts } from "../../src/emit/files/artifacts";
import { stackOfRenderedFiles } from "../../src/replay/rendered-stack";
import { pageWanted, ruleSettings } from "../../src/replay/simulation";
import { exampleConfig } from "../support/stack";

/**
 * The replay reads a rule as the foundation SDK builds it (or as a git ref's rendered files read
 * back); the backtest reads it from the alerting provisioning files. Both hand Grafana's state
 * machine the settings of src/replay/simulation.ts `ruleSettings`, so the same rule is the same
 * state machine in both.
 */

const raw = exampleConfig();
const cfg = parseConfig(raw);
const alertRules = checkedStack(cfg)
  .ruleGroups.flatMap((g) => g.rules ?? [])
  .filter((r) => !r.record);
const alerting = [...renderArtifacts(raw)].filter(([path]) => path.startsWith("alerting/"));

/** The provisioning files with rule `uid` given `missing_series_evals_to_resolve` and `keepFiringFor` as Grafana's file format spells them. */
function withSettings(uid: string, missing: number, keepFiringFor: string): Array<[string, string]> {
  return alerting.map(([path, text]) => {
    const doc = parse(text) as { groups?: Array<{ rules?: Array<Record<string, unknown>> }> };
    const rule = doc.groups?.flatMap((g) => g.rules ?? []).find((r) => r.uid === uid);
    if (!rule) return [path, text];
    rule.missing_series_evals_to_resolve = missing;
    rule.keepFiringFor = keepFiringFor;
    return [path, stringify(doc)];
  });
}

describe("one simulation core: the replay and the backtest read the same settings from the same rule", () => {
  it("every alert rule of the example stack: the built rule (replay) and its provisioning file (backtest) give equal settings", () => {
    const catalogue = readCatalogue("working tree", alerting);
    expect(alertRules.length).toBeGreaterThan(10);
    for (const rule of alertRules) {
      const fromFile = catalogue.rules.find((r) => r.rule.uid === rule.uid)?.rule;
      expect(fromFile, rule.uid).toBeDefined();
      expect(ruleSettings(fromFile!), rule.uid).toEqual(ruleSettings(rule));
    }
    // keep_firing_for is read by both: the order-failure page keeps firing after its condition clears.
    const page = alertRules.find((r) => r.uid === "pizza-order-failures")!;
    expect(ruleSettings(page).keepFiringForSeconds).toBeGreaterThan(0);
  });

  it("missing_series_evals_to_resolve and keepFiringFor set in a file reach both: the backtest's catalogue and the replay's read-back stack", () => {
    const files = withSettings("pizza-cpu-saturation", 3, "7m");
    const fromBacktest = readCatalogue("edited", files).rules.find((r) => r.rule.uid === "pizza-cpu-saturation")!.rule;
    const fromReplay = stackOfRenderedFiles(new Map(files), "edited")
      .ruleGroups.flatMap((g) => g.rules ?? [])
      .find((r) => r.uid === "pizza-cpu-saturation")!;
    expect(ruleSettings(fromBacktest)).toEqual(ruleSettings(fromReplay));
    expect(ruleSettings(fromReplay)).toMatchObject({ missingSeriesEvalsToResolve: 3, keepFiringForSeconds: 420 });
  });

  it.each([
    ["before a page-worthy incident", { pageWorthy: true, startSeconds: 100 }, 90, false],
    ["from a page-worthy incident's start", { pageWorthy: true, startSeconds: 100 }, 100, true],
    ["during an incident that is not page-worthy", { pageWorthy: false, startSeconds: 100 }, 200, false],
    ["without an incident", undefined, 200, false],
  ])("a page is wanted %s: %s", (_name, incident, at, wanted) => {
    expect(pageWanted(incident, at)).toBe(wanted);
  });
});
