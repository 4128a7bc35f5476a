import { parseCommandLine, runCli, UsageError } from "./args";
import { EXAMPLE_STACK_FILE } from "../config/paths";
import { durationSeconds } from "../config/durations";
import { runBacktest } from "../backtest";
import type { Format } from "../backtest/report";

/**
 * `npm run backtest -- --from <time> --to <time> [--ref <git-ref>] [--stack-file F] [--format text|markdown]`:
 * what the alert catalogue would have done over a window of the stack's real history, evaluated
 * by its Loki and Prometheus through its Grafana; with --ref, the catalogue at that ref beside it.
 */

const USAGE =
  "usage: npm run backtest -- --from <time> --to <time> [--ref <git-ref>] [--stack-file Pulumi.<stack>.yaml] [--format text|markdown] [--keep DIR] [--max-window 31d]\n" +
  "  <time>: ISO 8601 (2026-11-16T00:00:00Z), Unix seconds, `now` or `now-<duration>` (now-7d, now-12h)";

/** A time on the command line, as Unix seconds (whole seconds). */
export function parseTime(text: string, flag: string, now = Date.now()): number {
  const relative = /^now(?:-((?:[0-9]+(?:s|m|h|d|w))+))?$/.exec(text);
  if (relative) return Math.floor(now / 1000) - (relative[1] ? durationSeconds(relative[1]) : 0);
  if (/^[0-9]{9,11}$/.test(text)) return Number(text);
  const date = /^([0-9]{4})-([0-9]{2})-([0-9]{2})/.exec(text);
  // Date.parse rolls 2026-02-30 over to March 2: a day the month does not have is refused.
  if (date && (Number(date[2]) < 1 || Number(date[2]) > 12 || Number(date[3]) < 1 || Number(date[3]) > new Date(Date.UTC(Number(date[1]), Number(date[2]), 0)).getUTCDate())) {
    throw new UsageError(`${flag}: ${date[0]} is not a day of the calendar`, USAGE);
  }
  const ms = date ? Date.parse(text) : NaN;
  if (Number.isNaN(ms)) throw new UsageError(`${flag}: cannot read "${text}" as a time`, USAGE);
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
}

export function backtestArgs(argv: string[], now = Date.now()): BacktestArgs {
  const { values } = parseCommandLine(argv, {
    usage: USAGE,
    options: {
      from: { type: "string" },
      to: { type: "string" },
      ref: { type: "string" },
      "stack-file": { type: "string", default: EXAMPLE_STACK_FILE },
      format: { type: "string", default: "text" },
      keep: { type: "string" },
      "max-window": { type: "string" },
    },
  });
  if (!values.from) throw new UsageError("--from is required", USAGE);
  if (!values.to) throw new UsageError("--to is required", USAGE);
  if (values.format !== "text" && values.format !== "markdown") throw new UsageError(`--format: expected text or markdown, got "${values.format}"`, USAGE);
  const from = parseTime(values.from, "--from", now);
  const to = parseTime(values.to, "--to", now);
  if (to <= from) throw new UsageError("--to must be after --from", USAGE);
  return { from, to, ref: values.ref, stackFile: values["stack-file"], format: values.format, keep: values.keep, ...(values["max-window"] ? { maxWindow: values["max-window"] } : {}) };
}

export async function main(argv: string[]): Promise<void> {
  const args = backtestArgs(argv);
  const result = await runBacktest({ window: { from: args.from, to: args.to }, stackFile: args.stackFile, ref: args.ref, format: args.format, keep: args.keep, maxWindow: args.maxWindow });
  process.stdout.write(result.report);
}

if (require.main === module) runCli("backtest", main);
