import { describe, expect, it } from "vitest";
import type { LogLine } from "../../src/replay/fixtures";
import { parseConfig } from "../../src/config/schema";
import { compileLogQL, LogQLPipelineError, LogQLUnsupported } from "../../src/replay/logql";
import { http5xxByEndpoint, httpLogStream } from "../../src/model/telemetry";
import { exampleConfig } from "../support/stack";

const cfg = parseConfig(exampleConfig());
const http = { component: "jwt-pizza-service", level: "info", type: "http" };
const line = (ts: number, statusCode: number, path = "/api/order", method = "POST"): LogLine => ({
  ts,
  labels: { ...http, level: statusCode >= 500 ? "error" : "info" },
  line: JSON.stringify({
    authorized: true,
    path,
    method,
    statusCode,
    reqBody: "{}",
    resBody: JSON.stringify({ message: statusCode >= 500 ? "Failed to fulfill order at factory" : "ok" }),
  }),
});
const logs: LogLine[] = [
  line(1_000, 200),
  line(2_000, 500),
  line(3_000, 500, "/api/auth", "PUT"),
  line(61_000, 500),
  {
    ts: 62_000,
    labels: { component: "jwt-pizza-service", level: "error", type: "unhandledError" },
    line: JSON.stringify({ message: "Failed to send metric", code: "ECONNRESET" }),
  },
  { ts: 63_000, labels: { component: "other-service", level: "info", type: "http" }, line: JSON.stringify({ statusCode: 500 }) },
];
const at = (q: string, ms: number) => compileLogQL(q)(logs, ms);

describe("LogQL replay evaluator", () => {
  it("counts lines of the selected streams in (t - window, t]", () => {
    expect(at('sum(count_over_time({component="jwt-pizza-service"} [1m]))', 61_000)).toEqual([{ labels: {}, value: 3 }]);
    expect(at('sum(count_over_time({component="jwt-pizza-service"} [1m]))', 62_000)).toEqual([{ labels: {}, value: 3 }]);
    expect(at('sum(count_over_time({component=~"jwt-.*", type!="http"} [5m]))', 70_000)).toEqual([{ labels: {}, value: 1 }]);
    expect(at('sum(count_over_time({component="nobody"} [5m]))', 70_000)).toEqual([]);
  });

  it("applies line filters: |= != |~ !~ and or-alternatives", () => {
    const count = (pipeline: string) => at(`sum(count_over_time({component="jwt-pizza-service"} ${pipeline} [5m]))`, 70_000)[0]?.value ?? 0;
    expect(count('|= "\\"statusCode\\":5"')).toBe(3);
    expect(count('!= "statusCode"')).toBe(1);
    expect(count('|~ "Failed to send metric|ECONNRESET"')).toBe(1);
    expect(count('!~ "statusCode\\":[45]"')).toBe(2);
    expect(count('|= "ECONNRESET" or "\\"statusCode\\":200"')).toBe(2);
    expect(count('|= "status_code"')).toBe(0);
  });

  it("parses JSON, filters labels by number and string, and groups with sum by", () => {
    expect(at(http5xxByEndpoint(cfg.telemetry, "5m"), 70_000)).toEqual([
      { labels: { method: "POST", path: "/api/order" }, value: 2 },
      { labels: { method: "PUT", path: "/api/auth" }, value: 1 },
    ]);
    const q = `sum by (path) (count_over_time(${httpLogStream(cfg.telemetry)} | json | __error__="" | statusCode >= 500 and method != "PUT" or path =~ "/api/a.*" [5m]))`;
    expect(at(q, 70_000)).toEqual([
      { labels: { path: "/api/order" }, value: 2 },
      { labels: { path: "/api/auth" }, value: 1 },
    ]);
    expect(at(`sum(count_over_time(${httpLogStream(cfg.telemetry)} | json code="statusCode" | code == 200 [5m]))`, 70_000)).toEqual([
      { labels: {}, value: 1 },
    ]);
  });

  it("compares vectors with scalars and falls back with or vector(0)", () => {
    expect(at('sum(count_over_time({component="jwt-pizza-service"} [5m])) > 4', 70_000)).toEqual([{ labels: {}, value: 5 }]);
    expect(at('sum(count_over_time({component="jwt-pizza-service"} [5m])) > 5', 70_000)).toEqual([]);
    expect(at('sum(count_over_time({component="nobody"} [5m])) or vector(0)', 70_000)).toEqual([{ labels: {}, value: 0 }]);
  });

  it("fails a metric query whose pipeline leaves unparsable lines, as Loki does, unless no label is needed", () => {
    const bad: LogLine[] = [{ ts: 1_000, labels: http, line: "not json" }];
    expect(() => compileLogQL('count_over_time({type="http"} | json [1m])')(bad, 10_000)).toThrow(LogQLPipelineError);
    expect(() => compileLogQL('sum by (path) (count_over_time({type="http"} | json [1m]))')(bad, 10_000)).toThrow(LogQLPipelineError);
    // Loki's parser hints: nothing reads a parsed label, so the parser is skipped and the line counts.
    expect(compileLogQL('sum(count_over_time({type="http"} | json [1m]))')(bad, 10_000)).toEqual([{ labels: {}, value: 1 }]);
    expect(compileLogQL('sum(count_over_time({type="http"} | json | __error__="" [1m]))')(bad, 10_000)).toEqual([]);
    // A number filter on a label the line lacks drops the line; it does not fail the query.
    expect(compileLogQL('sum(count_over_time({type="http"} |= "" | json | statusCode >= 500 [1m]))')(bad, 10_000)).toEqual([]);
  });

  it("divides by zero to NaN and reads n-ary or line filters", () => {
    expect(at('sum(count_over_time({component="jwt-pizza-service"} [5m])) / vector(0)', 70_000)[0].value).toBeNaN();
    const count = (pipeline: string) => at(`sum(count_over_time({component="jwt-pizza-service"} ${pipeline} [5m]))`, 70_000)[0]?.value ?? 0;
    expect(count('|= "ECONNRESET" or "\\"statusCode\\":200" or "/api/auth"')).toBe(3);
    expect(count('|~ "[[:digit:]]{3}"')).toBe(4);
  });

  it("refuses what it does not implement instead of approximating it", () => {
    expect(() => compileLogQL('sum(count_over_time({a="b"} | line_format "{{ range .x }}y{{ end }}" [1m]))')).toThrow(LogQLUnsupported);
    expect(() => compileLogQL('approx_topk(2, count_over_time({a="b"} [1m]))')).toThrow(LogQLUnsupported);
    expect(() => compileLogQL('sum(count_over_time({a="b"} | line_format "{{ if .x }}y{{ end }}" [1m]))')).toThrow(LogQLUnsupported);
    expect(() => compileLogQL('sum(count_over_time({a="b"} | line_format "{{ .x | b64enc }}" [1m]))')).toThrow(LogQLUnsupported);
    expect(() => compileLogQL('{a="b"} |= "x"')).toThrow(LogQLUnsupported);
    expect(() => compileLogQL('sum(count_over_time({a="b"} [1m]')).toThrow(/does not parse/);
  });
});
