import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Secret } from "../../src/config/secret";
import { datasourceClient, type Datasource } from "../../src/backtest/http";
import { chunkRange, queryRange, rangeChunks } from "../../src/backtest/range-query";
import { progress } from "../../src/backtest/progress";
import { startGrafanaProxy, type RunningProxy } from "../support/grafana-proxy";
import { createBlocks, openMetrics, startPrometheus, type RunningPrometheus } from "../support/prometheus";

/** The datasource client against a real Prometheus behind the datasource-proxy stand-in. */

const TOKEN = "glsa_S3CRET-http-test-token";
const START = 1_790_000_000 - (1_790_000_000 % 3600);
const HOURS = 4;
const PROM: Datasource = { kind: "Prometheus", uid: "grafanacloud-prom" };

let dir: string;
let prometheus: RunningPrometheus;
const proxies: RunningProxy[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "pizza-backtest-http-"));
  // One sample a second for 4 hours: a 1 s query_range over it has 14,401 points, above Prometheus' 11,000.
  const values = Array.from({ length: HOURS * 3600 + 1 }, (_, i) => i);
  prometheus = await startPrometheus(
    await createBlocks(
      openMetrics([{ series: { metric: "backtest_counter", labels: { job: "t" }, values }, startSeconds: START, stepSeconds: 1 }]),
      dir,
    ),
    dir,
  );
}, 60_000);
afterAll(async () => {
  for (const p of proxies) await p.stop();
  await prometheus?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function proxy(failFirst?: { status: number; count: number; retryAfterSeconds?: number }) {
  const p = await startGrafanaProxy({
    token: TOKEN,
    prometheus: { uid: PROM.uid, url: prometheus.url },
    loki: { uid: "grafanacloud-logs", fixtures: [] },
    failFirst,
  });
  proxies.push(p);
  return p;
}

const noSleep = { sleep: async () => {} };

describe("datasource client", () => {
  it("chunks a range query to 11,000 points per request, which the real Prometheus accepts", async () => {
    const p = await proxy();
    const client = datasourceClient({ url: p.url, auth: new Secret(TOKEN) });
    const q = { ds: PROM, expr: "backtest_counter", start: START, end: START + HOURS * 3600, step: 1 };
    expect(rangeChunks(q)).toEqual([
      { start: START, end: START + 10_999 },
      { start: START + 11_000, end: START + HOURS * 3600 },
    ]);
    const [series] = await queryRange(client, q);
    expect(series.values.size).toBe(HOURS * 3600 + 1);
    expect(series.values.get(START + 11_000)).toBe(11_000);
    expect(p.requests.filter((r) => r.includes("/api/v1/query_range"))).toHaveLength(2);
    // Without chunking the same server refuses the query.
    const whole = await fetch(
      `${prometheus.url}/api/v1/query_range?query=backtest_counter&start=${START}&end=${START + HOURS * 3600}&step=1`,
    );
    expect(whole.status).toBe(400);
    expect(await whole.text()).toMatch(/exceeded maximum resolution of 11,000 points/);
  });

  it("cuts Loki ranges to max_query_length too", () => {
    expect(chunkRange(0, 60 * 86400, 60, 11_000, 721 * 3600)).toHaveLength(Math.ceil((60 * 86400 + 60) / (11_000 * 60)));
    expect(
      rangeChunks({ ds: { kind: "Loki", uid: "l" }, expr: "x", start: 0, end: 40 * 86400, step: 300 }).map((c) => c.end - c.start),
    ).toEqual([721 * 3600, 40 * 86400 - 721 * 3600 - 300]);
  });

  it("retries 429 and 5xx with growing backoff, honouring Retry-After, then succeeds", async () => {
    const p = await proxy({ status: 429, count: 2, retryAfterSeconds: 3 });
    const waits: number[] = [];
    const client = datasourceClient({ url: p.url, auth: new Secret(TOKEN) }, { backoffMs: 100, sleep: async (ms) => void waits.push(ms) });
    const body = (await client.get(PROM, "/api/v1/query", { query: "backtest_counter", time: String(START + 60) })) as { status: string };
    expect(body.status).toBe("success");
    expect(waits).toEqual([3000, 3000]);
    expect(client.requests).toBe(3);
    expect(p.requests).toHaveLength(3);

    const q = await proxy({ status: 503, count: 1 });
    const waits503: number[] = [];
    const c503 = datasourceClient({ url: q.url, auth: new Secret(TOKEN) }, { backoffMs: 100, sleep: async (ms) => void waits503.push(ms) });
    await c503.get(PROM, "/api/v1/query", { query: "1", time: String(START) });
    expect(waits503).toEqual([100]);
  });

  it("gives up after a bounded number of attempts, naming the datasource", async () => {
    const p = await proxy({ status: 503, count: 100 });
    const client = datasourceClient({ url: p.url, auth: new Secret(TOKEN) }, { maxAttempts: 3, ...noSleep });
    await expect(client.get(PROM, "/api/v1/query", { query: "1" })).rejects.toThrow(
      /Prometheus datasource grafanacloud-prom: gave up after 3 attempts \(HTTP 503\)/,
    );
    expect(p.requests).toHaveLength(3);
  });

  it("names the datasource on 401 and 404, and never prints the token", async () => {
    const p = await proxy();
    const wrong = datasourceClient({ url: p.url, auth: new Secret("glsa_wrong-S3CRET") }, noSleep);
    const e401 = await wrong.get(PROM, "/api/v1/query", { query: "1" }).catch((e: Error) => e);
    expect(String(e401)).toMatch(/Prometheus datasource grafanacloud-prom: HTTP 401 .*token in grafana:auth/);
    expect(String(e401)).not.toContain("S3CRET");
    expect(p.requests).toHaveLength(1); // no retry on 401

    const right = datasourceClient({ url: p.url, auth: new Secret(TOKEN) }, noSleep);
    const e404 = await right.get({ kind: "Loki", uid: "no-such-logs" }, "/loki/api/v1/query_range", { query: "1" }).catch((e: Error) => e);
    expect(String(e404)).toMatch(/Loki datasource no-such-logs: HTTP 404 .*no such datasource uid/);
    expect(String(e404)).not.toContain(TOKEN);
  });

  it("sends a user:password credential as basic auth", async () => {
    const p = await proxy();
    const client = datasourceClient({ url: p.url, auth: new Secret("admin:S3CRET") }, noSleep);
    await expect(client.get(PROM, "/api/v1/query", { query: "1" })).rejects.toThrow(/HTTP 401/);
    expect(p.requests).toHaveLength(1);
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    const p = await proxy();
    let inFlight = 0;
    let most = 0;
    const client = datasourceClient({ url: p.url, auth: new Secret(TOKEN) }, { concurrency: 2, onRequestQueued: () => undefined });
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (...args: Parameters<typeof fetch>) => {
      inFlight++;
      most = Math.max(most, inFlight);
      try {
        return await realFetch(...args);
      } finally {
        inFlight--;
      }
    }) as typeof fetch;
    try {
      // Loki's recorded answers are served by the stand-in itself (the Prometheus ones would count its upstream fetches too).
      const loki: Datasource = { kind: "Loki", uid: "grafanacloud-logs" };
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          client.get(loki, "/loki/api/v1/query_range", {
            query: `sum(count_over_time({job="${i}"}[1m]))`,
            start: new Date(START * 1000).toISOString(),
            end: new Date((START + 60) * 1000).toISOString(),
            step: "60",
          }),
        ),
      );
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(most).toBe(2);
    expect(p.requests).toHaveLength(6);
  });
});

