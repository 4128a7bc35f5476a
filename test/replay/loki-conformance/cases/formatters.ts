/**
 * Transcribed from grafana/loki@65e30f8488e8a5ea2013c6881675f8103a8f6bc7
 * `pkg/logql/internal/logqltest/testdata/formatters.logqltest` (Loki's declarative LogQL engine tests, AGPL-3.0,
 * Grafana Labs): every `eval` is one case, `source` citing its line; its `load` blocks are the
 * `LOAD_<line>` streams. Times in ms. Shape and loader: ../loki-cases.ts.
 */
import type { LokiCase, Stream } from "../loki-cases";

/** formatters.logqltest:3 load */
const LOAD_3: Stream[] = [
  { labels: { app: "a", level: "error" }, line: "x", at: 20000, every: 20000, count: 4 },
  { labels: { app: "a", level: "warn" }, line: "x", at: 30000, every: 20000, count: 2 },
];

/** formatters.logqltest:33 load */
const LOAD_33: Stream[] = [
  { labels: { app: "a", method: "get" }, line: "msg", at: 20000, every: 20000, count: 4 },
  { labels: { app: "noise" }, line: "msg", at: 30000, every: 20000, count: 2 },
];

/** formatters.logqltest:59 load */
const LOAD_59: Stream[] = [
  { labels: { app: "a", msg: "hello" }, line: "plaintext", at: 20000, every: 20000, count: 4 },
  { labels: { app: "noise" }, line: "plaintext", at: 30000, every: 20000, count: 2 },
];

/** formatters.logqltest:79 load */
const LOAD_79: Stream[] = [
  { labels: { app: "a", code: "500", zone: "eu" }, line: "msg", at: 20000, every: 20000, count: 4 },
  { labels: { app: "a", code: "200", zone: "eu" }, line: "msg", at: 30000, every: 20000, count: 2 },
  { labels: { app: "noise" }, line: "msg", at: 20000, every: 20000, count: 4 },
];

/** formatters.logqltest:105 load */
const LOAD_105: Stream[] = [
  { labels: { app: "a", code: "500", zone: "eu" }, line: "msg", at: 20000, every: 20000, count: 4 },
  { labels: { app: "a", code: "200", zone: "eu" }, line: "msg", at: 30000, every: 20000, count: 2 },
  { labels: { app: "noise" }, line: "msg", at: 20000, every: 20000, count: 4 },
];

