import { execFileSync } from "node:child_process";
import { expect } from "vitest";
import { MAX_BACKTEST_WINDOW } from "../../../src/backtest";
import { lookbackSeconds } from "../../../src/backtest/evaluate";
import { RAW_CHUNK_SECONDS } from "../../../src/backtest/evaluate-with-promtool";
import { CLIENT_LIMITS } from "../../../src/backtest/http";
import { PROGRESS_DEFAULTS } from "../../../src/backtest/progress";
import { LOKI_MAX_QUERY_LENGTH_SECONDS, MAX_POINTS_PER_SERIES } from "../../../src/backtest/range-query";
import { MAX_ANSWER_MIB, MAX_REQUEST_TIMEOUT } from "../../../src/cli/backtest";
import { formatDuration } from "../../../src/config/durations";
import { RECORDING_VISIBILITY_LAG_SECONDS } from "../../../src/replay/grafana-eval";
import { WARM_UP_SECONDS } from "../../../src/replay/run";
import { PROMETHEUS } from "../../../src/preview/prometheus";
import type { PageFigures } from "../figures";
import { alert, alertIntervals, cfg } from "../sources";

const points = MAX_POINTS_PER_SERIES.toLocaleString("en-US");
const slowBurnLookback = formatDuration(lookbackSeconds(alert("pizza-order-slo-slow-burn").queries.A));
/** Prometheus' lookback, which lookbackSeconds adds to every expression's ranges. */
const prometheusLookbackMinutes = lookbackSeconds("vector(1)") / 60;
const ordersEvery = cfg.alerting.groupEvaluationIntervalSeconds.orders ?? cfg.alerting.evaluationIntervalSeconds;
const intervals = alertIntervals();
const daysPerRequest = (interval: number) => ((MAX_POINTS_PER_SERIES * interval) / 86_400).toFixed(1);
const backoffs = Array.from({ length: CLIENT_LIMITS.maxAttempts - 1 }, (_, i) => `${(CLIENT_LIMITS.backoffMs * 2 ** i) / 1000} s`).join(
  ", ",
);
const fastBurnSubquery = `[${cfg.slo.fastBurn.longWindow}:${ordersEvery}s]`;

export const backtestPage: PageFigures = {
  page: "docs/backtest.md",
  stated: [
    { text: `the longest window backtested, ${MAX_BACKTEST_WINDOW} by default`, from: "MAX_BACKTEST_WINDOW" },
    {
      text: `once a run has taken ${PROGRESS_DEFAULTS.afterMs / 1000} s`,
      from: "PROGRESS_DEFAULTS",
    },
    { text: `line at most every ${PROGRESS_DEFAULTS.everyMs / 1000} s otherwise`, from: "PROGRESS_DEFAULTS" },
    { text: `(\`/api/v1/query\` of \`selector[${RAW_CHUNK_SECONDS / 3600}h]\`, chunked)`, from: "RAW_CHUNK_SECONDS" },
    { text: `written ${RECORDING_VISIBILITY_LAG_SECONDS} s after each tick as in the replay`, from: "RECORDING_VISIBILITY_LAG_SECONDS" },
    {
      text: `so the fast burn's \`${fastBurnSubquery}\` subquery is not run over the slow burn's ${cfg.slo.slowBurn.longWindow}`,
      from: "slo.fastBurn.longWindow; the orders group's interval; slo.slowBurn.longWindow",
      holds: () => expect(alert("pizza-order-slo-fast-burn").queries.A).toContain(fastBurnSubquery),
    },
    {
      text: `Prometheus' ${prometheusLookbackMinutes}-minute lookback: ${slowBurnLookback} for the slow burn`,
      from: "lookbackSeconds of the slow burn's query",
    },
    { text: `**${points} points per series**`, from: "MAX_POINTS_PER_SERIES" },
    {
      text: `"exceeded maximum resolution of ${points} points per timeseries"`,
      from: "MAX_POINTS_PER_SERIES (Prometheus' and Loki's message)",
    },
    { text: `chunks of at most ${points} steps`, from: "MAX_POINTS_PER_SERIES" },
    {
      text: `**Loki \`max_query_length\` ${LOKI_MAX_QUERY_LENGTH_SECONDS / 3600} h**: Loki chunks are also cut at ${LOKI_MAX_QUERY_LENGTH_SECONDS / 3600} h`,
      from: "LOKI_MAX_QUERY_LENGTH_SECONDS",
    },
    {
      text: `**${CLIENT_LIMITS.concurrency} requests in flight**; a 429, a 5xx or a network error is retried up to ${CLIENT_LIMITS.maxAttempts} attempts in all, waiting ${backoffs}`,
      from: "CLIENT_LIMITS",
    },
    {
      text: `no answer within ${CLIENT_LIMITS.timeoutMs / 1000} s (\`--request-timeout\`, up to ${MAX_REQUEST_TIMEOUT})`,
      from: "CLIENT_LIMITS; MAX_REQUEST_TIMEOUT",
    },
    {
      text: `a \`Retry-After\` over ${CLIENT_LIMITS.maxRetryAfterMs / 1000} s, or retries waiting more than ${CLIENT_LIMITS.maxRetryTotalMs / 60_000} minutes in all`,
      from: "CLIENT_LIMITS",
    },
    {
      text: `an answer over ${CLIENT_LIMITS.maxAnswerBytes / 1024 / 1024} MiB (\`--max-answer-mib\`, up to ${MAX_ANSWER_MIB})`,
      from: "CLIENT_LIMITS; MAX_ANSWER_MIB",
    },
    { text: `\`ceil(N / ${points})\``, from: "MAX_POINTS_PER_SERIES" },
    {
      text: `one request covers ${daysPerRequest(intervals[0])} days at a ${intervals[0]} s interval, ${intervals
        .slice(1)
        .map((i) => `${daysPerRequest(i)} days at ${i} s`)
        .join(", ")}`,
      from: "MAX_POINTS_PER_SERIES; the example stack's group intervals",
    },
    { text: `\`ceil(N_rec / ${points})\``, from: "MAX_POINTS_PER_SERIES" },
    { text: `(${slowBurnLookback} for the slow burn)`, from: "lookbackSeconds of the slow burn's query" },
    { text: `\`ceil((window + lookback) / ${RAW_CHUNK_SECONDS / 3600}h)\``, from: "RAW_CHUNK_SECONDS" },
    { text: `from the end of each fixture's warm-up (${WARM_UP_SECONDS / 60} minutes in)`, from: "WARM_UP_SECONDS" },
    {
      text: "a real Prometheus 2.42",
      from: "the Prometheus the test setup runs (test/support/prometheus.ts)",
      holds: () => expect(execFileSync(PROMETHEUS, ["--version"], { encoding: "utf8" })).toMatch(/^prometheus, version 2\.42\./),
    },
  ],
};
