import { describe, expect, it } from "vitest";
import { backtestArgs, parseTime } from "../../src/cli/backtest";
import { runBacktest, windowProblem } from "../../src/backtest";
import { EXAMPLE_STACK_FILE } from "../../src/config/paths";

/** The backtest's window: calendar days only, and bounded unless raised with --max-window. */

const NOW = Date.parse("2026-12-04T12:00:00Z");
const DAYS: Array<[string, string]> = [
  ["February 30 is refused rather than rolled over to March", "2026-02-30"],
  ["February 29 of a common year is refused", "2025-02-29"],
  ["April 31 is refused", "2026-04-31T00:00:00Z"],
  ["month 13 is refused", "2026-13-01"],
  ["month 00 is refused", "2026-00-10"],
  ["day 00 is refused", "2026-01-00"],
  ["day 32 is refused", "2026-01-32"],
];

describe("--from and --to", () => {
  it.each(DAYS)("%s", (_, text) => {
    expect(() => parseTime(text, "--from", NOW)).toThrow(/--from: .* is not a day of the calendar/);
  });

  it("February 29 of a leap year is a day", () => {
    expect(parseTime("2028-02-29T00:00:00Z", "--from", NOW)).toBe(Date.parse("2028-02-29T00:00:00Z") / 1000);
  });

  it("now-520w is refused naming the limit and the flag that raises it", () => {
    const args = backtestArgs(["--from", "now-520w", "--to", "now"], NOW);
    expect(windowProblem({ from: args.from, to: args.to })).toMatch(
      /^--from\/--to: the window is 3640d, longer than the limit of 31d .*raise the limit with --max-window 3640d$/,
    );
  });

  it("a window within --max-window is fine", () => {
    expect(windowProblem({ from: 0, to: 90 * 86400 }, "90d")).toBeUndefined();
    expect(windowProblem({ from: 0, to: 31 * 86400 })).toBeUndefined();
  });

  it("--max-window must be a duration", () => {
    expect(windowProblem({ from: 0, to: 60 }, "lots")).toMatch(/^--max-window: expected a duration/);
    expect(backtestArgs(["--from", "now-90d", "--to", "now", "--max-window", "90d"], NOW).maxWindow).toBe("90d");
  });

  it("runBacktest refuses the window before it reads the stack or sends a request", async () => {
    await expect(runBacktest({ window: { from: 0, to: 520 * 7 * 86400 }, stackFile: EXAMPLE_STACK_FILE, format: "text" })).rejects.toThrow(
      /--from\/--to: the window is/,
    );
  });
});
