import { describe, expect, it } from "vitest";
import { FACTORY_5XX, TELEMETRY_OUTAGE, type Fixture } from "../../src/replay/fixtures";
import { parseConfig } from "../../src/config/schema";
import { stackFixtures } from "../../src/replay/run";
import { exampleConfig } from "../support/stack";

const cfg = parseConfig(exampleConfig());
const t = cfg.telemetry;
const all = stackFixtures(cfg);
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
  it("are the two incidents and two controls, identical on every build", () => {
    expect(all.map((f) => f.name)).toEqual(["factory-5xx", "telemetry-outage", "normal-hour", "transient-500"]);
    expect(JSON.stringify(stackFixtures(cfg)) === JSON.stringify(all)).toBe(true);
  });

  it("write HTTP lines in the service's real format and stream labels", () => {
    for (const f of all) {
      for (const l of httpLines(f)) {
        expect(Object.keys(l.json)).toEqual(["authorized", "path", "method", "statusCode", "reqBody", "resBody"]);
        expect(l.line).toBe(JSON.stringify(l.json));
        expect(typeof l.json.reqBody).toBe("string");
        expect(() => JSON.parse(l.json.resBody)).not.toThrow();
        const level = l.json.statusCode >= 500 ? "error" : l.json.statusCode >= 400 ? "warn" : "info";
        expect(l.labels).toEqual({ [t.logs.sourceLabel]: t.source, level, [t.logs.typeLabel]: t.logs.httpType });
      }
      expect([...f.logs].sort((a, b) => a.ts - b.ts)).toEqual(f.logs);
    }
  });

  it("follow another deployment's telemetry contract", () => {
    const other = parseConfig(exampleConfig({ "pizza-observability:telemetry": { logs: { sourceLabel: "source", httpType: "http-req" }, metrics: { requests: "http_requests_total" } } }));
    const f = stackFixtures(other)[0];
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
      else expect(outage.every((v) => v === undefined), `${s.metric} has samples during the outage`).toBe(true);
    }
    const served = httpLines(f).filter((l) => l.json.method === "POST" && l.json.statusCode === 200 && inSeconds(l.ts, startSeconds, end));
    expect(served.length).toBeGreaterThan(100);
  });

  it("the service's series are labelled with the source label, and probe_success stays 1", () => {
    for (const f of all) {
      const names = new Set(f.series.map((s) => s.metric));
      for (const m of Object.values(t.metrics)) expect(names.has(m), `${f.name} lacks ${m}`).toBe(true);
      for (const s of f.series.filter((x) => x.metric !== "probe_success")) expect(s.labels[t.metricSourceLabel]).toBe(t.source);
      for (const s of f.series.filter((x) => x.metric === "probe_success")) expect(s.values.filter((v) => v !== undefined && v !== 1)).toEqual([]);
    }
  });

  it("controls: no 5xx in the normal hour, exactly one in the transient fixture", () => {
    expect(httpLines(byName("normal-hour")).filter((l) => l.json.statusCode >= 500)).toHaveLength(0);
    expect(httpLines(byName("transient-500")).filter((l) => l.json.statusCode >= 500)).toHaveLength(1);
  });
});
