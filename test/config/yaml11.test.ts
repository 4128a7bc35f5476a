import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/schema";
import { parseStack, readStack } from "../../src/config/stack-file";
import { readYaml11, resolvePlain } from "../../src/config/yaml11";
import { EXAMPLE_STACK_FILE } from "../../src/config/paths";
import { readFileSync } from "node:fs";

/**
 * YAML 1.1 as Pulumi's Go reader yields it. Pulumi decodes stack files with gopkg.in/yaml.v2
 * (pulumi/pulumi sdk/go/common/encoding/marshal.go) into interface{}; the expected values are
 * written from yaml.v2's resolve.go (resolveMapList, yamlStyleFloat, strconv.ParseInt(plain, 0, 64)
 * after removing "_", timestamps kept as text in interface{} by decode.go) and its decode_test.go
 * ({"v: 0b10", 2}, {"v: 0x0A", 10}, {"v: 0777", 0777 = 511}, {"v: 1e3"...}, {"a: yes", true}, the merge
 * examples "Step backwards as earlier nodes take precedence"), then pulumi's config/value.go
 * (map keys via fmt.Sprintf("%v"), top-level scalars decoded into a Go string).
 */
const PLAIN: Array<[string, string, unknown]> = [
  ["a leading zero is octal", "010", 8],
  ["0777 is octal 511", "0777", 511],
  ["0o17 is read by Go's ParseInt base 0", "0o17", 15],
  ["0O17 in capitals too", "0O17", 15],
  ["0x0A is hexadecimal", "0x0A", 10],
  ["0XFF in capitals", "0XFF", 255],
  ["0b10 is binary", "0b10", 2],
  ["-0b11 is negative binary", "-0b11", -3],
  ["underscores are dropped in ints", "1_000", 1000],
  ["underscores are dropped after a prefix", "0x_3c", 60],
  ["a plus sign is read", "+12", 12],
  ["09 is not octal but a float", "09", 9],
  ["1e3 is a float (yamlStyleFloat)", "1e3", 1000],
  ["6e1 is a float", "6e1", 60],
  ["1. is a float", "1.", 1],
  [".5 is a float", ".5", 0.5],
  ["-.5 is a float", "-.5", -0.5],
  ["a float out of range stays text (ParseFloat fails)", "1e400", "1e400"],
  ["a hex int beyond uint64 stays text", "0xFFFFFFFFFFFFFFFFFF", "0xFFFFFFFFFFFFFFFFFF"],
  ["y is true", "y", true],
  ["Y is true", "Y", true],
  ["yes is true", "yes", true],
  ["Yes is true", "Yes", true],
  ["YES is true", "YES", true],
  ["on is true", "on", true],
  ["On is true", "On", true],
  ["ON is true", "ON", true],
  ["True is true", "True", true],
  ["n is false", "n", false],
  ["no is false", "no", false],
  ["NO is false", "NO", false],
  ["off is false", "off", false],
  ["Off is false", "Off", false],
  ["FALSE is false", "FALSE", false],
  ["yEs is text (not in the table)", "yEs", "yEs"],
  ["tRue is text", "tRue", "tRue"],
  ["~ is null", "~", null],
  ["Null is null", "Null", null],
  ["nULL is text", "nULL", "nULL"],
  [".inf is infinity", ".inf", Number.POSITIVE_INFINITY],
  ["-.Inf is minus infinity", "-.Inf", Number.NEGATIVE_INFINITY],
  [".NaN is NaN", ".NaN", Number.NaN],
  ["14:00 is text (base 60 is unsupported on purpose)", "14:00", "14:00"],
  ["1:30:00 is text", "1:30:00", "1:30:00"],
  ["a date is kept as text in interface{}", "2024-01-02", "2024-01-02"],
  ["a timestamp is kept as text", "2001-12-14t21:59:43.10-05:00", "2001-12-14t21:59:43.10-05:00"],
  [". alone is text", ".", "."],
  ["e5 is text", "e5", "e5"],
  ["+ alone is text", "+", "+"],
  ["a version number is text", "1.2.3", "1.2.3"],
  ["0x with no digits is text", "0x", "0x"],
  ["a number with spaces inside is text", "1 000", "1 000"],
];

describe("plain scalars as yaml.v2 resolves them", () => {
  it.each(PLAIN)("%s", (_, text, expected) => {
    expect(resolvePlain(text)).toEqual(expected);
    expect(readYaml11(`v: ${text}`)).toEqual({ v: expected });
  });
});

const DOCUMENTS: Array<[string, string, unknown]> = [
  ["a quoted 010 is text", 'v: "010"', { v: "010" }],
  ["a single-quoted yes is text", "v: 'yes'", { v: "yes" }],
  ["!!str keeps the text", "v: !!str 010", { v: "010" }],
  ["!!int resolves the text", 'v: !!int "010"', { v: 8 }],
  ["!!float accepts an int", "v: !!float 3", { v: 3 }],
  ["!!bool reads yes", "v: !!bool yes", { v: true }],
  ["!!binary is decoded into text", "v: !!binary aGVsbG8=", { v: "hello" }],
  ["a local tag leaves the text", "v: !pizza 010", { v: "010" }],
  ["!!timestamp keeps the text", "v: !!timestamp 2024-01-02", { v: "2024-01-02" }],
  ["a block scalar is text", "v: |\n  010\n", { v: "010\n" }],
  ["a key yes becomes the text true", "yes: 1", { true: 1 }],
  ["a key 010 becomes the text 8", "010: 1", { "8": 1 }],
  ["a null key becomes <nil>", "~: 1", { "<nil>": 1 }],
  ["a merge key merges the anchored map", "b: &b {k: 1, j: 2}\nx:\n  <<: *b\n  m: 3", { b: { k: 1, j: 2 }, x: { k: 1, j: 2, m: 3 } }],
  ["a key after the merge wins", "b: &b {k: 1}\nx:\n  <<: *b\n  k: 2", { b: { k: 1 }, x: { k: 2 } }],
  ["a merge after a key replaces it (yaml.v2 applies pairs in order)", "b: &b {k: 1}\nx:\n  k: 2\n  <<: *b", { b: { k: 1 }, x: { k: 1 } }],
  ["in a merge list the first map wins", "x:\n  <<: [{k: 1}, {k: 2, j: 3}]", { x: { k: 1, j: 3 } }],
  ["a duplicate key: the last wins", "v: 1\nv: 2", { v: 2 }],
  ["an alias to a scalar", "a: &a 010\nb: *a", { a: 8, b: 8 }],
  ["an empty value is null", "v:", { v: null }],
];

