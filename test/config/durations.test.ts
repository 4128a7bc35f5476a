import { describe, expect, it } from "vitest";
import { durationSeconds, formatDuration, parseDuration } from "../../src/config/durations";

// Cases from prometheus/common model/time_test.go (TestParseDuration) and the grammar of
// model.ParseDuration: units y w d h m s ms, largest first, each at most once; "0" alone is zero.
describe("parseDuration (Prometheus' model.ParseDuration grammar)", () => {
  it.each([
    ["0", 0],
    ["0s", 0],
    ["0w", 0],
    ["324ms", 324],
    ["3s", 3000],
    ["5m", 300_000],
    ["1h", 3_600_000],
    ["4d", 4 * 86_400_000],
    ["4d1h", 4 * 86_400_000 + 3_600_000],
    ["14d", 14 * 86_400_000],
    ["3w", 21 * 86_400_000],
    ["3w2d1h", 23 * 86_400_000 + 3_600_000],
    ["10y", 3650 * 86_400_000],
    ["1h30m", 5_400_000],
    ["1y1w1d1h1m1s1ms", 32_230_861_001],
  ])("reads %s as %d ms", (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, milliseconds: ms });
  });

  it.each(["", "30s1m", "1m1m", "1s2h", "ms", "5", "1.5h", "-1m", " 5m", "5m ", "5M", "1x", "5m3", "99999999999999999999w", "300y"])(
    "rejects %j",
    (text) => {
      expect(parseDuration(text).ok).toBe(false);
    },
  );

  it("names the rule that was broken", () => {
    expect(parseDuration("30s1m")).toMatchObject({ problem: expect.stringContaining("largest first") });
    expect(parseDuration("99999999999999999999w")).toMatchObject({ problem: expect.stringContaining("out of range") });
  });

  it("accepts the largest duration Go can hold and no more", () => {
    expect(parseDuration("292y").ok).toBe(true);
    expect(parseDuration("293y").ok).toBe(false);
  });

  it("durationSeconds refuses text outside the grammar instead of reading part of it", () => {
    expect(durationSeconds("1h30m")).toBe(5400);
    expect(() => durationSeconds("30s1m")).toThrow(/invalid duration "30s1m"/);
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0s"],
    [45, "45s"],
    [90, "1m30s"],
    [5400, "1h30m"],
    [86400 + 61, "1d1m1s"],
  ])("writes %d s as %s, which reads back as the same seconds", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
    expect(durationSeconds(text)).toBe(seconds);
  });
});