export const CASES: LokiCase[] = [
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:8",
    query: 'count_over_time({app="a"} | line_format "L={{.level}}" |= "L=error" [1m])',
    at: 60000,
    streams: LOAD_3,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", level: "error" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:10",
    query: 'count_over_time({app="a"} | line_format "L={{.level}}" |= "L=error" [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_3,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", level: "error" }, points: [2, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:12",
    query: 'count_over_time({app="a"} | line_format "L={{.level}}" |= "L=error" [1m])',
    range: { from: 60000, to: 180000, step: 120000 },
    streams: LOAD_3,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", level: "error" }, points: [3, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:15",
    query: 'count_over_time({app="a"} |= "L=error" [1m])',
    at: 60000,
    streams: LOAD_3,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:18",
    query: 'count_over_time({app="a"} | line_format "{{.level | upper}}" |= "ERROR" [1m])',
    at: 60000,
    streams: LOAD_3,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", level: "error" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:21",
    query: 'bytes_over_time({app="a", level="error"} | line_format "{{.level}}" [1m])',
    at: 60000,
    streams: LOAD_3,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", level: "error" }, points: [15] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:24",
    query: 'bytes_over_time({app="a", level="error"} | line_format "V={{.missing}}" [1m])',
    at: 60000,
    streams: LOAD_3,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", level: "error" }, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:28",
    query: 'bytes_over_time({app="a"} | line_format "{{ nosuchfunc }}" [1m])',
    at: 60000,
    streams: LOAD_3,
    expected: { kind: "fail", msg: "not defined" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:38",
    query: 'count_over_time({app="a"} | label_format verb=method [1m])',
    at: 60000,
    streams: LOAD_33,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", verb: "get" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:40",
    query: 'count_over_time({app="a"} | label_format verb=method [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_33,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", verb: "get" }, points: [2, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:42",
    query: 'count_over_time({app="a"} | label_format verb=method [1m])',
    range: { from: 60000, to: 180000, step: 120000 },
    streams: LOAD_33,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", verb: "get" }, points: [3, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:45",
    query: 'count_over_time({app="a"} | label_format route="{{.method}}-ok" [1m])',
    at: 60000,
    streams: LOAD_33,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", method: "get", route: "get-ok" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:48",
    query: 'count_over_time({app="a"} | label_format method="{{.method}}!" [1m])',
    at: 60000,
    streams: LOAD_33,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", method: "get!" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:51",
    query: 'count_over_time({app="a"} | label_format x="{{" [1m])',
    at: 60000,
    streams: LOAD_33,
    expected: { kind: "fail", msg: "unclosed action" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:64",
    query: 'bytes_over_time({app="a"} | decolorize [1m])',
    at: 60000,
    streams: LOAD_59,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", msg: "hello" }, points: [27] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:67",
    query: 'bytes_over_time({app="a"} | line_format `{{ printf "\\x1b[31m%s\\x1b[0m" .msg }}` [1m])',
    at: 60000,
    streams: LOAD_59,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", msg: "hello" }, points: [42] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:70",
    query: 'bytes_over_time({app="a"} | line_format `{{ printf "\\x1b[31m%s\\x1b[0m" .msg }}` | decolorize [1m])',
    at: 60000,
    streams: LOAD_59,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", msg: "hello" }, points: [15] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:72",
    query: 'bytes_over_time({app="a"} | line_format `{{ printf "\\x1b[31m%s\\x1b[0m" .msg }}` | decolorize [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_59,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", msg: "hello" }, points: [10, 15, 15] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:74",
    query: 'bytes_over_time({app="a"} | line_format `{{ printf "\\x1b[31m%s\\x1b[0m" .msg }}` | decolorize [1m])',
    range: { from: 60000, to: 180000, step: 120000 },
    streams: LOAD_59,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", msg: "hello" }, points: [15, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:85",
    query: 'count_over_time({app="a"} | drop code, zone [1m])',
    at: 60000,
    streams: LOAD_79,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [5] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:87",
    query: 'count_over_time({app="a"} | drop code, zone [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_79,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [3, 5, 5] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:89",
    query: 'count_over_time({app="a"} | drop code, zone [1m])',
    range: { from: 60000, to: 180000, step: 120000 },
    streams: LOAD_79,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [5, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:92",
    query: 'count_over_time({app="a"} | drop zone [1m])',
    at: 60000,
    streams: LOAD_79,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", code: "500" }, points: [3] },
        { labels: { app: "a", code: "200" }, points: [2] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:96",
    query: 'count_over_time({app="a"} | drop code="500" [1m])',
    at: 60000,
    streams: LOAD_79,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", zone: "eu" }, points: [3] },
        { labels: { app: "a", code: "200", zone: "eu" }, points: [2] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:100",
    query: 'count_over_time({app="a"} | drop [1m])',
    at: 60000,
    streams: LOAD_79,
    expected: { kind: "fail", msg: "expecting IDENTIFIER" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:111",
    query: 'count_over_time({app="a"} | keep zone [1m])',
    at: 60000,
    streams: LOAD_105,
    expected: { kind: "series", ordered: false, series: [{ labels: { zone: "eu" }, points: [5] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:113",
    query: 'count_over_time({app="a"} | keep zone [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_105,
    expected: { kind: "series", ordered: false, series: [{ labels: { zone: "eu" }, points: [3, 5, 5] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:115",
    query: 'count_over_time({app="a"} | keep zone [1m])',
    range: { from: 60000, to: 180000, step: 120000 },
    streams: LOAD_105,
    expected: { kind: "series", ordered: false, series: [{ labels: { zone: "eu" }, points: [5, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:118",
    query: 'count_over_time({app="a"} | keep code, zone [1m])',
    at: 60000,
    streams: LOAD_105,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { code: "500", zone: "eu" }, points: [3] },
        { labels: { code: "200", zone: "eu" }, points: [2] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:122",
    query: 'count_over_time({app="a"} | keep code="500" [1m])',
    at: 60000,
    streams: LOAD_105,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { code: "500" }, points: [3] },
        { labels: {}, points: [2] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/formatters.logqltest:126",
    query: 'count_over_time({app="a"} | keep [1m])',
    at: 60000,
    streams: LOAD_105,
    expected: { kind: "fail", msg: "expecting IDENTIFIER" },
  },
];
