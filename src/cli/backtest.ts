import "./load-errors";
import { defineCommand, parseCommandLine, processIO, runAsProcess, runCommand, UsageError, type CliIO, EXIT_CODES } from "./args";
import { EXAMPLE_STACK_FILE } from "../config/paths";
import { durationSeconds } from "../config/durations";
import { runBacktest } from "../backtest";
import type { Format } from "../backtest/report";
import { CLIENT_LIMITS, type ClientOptions } from "../backtest/http";

/** Bounds of the datasource client's limits a user may raise: a typo must not wait for hours or buffer gigabytes. */
export const MAX_REQUEST_TIMEOUT = "10m";
export const MAX_ANSWER_MIB = 1024;

/**
 * `npm run backtest -- --from <time> --to <time> [--ref <git-ref>] [--stack-file F] [--format text|markdown]`:
 * what the alert catalogue would have done over a window of the stack's real history, evaluated
 * by its Loki and Prometheus through its Grafana; with --ref, the catalogue at that ref beside it.
 */

const TIME = "ISO 8601 (2026-11-16T00:00:00Z), Unix seconds, `now` or `now-<duration>` (now-7d, now-12h)";

export const BACKTEST = defineCommand({
  usage:
    "usage: npm run backtest -- --from <time> --to <time> [--ref <git-ref>] [--stack-file Pulumi.<stack>.yaml] [--format text|markdown] [--keep DIR] [--max-window 31d]\n" +
    `  <time>: ${TIME}; --to: the window's end (after --from); --keep DIR: keep the promtool files in DIR`,
  about:
    "What the alert catalogue would have done over a window of the stack's real history, evaluated by its Loki and\n" +
    "Prometheus through its Grafana (grafana:auth from the stack file or GRAFANA_AUTH); with --ref, the catalogue at that\n" +
    "git ref beside it.",
  exitCodes: { ...EXIT_CODES, 0: "the report was printed", 1: "the backtest could not run (a datasource failed or refused)" },
  options: {
    from: {
      type: "string",
      argument: "TIME",
      explanation: `The window's start: ${TIME}.`,
      example: "npm run backtest -- --from now-7d --to now",
    },
    to: {
      type: "string",
      argument: "TIME",
      explanation: "The window's end, after --from (same forms as --from).",
      example: "npm run backtest -- --from 2026-11-16T00:00:00Z --to 2026-11-17T00:00:00Z",
    },
    ref: {
      type: "string",
      argument: "GIT-REF",
      explanation: "Also backtest the definitions at this git ref, with the same stack file, side by side.",
      example: "npm run backtest -- --from now-7d --to now --ref origin/main",
    },
    "stack-file": {
      type: "string",
      default: EXAMPLE_STACK_FILE,
      shownDefault: "Pulumi.example.yaml",
      argument: "FILE",
      explanation: "The Pulumi stack file: its Grafana, datasources and config.",
      example: "npm run backtest -- --from now-1d --to now --stack-file Pulumi.staging.example.yaml",
    },
    format: {
      type: "string",
      default: "text",
      argument: "text|markdown",
      explanation: "The report's format.",
      example: "npm run backtest -- --from now-1d --to now --format markdown",
    },
    keep: {
      type: "string",
      argument: "DIR",
      explanation: "Keep the promtool rule and test files in DIR (otherwise a temporary folder is removed).",
      example: "npm run backtest -- --from now-1d --to now --keep /tmp/backtest",
    },
    "request-timeout": {
      type: "string",
      argument: "DURATION",
      explanation: `How long one datasource request may take, answer included (${CLIENT_LIMITS.timeoutMs / 1000}s by default, at most ${MAX_REQUEST_TIMEOUT}).`,
      example: "npm run backtest -- --from now-7d --to now --request-timeout 2m",
    },
    "max-answer-mib": {
      type: "string",
      argument: "MIB",
      explanation: `The largest datasource answer read, in MiB (${CLIENT_LIMITS.maxAnswerBytes / 1024 / 1024} by default, at most ${MAX_ANSWER_MIB}); a larger one is refused before it is buffered.`,
      example: "npm run backtest -- --from now-7d --to now --max-answer-mib 256",
    },
    "max-window": {
      type: "string",
      argument: "DURATION",
      explanation:
        "Raise the bound on the window's length (31d by default), which keeps a mistyped --from from planning thousands of requests.",
      example: "npm run backtest -- --from now-90d --to now --max-window 90d",
    },
  },
});

