import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/args";
import { backtestArgs, main, parseTime } from "../../src/cli/backtest";
import { runMain } from "../support/cli";

const NOW = Date.parse("2026-11-23T12:00:00Z");

describe("backtest command line", () => {
  it("reads ISO times, Unix seconds and now-<duration>", () => {
    expect(parseTime("2026-11-16T00:00:00Z", "--from")).toBe(Date.parse("2026-11-16T00:00:00Z") / 1000);
    expect(parseTime("1790000000", "--from")).toBe(1_790_000_000);
    expect(parseTime("now-7d", "--from", NOW)).toBe(NOW / 1000 - 7 * 86400);
    expect(parseTime("now", "--to", NOW)).toBe(NOW / 1000);
    const args = backtestArgs(["--from", "now-1d", "--to", "now", "--ref", "origin/main", "--format", "markdown"], NOW);
    expect(args).toMatchObject({ from: NOW / 1000 - 86400, to: NOW / 1000, ref: "origin/main", format: "markdown" });
    expect(args.stackFile).toMatch(/Pulumi\.example\.yaml$/);
    expect(args.client).toEqual({});
    expect(backtestArgs(["--from", "now-1d", "--to", "now", "--request-timeout", "2m", "--max-answer-mib", "256"], NOW).client).toEqual({
      timeoutMs: 120_000,
      maxAnswerBytes: 256 * 1024 * 1024,
    });
  });

  it.each([
    [["--to", "now"], "--from is required"],
    [["--from", "now-1d"], "--to is required"],
    [["--from", "yesterday", "--to", "now"], '--from: cannot read "yesterday"'],
    [["--from", "now", "--to", "now-1h"], "--to must be after --from"],
    [["--from", "now-1d", "--to", "now", "--format", "html"], '--format: expected text or markdown, got "html"'],
    [["--from", "now-1d", "--to", "now", "--form", "x"], "--form"],
    [["--from", "now-1d", "--to", "now", "--request-timeout", "soon"], '--request-timeout: cannot read "soon" as a duration'],
    [["--from", "now-1d", "--to", "now", "--request-timeout", "2h"], "--request-timeout: expected 1s to 10m, got 2h"],
    [["--from", "now-1d", "--to", "now", "--max-answer-mib", "0"], '--max-answer-mib: expected a whole number from 1 to 1024, got "0"'],
    [["--from", "now-1d", "--to", "now", "--max-answer-mib", "1e9"], '--max-answer-mib: expected a whole number from 1 to 1024, got "1e9"'],
  ])("refuses %j naming the problem", (argv, message) => {
    expect(() => backtestArgs(argv, NOW)).toThrow(UsageError);
    expect(() => backtestArgs(argv, NOW)).toThrow(message);
  });

  it("exits 2 on a usage error and 1 when grafana:auth cannot be read, naming the key", async () => {
    const usage = await runMain(main, ["--to", "now"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--from is required");
    const env = { ...process.env };
    delete env.GRAFANA_AUTH;
    const noAuth = await runMain(main, ["--from", "now-1h", "--to", "now"], { env });
    expect(noAuth.code).toBe(1);
    expect(noAuth.stderr).toMatch(/grafana:auth is not set in .*Pulumi\.example\.yaml/);
  });
});