describe("progress", () => {
  function fakeStream(isTTY: boolean) {
    const out: string[] = [];
    return { out, stream: { isTTY, write: (t: string) => out.push(t) > 0 } };
  }

  it("stays quiet for short runs", () => {
    const { out, stream } = fakeStream(false);
    let now = 0;
    const p = progress("backtest", { stream, now: () => now });
    p.queued();
    now = 1000;
    p.done();
    p.finish();
    expect(out).toEqual([]);
  });

  it("prints plain lines when stderr is not a terminal, a redrawn bar when it is", () => {
    const plain = fakeStream(false);
    let now = 0;
    const p = progress("backtest", { stream: plain.stream, now: () => now, everyMs: 5000 });
    for (let i = 0; i < 4; i++) p.queued();
    now = 4000;
    p.done();
    now = 5000;
    p.done();
    now = 9500;
    p.done();
    p.done();
    p.finish();
    expect(plain.out).toEqual(["backtest: 1/4 requests\n", "backtest: 3/4 requests\n", "backtest: 4/4 requests\n"]);

    const tty = fakeStream(true);
    const q = progress("backtest", { stream: tty.stream, now: () => 10_000, afterMs: 0 });
    q.queued();
    q.queued();
    q.done();
    q.finish();
    expect(tty.out[0]).toBe(`\r[${"#".repeat(15)}${".".repeat(15)}] backtest: 1/2 requests`);
    expect(tty.out[tty.out.length - 1]).toBe("\n");
  });
});
