import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/schema";
import { parseStack, readStack } from "../../src/config/stack-file";
import { readStackYaml, resolvePlain } from "../../src/config/stack-yaml";
import { EXAMPLE_STACK_FILE } from "../../src/config/paths";
import { readFileSync } from "node:fs";

/**
 * Stack files read as Pulumi reads them: yaml.v3 (src/config/stack-yaml.ts), checked against the
 * recorded answers of Pulumi's own loader (test/config/fixtures/pulumi-stack-reader.json, read by
 * pulumi-stack-reader.test.ts). These cases cover what the recording cannot show: the messages.
 */

const REFUSED: Array<[string, string, RegExp]> = [
  ["!!int on text is refused", "v: !!int abc", /cannot decode a !!str as a !!int/],
  ["!!bool on yes is refused (yes is text in yaml.v3)", "v: !!bool yes", /cannot decode a !!str as a !!bool/],
  ["a merge of a scalar is refused", "x:\n  <<: 1", /map merge requires map/],
  ["an alias before its anchor is refused", "v: *nope", /anchor/],
  ["an unclosed flow list is refused", "v: [1,", /invalid YAML/],
  ["a timestamp with a UTC offset is refused (Pulumi writes it in the machine's zone)", "v: 2001-12-14t21:59:43.10-05:00", /UTC offset/],
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

describe("YAML Pulumi's reader refuses", () => {
  it.each(REFUSED)("%s", (_, text, reason) => {
    expect(() => readStackYaml(text)).toThrow(reason);
  });
});

describe("plain scalars resolved one by one", () => {
  it.each([
    ["010", 8],
    ["yes", "yes"],
    ["True", true],
    ["2024-01-02", "2024-01-02 00:00:00 +0000 UTC"],
    ["1e400", "1e400"],
  ] as const)("%s", (text, expected) => {
    expect(resolvePlain(text)).toEqual(expected);
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

  it("team: yes is the text yes (yaml.v3), as pulumi up reads it", () => {
    const text = example().replace("  pizza-observability:alerting:\n", "  pizza-observability:alerting:\n    team: yes\n");
    expect(text).toContain("team: yes");
    expect(parseConfig(parseStack(text, "Pulumi.x.yaml").config).alerting.team).toBe("yes");
  });

  it("enabled: yes is refused naming the key: yaml.v3 reads it as text, not a boolean", () => {
    const text = example().replace(
      "  pizza-observability:syntheticMonitoring:\n",
      "  pizza-observability:syntheticMonitoring:\n    enabled: yes\n",
    );
    expect(() => parseConfig(parseStack(text, "Pulumi.x.yaml").config)).toThrow(
      new RegExp(`${P}:syntheticMonitoring\\.enabled: .*\\(got "yes"\\)`),
    );
  });

  it("a merge key is applied, not refused as an unknown key", () => {
    const text = example()
      .replace(/ +(frequencySeconds|timeoutSeconds): .*\n/g, "")
      .replace(/config:\n/, "defaults: &sm\n  frequencySeconds: 30\n  timeoutSeconds: 5\nconfig:\n")
      .replace(/(syntheticMonitoring:\n)/, "$1    <<: *sm\n");
    const cfg = parseConfig(parseStack(text, "Pulumi.x.yaml").config);
    expect([cfg.syntheticMonitoring.frequencySeconds, cfg.syntheticMonitoring.timeoutSeconds]).toEqual([30, 5]);
  });

  it("a top-level scalar is the text Pulumi hands the program: 010 is 8, True is true", () => {
    const { config } = parseStack("config:\n  grafana:url: yes\n  pizza-observability:x: 010\n  pizza-observability:y: True\n", "s.yaml");
    expect(config).toEqual({ "grafana:url": "yes", "pizza-observability:x": "8", "pizza-observability:y": "true" });
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
