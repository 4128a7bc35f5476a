import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/paths";
import { join } from "node:path";
import { runBacktest } from "../../src/backtest";
import { catalogueOfWorkingTree, committedCatalogueAtRef } from "../../src/backtest/catalogue";
import { datasourceClient } from "../../src/backtest/http";
import { formatComparison } from "../../src/backtest/report";
import { backtestCatalogue } from "../../src/backtest/run";
import { Secret } from "../../src/config/secret";
import { readStackFile } from "../../src/config/stack-file";
import { EXAMPLE_STACK_FILE } from "../../src/config/paths";
import { parseConfig } from "../../src/config/schema";
import { keptFixtures } from "../support/fixtures";
import { main } from "../../src/cli/backtest";
import { runMain } from "../support/cli";
import { EPOCH, startWorld, stackFileFor, TOKEN, type BacktestWorld } from "../support/backtest-env";
import { agreesWithReplay, backtester, evaluatedWindow, expectedFastBurnEvaluator, fastBurnReads } from "../support/backtest-agreement";

/**
 * The backtest against a real Prometheus (backfilled from the replay fixtures) behind a Grafana
 * datasource-proxy stand-in, with recorded Loki answers: it must agree with the replay of the
 * same fixtures (first firings, pages).
 */

const cfg = parseConfig(readStackFile(EXAMPLE_STACK_FILE));
const library = keptFixtures(cfg);
const reads = fastBurnReads(cfg);
/** The first fixture whose fast burn reads every recorded series from Prometheus, and the first whose one it must compute from Loki. */
const byEvaluator = (evaluator: string) => library.find((f) => expectedFastBurnEvaluator(cfg, f, reads) === evaluator)!;
const bothPaths = [byEvaluator("Prometheus"), byEvaluator("promtool (recorded series from Loki)")];

let world: BacktestWorld;
beforeAll(async () => {
  // The seed incident, the next two fixtures and one of each fast-burn path; every fixture: test/e2e/backtest-agreement.e2e.ts.
  world = await startWorld({ only: [...new Set([...library.slice(0, 3), ...bothPaths].map((f) => f.name))] });
}, 600_000);
afterAll(async () => {
  await world?.stop();
});

const backtest = backtester(() => world);
/** Its two sample reports are two of these tests' reports. */
const BACKTEST_DOC = readFileSync(join(REPO_ROOT, "docs", "backtest.md"), "utf8");
const RAISED_5XX_COUNT = 50;

