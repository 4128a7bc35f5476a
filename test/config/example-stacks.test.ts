import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/paths";
import { configSchema, parseConfig } from "../../src/config/schema";
import { readStack } from "../../src/config/stack-file";
import { renderArtifacts } from "../../src/emit/files/artifacts";
import { readAlertingSnapshot } from "../../src/review/alert-snapshot";

/** The schema is the one home of every default: the stack files set only what differs from it. */

const STACK_FILES = ["Pulumi.example.yaml", "Pulumi.staging.example.yaml"];

type Json = unknown;

/** Every key path a config object sets, down to its leaves (lists are leaves). */
function leafPaths(value: Json, path: string[] = []): string[][] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [path];
  return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]));
}

function without(raw: Record<string, unknown>, [key, ...rest]: string[]): Record<string, unknown> {
  const copy = structuredClone(raw);
  if (rest.length === 0) {
    delete copy[key];
    return copy;
  }
  let node = copy[key] as Record<string, unknown>;
  for (const k of rest.slice(0, -1)) node = node[k] as Record<string, unknown>;
  delete node[rest[rest.length - 1]];
  return copy;
}

function parsed(raw: Record<string, unknown>): string | undefined {
  try {
    return JSON.stringify(parseConfig(raw));
  } catch {
    return undefined;
  }
}

describe.each(STACK_FILES)("%s", (file) => {
  const { config } = readStack(join(REPO_ROOT, file));

  it("restates no default: leaving out any key it sets changes the config or makes it invalid", () => {
    const full = parsed(config);
    expect(full).toBeDefined();
    const restated = leafPaths(config)
      .filter((path) => parsed(without(config, path)) === full)
      .map((path) => path.join("."));
    expect(restated, "keys whose value is the schema's default: delete them from the stack file").toEqual([]);
  });
});

describe("the staging stack (thresholds are promoted unchanged)", () => {
  const staging = parseConfig(readStack(join(REPO_ROOT, "Pulumi.staging.example.yaml")).config);
  const example = parseConfig(readStack(join(REPO_ROOT, "Pulumi.example.yaml")).config);

  it.each(["thresholds", "slo", "telemetry", "alerting", "escalation"] as const)(
    "takes %s from the schema's defaults, as the example stack does",
    (key) => {
      const defaults = configSchema.shape[key].safeParse(undefined);
      if (key === "alerting") {
        // runbookBaseUrl is required; everything else of alerting is a default.
        expect(staging.alerting).toEqual(configSchema.shape.alerting.parse({ runbookBaseUrl: staging.alerting.runbookBaseUrl }));
        expect(example.alerting).toEqual(configSchema.shape.alerting.parse({ runbookBaseUrl: example.alerting.runbookBaseUrl }));
        return;
      }
      expect(defaults.success).toBe(true);
      expect(staging[key]).toEqual(defaults.data);
      expect(example[key]).toEqual(defaults.data);
    },
  );

  it("renders every alert with the example's queries, thresholds, pending periods and intervals", () => {
    const alertsOf = (file: string) =>
      readAlertingSnapshot(
        [...renderArtifacts(readStack(join(REPO_ROOT, file)).config)].filter(([p]) => p.startsWith("alerting/")),
      ).alerts.map((a) => ({
        uid: a.uid,
        queries: a.queries,
        threshold: a.threshold,
        pending: a.pending,
        keepFiringFor: a.keepFiringFor,
        interval: a.interval,
      }));
    // The health check's target is the staging service: the availability query names it.
    const sameTarget = (alerts: ReturnType<typeof alertsOf>) =>
      alerts.map((a) => ({
        ...a,
        queries: JSON.parse(JSON.stringify(a.queries).replace(/pizza-service(\.staging)?\.example\.com/g, "SERVICE")),
      }));
    expect(sameTarget(alertsOf("Pulumi.staging.example.yaml"))).toEqual(sameTarget(alertsOf("Pulumi.example.yaml")));
  });
});
