import { describe, expect, it } from "vitest";
import { readAlertingSnapshot } from "../../src/review/alert-snapshot";
import { readDashboardSnapshot } from "../../src/review/dashboard-snapshot";

/** A malformed committed rendered/ file (as `npm run diff` reads it at a ref): an error naming the file, never a TypeError. */

const ALERTING: Array<[string, string, RegExp]> = [
  ["a file of null groups", "groups: [null]\n", /rule-group-x\.yaml: groups is not a list of objects/],
  ["a rule that is null", "groups:\n  - name: g\n    rules: [null]\n", /rule-group-x\.yaml: groups g rules is not a list of objects/],
  ["rules that are a map", "groups:\n  - name: g\n    rules: {a: 1}\n", /groups g rules is not a list of objects/],
  ["a list at the top", "- a\n- b\n", /not a provisioning file/],
  ["a number at the top", "42\n", /not a provisioning file/],
  ["contact points that are text", "contactPoints: nope\n", /contactPoints is not a list of objects/],
  ["a receiver that is null", "contactPoints:\n  - name: c\n    receivers: [null]\n", /contactPoints c receivers is not a list of objects/],
  [
    "mute times with a null interval",
    "muteTimes:\n  - name: m\n    time_intervals: [null]\n",
    /muteTimes m time_intervals is not a list of objects/,
  ],
  ["policies that are a number", "policies: 3\n", /policies is not a list of objects/],
];

describe("malformed rendered alerting files", () => {
  it.each(ALERTING)("%s", (_, text, reason) => {
    expect(() => readAlertingSnapshot([["rule-group-x.yaml", text]])).toThrow(reason);
  });

  it("an empty file reads as nothing", () => {
    expect(readAlertingSnapshot([["rule-group-x.yaml", ""]]).alerts).toEqual([]);
  });
});

const DASHBOARDS: Array<[string, string, RegExp]> = [
  ["null", "null", /d\.json: not a dashboard/],
  ["a list", "[1]", /d\.json: not a dashboard/],
  ["panels that are null", '{"uid":"d","panels":[null]}', /d\.json: panels is not a list of objects/],
  ["broken JSON quoting a credential", '{"url": "https://bot:S3CRET@x", }', /^d\.json: not valid JSON \(at character \d+\)$/],
];

describe("malformed rendered dashboards", () => {
  it.each(DASHBOARDS)("%s", (_, text, reason) => {
    let message = "";
    try {
      readDashboardSnapshot([["d.json", text]]);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(reason);
    expect(message).not.toContain("S3CRET");
  });
});