/** A time on the command line, as Unix seconds (whole seconds). */
export function parseTime(text: string, flag: string, now = Date.now()): number {
  const relative = /^now(?:-((?:[0-9]+(?:s|m|h|d|w))+))?$/.exec(text);
  if (relative) return Math.floor(now / 1000) - (relative[1] ? durationSeconds(relative[1]) : 0);
  if (/^[0-9]{9,11}$/.test(text)) return Number(text);
  const date = /^([0-9]{4})-([0-9]{2})-([0-9]{2})/.exec(text);
  // Date.parse rolls 2026-02-30 over to March 2: a day the month does not have is refused.
  if (
    date &&
    (Number(date[2]) < 1 ||
      Number(date[2]) > 12 ||
      Number(date[3]) < 1 ||
      Number(date[3]) > new Date(Date.UTC(Number(date[1]), Number(date[2]), 0)).getUTCDate())
  ) {
    throw new UsageError(`${flag}: ${date[0]} is not a day of the calendar`, BACKTEST.usage);
  }
  const ms = date ? Date.parse(text) : NaN;
  if (Number.isNaN(ms)) throw new UsageError(`${flag}: cannot read "${text}" as a time`, BACKTEST.usage);
  return Math.floor(ms / 1000);
}

export interface BacktestArgs {
  from: number;
  to: number;
  ref?: string;
  stackFile: string;
  format: Format;
  keep?: string;
  maxWindow?: string;
  client: Pick<ClientOptions, "timeoutMs" | "maxAnswerBytes">;
}

/** The datasource client's limits from --request-timeout and --max-answer-mib, each bounded. */
function clientLimits(timeout: string | undefined, answerMib: string | undefined): BacktestArgs["client"] {
  const limits: BacktestArgs["client"] = {};
  if (timeout !== undefined) {
    let seconds: number;
    try {
      seconds = durationSeconds(timeout);
    } catch {
      throw new UsageError(`--request-timeout: cannot read "${timeout}" as a duration (30s, 2m)`, BACKTEST.usage);
    }
    if (seconds < 1 || seconds > durationSeconds(MAX_REQUEST_TIMEOUT))
      throw new UsageError(`--request-timeout: expected 1s to ${MAX_REQUEST_TIMEOUT}, got ${timeout}`, BACKTEST.usage);
    limits.timeoutMs = seconds * 1000;
  }
  if (answerMib !== undefined) {
    const mib = /^[0-9]{1,5}$/.test(answerMib) ? Number(answerMib) : NaN;
    if (!(mib >= 1 && mib <= MAX_ANSWER_MIB))
      throw new UsageError(`--max-answer-mib: expected a whole number from 1 to ${MAX_ANSWER_MIB}, got "${answerMib}"`, BACKTEST.usage);
    limits.maxAnswerBytes = mib * 1024 * 1024;
  }
  return limits;
}

export function backtestArgs(argv: string[], now = Date.now()): BacktestArgs {
  const { values } = parseCommandLine(argv, BACKTEST);
  if (!values.from) throw new UsageError("--from is required", BACKTEST.usage);
  if (!values.to) throw new UsageError("--to is required", BACKTEST.usage);
  if (values.format !== "text" && values.format !== "markdown")
    throw new UsageError(`--format: expected text or markdown, got "${values.format}"`, BACKTEST.usage);
  const from = parseTime(values.from, "--from", now);
  const to = parseTime(values.to, "--to", now);
  // History ends now: a window in the future has no data to evaluate, only requests to make.
  for (const [flag, time, text] of [
    ["--from", from, values.from],
    ["--to", to, values.to],
  ] as const) {
    if (time > Math.floor(now / 1000))
      throw new UsageError(
        `${flag}: ${text} is in the future; a backtest reads history, up to now (use now or now-<duration>)`,
        BACKTEST.usage,
      );
  }
  if (to <= from) throw new UsageError("--to must be after --from", BACKTEST.usage);
  return {
    from,
    to,
    ref: values.ref,
    stackFile: values["stack-file"],
    format: values.format,
    keep: values.keep,
    ...(values["max-window"] ? { maxWindow: values["max-window"] } : {}),
    client: clientLimits(values["request-timeout"], values["max-answer-mib"]),
  };
}

/** `npm run backtest`: the exit code (0 the report was printed, 1 a failure, 2 a bad command line). */
export function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  return runCommand(
    "backtest",
    async () => {
      const args = backtestArgs(argv);
      const result = await runBacktest({
        window: { from: args.from, to: args.to },
        stackFile: args.stackFile,
        ref: args.ref,
        format: args.format,
        keep: args.keep,
        maxWindow: args.maxWindow,
        client: args.client,
        env: io.env,
      });
      io.stdout(result.report);
    },
    io,
  );
}

if (require.main === module) runAsProcess(main);
