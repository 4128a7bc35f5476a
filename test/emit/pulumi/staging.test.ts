import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../src/config/paths";
import { readStackFile } from "../../../src/config/stack-file";
import { program } from "../../../src/emit/pulumi/program";
import { installMocks, mocked, ofType, settled } from "../../support/pulumi-mocks";
import { HEARTBEAT_SECRET } from "../../support/stack";

beforeEach(installMocks);

describe("the staging stack example under Pulumi mocks", () => {
  it("declares no on-call contact point and no OnCall resource, and its paging rules deliver to the team email", async () => {
    program({ ...readStackFile(join(REPO_ROOT, "Pulumi.staging.example.yaml")), "pizza-observability:heartbeatUrl": HEARTBEAT_SECRET });
    await settled();
    const contactPoints = ofType("grafana:alerting/contactPoint:ContactPoint")
      .map((r) => r.name)
      .sort();
    expect(contactPoints).toEqual(["contact-point-pizza-heartbeat", "contact-point-pizza-team-email"]);
    expect(mocked.registered.filter((r) => r.type.startsWith("grafana:onCall/"))).toEqual([]);
    // rule-settings routing (the default): each rule carries its route; pages reach the team email.
    const rules = ofType("grafana:alerting/ruleGroup:RuleGroup").flatMap(
      (g) => g.inputs.rules as Array<{ labels?: Record<string, string>; notificationSettings?: { contactPoint: string } }>,
    );
    const pages = rules.filter((r) => r.labels?.severity === "page");
    expect(pages.length).toBeGreaterThan(0);
    expect([...new Set(pages.map((r) => r.notificationSettings?.contactPoint))]).toEqual(["pizza-team-email"]);
    expect(ofType("grafana:alerting/notificationPolicy:NotificationPolicy")).toEqual([]);
  });
});
