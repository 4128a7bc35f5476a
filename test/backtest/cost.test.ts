import { afterEach, describe, expect, it, vi } from "vitest";
import { runBacktest } from "../../src/backtest";
import { catalogueOfWorkingTree, committedCatalogueAtRef } from "../../src/backtest/catalogue";
import { plannedRequests } from "../../src/backtest/cost";
import { EXAMPLE_STACK_FILE } from "../../src/config/paths";
import { parseConfig } from "../../src/config/schema";
import { readStackFile } from "../../src/config/stack-file";

/**
 * The request cost docs/backtest.md gives (plannedRequests, `npm run docs`) against the requests a
 * real run sends: the backtest of the example stack against a Grafana whose Prometheus holds every
 * recorded series and whose datasources answer empty ranges (fetch stubbed, in-process).
 */

const raw = readStackFile(EXAMPLE_STACK_FILE);
const cfg = parseConfig(raw);
const DAY = 86_400;
const START = 1_790_000_000 - (1_790_000_000 % DAY);
/** Two days: the 10 s group's query is cut into two 11,000-step chunks. */
const TWO_DAYS = { from: START, to: START + 2 * DAY };

function emptyGrafana(): string[] {
  const paths: string[] = [];
  vi.stubGlobal("fetch", async (url: string) => {
    const path = new URL(url).pathname;
    paths.push(path);
    const body = path.endsWith("/api/v1/series")
      ? { status: "success", data: [{ __name__: "held" }] }
      : { status: "success", data: { resultType: "matrix", result: [] } };
    return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
  });
  return paths;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the backtest's request cost (docs/backtest.md)", () => {
  it("is what two days' backtest of the example stack sends, every recording rule deployed: series checks, then chunked alert queries", async () => {
    const paths = emptyGrafana();
    const result = await runBacktest({
      window: TWO_DAYS,
      stackFile: EXAMPLE_STACK_FILE,
      format: "text",
      env: { GRAFANA_AUTH: "glsa_test" },
    });
    const planned = plannedRequests(TWO_DAYS, cfg.datasources, catalogueOfWorkingTree(raw, "working tree"));
    expect(result.requests).toBe(planned);
    expect(paths).toHaveLength(planned);
    expect(paths.filter((p) => p.endsWith("/query_range")).length).toBeGreaterThan(result.after.alerts.length);
  });

  it("with --ref, queries both sides' alerts and shares the series checks", async () => {
    emptyGrafana();
    const result = await runBacktest({
      window: { from: START, to: START + 3600 },
      stackFile: EXAMPLE_STACK_FILE,
      ref: "HEAD",
      format: "text",
      env: { GRAFANA_AUTH: "glsa_test" },
    });
    expect(result.requests).toBe(
      plannedRequests(
        { from: START, to: START + 3600 },
        cfg.datasources,
        catalogueOfWorkingTree(raw, "working tree"),
        committedCatalogueAtRef("HEAD"),
      ),
    );
  });
});
