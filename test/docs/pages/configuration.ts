import { expect } from "vitest";
import { LOKI_MAX_QUERY_LENGTH_SECONDS } from "../../../src/backtest/range-query";
import { MAX_WINDOW } from "../../../src/config/values";
import { MAX_STACK_FILE_BYTES } from "../../../src/config/stack-file";
import type { PageFigures } from "../figures";
import { accepted, limit } from "../sources";

const longer = (days: string) => `${Number(days.replace("d", "")) + 1}d`;

export const configurationPage: PageFigures = {
  page: "docs/configuration.md",
  stated: [
    {
      text: `a window or pending period longer than \`${MAX_WINDOW}\` | a zero window covers no samples; Loki's default \`max_query_length\` is ${LOKI_MAX_QUERY_LENGTH_SECONDS / 3600}h`,
      from: "MAX_WINDOW; LOKI_MAX_QUERY_LENGTH_SECONDS",
      holds: () => {
        limit("thresholds", "order5xx.window", MAX_WINDOW, longer(MAX_WINDOW))();
        expect(accepted("thresholds", "order5xx.window", "0s")).toBe(false);
      },
    },
    {
      text: "a rule group interval that is not a multiple of 10 seconds",
      from: "the schema (alerting.evaluationIntervalSeconds)",
      holds: limit("alerting", "evaluationIntervalSeconds", 20, 15),
    },
    {
      text: "a folder title over 189 characters; label values over 2048 and label names over 1024 characters",
      from: "the schema",
      holds: () => {
        limit("folder", "title", "t".repeat(189), "t".repeat(190))();
        limit("alerting", "team", "t".repeat(2048), "t".repeat(2049))();
        limit("telemetry", "metricSourceLabel", "l".repeat(1024), "l".repeat(1025))();
      },
    },
    {
      text: "a `syntheticMonitoring.job` over 128 characters",
      from: "the schema",
      holds: limit("syntheticMonitoring", "job", "j".repeat(128), "j".repeat(129)),
    },
    {
      text: "`cpu`/`memory.percent` outside 0-100 (exclusive), `factoryLatency.milliseconds` of 0, `minFailures` below 1 or above 10000",
      from: "the schema",
      holds: () => {
        limit("thresholds", "cpu.percent", 99.9, 100)();
        limit("thresholds", "memory.percent", 0.1, 0)();
        limit("thresholds", "factoryLatency.milliseconds", 1, 0)();
        limit("thresholds", "orderFailures.minFailures", 1, 0)();
        limit("thresholds", "orderFailures.minFailures", 10000, 10001)();
      },
    },
    { text: `A stack file is a regular file of at most ${MAX_STACK_FILE_BYTES / 1024 / 1024} MiB`, from: "MAX_STACK_FILE_BYTES" },
  ],
};
