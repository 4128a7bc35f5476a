import { describe, expect, it } from "vitest";
import { checkedStack, definitionProblems } from "../../src/checks";
import { InvalidDefinitionError } from "../../src/config/errors";
import { parseConfig } from "../../src/config/schema";
import { exampleConfig } from "../support/stack";

const cfg = parseConfig(exampleConfig());
const stack = checkedStack(cfg);

describe("definitionProblems (what checkedStack refuses)", () => {
  it("finds none in the example stack", () => {
    expect(definitionProblems(stack, cfg)).toEqual([]);
  });

  it("names a rule whose condition is none of its queries, a duplicate uid, an undeclared receiver and mute timing", () => {
    const group = stack.ruleGroups.find((g) => g.title === "slo")!;
    const groups = stack.ruleGroups.filter((g) => g !== group);
    const [first, ...rules] = group.rules ?? [];
    const broken = {
      ...stack,
      ruleGroups: [{ ...group, rules: [{ ...first, condition: "Z" }, { ...rules[0], uid: first.uid }, ...rules.slice(1)] }, ...groups],
      notificationPolicy: {
        ...stack.notificationPolicy,
        routes: [...(stack.notificationPolicy.routes ?? []), { receiver: "nobody", mute_time_intervals: ["never-declared"] }],
      },
    };
    expect(definitionProblems(broken, cfg)).toEqual([
      `[rule/duplicate-uid] alert uid ${first.uid}: used by more than one rule`,
      `[rule/condition] alert ${first.uid}: condition Z is not the refId of any of its queries`,
      "[routing/undeclared-receiver] notification policy: receiver nobody is not a declared contact point",
      "[routing/undeclared-mute-timing] notification policy: mute timing never-declared is not declared",
    ]);
  });

  it("makes checkedStack throw the one InvalidDefinitionError, naming every problem", () => {
    const withPageWithoutPending = exampleConfig({ "pizza-observability:slo": { fastBurn: { pendingPeriod: "0s" } } });
    let error: unknown;
    try {
      checkedStack(parseConfig(withPageWithoutPending));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidDefinitionError);
    expect((error as InvalidDefinitionError).problems).toEqual([
      expect.stringMatching(/^\[rule\/page-without-pending-period\] alert pizza-order-slo-fast-burn: severity=page with for: "0s"/),
    ]);
  });
});

describe("contact point credentials (settings named url, key, token, password)", () => {
  // By uid: one contact point name may hold several integrations.
  const withSettings = (name: string, settings: Record<string, unknown>) => ({
    ...stack,
    contactPoints: stack.contactPoints.map((c) => (c.uid === name ? { ...c, settings: { ...c.settings, ...settings } } : c)),
  });

  it.each([
    ["a webhook URL", "pizza-heartbeat", { url: "https://hooks.example.com/T0/B0/literal" }, "url"],
    ["a PagerDuty integration key", "pizza-on-call", { integrationKey: "0123456789abcdef" }, "integrationKey"],
    ["a bot token", "pizza-team-slack", { token: "xoxb-literal" }, "token"],
    ["a password", "pizza-team-email", { password: "hunter2" }, "password"],
  ])("refuses %s written in the definition, naming the contact point and the setting", (_what, name, settings, key) => {
    expect(definitionProblems(withSettings(name, settings), cfg)).toEqual([
      `[contact-point/literal-credential] contact point ${name}: setting ${key} is written in the definition; a credential must come from a Pulumi secret ` +
        "(a secret key of the stack config, e.g. cfg.slackWebhookUrl, set with `pulumi config set --secret`)",
    ]);
  });

  it("accepts the example's credentials, which all come from secret keys of the stack config", () => {
    const credentials = stack.contactPoints.flatMap((c) =>
      Object.entries(c.settings ?? {}).filter(([k]) => /url|key|token|password/i.test(k)),
    );
    expect(credentials.length).toBeGreaterThan(1);
    expect(definitionProblems(stack, cfg)).toEqual([]);
  });
});
