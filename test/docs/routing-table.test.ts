import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import notificationPolicy, { routes } from "../../contact-points/notification-policy";
import { REPO_ROOT } from "../../src/config/paths";
import { parseConfig } from "../../src/config/schema";
import { exampleConfig } from "../support/stack";

const cfg = parseConfig(exampleConfig());
const ROUTING_DOC = readFileSync(join(REPO_ROOT, "docs/routing.md"), "utf8");

/** The routing table's rows: position (`–` for the root), route key (or `(root)`), group_by and `wait / interval / repeat`. */
function documentedRoutes(): Array<{ position: string; key: string; groupBy: string; timing: string }> {
  return ROUTING_DOC.split("\n")
    .filter((line) => /^\| (\d+|–) \| /.test(line))
    .map((line) => {
      const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
      return { position: cells[1], key: cells[2].replace(/`/g, ""), groupBy: cells[5].replace(/`/g, ""), timing: cells[6] };
    });
}

describe("docs/routing.md's routing table", () => {
  it("states, in the tree's order, the grouping and the group_wait / group_interval / repeat_interval each route has", () => {
    const tree = notificationPolicy(cfg).build();
    const expected = [
      ...routes(cfg).map((r, i) => ({
        position: String(i + 1),
        key: r.key,
        groupBy: r.groupBy.join(", "),
        timing: `${r.timing.groupWait} / ${r.timing.groupInterval} / ${r.timing.repeatInterval}`,
      })),
      {
        position: "–",
        key: "(root)",
        groupBy: (tree.group_by ?? []).join(", "),
        timing: `${tree.group_wait} / ${tree.group_interval} / ${tree.repeat_interval}`,
      },
    ];
    expect(documentedRoutes()).toEqual(expected);
  });
});
