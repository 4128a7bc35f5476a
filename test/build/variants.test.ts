import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { checkedStack } from "../../src/checks";
import { parseConfig } from "../../src/config/schema";
import { listFiles, renderArtifacts, writeArtifacts } from "../../src/emit/files/artifacts";
import { program } from "../../src/emit/pulumi/program";
import { amtool } from "../support/amtool";
import { installMocks, mocked, settled } from "../support/pulumi-mocks";
import { containsSecret, exampleConfig, PAGERDUTY_SECRET } from "../support/stack";

/**
 * The stack configs this project supports, each built (definitions + checks), rendered, checked by
 * amtool and declared under Pulumi mocks. Two have golden renders in test/build/golden/<variant>/:
 * the files whose content differs from the example's render (rendered/), and FILES, every path the
 * variant renders. After a change that alters them on purpose:
 *
 *   UPDATE_GOLDEN=1 npx vitest run test/build
 *
 * then review and commit test/build/golden/ with the change.
 */

const GOLDEN_DIR = join(__dirname, "golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const CONTACTS = { teamEmail: "pizza-team@example.com", slackChannel: "#pizza-alerts", observabilityEmail: "observability@example.com" };

interface Variant {
  name: string;
  overrides: Record<string, unknown>;
  /** Integration type of the pizza-on-call contact point. */
  pager: string;
  slack: boolean;
  healthCheck: boolean;
  /** Grafana OnCall escalation steps Pulumi declares. */
  escalationSteps: number;
  golden: boolean;
}

const VARIANTS: Variant[] = [
  { name: "example (webhook)", overrides: {}, pager: "webhook", slack: true, healthCheck: true, escalationSteps: 0, golden: false },
  {
    name: "pagerduty",
    overrides: {
      "pizza-observability:contacts": { ...CONTACTS, onCall: "pagerduty" },
      "pizza-observability:pagerDutyIntegrationKey": PAGERDUTY_SECRET,
    },
    pager: "pagerduty",
    slack: true,
    healthCheck: true,
    escalationSteps: 0,
    golden: false,
  },
  {
    name: "grafana-oncall-escalation",
    overrides: {
      "pizza-observability:contacts": { ...CONTACTS, onCall: "grafana-oncall" },
      "pizza-observability:escalation": { users: ["alice"], enabled: true, afterMinutes: 10, escalateTo: ["bob"] },
    },
    pager: "oncall",
    slack: true,
    healthCheck: true,
    escalationSteps: 3,
    golden: false,
  },
  {
    name: "no-slack",
    overrides: {
      "pizza-observability:contacts": { ...CONTACTS, slackChannel: undefined, onCall: "webhook" },
      "pizza-observability:slackWebhookUrl": undefined,
    },
    pager: "webhook",
    slack: false,
    healthCheck: true,
    escalationSteps: 0,
    golden: true,
  },
  {
    name: "no-synthetic-monitoring",
    overrides: { "pizza-observability:syntheticMonitoring": { enabled: false } },
    pager: "webhook",
    slack: true,
    healthCheck: false,
    escalationSteps: 0,
    golden: true,
  },
];

const example = renderArtifacts(exampleConfig());
const rawOf = (v: Variant) => exampleConfig(v.overrides);

/** The golden form of a render: FILES plus every file that differs from the example's render. */
function goldenOf(files: Map<string, string>): Map<string, string> {
  const golden = new Map([["FILES", `${[...files.keys()].join("\n")}\n`]]);
  for (const [path, content] of files) if (example.get(path) !== content) golden.set(path, content);
  return golden;
}

beforeEach(installMocks);

describe.each(VARIANTS)("stack variant $name", (v) => {
  it("builds and passes every definition check", () => {
    const stack = checkedStack(parseConfig(rawOf(v)));
    // A contact point may have several integrations (one definition file each), all under its name.
    const typesOf = (name: string) => stack.contactPoints.filter((c) => c.name === name).map((c) => c.type);
    expect(typesOf("pizza-on-call")).toEqual([v.pager]);
    expect(typesOf("pizza-team-slack").filter((t) => t === "slack")).toEqual(v.slack ? ["slack"] : []);
    expect(stack.healthCheck !== undefined).toBe(v.healthCheck);
    const rules = stack.ruleGroups.flatMap((g) => g.rules ?? []).map((r) => r.uid);
    expect(rules).toContain(v.healthCheck ? "pizza-api-availability" : "pizza-api-traffic-absent");
    expect(rules).not.toContain(v.healthCheck ? "pizza-api-traffic-absent" : "pizza-api-availability");
  });

  it("renders without any credential, and amtool accepts its Alertmanager config", () => {
    const files = renderArtifacts(rawOf(v));
    expect(files.has("synthetic-monitoring/pizza-api-health.json")).toBe(v.healthCheck);
    for (const [path, content] of files) expect(containsSecret(content), path).toBe(false);
    const dir = mkdtempSync(join(tmpdir(), "pizza-variant-"));
    try {
      writeArtifacts(dir, files);
      const check = amtool(["check-config", join(dir, "alertmanager", "alertmanager.yml")]);
      expect(check.status, check.output).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is declared by the Pulumi program", async () => {
    await program(rawOf(v));
    await settled();
    const count = (type: string) => mocked.registered.filter((r) => r.type === type).length;
    // One ContactPoint resource per contact point name, holding each of its integrations.
    expect(count("grafana:alerting/contactPoint:ContactPoint")).toBe(
      new Set(checkedStack(parseConfig(rawOf(v))).contactPoints.map((c) => c.name)).size,
    );
    expect(count("grafana:syntheticMonitoring/check:Check")).toBe(v.healthCheck ? 1 : 0);
    expect(count("grafana:onCall/escalation:Escalation")).toBe(v.escalationSteps);
  });
});

describe.each(VARIANTS.filter((v) => v.golden))("stack variant $name", (v) => {
  it("renders its golden files (test/build/golden)", () => {
    const dir = join(GOLDEN_DIR, v.name);
    const golden = goldenOf(renderArtifacts(rawOf(v)));
    if (UPDATE) {
      rmSync(dir, { recursive: true, force: true });
      for (const [path, content] of golden) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
    }
    expect(listFiles(dir), `golden files of ${v.name} (UPDATE_GOLDEN=1 npx vitest run test/build)`).toEqual([...golden.keys()].sort());
    for (const [path, content] of golden) {
      expect(
        readFileSync(join(dir, path), "utf8") === content,
        `test/build/golden/${v.name}/${path} is stale (UPDATE_GOLDEN=1 npx vitest run test/build)`,
      ).toBe(true);
    }
  });
});

describe("golden renders", () => {
  it("exist for exactly the variants marked golden", () => {
    expect(readdirSync(GOLDEN_DIR).sort()).toEqual(VARIANTS.filter((v) => v.golden).map((v) => v.name));
  });
});
