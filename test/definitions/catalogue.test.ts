import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { describe, expect, it } from "vitest";
import cpuSaturation from "../../alerts/cpu-saturation";
import factoryLatency from "../../alerts/factory-latency";
import memorySaturation from "../../alerts/memory-saturation";
import metricIngestionFailure from "../../alerts/metric-ingestion-failure";
import logsAbsent from "../../alerts/logs-absent";
import metricsAbsent from "../../alerts/metrics-absent";
import orderFailures from "../../alerts/order-failures";
import sloFastBurn from "../../alerts/slo-fast-burn";
import sloSlowBurn from "../../alerts/slo-slow-burn";
import watchdog from "../../alerts/watchdog";
import { recordingDefinitions } from "../../recording-rules";
import { parseConfig } from "../../src/config/schema";
import { exprOf } from "../../src/model/rules";
import { probeIds } from "../../src/emit/pulumi/resources";
import { errorBudget } from "../../src/model/slo";
import { anyLiteralLineFilter, escapeRegex } from "../../src/model/telemetry";
import { exampleConfig } from "../support/stack";

const cfg = parseConfig(exampleConfig());
const exprA = (rule: alerting.Rule) => exprOf(rule.data[0].model) ?? "";

function withTelemetry(telemetry: Record<string, unknown>) {
  return parseConfig(exampleConfig({ "pizza-observability:telemetry": telemetry }));
}

describe("PromQL alerts", () => {
  it("follow the telemetry contract: renaming a metric or recorded series changes the query", () => {
    const other = withTelemetry({
      source: "pizza-dev",
      metricSourceLabel: "service",
      metrics: { cpu: "cpu_usage_percent", memory: "memory_usage_percent", factoryLatency: "latency_ms", requests: "http_requests_total" },
      recorded: {
        orderFailures: "pz:fail:count1m",
        orderRequests: "pz:req:count1m",
        httpRequests: "pz:http:count1m",
        metricSendFailures: "pz:send:count1m",
        orderServerErrors: "pz:err:count1m",
      },
    });
    expect(exprA(cpuSaturation(other).build())).toBe('max(cpu_usage_percent{service="pizza-dev"})');
    expect(exprA(memorySaturation(other).build())).toBe('max(memory_usage_percent{service="pizza-dev"})');
    expect(exprA(factoryLatency(other).build())).toBe('max(latency_ms{service="pizza-dev"})');
    expect(exprA(metricIngestionFailure(other).build())).toBe('sum(sum_over_time(pz:send:count1m{service="pizza-dev"}[15m]))');
    expect(exprA(metricsAbsent(other).build())).toBe(
      'absent_over_time(http_requests_total{service="pizza-dev"}[90s]) and on() (sum(pz:http:count1m{service="pizza-dev"}) > 0)',
    );
    const fast = exprA(sloFastBurn(other).build());
    expect(fast).toContain('pz:fail:count1m{service="pizza-dev"}[1h]');
    expect(exprA(logsAbsent(other).build())).toBe(
      'absent_over_time(pz:http:count1m{service="pizza-dev"}[90s]) and on() (sum(increase(http_requests_total{service="pizza-dev"}[90s])) > 0)',
    );
    expect(exprA(orderFailures(other).build())).toContain(
      'increase(http_requests_total{service="pizza-dev", endpoint="[POST] /api/order"}[1m])',
    );
    expect(fast).toContain('pz:req:count1m{service="pizza-dev"}[5m]');
    expect(fast).not.toContain("pizza:");
  });

  it("take thresholds and pending periods from config", () => {
    const tuned = parseConfig(
      exampleConfig({
        "pizza-observability:thresholds": { cpu: { percent: 95, pendingPeriod: "10m" }, metricIngestion: { count: 5, window: "3m" } },
      }),
    );
    const cpu = cpuSaturation(tuned).build();
    expect(cpu.for).toBe("10m");
    expect(cpu.data[1].model).toMatchObject({ conditions: [{ evaluator: { type: "gt", params: [95] } }] });
    const ingestion = metricIngestionFailure(tuned).build();
    expect(exprA(ingestion)).toContain("[3m]");
    expect(ingestion.data[0].relativeTimeRange).toEqual({ from: 180, to: 0 });
    expect(ingestion.data[1].model).toMatchObject({ conditions: [{ evaluator: { params: [5] } }] });
  });

  it("keep the watchdog always firing and routed as a heartbeat", () => {
    const w = watchdog(cfg).build();
    expect(exprA(w)).toBe("vector(1)");
    expect(w.labels).toMatchObject({ severity: "none", category: "watchdog" });
    expect(w.data[1].model).toMatchObject({ conditions: [{ evaluator: { type: "gt", params: [0] } }] });
  });
});

