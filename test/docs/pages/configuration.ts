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
  notFigures: [
    { text: "`[a-zA-Z_][a-zA-Z0-9_]*`", why: "the label name grammar" },
    { text: "(`1h30m`; not `30s1m`, `1m1m`, `1.5h`, `5 m`, `5M`), or beyond Go's 292 years", why: "examples; Go's time.Duration limit" },
    { text: "of `0`;", why: "a zero window, the example of the rule" },
    { text: "a burn `factor` of 0 or less", why: "the rule's bound, zero" },
    { text: "Pending periods may be `0s`", why: "the zero pending period, named" },
    {
      text: "with `factor x (100 - objectivePercent)% >= 100%` (`slo.fastBurn.factor: 2000` at 99.9 %) | the burn rate is the error ratio over the budget, at most 1 / budget",
      why: "the rule's formula, with an example",
    },
    { text: "`thresholds.availability.successRatio: 0`", why: "an example of a refused value" },
    { text: '(`"0x3c"`, `" 60 "`, `"6e1"`, `"+30"`, `"1_000"`)', why: "examples of refused values" },
    { text: "stores `99.5` as text", why: "an example value" },
    { text: "(`1ms`, `1500ms`)", why: "examples of refused values" },
    { text: "`-100`", why: "a uid Grafana reserves" },
    { text: "times `00:00`-`24:00`, months `1:12`, days `1:31` or `-31:-1`", why: "examples of refused values" },
    { text: "(`years: [2027]`, `1970:9999`,", why: "examples of refused values" },
    { text: "(`evaluationIntervalSeconds: 3600` while `pizza-order-5xx` reads 2m)", why: "an example of a refused value" },
    { text: "would see 2 minutes of every hour", why: "the example's consequence" },
    {
      text: "`010` is 8 and `0o17` 15",
      why: "YAML examples: test/config/pulumi-stack-reader.test.ts holds the reader to Pulumi's recorded answers",
    },
    { text: "`2024-01-02 00:00:00 +0000 UTC`", why: "an example value" },
    { text: "(`010` as `8`)", why: "a YAML example" },
    { text: "(`1` and `01`,", why: "examples of two spellings of one key" },
    { text: "Invalid input exits 2", why: "an exit code of the one CLI contract (src/cli/args.ts)" },
    { text: '(`"14:00"`)', why: "an example value" },
    { text: "YAML 1.1", why: "a specification's version" },
  ],
};