describe("backtest of the replay fixtures on a real Prometheus", () => {
  it("agrees with the replay on the seed incident and on a fixture of each fast-burn path: recorded series read from Prometheus, or computed from Loki (every fixture: npm run e2e)", async () => {
    expect(reads).toEqual(
      expect.arrayContaining(["pizza:order_failures:count1m", "pizza:order_requests:count1m", "pizza:order_server_errors:count1m"]),
    );
    const deployed = world.placed.filter((x) => x.recordedInPrometheus);
    expect(deployed[0].fixture.name).toBe("factory-5xx");
    const picked = [deployed[0], ...bothPaths.map((f) => deployed.find((p) => p.fixture.name === f.name)!)];
    for (const p of picked) {
      const result = await backtest(p);
      agreesWithReplay(world, p, result);
      const fastBurn = result.after.alerts.find((a) => a.uid === "pizza-order-slo-fast-burn")!;
      expect(fastBurn.evaluatedBy, p.fixture.name).toBe(expectedFastBurnEvaluator(cfg, p.fixture, reads));
    }
  });

  it("detects the factory incident and pages for it once, as the replay does (the fast burn stands down for a burn pizza-order-failures paged)", async () => {
    const p = world.placed[0];
    const result = await backtest(p);
    const orderFailures = result.after.alerts.find((a) => a.uid === "pizza-order-failures")!;
    expect(orderFailures.pages).toBe(1);
    expect(orderFailures.notifications[0].receiver).toBe("pizza-on-call");
    expect(result.after.alerts.find((a) => a.uid === "pizza-order-slo-fast-burn")!.pages).toBe(0);
    const order5xx = result.after.alerts.find((a) => a.uid === "pizza-order-5xx")!;
    expect(order5xx.evaluatedBy).toBe("Loki");
    expect(order5xx.firstFiring).toBeGreaterThanOrEqual(p.startSeconds + p.fixture.incident!.startSeconds);
    expect(result.report).toContain("pizza-order-slo-fast-burn");
    expect(result.report).not.toContain(TOKEN);
  });

  it("computes a new recording rule's series with Loki and evaluates its alerts with promtool, agreeing with the replay", async () => {
    const p = world.placed.find((x) => !x.recordedInPrometheus)!;
    const result = await backtest(p);
    expect(result.after.alerts.find((a) => a.uid === "pizza-order-slo-fast-burn")?.evaluatedBy).toBe(
      "promtool (recorded series from Loki)",
    );
    agreesWithReplay(world, p, result);
    expect(BACKTEST_DOC, "docs/backtest.md's text sample is this report").toContain(`\`\`\`\n${result.report}\n\`\`\``);
  });

  it("with --ref, renders the ref's definitions from the same stack file and reports them side by side", async () => {
    const p = world.placed[0];
    const result = await backtest(p, { ref: "HEAD", format: "markdown" });
    expect(result.before?.source).toBe("HEAD");
    // HEAD's alerts (uncommitted edits of alerts/ would only change the after side), each evaluated.
    const committed = committedCatalogueAtRef("HEAD")
      .rules.filter((r) => !r.rule.record)
      .map((r) => r.rule.uid);
    expect(result.before?.alerts.map((a) => a.uid)).toEqual(committed);
    expect(result.before?.alerts.every((a) => a.evaluations > 0)).toBe(true);
    expect(result.report).toContain("### Backtest: HEAD → working tree (Pulumi.backtest.yaml)");
    expect(result.report).toContain("Total (* = changed): firing episodes");
  });

  it("shows a changed threshold as before → after", async () => {
    const p = world.placed[0];
    // Before: HEAD's committed catalogue (example stack). After: the 5xx threshold raised.
    const raised = stackFileFor(
      world.proxy.url,
      world.dir,
      "Pulumi.raised.yaml",
      (t) => `${t}  pizza-observability:thresholds:\n    order5xx: { count: ${RAISED_5XX_COUNT} }\n`,
    );
    const before = committedCatalogueAtRef("HEAD");
    const after = catalogueOfWorkingTree(readStackFile(raised), "working tree (Pulumi.raised.yaml)");
    const options = {
      client: datasourceClient({ url: world.proxy.url, auth: new Secret(TOKEN) }),
      datasources: world.cfg.datasources,
      window: evaluatedWindow(p),
      computeRecorded: new Set<string>(),
      dir: join(world.dir, "compare"),
    };
    const b = await backtestCatalogue(before, options);
    const a = await backtestCatalogue(after, options);
    expect(b.alerts.find((x) => x.uid === "pizza-order-5xx")!.episodes.length).toBeGreaterThan(0);
    expect(a.alerts.find((x) => x.uid === "pizza-order-5xx")!.episodes).toHaveLength(0);
    const report = formatComparison(b, a, "markdown");
    expect(BACKTEST_DOC, "docs/backtest.md's markdown sample is this report").toContain(`\`\`\`markdown\n${report}\n\`\`\``);
    expect(BACKTEST_DOC).toContain(`a change that raises \`thresholds.order5xx.count\` to ${RAISED_5XX_COUNT}`);
    expect(report).toMatch(/\| \* pizza-order-5xx \| warning \| [0-9]+ → 0 \|/);
    expect(report.match(/^\| \* /gm)).toHaveLength(1);
  });

  it("fails naming the datasource on a rejected token, without printing the token", async () => {
    const p = world.placed[0];
    const error = await runBacktest({
      window: { from: p.startSeconds, to: p.startSeconds + 600 },
      stackFile: world.stackFile,
      format: "text",
      env: { GRAFANA_AUTH: "glsa_wrong-S3CRET" },
    }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/Prometheus datasource grafanacloud-prom: HTTP 401/);
    expect(error?.message).not.toContain("S3CRET");
  });

  it("evaluates at the group's interval since the epoch", async () => {
    const p = world.placed[2];
    const result = await backtest(p);
    const { from, to } = evaluatedWindow(p);
    // The errors group runs every 60 s, the slo group every 30 s: instants from..to, both ends included.
    const order5xx = result.after.alerts.find((a) => a.uid === "pizza-order-5xx")!;
    expect(order5xx.evaluations).toBe((to - from) / 60 + 1);
    const fastBurn = result.after.alerts.find((a) => a.uid === "pizza-order-slo-fast-burn")!;
    expect(fastBurn.evaluations).toBe((to - from) / 30 + 1);
    expect(EPOCH % 3600).toBe(0);
  });

  it("runs as `npm run backtest` (a real process): report on stdout, exit 0; a rejected token exits 1 naming the datasource", async () => {
    const p = world.placed[0];
    // Asynchronous: the datasource-proxy stand-in answers from this process's event loop.
    const cli = (token: string) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const { from, to } = evaluatedWindow(p);
        const args = [
          "--require",
          "tsx/cjs",
          "src/cli/backtest.ts",
          "--from",
          String(from),
          "--to",
          String(to),
          "--stack-file",
          world.stackFile,
          "--format",
          "markdown",
        ];
        const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, GRAFANA_AUTH: token } });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("close", (status) => resolve({ status, stdout, stderr }));
      });
    const ok = await cli(TOKEN);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^### Backtest of working tree \(Pulumi\.backtest\.yaml\)/);
    // 35 min at 10 s, both ends: 211 evaluations; one episode paged through the rule's own contact point,
    // and the fast burn (71 evaluations at 30 s) stands down for the burn that page announced: one incident, one page.
    expect(ok.stdout).toMatch(/\| pizza-order-failures \| page \| 211 \| 1 \| 0\/0 \| 1 \(pizza-on-call 1\) \| 1 \|/);
    expect(ok.stdout).toMatch(/\| pizza-order-slo-fast-burn \| page \| 71 \| 0 \| 0\/0 \| 0 \| 0 \|/);
    // The rejected token through the CLI's entry point, in this process.
    const { from, to } = evaluatedWindow(p);
    const rejected = await runMain(main, ["--from", String(from), "--to", String(to), "--stack-file", world.stackFile], {
      env: { ...process.env, GRAFANA_AUTH: "glsa_wrong-S3CRET" },
    });
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toMatch(/backtest: Prometheus datasource grafanacloud-prom: HTTP 401/);
    expect(`${rejected.stdout}${rejected.stderr}`).not.toContain("S3CRET");
  });
});
