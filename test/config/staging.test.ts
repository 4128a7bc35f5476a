import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ON_CALL_RECEIVER, TEAM_EMAIL_RECEIVER } from "../../contact-points/receivers";
import { REPO_ROOT } from "../../src/config/paths";
import { readStackFile } from "../../src/config/stack-file";
import { renderArtifacts } from "../../src/emit/files/artifacts";
import { readAlertingSnapshot } from "../../src/review/alert-snapshot";
import { routeOf } from "../../src/review/behaviour-diff";
import { renderAlertmanagerConfig, routesTo } from "../support/amtool";

const STAGING = join(REPO_ROOT, "Pulumi.staging.example.yaml");

describe("the staging stack example (nothing pages)", () => {
  // renderArtifacts validates the config and runs every check of the build (checkedStack).
  const files = renderArtifacts(readStackFile(STAGING));
  const snapshot = readAlertingSnapshot([...files].filter(([path]) => path.startsWith("alerting/")));

  it("renders and passes the checks, with the same alerts as the example stack", () => {
    const example = readAlertingSnapshot(
      [...renderArtifacts(readStackFile(join(REPO_ROOT, "Pulumi.example.yaml")))].filter(([p]) => p.startsWith("alerting/")),
    );
    expect(snapshot.alerts.map((a) => a.uid)).toEqual(example.alerts.map((a) => a.uid));
    expect(snapshot.alerts.filter((a) => a.labels.severity === "page").length).toBeGreaterThan(0);
  });

  it("declares no on-call contact point and no paging integration", () => {
    expect(snapshot.contactPoints?.map((c) => c.name)).not.toContain(ON_CALL_RECEIVER);
    expect(snapshot.contactPoints?.map((c) => c.type).filter((t) => t === "pagerduty" || t === "oncall")).toEqual([]);
  });

  it("routes every alert, page alerts included, to the team (or the watchdog to its heartbeat)", () => {
    for (const alert of snapshot.alerts.filter((a) => a.record === undefined)) {
      const expected = alert.labels.category === "watchdog" ? "pizza-heartbeat" : TEAM_EMAIL_RECEIVER;
      expect(routeOf(alert, snapshot.policy), alert.uid).toBe(expected);
    }
  });

  it("amtool agrees: a page reaches the team email in staging", () => {
    const config = renderAlertmanagerConfig(readStackFile(STAGING));
    const run = routesTo(
      config,
      { severity: "page", alertname: "JWT Pizza API unavailable", category: "availability" },
      TEAM_EMAIL_RECEIVER,
    );
    expect(run.status, run.output).toBe(0);
  });
});
