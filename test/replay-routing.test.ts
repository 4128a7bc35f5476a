import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/config";
import { receiversFor } from "../src/routing-match";
import { buildStack } from "../src/stack";
import { exampleConfig } from "./support";

const policy = buildStack(parseConfig(exampleConfig())).notificationPolicy;

describe("receiversFor (route the replay reports)", () => {
  it("follows the policy tree: first matching route, root as catch-all", () => {
    expect(receiversFor(policy, { alertname: "x", severity: "page" })).toEqual(["pizza-on-call"]);
    expect(receiversFor(policy, { alertname: "DatasourceError", severity: "page" })).toEqual(["pizza-team-email"]);
    expect(receiversFor(policy, { alertname: "x" })).toEqual(["pizza-team-email"]);
  });

  it("has Alertmanager semantics: anchored regexes, continue, missing label is empty", () => {
    const tree = {
      receiver: "root",
      routes: [
        { receiver: "a", object_matchers: [["team", "=~", "pi"]], continue: true },
        { receiver: "b", object_matchers: [["team", "=~", "pizza|pasta"]], continue: true },
        { receiver: "c", object_matchers: [["env", "!=", ""]] },
        { receiver: "d", object_matchers: [["severity", "=", "page"]] },
      ],
    };
    expect(receiversFor(tree, { team: "pizza" })).toEqual(["b"]);
    expect(receiversFor(tree, { team: "pizza", env: "prod", severity: "page" })).toEqual(["b", "c"]);
    expect(receiversFor(tree, { severity: "page" })).toEqual(["d"]);
    expect(receiversFor(tree, {})).toEqual(["root"]);
  });
});
