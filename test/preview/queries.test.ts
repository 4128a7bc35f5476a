import { describe, expect, it } from "vitest";
import { gridRect } from "../../src/preview/layout";
import {
  legendName,
  lokiStepMs,
  panelIntervalMs,
  prometheusRequest,
  prometheusStep,
  type PrometheusQuery,
} from "../../src/preview/queries";

/**
 * How the preview asks its queries, held to Grafana's own tests:
 * pkg/promlib/models/query_test.go (TestParse, TestRateInterval), pkg/tsdb/loki/step_test.go
 * (TestLokiStep "with no query step"), and the frontend's rangeUtil run from @grafana/data itself.
 */

const H = 3_600_000;
const S = 1000;

// [Grafana's case name, query, expected expression, expected step (ms)]
const prometheusCases: Array<[string, PrometheusQuery, string, number]> = [
  [
    "TestParse: parsing query model with $__interval variable",
    { expr: 'rate(ALERTS{job="test" [$__interval]})', rangeMs: 48 * H, intervalMs: 60 * S, maxDataPoints: 0, scrapeInterval: "15s" },
    'rate(ALERTS{job="test" [2m]})',
    120 * S,
  ],
  [
    "TestParse: parsing query model with $__interval_ms and $__interval variable",
    {
      expr: 'rate(ALERTS{job="test" [$__interval_ms]}) + rate(ALERTS{job="test" [$__interval]})',
      rangeMs: 48 * H,
      intervalMs: 60 * S,
      maxDataPoints: 0,
      scrapeInterval: "15s",
    },
    'rate(ALERTS{job="test" [120000]}) + rate(ALERTS{job="test" [2m]})',
    120 * S,
  ],
  [
    "TestParse: parsing query model with $__range variable",
    { expr: 'rate(ALERTS{job="test" [$__range]})', rangeMs: 48 * H, intervalMs: 60 * S, maxDataPoints: 0, scrapeInterval: "15s" },
    'rate(ALERTS{job="test" [172800s]})',
    120 * S,
  ],
  [
    "TestParse: parsing query model with $__rate_interval variable",
    {
      expr: 'rate(ALERTS{job="test" [$__rate_interval]})',
      rangeMs: 5 * 60 * S,
      intervalMs: 60 * S,
      maxDataPoints: 0,
      queryInterval: "5m",
      scrapeInterval: "15s",
    },
    'rate(ALERTS{job="test" [20m0s]})',
    5 * 60 * S,
  ],
  [
    "TestParse: parsing query model with $__rate_interval_ms and $__rate_interval variable",
    {
      expr: 'rate(ALERTS{job="test" [$__rate_interval_ms]}) + rate(ALERTS{job="test" [$__rate_interval]})',
      rangeMs: 48 * H,
      intervalMs: 120 * S,
      maxDataPoints: 0,
      scrapeInterval: "15s",
    },
    'rate(ALERTS{job="test" [135000]}) + rate(ALERTS{job="test" [2m15s]})',
    120 * S,
  ],
  ...(
    [
      ["intervalMs 100s, minStep override 150s and scrape interval 30s", "150s", 100, "30s", 1, "10m0s", 150],
      ["intervalMs 120s, minStep override 150s and ds scrape interval 30s", "150s", 120, "30s", 1, "10m0s", 150],
      ["intervalMs 120s, minStep auto (interval not overridden) and ds scrape interval 30s", "120s", 120, "30s", 1, "8m0s", 120],
      [
        "interval and minStep are automatically calculated and ds scrape interval 30s and time range 1 hour",
        "30s",
        30,
        "30s",
        1,
        "2m0s",
        30,
      ],
      ["minStep is $__rate_interval and ds scrape interval 30s and time range 1 hour", "$__rate_interval", 30, "30s", 1, "2m0s", 120],
      ["minStep is $__rate_interval and ds scrape interval 30s and time range 2 days", "$__rate_interval", 120, "30s", 48, "2m30s", 150],
      ["minStep is $__rate_interval and ds scrape interval 15s and time range 2 days", "$__interval", 120, "15s", 48, "8m0s", 120],
    ] as const
  ).map(([name, queryInterval, interval, scrape, hours, rate, step]): [string, PrometheusQuery, string, number] => [
    `TestRateInterval: ${name}`,
    {
      expr: "rate(rpc_durations_seconds_count[$__rate_interval])",
      rangeMs: hours * H,
      intervalMs: interval * S,
      maxDataPoints: 12384,
      queryInterval,
      scrapeInterval: scrape,
    },
    `rate(rpc_durations_seconds_count[${rate}])`,
    step * S,
  ]),
  [
    "TestRateInterval: minStep is auto and ds scrape interval 30s and time range 1 hour",
    {
      expr: "sum(rate(process_cpu_seconds_total[$__rate_interval]))",
      rangeMs: H,
      intervalMs: 30 * S,
      maxDataPoints: 1613,
      scrapeInterval: "30s",
    },
    "sum(rate(process_cpu_seconds_total[2m0s]))",
    30 * S,
  ],
  [
    "TestRateInterval: minStep is auto and ds scrape interval 15s and time range 5 minutes",
    {
      expr: "sum(rate(cache_requests_total[$__rate_interval]))",
      rangeMs: 5 * 60 * S,
      intervalMs: 15 * S,
      maxDataPoints: 1055,
      scrapeInterval: "15s",
    },
    "sum(rate(cache_requests_total[1m0s]))",
    15 * S,
  ],
];

