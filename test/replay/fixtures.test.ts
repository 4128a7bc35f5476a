import { describe, expect, it } from "vitest";
import { FACTORY_5XX, RESTART_SECONDS, SCENARIOS, TELEMETRY_OUTAGE, type Fixture } from "../../src/replay/fixtures";
import { parseConfig } from "../../src/config/schema";
import { stackFixtures } from "../../src/replay/run";
import { keptFixtures } from "../support/fixtures";
import { exampleConfig } from "../support/stack";

const cfg = parseConfig(exampleConfig());
const t = cfg.telemetry;
const all = keptFixtures(cfg, [0]);
const byName = (name: string): Fixture => all.find((f) => f.name === name)!;

interface HttpLine {
  authorized: boolean;
  path: string;
  method: string;
  statusCode: number;
  reqBody: string;
  resBody: string;
}
const httpLines = (f: Fixture) =>
  f.logs.filter((l) => l.labels[t.logs.typeLabel] === t.logs.httpType).map((l) => ({ ...l, json: JSON.parse(l.line) as HttpLine }));
const inSeconds = (ts: number, from: number, to: number) => ts >= from * 1000 && ts < to * 1000;

describe("incident fixtures", () => {
  it("are the scenario library, phased ones once per phase, seeded ones once per seed, identical on every build", () => {
    expect(all.map((f) => f.name)).toEqual(
      SCENARIOS.flatMap((s) => (s.variantSeeds ?? [s.seed]).map((seed, i) => (i === 0 ? s.name : `${s.name}.seed${seed}`))),
    );
    expect(all.filter((f) => f.name.startsWith("partial-metric-send-failures")).length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(stackFixtures(cfg, [0])) === JSON.stringify(all)).toBe(true);
    const phased = keptFixtures(cfg).filter((f) => f.name.startsWith("factory-5xx@"));
    expect(phased.map((f) => f.incident!.startSeconds - FACTORY_5XX.startSeconds)).toEqual([10, 20, 30, 40, 50]);
  });

  it("write HTTP lines in the service's real format and stream labels", () => {
    // Every line checked; the lines that break a rule are collected and asserted empty once per
    // fixture (one expect per line and rule took seconds over the library's lines).
    const parses = (text: string) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    const keys = JSON.stringify(["authorized", "path", "method", "statusCode", "reqBody", "resBody"]);
    for (const f of all) {
      const lines = httpLines(f);
      expect(lines.length, f.name).toBeGreaterThan(0);
      const broken = lines.filter((l) => {
        const level = l.json.statusCode >= 500 ? "error" : l.json.statusCode >= 400 ? "warn" : "info";
        const labels = { [t.logs.sourceLabel]: t.source, level, [t.logs.typeLabel]: t.logs.httpType };
        return (
          JSON.stringify(Object.keys(l.json)) !== keys ||
          l.line !== JSON.stringify(l.json) ||
          typeof l.json.reqBody !== "string" ||
          !parses(l.json.resBody) ||
          JSON.stringify(Object.entries(l.labels).sort()) !== JSON.stringify(Object.entries(labels).sort())
        );
      });
      expect(
        broken.map((l) => [l.labels, l.line]),
        f.name,
      ).toEqual([]);
      expect(
        f.logs.every((l, i) => i === 0 || f.logs[i - 1].ts <= l.ts),
        `${f.name}: logs in time order`,
      ).toBe(true);
    }
  });

  it("follow another deployment's telemetry contract", () => {
    const other = parseConfig(
      exampleConfig({
        "pizza-observability:telemetry": {
          logs: { sourceLabel: "source", httpType: "http-req" },
          metrics: { requests: "http_requests_total" },
        },
      }),
    );
    const f = keptFixtures(other)[0];
    expect(f.logs[0].labels).toMatchObject({ source: "jwt-pizza-service", type: "http-req" });
    expect(f.series.some((s) => s.metric === "http_requests_total")).toBe(true);
  });

  it("factory 5xx: every order fails with the factory message for 3 minutes, and only then", () => {
    const f = byName("factory-5xx");
    const failed = httpLines(f).filter((l) => l.json.statusCode === 500);
    const orders = httpLines(f).filter((l) => l.json.method === "POST" && l.json.path === "/api/order");
    const during = orders.filter((l) => inSeconds(l.ts, FACTORY_5XX.startSeconds, FACTORY_5XX.startSeconds + FACTORY_5XX.durationSeconds));
    expect(during.length).toBeGreaterThanOrEqual(10);
    expect(failed).toEqual(during);
    for (const l of failed) expect(JSON.parse(l.json.resBody).message).toBe("Failed to fulfill order at factory");
    expect(httpLines(f).filter((l) => l.json.statusCode === 200).length).toBeGreaterThan(1000);
  });

  it("factory calls: one factory line per order that reached the factory, just before its HTTP line; a chaos test's answers carry one support link; a database failure never calls the factory", () => {
    const factoryLines = (f: Fixture) =>
      f.logs
        .filter((l) => l.labels[t.logs.typeLabel] === t.logs.factoryType)
        .map((l) => ({ ...l, json: JSON.parse(l.line) as { statusCode: number; resBody: string } }));
    const f = byName("factory-5xx");
    const orders = httpLines(f).filter((l) => l.json.method === "POST" && l.json.path === "/api/order");
    const calls = factoryLines(f);
    expect(calls.map((c) => c.ts + 1)).toEqual(orders.map((o) => o.ts));
    expect(calls.map((c) => c.json.statusCode)).toEqual(orders.map((o) => o.json.statusCode));
    const links = new Set(calls.filter((c) => c.json.statusCode === 500).map((c) => JSON.parse(c.json.resBody).reportUrl));
    expect([...links]).toEqual([
      expect.stringMatching(/^https:\/\/pizza-factory\.cs329\.click\/api\/support\/fixture-key\/report\/[0-9a-f]+$/),
    ]);
    for (const c of calls.filter((x) => x.json.statusCode === 500)) expect(c.labels.level).toBe("error");

    const db = byName("order-database-failure");
    const incident = db.incident!;
    const failedOrders = httpLines(db).filter((l) => l.json.statusCode === 500);
    expect(failedOrders.length).toBeGreaterThanOrEqual(10);
    for (const l of failedOrders) expect(inSeconds(l.ts, incident.startSeconds, incident.endSeconds)).toBe(true);
    expect(factoryLines(db).filter((c) => inSeconds(c.ts, incident.startSeconds, incident.endSeconds))).toEqual([]);
    expect(factoryLines(db).every((c) => c.json.statusCode === 200)).toBe(true);
  });

  it("telemetry outage: 34 minutes of send failures, no metric samples, orders still served", () => {
    const f = byName("telemetry-outage");
    const { startSeconds, durationSeconds } = TELEMETRY_OUTAGE;
    const end = startSeconds + durationSeconds;
    const failures = f.logs.filter((l) => l.line.includes("Failed to send metric"));
    expect(failures.every((l) => inSeconds(l.ts, startSeconds, end))).toBe(true);
    expect(failures[0].ts).toBeLessThan((startSeconds + 10) * 1000);
    expect(failures[failures.length - 1].ts).toBeGreaterThan((end - 10) * 1000);
    expect(failures.some((l) => l.line.includes("ECONNRESET"))).toBe(true);
    expect(failures.some((l) => l.line.includes("UND_ERR_CONNECT_TIMEOUT"))).toBe(true);
    const step = (s: number) => s / f.sampleIntervalSeconds;
    for (const s of f.series) {
      const outage = s.values.slice(Math.ceil(step(startSeconds)), step(end));
      if (s.metric === "probe_success") expect(outage.filter((v) => v === 1).length).toBeGreaterThanOrEqual(33);
      else
        expect(
          outage.every((v) => v === undefined),
          `${s.metric} has samples during the outage`,
        ).toBe(true);
    }
    const served = httpLines(f).filter((l) => l.json.method === "POST" && l.json.statusCode === 200 && inSeconds(l.ts, startSeconds, end));
    expect(served.length).toBeGreaterThan(100);
  });

  it("the service's series are labelled with the source label, and probe_success stays 1 while the process runs", () => {
    for (const f of all.filter((x) => !x.name.includes("restart") && x.name !== "process-crash")) {
      const names = new Set(f.series.map((s) => s.metric));
      for (const m of Object.values(t.metrics)) expect(names.has(m), `${f.name} lacks ${m}`).toBe(true);
      for (const s of f.series.filter((x) => x.metric !== "probe_success")) expect(s.labels[t.metricSourceLabel]).toBe(t.source);
      for (const s of f.series.filter((x) => x.metric === "probe_success"))
        expect(s.values.filter((v) => v !== undefined && v !== 1)).toEqual([]);
    }
  });

  it("controls: no 5xx in the normal hour, exactly one in the transient fixture", () => {
    expect(httpLines(byName("normal-hour")).filter((l) => l.json.statusCode >= 500)).toHaveLength(0);
    expect(httpLines(byName("transient-500")).filter((l) => l.json.statusCode >= 500)).toHaveLength(1);
  });

  const step = (f: Fixture, s: number) => Math.round(s / f.sampleIntervalSeconds);
  const series = (f: Fixture, metric: string) => f.series.filter((s) => s.metric === metric);

  it("probes are spread over the minute: each location at its own second", () => {
    const f = byName("normal-hour");
    const firstStep = series(f, "probe_success").map((s) => s.values.findIndex((v) => v !== undefined));
    expect(new Set(firstStep).size).toBe(cfg.syntheticMonitoring.probes.length);
    for (const s of series(f, "probe_success")) expect(s.values.filter((v) => v !== undefined).length).toBeLessThanOrEqual(61);
  });

  it("deploy restart: 502/503 on every endpoint for 45 s (logged or not), probes fail, no pushes, counters restart from 0", () => {
    for (const name of ["deploy-restart-logged", "deploy-restart-unlogged"]) {
      const f = byName(name);
      const { startSeconds: s, endSeconds: e } = f.incident!;
      expect(e - s).toBe(RESTART_SECONDS);
      const during = httpLines(f).filter((l) => inSeconds(l.ts, s, e));
      if (name.endsWith("-logged")) {
        expect(during.length).toBeGreaterThan(5);
        expect(new Set(during.map((l) => l.json.statusCode))).toEqual(new Set([502, 503]));
        expect(new Set(during.map((l) => l.json.path)).size).toBeGreaterThan(2);
      } else expect(during).toEqual([]);
      expect(series(f, "probe_success").some((x) => x.values.some((v) => v === 0))).toBe(true);
      const failuresCounter = series(f, t.metrics.orderFailures)[0];
      expect(failuresCounter.values.slice(step(f, s) + 1, step(f, e))).toEqual(new Array(step(f, e) - step(f, s) - 1).fill(undefined));
      const menu = series(f, t.metrics.requests).find((x) => x.labels.endpoint === "[GET] /api/order/menu")!;
      expect(menu.values[step(f, e) + 2]!).toBeLessThan(menu.values[step(f, s) - 1]!);
    }
  });

  it("process crash: no lines and no samples of the service after it, every probe fails", () => {
    const f = byName("process-crash");
    const s = f.incident!.startSeconds;
    expect(f.logs.filter((l) => l.ts >= (s + 1) * 1000)).toEqual([]);
    for (const x of f.series.filter((y) => y.metric !== "probe_success"))
      expect(x.values.slice(step(f, s) + 1).every((v) => v === undefined)).toBe(true);
    for (const x of series(f, "probe_success"))
      expect(
        x.values
          .slice(step(f, s) + 7)
          .filter((v) => v !== undefined)
          .every((v) => v === 0),
      ).toBe(true);
  });

  it("log-shipping outage: no line at all during it, metrics unaffected", () => {
    const f = byName("log-shipping-outage");
    const { startSeconds: s, endSeconds: e } = f.incident!;
    expect(f.logs.filter((l) => inSeconds(l.ts, s, e))).toEqual([]);
    expect(series(f, t.metrics.requests).every((x) => x.values.slice(step(f, s), step(f, e)).every((v) => v !== undefined))).toBe(true);
  });

  it("factory slowness: orders succeed after 32 s and the latency gauge says so; low traffic is one order per 2 minutes", () => {
    const f = byName("factory-slowness");
    expect(series(f, t.metrics.factoryLatency)[0].values[step(f, f.incident!.startSeconds) + 12]).toBe(32000);
    const low = byName("factory-5xx-low-traffic");
    const orders = httpLines(low).filter((l) => l.json.method === "POST" && l.json.path === "/api/order");
    expect(orders.length).toBe(Math.ceil(low.durationSeconds / 120));
  });

  it("partial metric send failures: some pushes fail and are logged, most still land", () => {
    const f = byName("partial-metric-send-failures");
    const { startSeconds: s, endSeconds: e } = f.incident!;
    const values = series(f, t.metrics.pizzasSold)[0].values.slice(step(f, s), step(f, e));
    const missing = values.filter((v) => v === undefined).length;
    expect(missing / values.length).toBeGreaterThan(0.15);
    expect(missing / values.length).toBeLessThan(0.45);
    expect(f.logs.some((l) => l.line.includes("Failed to send metric"))).toBe(true);
  });
});
