/**
 * Transcribed from grafana/loki@65e30f8488e8a5ea2013c6881675f8103a8f6bc7
 * `pkg/logql/internal/logqltest/testdata/line_filters.logqltest` (Loki's declarative LogQL engine tests, AGPL-3.0,
 * Grafana Labs): every `eval` is one case, `source` citing its line; its `load` blocks are the
 * `LOAD_<line>` streams. Times in ms. Shape and loader: ../loki-cases.ts.
 */
import type { LokiCase, Stream } from "../loki-cases";

/** line_filters.logqltest:3 load */
const LOAD_3: Stream[] = [
  { labels: { app: "a" }, line: "req id=1 err=connrefused", at: 20000, every: 20000, count: 4 },
  { labels: { app: "a" }, line: "req id=2 ok", at: 30000, every: 20000, count: 2 },
];

/** line_filters.logqltest:25 load */
const LOAD_25: Stream[] = [
  { labels: { app: "a" }, line: "code=500 fail", at: 20000, every: 20000, count: 4 },
  { labels: { app: "a" }, line: "code=200 pass", at: 30000 },
  { labels: { app: "a" }, line: "CODE=503 down", at: 45000 },
];

/** line_filters.logqltest:48 load */
const LOAD_48: Stream[] = [
  { labels: { app: "a" }, line: "GET /api 200", at: 20000, every: 20000, count: 4 },
  { labels: { app: "a" }, line: "POST /api 500", at: 30000, every: 20000, count: 2 },
];

/** line_filters.logqltest:70 load */
const LOAD_70: Stream[] = [
  { labels: { app: "a" }, line: "src 192.168.1.10 ok", at: 20000, every: 20000, count: 4 },
  { labels: { app: "a" }, line: "src 10.0.0.9 ok", at: 30000 },
  { labels: { app: "a" }, line: "no ip here", at: 45000 },
];

/** line_filters.logqltest:93 load */
const LOAD_93: Stream[] = [
  { labels: { app: "net" }, line: "src 192.168.1.10 ok", at: 20000, every: 20000, count: 4 },
  { labels: { app: "net" }, line: "src 10.0.0.9 ok", at: 25000, every: 20000, count: 2 },
  { labels: { app: "net" }, line: "src 172.16.5.5 ok", at: 30000 },
  { labels: { app: "net" }, line: "src 8.8.8.8 ok", at: 35000 },
  { labels: { app: "txt" }, line: "no ip here", at: 50000 },
  { labels: { app: "txt" }, line: "special no ip", at: 55000 },
];

/** line_filters.logqltest:167 load */
const LOAD_167: Stream[] = [
  { labels: { app: "a" }, line: "level=error x", at: 20000, every: 20000, count: 4 },
  { labels: { app: "a" }, line: "level=warn y", at: 25000, every: 20000, count: 4 },
  { labels: { app: "a" }, line: "level=info z", at: 35000, every: 20000, count: 2 },
];

/** line_filters.logqltest:195 load */
const LOAD_195: Stream[] = [
  { labels: { app: "a" }, line: "level=error status=500", at: 20000, every: 20000, count: 4 },
  { labels: { app: "a" }, line: "level=error status=200", at: 30000, every: 20000, count: 2 },
  { labels: { app: "a" }, line: "level=info status=500", at: 45000 },
];

