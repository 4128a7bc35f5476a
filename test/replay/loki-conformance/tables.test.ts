import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileLogQL, LogQLInvalid, LogQLPipelineError } from "../../../src/replay/logql";
import { TABLE_CASES, type TableCase } from "./tables";

const selector = (labels: Record<string, string>) =>
  `{${Object.entries(labels)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(", ")}}`;

function run(c: TableCase) {
  const stream = { t: "1", ...c.stream };
  const q = (c.query ?? "count_over_time($S PIPE [1m])").replace("PIPE", c.pipeline).replace("$S", selector(stream));
  return { stream, result: () => compileLogQL(q)([{ ts: 1_000, labels: stream, line: c.line }], 10_000) };
}

describe("Loki's parser and label-filter table tests (pkg/logql/log/*_test.go) on the replay evaluator", () => {
  for (const c of TABLE_CASES) {
    it(c.source, () => {
      const { stream, result } = run(c);
      if (c.error) {
        let thrown: unknown;
        try {
          result();
        } catch (err) {
          thrown = err;
        }
        expect(thrown instanceof LogQLPipelineError || thrown instanceof LogQLInvalid, String(thrown)).toBe(true);
        expect(String(thrown)).toContain(c.error);
      } else if (c.dropped) {
        expect(result()).toEqual([]);
      } else {
        // count_over_time keeps the stream's labels; a vector aggregation keeps its grouping.
        const labels = c.query ? c.want : { ...stream, ...c.want };
        expect(result()).toEqual([{ labels, value: c.value ?? 1 }]);
      }
    });
  }
});

describe("docs/replay.md", () => {
  it("states how many of Loki's table cases the evaluator runs", () => {
    const docs = readFileSync(join(__dirname, "../../../docs/replay.md"), "utf8").replace(/\s+/g, " ");
    expect(docs).toContain(
      `\`tables.ts\`, one entry per case citing its Loki test and case name, ${TABLE_CASES.length} cases, all passing`,
    );
  });
});
