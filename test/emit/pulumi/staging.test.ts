import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../src/config/paths";
import { readStackFile } from "../../../src/config/stack-file";
import { program } from "../../../src/emit/pulumi/program";
import { installMocks, mocked, ofType, settled } from "../../support/pulumi-mocks";
import { HEARTBEAT_SECRET } from "../../support/stack";

beforeEach(installMocks);

describe("the staging stack example under Pulumi mocks", () => {
  it("declares no on-call contact point and no OnCall resource, and its page route delivers to the team email", async () => {
    program({ ...readStackFile(join(REPO_ROOT, "Pulumi.staging.example.yaml")), "pizza-observability:heartbeatUrl": HEARTBEAT_SECRET });
    await settled();
    const contactPoints = ofType("grafana:alerting/contactPoint:ContactPoint").map((r) => r.name).sort();
    expect(contactPoints).toEqual(["contact-point-pizza-heartbeat", "contact-point-pizza-team-email"]);
    expect(mocked.registered.filter((r) => r.type.startsWith("grafana:onCall/"))).toEqual([]);
    const [policy] = ofType("grafana:alerting/notificationPolicy:NotificationPolicy");
    const routes = policy.inputs.policies as Array<{ contactPoint: string; matchers: Array<{ label: string; value: string }> }>;
    const page = routes.find((r) => r.matchers.some((m) => m.label === "severity" && m.value === "page"));
    expect(page?.contactPoint).toBe("pizza-team-email");
  });
});