export const CASES: LokiCase[] = [
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:7",
    query: 'count_over_time({app="a"} |= "err" [1m])',
    at: 60000,
    streams: LOAD_3,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:9",
    query: 'count_over_time({app="a"} |= "err" [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_3,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:11",
    query: 'count_over_time({app="a"} |= "err" [1m])',
    range: { from: 60000, to: 180000, step: 120000 },
    streams: LOAD_3,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [3, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:14",
    query: 'count_over_time({app="a"} != "err" [1m])',
    at: 60000,
    streams: LOAD_3,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:17",
    query: 'count_over_time({app="a"} |= "ERR" [1m])',
    at: 60000,
    streams: LOAD_3,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:20",
    query: 'count_over_time({app="a"} |= "" [1m])',
    at: 60000,
    streams: LOAD_3,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [5] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:30",
    query: 'count_over_time({app="a"} |~ "code=5.." [1m])',
    at: 60000,
    streams: LOAD_25,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:32",
    query: 'count_over_time({app="a"} |~ "code=5.." [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_25,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:34",
    query: 'count_over_time({app="a"} |~ "code=5.." [1m])',
    range: { from: 60000, to: 180000, step: 120000 },
    streams: LOAD_25,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [3, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:37",
    query: 'count_over_time({app="a"} !~ "code=5.." [1m])',
    at: 60000,
    streams: LOAD_25,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:40",
    query: 'count_over_time({app="a"} |~ "(?i)code=5.." [1m])',
    at: 60000,
    streams: LOAD_25,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [4] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:43",
    query: 'count_over_time({app="a"} |~ "(" [1m])',
    at: 60000,
    streams: LOAD_25,
    expected: { kind: "fail", msg: "error parsing regexp" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:52",
    query: 'count_over_time({app="a"} |> "GET <_> 200" [1m])',
    at: 60000,
    streams: LOAD_48,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:54",
    query: 'count_over_time({app="a"} |> "GET <_> 200" [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_48,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:56",
    query: 'count_over_time({app="a"} |> "GET <_> 200" [1m])',
    range: { from: 60000, to: 180000, step: 120000 },
    streams: LOAD_48,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [3, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:59",
    query: 'count_over_time({app="a"} !> "GET <_> 200" [1m])',
    at: 60000,
    streams: LOAD_48,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:62",
    query: 'count_over_time({app="a"} |> "GET /api" [1m])',
    at: 60000,
    streams: LOAD_48,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:65",
    query: 'count_over_time({app="a"} |> "<verb> /api 200" [1m])',
    at: 60000,
    streams: LOAD_48,
    expected: { kind: "fail", msg: "named captures are not allowed" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:75",
    query: 'count_over_time({app="a"} |= ip("192.168.1.0/24") [1m])',
    at: 60000,
    streams: LOAD_70,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:77",
    query: 'count_over_time({app="a"} |= ip("192.168.1.0/24") [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_70,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:79",
    query: 'count_over_time({app="a"} |= ip("192.168.1.0/24") [1m])',
    range: { from: 60000, to: 180000, step: 120000 },
    streams: LOAD_70,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [3, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:82",
    query: 'count_over_time({app="a"} != ip("192.168.1.0/24") [1m])',
    at: 60000,
    streams: LOAD_70,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:85",
    query: 'count_over_time({app="a"} |= ip("10.0.0.0/8") [1m])',
    at: 60000,
    streams: LOAD_70,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:88",
    query: 'count_over_time({app="a"} |= ip("notanip") [1m])',
    at: 60000,
    streams: LOAD_70,
    expected: { kind: "fail", msg: "ip: invalid pattern" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:101",
    query: 'count_over_time({app=~"net|txt"} |= ip("192.168.1.0/24") or ip("10.0.0.0/8") [1m])',
    at: 60000,
    streams: LOAD_93,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "net" }, points: [5] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:103",
    query: 'count_over_time({app=~"net|txt"} |= ip("192.168.1.0/24") or ip("10.0.0.0/8") [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_93,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "net" }, points: [3, 5, 5] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:105",
    query: 'count_over_time({app=~"net|txt"} |= ip("192.168.1.0/24") or ip("10.0.0.0/8") [1m])',
    range: { from: 60000, to: 180000, step: 120000 },
    streams: LOAD_93,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "net" }, points: [5, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:108",
    query: 'count_over_time({app=~"net|txt"} |= "special" or ip("10.0.0.0/8") [1m])',
    at: 60000,
    streams: LOAD_93,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "net" }, points: [2] },
        { labels: { app: "txt" }, points: [1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:111",
    query: 'count_over_time({app=~"net|txt"} |= "special" or ip("10.0.0.0/8") [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_93,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "net" }, points: [1, 2, 2] },
        { labels: { app: "txt" }, points: [undefined, 1, 1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:114",
    query: 'count_over_time({app=~"net|txt"} |= ip("10.0.0.0/8") or "special" [1m])',
    at: 60000,
    streams: LOAD_93,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "net" }, points: [2] },
        { labels: { app: "txt" }, points: [1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:117",
    query: 'count_over_time({app=~"net|txt"} |= ip("10.0.0.0/8") or "special" [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_93,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "net" }, points: [1, 2, 2] },
        { labels: { app: "txt" }, points: [undefined, 1, 1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:121",
    query: 'count_over_time({app=~"net|txt"} |= ip("192.168.1.0/24") or ip("10.0.0.0/8") or "special" [1m])',
    at: 60000,
    streams: LOAD_93,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "net" }, points: [5] },
        { labels: { app: "txt" }, points: [1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:124",
    query: 'count_over_time({app=~"net|txt"} |= ip("192.168.1.0/24") or ip("10.0.0.0/8") or "special" [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_93,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "net" }, points: [3, 5, 5] },
        { labels: { app: "txt" }, points: [undefined, 1, 1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:128",
    query: 'count_over_time({app=~"net|txt"} |= "special" or ip("10.0.0.0/8") or "no ip here" [1m])',
    at: 60000,
    streams: LOAD_93,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "net" }, points: [2] },
        { labels: { app: "txt" }, points: [2] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:131",
    query: 'count_over_time({app=~"net|txt"} |= "special" or ip("10.0.0.0/8") or "no ip here" [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_93,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "net" }, points: [1, 2, 2] },
        { labels: { app: "txt" }, points: [undefined, 2, 2] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:135",
    query: 'count_over_time({app=~"net|txt"} |= ip("192.168.1.0/24") or ip("10.0.0.0/8") or ip("172.16.0.0/12") or "special" [1m])',
    at: 60000,
    streams: LOAD_93,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "net" }, points: [6] },
        { labels: { app: "txt" }, points: [1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:138",
    query: 'count_over_time({app=~"net|txt"} |= ip("192.168.1.0/24") or ip("10.0.0.0/8") or ip("172.16.0.0/12") or "special" [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_93,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "net" }, points: [4, 6, 6] },
        { labels: { app: "txt" }, points: [undefined, 1, 1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:142",
    query: 'count_over_time({app=~"net|txt"} != ip("192.168.1.0/24") or ip("10.0.0.0/8") [1m])',
    at: 60000,
    streams: LOAD_93,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "net" }, points: [2] },
        { labels: { app: "txt" }, points: [2] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:145",
    query: 'count_over_time({app=~"net|txt"} != ip("192.168.1.0/24") or ip("10.0.0.0/8") [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_93,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "net" }, points: [2, 2, 2] },
        { labels: { app: "txt" }, points: [undefined, 2, 2] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:149",
    query: 'count_over_time({app=~"net|txt"} != ip("192.168.1.0/24") or ip("10.0.0.0/8") or "special" [1m])',
    at: 60000,
    streams: LOAD_93,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "net" }, points: [2] },
        { labels: { app: "txt" }, points: [1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:152",
    query: 'count_over_time({app=~"net|txt"} != ip("192.168.1.0/24") or ip("10.0.0.0/8") or "special" [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_93,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "net" }, points: [2, 2, 2] },
        { labels: { app: "txt" }, points: [undefined, 1, 1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:156",
    query: 'count_over_time({app=~"net|txt"} |~ ip("192.168.1.0/24") or "special" [1m])',
    at: 60000,
    streams: LOAD_93,
    expected: { kind: "fail", msg: "ip: invalid operation" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:158",
    query: 'count_over_time({app=~"net|txt"} |~ "special" or ip("192.168.1.0/24") [1m])',
    at: 60000,
    streams: LOAD_93,
    expected: { kind: "fail", msg: "ip: invalid operation" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:161",
    query: 'count_over_time({app=~"net|txt"} |= ip("") or "special" [1m])',
    at: 60000,
    streams: LOAD_93,
    expected: { kind: "fail", msg: "ip: invalid pattern" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:172",
    query: 'count_over_time({app="a"} |= "error" or "warn" [1m])',
    at: 60000,
    streams: LOAD_167,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [5] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:175",
    query: 'count_over_time({app="a"} |= "error" or "warn" or "info" [1m])',
    at: 60000,
    streams: LOAD_167,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [7] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:177",
    query: 'count_over_time({app="a"} |= "error" or "warn" [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_167,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [3, 5, 6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:179",
    query: 'count_over_time({app="a"} |= "error" or "warn" [1m])',
    range: { from: 60000, to: 180000, step: 120000 },
    streams: LOAD_167,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [5, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:182",
    query: 'count_over_time({app="a"} |~ "err.r" or "wa.n" [1m])',
    at: 60000,
    streams: LOAD_167,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [5] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:185",
    query: 'count_over_time({app="a"} |> "level=error <_>" or "level=warn <_>" [1m])',
    at: 60000,
    streams: LOAD_167,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [5] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:188",
    query: 'count_over_time({app="a"} != "error" or "warn" [1m])',
    at: 60000,
    streams: LOAD_167,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:190",
    query: 'count_over_time({app="a"} !~ "err.r" or "wa.n" [1m])',
    at: 60000,
    streams: LOAD_167,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:200",
    query: 'count_over_time({app="a"} |= "error" |= "status=500" [1m])',
    at: 60000,
    streams: LOAD_195,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:202",
    query: 'count_over_time({app="a"} |= "error" |= "status=500" [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_195,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:204",
    query: 'count_over_time({app="a"} |= "error" |= "status=500" [1m])',
    range: { from: 60000, to: 180000, step: 120000 },
    streams: LOAD_195,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [3, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/line_filters.logqltest:207",
    query: 'count_over_time({app="a"} |= "error" != "status=500" [1m])',
    at: 60000,
    streams: LOAD_195,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2] }] },
  },
];
