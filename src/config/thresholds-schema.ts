import { z } from "zod";
import { numeric, pendingPeriod, window } from "./values";

/** The alerts' thresholds, windows and timings (`thresholds`) and the order SLO (`slo`). */

const threshold = numeric(z.number().nonnegative("expected a number >= 0"));
/** A percent gauge (cpu_percent, memory_percent) is 0-100: a threshold of 0 always fires, 100 or more never. */
const percentOfGauge = numeric(
  z
    .number()
    .gt(0, "expected a percentage above 0 and below 100 (the gauge reads 0-100)")
    .lt(100, "expected a percentage above 0 and below 100 (the gauge reads 0-100)"),
);
/** A count of failed orders in one window: at least 1 (0 is always met), at most what a window can hold. */
const failureCount = numeric(
  z
    .number()
    .int("expected a whole number of failed orders")
    .min(1, "expected at least 1 failed order")
    .max(10_000, "expected at most 10000 failed orders in one window (more can never fire for this service)"),
);
const ratio = numeric(z.number().min(0, "expected a ratio between 0 and 1").max(1, "expected a ratio between 0 and 1"));
/** How long a rule stays firing once its condition stops holding (`keep_firing_for`). */
const keepFiringFor = (dflt: string, why: string) =>
  pendingPeriod.default(dflt).describe(`keeps firing this long after the condition stops holding: ${why}`);

/** One of the two telemetry mirrors: one source's data is missing while the other still shows traffic. */
const absentWhileServing = (description: string) =>
  z
    .strictObject({
      window: window.default("90s"),
      pendingPeriod: pendingPeriod.default("0s"),
      // Steady through a long outage: the condition holds as long as it lasts.
      keepFiringFor: keepFiringFor("2m", "a sample or recording that lands late does not end and restart the ticket"),
    })
    .prefault({})
    .describe(description);

/** What the two saturation alerts share: the gauge's latest sample within `window`, held for `pendingPeriod`. */
const saturationTiming = {
  window: window.default("5m").describe("how far back the gauge's latest sample is looked up (the rule's lookback)"),
  pendingPeriod: pendingPeriod.default("5m"),
};