describe("documents as yaml.v2 decodes them into interface{}", () => {
  it.each(DOCUMENTS)("%s", (_, text, expected) => {
    expect(readYaml11(text)).toEqual(expected);
  });
});

const REFUSED: Array<[string, string, RegExp]> = [
  ["!!int on text is refused", "v: !!int abc", /cannot decode a !!str as a !!int/],
  ["!!bool on a number is refused", "v: !!bool 1", /cannot decode a !!int as a !!bool/],
  ["a merge of a scalar is refused", "x:\n  <<: 1", /map merge requires map/],
  ["an alias before its anchor is refused", "v: *nope", /anchor/],
  ["an unclosed flow list is refused", "v: [1,", /invalid YAML/],
  [
    "a billion laughs of aliases is refused",
    [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(", ")}]`,
      ),
    ].join("\n"),
    /excessive aliasing/,
  ],
];

describe("YAML the Go reader refuses", () => {
  it.each(REFUSED)("%s", (_, text, reason) => {
    expect(() => readYaml11(text)).toThrow(reason);
  });
});

const P = "pizza-observability";
function example(): string {
  return readFileSync(EXAMPLE_STACK_FILE, "utf8");
}

describe("stack files read as `pulumi up` reads them", () => {
  it("timeoutSeconds: 010 is 8 seconds, as deployed", () => {
    const text = example().replace(
      "  pizza-observability:syntheticMonitoring:\n",
      "  pizza-observability:syntheticMonitoring:\n    timeoutSeconds: 010\n",
    );
    expect(text).toContain("timeoutSeconds: 010");
    const cfg = parseConfig(parseStack(text, "Pulumi.x.yaml").config);
    expect(cfg.syntheticMonitoring.timeoutSeconds).toBe(8);
  });

  it("team: yes is the boolean true, refused naming the key (as pulumi up would)", () => {
    const text = example().replace("  pizza-observability:alerting:\n", "  pizza-observability:alerting:\n    team: yes\n");
    expect(text).toContain("team: yes");
    expect(() => parseConfig(parseStack(text, "Pulumi.x.yaml").config)).toThrow(new RegExp(`${P}:alerting\\.team: .*\\(got true\\)`));
  });

  it("a merge key is applied, not refused as an unknown key", () => {
    const text = example()
      .replace(/ +(frequencySeconds|timeoutSeconds): .*\n/g, "")
      .replace(/config:\n/, "defaults: &sm\n  frequencySeconds: 30\n  timeoutSeconds: 5\nconfig:\n")
      .replace(/(syntheticMonitoring:\n)/, "$1    <<: *sm\n");
    const cfg = parseConfig(parseStack(text, "Pulumi.x.yaml").config);
    expect([cfg.syntheticMonitoring.frequencySeconds, cfg.syntheticMonitoring.timeoutSeconds]).toEqual([30, 5]);
  });

  it("a top-level scalar keeps its text, as Pulumi decodes it into a string", () => {
    const { config } = parseStack("config:\n  grafana:url: yes\n  pizza-observability:x: 010\n", "s.yaml");
    expect(config).toEqual({ "grafana:url": "yes", "pizza-observability:x": "010" });
  });

  it("a YAML error names the file, line and column and never quotes the line", () => {
    const text = "config:\n  grafana:url: https://bot:S3CRET@grafana.example.net\n   bad: [\n";
    let message = "";
    try {
      parseStack(text, "Pulumi.x.yaml");
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/Pulumi\.x\.yaml: line \d+, column \d+: invalid YAML/);
    expect(message).not.toContain("S3CRET");
    expect(message).not.toContain("grafana.example.net");
    expect(message.split("\n")).toHaveLength(2);
  });

  it("an infinity inside an object is refused naming the key (Pulumi cannot JSON-encode it)", () => {
    expect(() => parseStack("config:\n  pizza-observability:slo:\n    minFailures: .inf\n", "s.yaml")).toThrow(
      /pizza-observability:slo\.minFailures: NaN or an infinity/,
    );
  });

  it("a named pipe as the stack file is refused, not read", () => {
    const dir = mkdtempSync(join(tmpdir(), "fifo-"));
    const fifo = join(dir, "Pulumi.fifo.yaml");
    require("node:child_process").execFileSync("mkfifo", [fifo]);
    expect(() => readStack(fifo)).toThrow(/Pulumi\.fifo\.yaml: is not a regular file/);
  });

  it("a stack file over 1 MiB is refused naming the limit", () => {
    const dir = mkdtempSync(join(tmpdir(), "big-"));
    const file = join(dir, "Pulumi.big.yaml");
    writeFileSync(file, `config: {}\n#${"x".repeat(1024 * 1024)}\n`);
    expect(() => readStack(file)).toThrow(/read up to 1048576 bytes/);
  });

  it("a folder as the stack file is refused naming it", () => {
    expect(() => readStack(tmpdir())).toThrow(/is a folder/);
  });
});