describe("order SLO burn-rate alerts", () => {
  it("use the error budget of the objective: 99.9% -> 0.001, 99.5% -> 0.005", () => {
    expect(errorBudget(99.9)).toBe(0.001);
    expect(errorBudget(99.5)).toBe(0.005);
  });

  it("page on the fast burn over both windows, with the low-traffic guard, and ticket on the slow burn", () => {
    const fast = sloFastBurn(cfg).build();
    const expr = exprA(fast);
    expect(expr).toContain("[1h]");
    expect(expr).toContain("/ 0.001) and on() (");
    expect(expr).toContain("[5m])) / sum(sum_over_time(pizza:order_requests:count1m");
    expect(expr).toContain('and on() (sum(sum_over_time(pizza:order_failures:count1m{source="jwt-pizza-service"}[5m])) >= 2)');
    expect(fast.data[1].model).toMatchObject({ conditions: [{ evaluator: { type: "gt", params: [14.4] } }] });
    expect(fast.labels?.severity).toBe("page");
    expect(fast.for).toBe("7m");
    const slow = sloSlowBurn(cfg).build();
    expect(exprA(slow)).toContain("[6h]");
    expect(exprA(slow)).toContain("> 6)");
    expect(slow.labels?.severity).toBe("ticket");
  });

  it("follow the configured objective and windows", () => {
    const tuned = parseConfig(
      exampleConfig({ "pizza-observability:slo": { objectivePercent: 99.5, fastBurn: { longWindow: "2h", factor: 10 } } }),
    );
    const fast = sloFastBurn(tuned).build();
    expect(exprA(fast)).toContain("/ 0.005");
    expect(exprA(fast)).toContain("[2h]");
    expect(fast.data[0].relativeTimeRange).toEqual({ from: 7200, to: 0 });
    expect(fast.data[1].model).toMatchObject({ conditions: [{ evaluator: { params: [10] } }] });
  });
});

describe("recording rules", () => {
  const rules = recordingDefinitions.map((d) => d(cfg).build());

  it("filter lines before any json parsing, never with an empty filter, and never extract bodies", () => {
    for (const r of rules) {
      const expr = exprA(r);
      expect(expr, r.uid).not.toContain('|= ""');
      expect(expr, r.uid).not.toMatch(/reqBody|resBody/);
      // No `or vector(0)`: a minute without lines must stay a missing sample (pizza-logs-absent), not "0 failures".
      expect(expr, r.uid).not.toContain("vector(0)");
      const json = expr.indexOf("| json");
      if (json >= 0) expect(expr.slice(0, json), r.uid).toMatch(/\|[=~] "/);
    }
  });

  it("count POST /api/order lines, excluding /api/order/menu, and their 5xx", () => {
    const [requests, failures] = rules.map(exprA);
    expect(requests).toContain('|= "\\"path\\":\\"/api/order\\"" |= "\\"method\\":\\"POST\\""');
    expect(requests).toContain('| method="POST" | path="/api/order"');
    expect(failures).toContain('|= "\\"statusCode\\":5"');
    expect(failures).toContain("| statusCode >= 500 [1m]");
  });

  it("match the metric-shipping errors as an alternation of escaped literals", () => {
    expect(exprA(rules[3])).toContain('{component="jwt-pizza-service"} |~ "Failed to send metric|ECONNRESET|UND_ERR_CONNECT_TIMEOUT" [1m]');
    const other = withTelemetry({ logs: { metricSendErrors: ["fetch failed (otlp)", "a.b*"] } });
    const expr = exprA(recordingDefinitions[3](other).build());
    expect(expr).toContain(String.raw`|~ "fetch failed \\(otlp\\)|a\\.b\\*"`);
    expect(escapeRegex("x.*y")).toBe(String.raw`x\.\*y`);
    expect(anyLiteralLineFilter(["a|b"])).toBe(String.raw`|~ "a\\|b"`);
    expect(expr).not.toContain(".*");
  });

  it("write the configured series names with the source label", () => {
    const other = withTelemetry({ source: "pizza-dev", recorded: { httpRequests: "pz:http:count1m" } });
    const r = recordingDefinitions[2](other).build();
    expect(r.record).toEqual({ metric: "pz:http:count1m", from: "A", target_datasource_uid: "grafanacloud-prom" });
    expect(r.labels).toEqual({ source: "pizza-dev" });
    expect(exprA(r)).toBe('sum(count_over_time({component="pizza-dev", type="http"} [1m]))');
  });
});

describe("Synthetic Monitoring probes", () => {
  it("resolve configured names to ids, naming the config key for an unknown one", () => {
    expect(probeIds(["Frankfurt", "Atlanta"], { Atlanta: 1, Frankfurt: 4 })).toEqual([4, 1]);
    expect(() => probeIds(["Atlantis"], { Atlanta: 1 })).toThrow(
      "pizza-observability:syntheticMonitoring.probes: no Synthetic Monitoring probe named Atlantis (known: Atlanta)",
    );
  });
});