export const thresholdsSchema = z.strictObject({
  order5xx: z
    .strictObject({
      count: threshold.default(2).describe("`pizza-order-5xx` fires on more than this many 5xx lines per endpoint in `window`"),
      // 2m at a 60 s interval: this LogQL rule re-reads 2x the HTTP stream (LogQL cost budget, docs/alerts.md).
      window: window.default("2m"),
      pendingPeriod: pendingPeriod.default("0s"),
      keepFiringFor: keepFiringFor("5m", "5xx at a low rate come and go within the window and stay one notification"),
    })
    .prefault({})
    .describe("the 5xx warning `pizza-order-5xx` (Loki)"),
  /** The page on failing orders, from the service's own counters (pizza_creation_failures_total / requests_total). */
  orderFailures: z
    .strictObject({
      minFailures: failureCount.default(2).describe("`pizza-order-failures`: at least this many failed orders in a window..."),
      failureRatio: ratio.default(0.3).describe("...and at least this share of the window's orders failed"),
      fastWindow: window.default("1m").describe("the window of normal traffic, which pages within a minute"),
      slowWindow: window.default("5m").describe("the window of low traffic (an order every 2 minutes still shows two failures)"),
      keepFiringFor: keepFiringFor("2m", "the page stays one episode while orders keep failing now and then"),
    })
    .prefault({})
    .describe("the order-failure page `pizza-order-failures`, from the service's counters: over `fastWindow` or `slowWindow`"),
  /** The service's request log lines stopped arriving while its metrics show traffic (log-shipping outage). */
  logsAbsent: absentWhileServing("`pizza-logs-absent`: no request log line recorded for `window` while the metrics show traffic"),
  metricIngestion: z
    .strictObject({
      count: threshold
        .default(20)
        .describe("`pizza-metric-ingestion-failure` fires on more than this many metric-shipping error lines in `window`"),
      // Why 15m: alerts/metric-ingestion-failure.ts.
      window: window.default("15m"),
      pendingPeriod: pendingPeriod.default("0s"),
      keepFiringFor: keepFiringFor(
        "5m",
        "a partial failure's rare dip under `count` stays one ticket, which resolves `window` plus this after the last failure",
      ),
    })
    .prefault({})
    .describe("`pizza-metric-ingestion-failure`"),
  /** The request metric has had no sample for `window` while the logs still show traffic. */
  metricsAbsent: absentWhileServing("`pizza-metrics-absent`: the request metric has no sample for `window` while the logs show traffic"),
  availability: z
    .strictObject({
      successRatio: ratio
        .default(0.5)
        .describe("`pizza-api-availability` fires when fewer probe locations than this share passed their latest check"),
      /** How far back a location's latest result is looked up: above the probe frequency. */
      window: window.default("2m"),
      // Longer than any location stays failed after a restart of under a minute (one failed probe
      // per location, visible until its next run 60 s later), shorter than a crash needs to page in 3 minutes.
      pendingPeriod: pendingPeriod.default("70s"),
    })
    .prefault({})
    .describe("`pizza-api-availability`, from the health check's probe results"),
  trafficAbsent: z
    .strictObject({
      /** Fallback without Synthetic Monitoring: no HTTP log line at all for `window`. */
      window: window.default("5m"),
      pendingPeriod: pendingPeriod.default("2m"),
    })
    .prefault({})
    .describe("`pizza-api-traffic-absent`, the fallback without Synthetic Monitoring: no HTTP log line in `window`"),
  cpu: z
    .strictObject({
      percent: percentOfGauge.default(80).describe("`pizza-cpu-saturation` fires above this CPU percent"),
      ...saturationTiming,
    })
    .prefault({}),
  memory: z
    .strictObject({
      percent: percentOfGauge.default(85).describe("`pizza-memory-saturation` fires above this memory percent"),
      ...saturationTiming,
    })
    .prefault({}),
  factoryLatency: z
    .strictObject({
      /** The factory answers in under a second when healthy; throttling chaos holds it 30 s+. */
      milliseconds: numeric(
        z.number().gt(0, "expected a latency above 0 ms (at 0 every order pages)").max(3_600_000, "expected at most 3600000 ms (an hour)"),
      )
        .default(10000)
        .describe("`pizza-factory-latency` pages above this latency (an order completes within 10 s)"),
      window: window.default("5m").describe("how far back the latency gauge's latest sample is looked up (the rule's lookback)"),
      pendingPeriod: pendingPeriod.default("2m"),
    })
    .prefault({})
    .describe("`pizza-factory-latency`"),
  /** The factory's own answers, from the service's factory call lines: which of the two is failing. */
  factoryFailures: z
    .strictObject({
      count: threshold.default(1).describe("`pizza-factory-failing` fires on more than this many factory calls answered 5xx in `window`"),
      // 2m at the errors group's 60 s interval: reads 2x the factory lines (LogQL cost budget, docs/alerts.md).
      window: window.default("2m"),
      pendingPeriod: pendingPeriod.default("0s"),
      keepFiringFor: keepFiringFor("2m", "chaos and outages fail every call, and a quiet minute inside one stays one notification"),
    })
    .prefault({})
    .describe("`pizza-factory-failing`: the factory answering 5xx, from the service's factory call lines (Loki)"),
});

const burnRate = (description: string, factor: number, longWindow: string, shortWindow: string, pending: string) =>
  z
    .strictObject({
      factor: numeric(z.number().gt(0, "expected a burn factor above 0"))
        .default(factor)
        .describe("how many times faster than sustainable the error budget burns"),
      longWindow: window.default(longWindow).describe("the burn rate's long window"),
      shortWindow: window.default(shortWindow).describe("the short window that must still burn (shorter than `longWindow`)"),
      pendingPeriod: pendingPeriod.default(pending),
    })
    .prefault({})
    .describe(description);

/** Order success SLO: share of POST /api/order answered without a 5xx, over 30 days. */
export const sloSchema = z.strictObject({
  objectivePercent: numeric(
    z
      .number()
      .gt(0, "expected a percentage above 0 and below 100, such as 99.9")
      .lt(100, "expected a percentage above 0 and below 100, such as 99.9"),
  )
    .default(99.9)
    .describe("order success SLO over 30 days: share of `POST /api/order` not answered 5xx"),
  minFailures: failureCount
    .default(2)
    .describe("a burn alert needs at least this many failed orders in its short window (low-traffic guard)"),
  // 1h/5m x14.4 (SRE workbook); 7m pending outlasts the 5m short window after a 45 s restart
  // (which keeps it burning ~6 minutes), so restarts never page; pizza-order-failures pages first.
  fastBurn: burnRate("`pizza-order-slo-fast-burn`, a page (backstop of `pizza-order-failures`)", 14.4, "1h", "5m", "7m"),
  slowBurn: burnRate("`pizza-order-slo-slow-burn`, a ticket", 6, "6h", "30m", "5m"),
});
