import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/schema";
import { checkedStack } from "../../src/checks";
import { exampleConfig, OWNED_TREE } from "../support/stack";

const alertsOf = (overrides: Record<string, unknown>) =>
  checkedStack(parseConfig(exampleConfig(overrides)))
    .ruleGroups.flatMap((g) => g.rules ?? [])
    .filter((r) => !r.record);

describe("query errors and missing data of paging rules", () => {
  it("never page in rule-settings mode, where Grafana sends them to the rule's own contact point", () => {
    const pages = alertsOf({}).filter((r) => r.labels?.severity === "page");
    expect(pages.length).toBeGreaterThan(2);
    for (const r of pages) {
      expect(r.notification_settings?.receiver, r.uid).toBe("pizza-on-call");
      expect([r.uid, r.execErrState]).toEqual([r.uid, "KeepLast"]);
      expect([r.uid, r.noDataState]).not.toEqual([r.uid, "NoData"]);
    }
    // The health check reads missing probe results as OK there; with an owned tree it raises NoData (to tickets).
    expect(alertsOf({}).find((r) => r.uid === "pizza-api-availability")?.noDataState).toBe("OK");
  });

  it("keep the rule's own states with an owned policy tree, whose datasource-errors route takes them to tickets", () => {
    const owned = alertsOf(OWNED_TREE);
    for (const r of owned.filter((r) => r.labels?.severity === "page")) expect([r.uid, r.execErrState]).toEqual([r.uid, "Error"]);
    expect(owned.find((r) => r.uid === "pizza-api-availability")?.noDataState).toBe("NoData");
  });

  it("leave ticket rules' errors raised, so a broken datasource still reaches someone", () => {
    const tickets = alertsOf({}).filter((r) => r.labels?.severity === "ticket");
    expect(tickets.length).toBeGreaterThan(2);
    for (const r of tickets) expect([r.uid, r.execErrState]).toEqual([r.uid, "Error"]);
  });
});
