import { describe, expect, it } from "vitest";
import { formatDuration, formatOffset } from "../../src/config/durations";
import { labelSetKey } from "../../src/model/labels";
import { quote, renderTable } from "../../src/model/text";

describe("labelSetKey (the one key of a label set)", () => {
  it("is the same whatever order the labels were added in, and differs for another set", () => {
    expect(labelSetKey({ job: "api", instance: "a", Zone: "x" })).toBe(labelSetKey({ Zone: "x", instance: "a", job: "api" }));
    expect(labelSetKey({ job: "api" })).not.toBe(labelSetKey({ job: "api", instance: "a" }));
    expect(labelSetKey({ a: "b,c" })).not.toBe(labelSetKey({ "a,b": "c" }));
  });

  it("orders names by code unit, as Prometheus does (upper case before lower case)", () => {
    expect(labelSetKey({ b: "1", B: "2", a_b: "3", a: "4" })).toBe('[["B","2"],["a","4"],["a_b","3"],["b","1"]]');
  });
});

describe("small text helpers", () => {
  it("renderTable: aligned text columns two spaces apart (indented), or markdown with | escaped", () => {
    expect(
      renderTable(
        "text",
        ["alert", "n"],
        [
          ["a|b", "10"],
          ["long-name", "2"],
        ],
        "  ",
      ),
    ).toEqual(["  alert      n", "  a|b        10", "  long-name  2"]);
    expect(renderTable("markdown", ["alert", "n"], [["a|b", "10"]])).toEqual(["| alert | n |", "|---|---|", "| a\\|b | 10 |"]);
  });

  it("quote: a PromQL/LogQL string literal", () => {
    expect(quote('say "hi"\\')).toBe('"say \\"hi\\"\\\\"');
  });

  it("formatOffset: a time into a run as +duration; formatDuration rounds fractions and never prints a negative", () => {
    expect(formatOffset(1220)).toBe("+20m20s");
    expect(formatOffset(0)).toBe("+0s");
    expect(formatDuration(89.6)).toBe("1m30s");
    expect(formatDuration(-5)).toBe("0s");
  });
});
