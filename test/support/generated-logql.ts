import { seededRandom } from "../../src/replay/fixtures/random";
import type { DifferentialCase } from "./loki-differential";
import type { LogEntry } from "../../src/replay/logql";

/**
 * Generated LogQL cases: random pipelines from the constructs the replay's evaluator claims
 * (line filters, json/logfmt parsers with and without expressions, label filters with and/or,
 * line_format, label_format, drop/keep, unwrap, range and vector aggregations), over random lines
 * that include malformed JSON, duplicate keys, numbers as text, odd label values and (in one case
 * in ten) an empty line.
 * A seed gives the same cases on every run.
 */

type Pick = <T>(items: readonly T[]) => T;

const LINES: Array<(pick: Pick, n: number) => string> = [
  (pick, n) =>
    JSON.stringify({
      level: pick(["info", "warn", "error"]),
      status: pick([200, 201, 404, 500, 503]),
      path: pick(["/api/order", "/api/franchise"]),
      latency: n * 7,
    }),
  (pick, n) => `{"level":"${pick(["info", "error"])}","status":"${pick(["200", "500", "5xx"])}","latency":"${n}.5"}`,
  (pick) => `{"level":"error","status":${pick([500, 502])},"nested":{"code":${pick([1, 2])},"msg":"a \\"quoted\\" text"}}`,
  () => `{"level":"info","status":20`,
  (pick) => `{"status":${pick([200, 500])},"status":${pick([201, 503])}}`,
  (pick, n) =>
    `level=${pick(["warn", "error", "info"])} status=${pick([200, 500, 503])} msg="order ${n} failed" duration=${pick(["1.5s", "250ms", "x"])} latency=${n}`,
  (pick) => `level=info msg=unterminated "quote status=${pick([200, 500])}`,
  (pick) => pick(["Failed to send metric", "ECONNRESET while pushing", "UND_ERR_CONNECT_TIMEOUT", "ok"]),
  (pick) => `ünïcödé ${pick(["α", "β"])} status=500`,
];

const SELECTORS = [`{job="pizza"}`, `{job=~"pi.*"}`, `{job="pizza", type!="factory"}`, `{type="http"}`];

const STAGES = [
  `|= "status"`,
  `!= "info"`,
  `|~ "5\\\\d\\\\d"`,
  `!~ "^$"`,
  `| json`,
  `| logfmt`,
  `| json status="status", lvl="level"`,
  `| json code="nested.code"`,
  `| logfmt level, status`,
  `| status >= 500`,
  `| level = "error"`,
  `| status > 399 or level = "error"`,
  `| status != 200 and level =~ "e.*"`,
  `| __error__ = ""`,
  `| drop __error__, __error_details__`,
  `| line_format "{{.level}} {{.status}}"`,
  `| label_format lvl=level`,
  `| label_format kind="{{.type}}-x"`,
  `| keep job, level, type`,
  `| duration > 1s`,
];

const COUNTING = ["count_over_time", "rate", "bytes_over_time", "bytes_rate", "absent_over_time"];
const UNWRAPPING = [
  "sum_over_time",
  "avg_over_time",
  "max_over_time",
  "min_over_time",
  "stddev_over_time",
  "quantile_over_time(0.9,",
  "first_over_time",
  "last_over_time",
];
const PARSE_FOR_UNWRAP = ["| json", "| logfmt", `| json status="status"`];
const UNWRAP = ["| unwrap status", "| unwrap latency", "| unwrap duration(duration)", '| unwrap status | __error__ = ""'];
const WINDOWS = ["30s", "1m", "5m"];
const OUTER = ["", "sum", "sum by (level)", "count", "max by (type)", "min without (job)", "avg", "topk(2,", "sort_desc("];

function lines(random: () => number, pick: Pick): LogEntry[] {
  const out: LogEntry[] = [];
  const count = 10 + Math.floor(random() * 40);
  // One case in ten has an empty line, which the replay refuses by name.
  const empty = random() < 0.1 ? Math.floor(random() * count) : -1;
  for (let i = 0; i < count; i++) {
    const labels: Record<string, string> = { job: "pizza", type: pick(["http", "factory", "http"]) };
    if (random() < 0.3) labels.level = pick(["error", "info"]);
    if (random() < 0.1) labels.odd_value = pick(["with space", 'a"quote', "ünï"]);
    out.push({
      ts: Math.floor(random() * 300) * 1000 + Math.floor(random() * 1000),
      labels,
      line: i === empty ? "" : pick(LINES)(pick, i),
    });
  }
  return out;
}

function query(random: () => number, pick: Pick): string {
  const stages = Array.from({ length: Math.floor(random() * 4) }, () => pick(STAGES));
  const window = pick(WINDOWS);
  let inner: string;
  if (random() < 0.6) {
    const fn = pick(COUNTING);
    inner = `${fn}(${pick(SELECTORS)} ${stages.join(" ")} [${window}])`;
  } else {
    const fn = pick(UNWRAPPING);
    const open = fn.endsWith(",") ? `${fn} ` : `${fn}(`;
    inner = `${open}${pick(SELECTORS)} ${stages.join(" ")} ${pick(PARSE_FOR_UNWRAP)} ${pick(UNWRAP)} [${window}])`;
  }
  const outer = pick(OUTER);
  if (outer === "") return inner.replace(/\s+/g, " ");
  if (outer.endsWith(",")) return `${outer} ${inner})`.replace(/\s+/g, " ");
  if (outer.endsWith("(")) return `${outer}${inner})`.replace(/\s+/g, " ");
  return `${outer}(${inner})`.replace(/\s+/g, " ");
}

export function generatedCases(seed: number, count: number): DifferentialCase[] {
  const random = seededRandom(seed);
  const pick: Pick = (items) => items[Math.floor(random() * items.length)];
  return Array.from({ length: count }, (_, i) => ({
    name: `generated seed ${seed} #${i}`,
    query: query(random, pick),
    lines: lines(random, pick),
    times: [60_000, 150_000, 300_000],
  }));
}