describe("Prometheus targets: Grafana's step and macros (pkg/promlib/models/query_test.go)", () => {
  it.each(prometheusCases)("%s", (_name, q, expr, stepMs) => {
    expect(prometheusStep(q)).toEqual({ expr, stepMs });
  });

  it("a preview's panel: its min interval 1m sets the step, the range is aligned down to it, $__rate_interval is max(interval + 15s, 60s)", () => {
    const from = Date.UTC(2025, 0, 1);
    const r = prometheusRequest("sum(rate(x[$__rate_interval]))", { from, to: from + 1400 * S, maxDataPoints: 742, minInterval: "1m" });
    expect(r).toEqual({ expr: "sum(rate(x[1m15s]))", start: from / 1000, end: from / 1000 + 1380, stepSeconds: 60 });
  });
});

describe("Loki targets: Grafana's step (pkg/tsdb/loki/step_test.go, with no query step)", () => {
  const cases: Array<[string, number, number, number, number]> = [
    ["base case", 7000, 1000, 2, 14_000],
    ["step should be at least 1 millisecond", 0.5, 1000, 1, 1],
    ["safeInterval should happen", 2000, 33_000_000, 1, 3000],
    ["step should math.Ceil in milliseconds", 1.234, 1000, 1, 2],
    ["step should math.Ceil in milliseconds, even if safeInterval happens", 2000, 33_001_000, 1, 3001],
    ["resolution should happen", 1000, 100_000, 5, 5000],
    ["safeInterval check should happen after resolution is used", 2000, 33_000_000, 2, 4000],
    ["survive interval=0", 0, 22_000_000, 1, 2000],
  ];
  it.each(cases)("%s", (_name, interval, range, resolution, step) => {
    expect(lokiStepMs(interval, range, resolution)).toBe(step);
  });
});

describe("the frontend's interval (rangeUtil.calculateInterval from @grafana/data)", () => {
  it.each([
    ["a panel's min interval is a floor", 1400 * S, 742, "1m", 60 * S],
    ["without one, the range over the panel's width, rounded", 1400 * S, 742, undefined, 2 * S],
    ["a three-hour range on a 500-pixel panel", 3 * H, 500, undefined, 20 * S],
  ] as const)("%s", (_name, range, width, minInterval, expected) => {
    expect(panelIntervalMs({ from: 0, to: range, maxDataPoints: width, ...(minInterval && { minInterval }) })).toBe(expected);
  });
});

describe("legends (pkg/promlib/querydata/response.go getName)", () => {
  it.each([
    ["{{label}} becomes the label's value", "{{statusCode}}", { statusCode: "500" }, "500"],
    ["an absent label is empty", "{{method}} {{path}}", { path: "/api/order" }, " /api/order"],
    ["spaces inside the braces are allowed", "{{ level }}", { level: "error" }, "error"],
    ["no legend format: the labels, sorted", undefined, { b: "2", a: "1" }, 'a="1", b="2"'.replace(/^/, "{").concat("}")],
    ["no legend format and no labels: the expression", undefined, {}, "sum(x)"],
    ["__auto with labels: Grafana names it itself (empty here)", "__auto", { a: "1" }, ""],
  ] as const)("%s", (_name, legend, labels, expected) => {
    expect(legendName(legend, { ...labels }, "sum(x)")).toBe(expected);
  });
});

describe("Grafana's dashboard grid (public/app/core/constants.ts: 24 columns, 30 px rows, 8 px margins)", () => {
  it.each([
    ["a full-width row header", { x: 0, y: 0, w: 24, h: 1 }, { x: 0, y: 0, width: 1568, height: 30 }],
    ["a half-width panel of 9 rows", { x: 12, y: 1, w: 12, h: 9 }, { x: 788, y: 38, width: 780, height: 334 }],
    ["a quarter-width panel", { x: 18, y: 21, w: 6, h: 9 }, { x: 1182, y: 798, width: 386, height: 334 }],
  ])("%s", (_name, pos, rect) => {
    expect(gridRect(pos, 1568)).toEqual(rect);
  });
});
