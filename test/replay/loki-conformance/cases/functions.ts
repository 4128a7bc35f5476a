/**
 * Transcribed from grafana/loki@65e30f8488e8a5ea2013c6881675f8103a8f6bc7
 * `pkg/logql/internal/logqltest/testdata/functions.logqltest` (Loki's declarative LogQL engine tests, AGPL-3.0,
 * Grafana Labs): every `eval` is one case, `source` citing its line; its `load` blocks are the
 * `LOAD_<line>` streams. Times in ms. Shape and loader: ../loki-cases.ts.
 */
import type { LokiCase, Stream } from "../loki-cases";

/** functions.logqltest:2 load */
const LOAD_2: Stream[] = [
  { labels: { app: "foo", namespace: "a" }, line: "xbar", at: 0, every: 10000, count: 19 },
  { labels: { app: "foo", namespace: "a" }, line: "noise", at: 5000, every: 10000, count: 19 },
  { labels: { app: "bar", namespace: "b" }, line: "xbar", at: 0, every: 10000, count: 19 },
  { labels: { app: "bar", namespace: "b" }, line: "noise", at: 5000, every: 10000, count: 19 },
];

/** functions.logqltest:26 load */
const LOAD_26: Stream[] = [
  { labels: { app: "foo", tier: "1" }, line: "xbar", at: 0, every: 10000, count: 13 },
  { labels: { app: "foo", tier: "1" }, line: "noise", at: 5000, every: 10000, count: 13 },
  { labels: { app: "foobar", tier: "2" }, line: "xbar", at: 0, every: 10000, count: 13 },
  { labels: { app: "foobar", tier: "2" }, line: "noise", at: 5000, every: 10000, count: 13 },
];

/** functions.logqltest:80 load */
const LOAD_80: Stream[] = [
  { labels: { app: "a", env: "prod" }, line: "msg", at: 20000, every: 20000, count: 3, metadata: { region: "eu", env: "canary" } },
  { labels: { app: "noise" }, line: "noise", at: 30000 },
];

/** functions.logqltest:96 load */
const LOAD_96: Stream[] = [
  { labels: { app: "a", zone: "s" }, line: "svc=api zone=p tid=p", at: 20000, every: 20000, count: 3, metadata: { tid: "m" } },
  { labels: { app: "noise" }, line: "noise", at: 30000 },
];

/** functions.logqltest:118 load */
const LOAD_118: Stream[] = [
  { labels: { app: "a", k: "s" }, line: "k=p", at: 20000, every: 20000, count: 3, metadata: { k: "m" } },
  { labels: { app: "noise" }, line: "noise", at: 30000 },
];

/** functions.logqltest:139 load */
const LOAD_139: Stream[] = [
  { labels: { app: "foo", pod: "a" }, line: "xbar", at: 10000, every: 10000, count: 18 },
  { labels: { app: "foo", pod: "a" }, line: "noise", at: 15000, every: 10000, count: 18 },
  { labels: { app: "foo", pod: "b" }, line: "xbar", at: 5000, every: 5000, count: 36 },
  { labels: { app: "foo", pod: "b" }, line: "noise", at: 7000, every: 5000, count: 36 },
  { labels: { app: "bar", pod: "a" }, line: "xbar", at: 4000, every: 4000, count: 45 },
  { labels: { app: "bar", pod: "a" }, line: "noise", at: 2000, every: 4000, count: 45 },
  { labels: { app: "bar", pod: "b" }, line: "xbar", at: 2000, every: 2000, count: 90 },
  { labels: { app: "bar", pod: "b" }, line: "noise", at: 1000, every: 2000, count: 90 },
  { labels: { app: "noise" }, line: "noise", at: 0, every: 10000, count: 19 },
];

export const CASES: LokiCase[] = [
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:9",
    query: "vector(2)",
    at: 60000,
    streams: LOAD_2,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:11",
    query: "vector(2)",
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_2,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [2, 2, 2, 2, 2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:15",
    query: "vector(3.14)",
    at: 60000,
    streams: LOAD_2,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [3.14] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:17",
    query: "vector(3.14)",
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_2,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [3.14, 3.14, 3.14, 3.14, 3.14] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:21",
    query: 'vector(count_over_time({app="a"}[1m]))',
    at: 60000,
    streams: LOAD_2,
    expected: { kind: "fail", regex: "expecting NUMBER" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:34",
    query: 'label_replace(count_over_time({app=~"foo.*"} |~".+bar" [1m]), "new", "$1", "app", "(fo)o")',
    at: 60000,
    streams: LOAD_26,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", tier: "1", new: "fo" }, points: [6] },
        { labels: { app: "foobar", tier: "2" }, points: [6] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:37",
    query: 'label_replace(count_over_time({app=~"foo.*"} |~".+bar" [1m]), "new", "$1", "app", "(fo)o")',
    range: { from: 60000, to: 120000, step: 60000 },
    streams: LOAD_26,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", tier: "1", new: "fo" }, points: [6, 6] },
        { labels: { app: "foobar", tier: "2" }, points: [6, 6] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:42",
    query: 'label_replace(count_over_time({app=~"foo.*"} |~".+bar" [1m]), "tier", "gold", "app", "foo")',
    at: 60000,
    streams: LOAD_26,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", tier: "gold" }, points: [6] },
        { labels: { app: "foobar", tier: "2" }, points: [6] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:47",
    query: 'label_replace(count_over_time({app=~"foo.*"} |~".+bar" [1m]), "tier", "", "app", "foo")',
    at: 60000,
    streams: LOAD_26,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [6] },
        { labels: { app: "foobar", tier: "2" }, points: [6] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:52",
    query: 'label_replace(count_over_time({app=~"foo.*"} |~".+bar" [1m]), "app", "$1", "app", "foo(.*)")',
    at: 60000,
    streams: LOAD_26,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { tier: "1" }, points: [6] },
        { labels: { app: "bar", tier: "2" }, points: [6] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:57",
    query: 'label_replace(count_over_time({app=~"foo.*"} |~".+bar" [1m]), "app", "$1", "app", "f(.*)")',
    at: 60000,
    streams: LOAD_26,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "oo", tier: "1" }, points: [6] },
        { labels: { app: "oobar", tier: "2" }, points: [6] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:63",
    query: 'label_replace(count_over_time({app=~"foo.*"} |~".+bar" [1m]), "region", "eu", "missing", ".*")',
    at: 60000,
    streams: LOAD_26,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", tier: "1", region: "eu" }, points: [6] },
        { labels: { app: "foobar", tier: "2", region: "eu" }, points: [6] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:68",
    query: 'label_replace(count_over_time({app=~"foo.*"} |~".+bar" [1m]), "new", "$1", "app", "(")',
    at: 60000,
    streams: LOAD_26,
    expected: { kind: "fail" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:86",
    query: 'label_replace(count_over_time({app="a"} [1m]), "out", "$1", "region", "(.*)")',
    at: 60000,
    streams: LOAD_80,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", env: "prod", env_extracted: "canary", region: "eu", out: "eu" }, points: [3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:90",
    query: 'label_replace(count_over_time({app="a"} [1m]), "out", "$1", "env", "(.*)")',
    at: 60000,
    streams: LOAD_80,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", env: "prod", env_extracted: "canary", region: "eu", out: "prod" }, points: [3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:92",
    query: 'label_replace(count_over_time({app="a"} [1m]), "out", "$1", "env_extracted", "(.*)")',
    at: 60000,
    streams: LOAD_80,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", env: "prod", env_extracted: "canary", region: "eu", out: "canary" }, points: [3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:102",
    query: 'label_replace(count_over_time({app="a"} | logfmt [1m]), "out", "$1", "svc", "(.*)")',
    at: 60000,
    streams: LOAD_96,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", zone: "s", zone_extracted: "p", tid: "m", tid_extracted: "p", svc: "api", out: "api" }, points: [3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:106",
    query: 'label_replace(count_over_time({app="a"} | logfmt [1m]), "out", "$1", "zone", "(.*)")',
    at: 60000,
    streams: LOAD_96,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", zone: "s", zone_extracted: "p", tid: "m", tid_extracted: "p", svc: "api", out: "s" }, points: [3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:108",
    query: 'label_replace(count_over_time({app="a"} | logfmt [1m]), "out", "$1", "zone_extracted", "(.*)")',
    at: 60000,
    streams: LOAD_96,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", zone: "s", zone_extracted: "p", tid: "m", tid_extracted: "p", svc: "api", out: "p" }, points: [3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:112",
    query: 'label_replace(count_over_time({app="a"} | logfmt [1m]), "out", "$1", "tid", "(.*)")',
    at: 60000,
    streams: LOAD_96,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", zone: "s", zone_extracted: "p", tid: "m", tid_extracted: "p", svc: "api", out: "m" }, points: [3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:114",
    query: 'label_replace(count_over_time({app="a"} | logfmt [1m]), "out", "$1", "tid_extracted", "(.*)")',
    at: 60000,
    streams: LOAD_96,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", zone: "s", zone_extracted: "p", tid: "m", tid_extracted: "p", svc: "api", out: "p" }, points: [3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:125",
    query: 'label_replace(count_over_time({app="a"} | logfmt [1m]), "out", "$1", "k", "(.*)")',
    at: 60000,
    streams: LOAD_118,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "s", k_extracted: "p", out: "s" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:127",
    query: 'label_replace(count_over_time({app="a"} | logfmt [1m]), "out", "$1", "k_extracted", "(.*)")',
    at: 60000,
    streams: LOAD_118,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "s", k_extracted: "p", out: "p" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:130",
    query: 'label_replace(count_over_time({app="a"} [1m]), "out", "$1", "k_extracted", "(.*)")',
    at: 60000,
    streams: LOAD_118,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "s", k_extracted: "m", out: "m" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:150",
    query: 'approx_topk(2, sum by (app, pod) (count_over_time({app=~"foo|bar"} |~".+bar" [1m])))',
    at: 60000,
    streams: LOAD_139,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "bar", pod: "b" }, points: [30] },
        { labels: { app: "bar", pod: "a" }, points: [15] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:153",
    query: 'approx_topk(1, sum by (app, pod) (count_over_time({app=~"foo|bar"} |~".+bar" [1m])))',
    at: 60000,
    streams: LOAD_139,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar", pod: "b" }, points: [30] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:156",
    query: 'approx_topk(10, sum by (app, pod) (count_over_time({app=~"foo|bar"} |~".+bar" [1m])))',
    at: 60000,
    streams: LOAD_139,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "bar", pod: "b" }, points: [30] },
        { labels: { app: "bar", pod: "a" }, points: [15] },
        { labels: { app: "foo", pod: "b" }, points: [12] },
        { labels: { app: "foo", pod: "a" }, points: [6] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:162",
    query: 'approx_topk(2, sum by (app, pod) (count_over_time({app=~"foo|bar"} |~".+bar" [1m])))',
    range: { from: 20000, to: 60000, step: 20000 },
    streams: LOAD_139,
    expected: { kind: "fail", msg: "only supported on instant queries" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:165",
    query: 'approx_topk(2, sum by (app, pod) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))) by (app)',
    at: 60000,
    streams: LOAD_139,
    expected: { kind: "fail", msg: "grouping not allowed" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:168",
    query: 'approx_topk(1.5, sum by (app, pod) (count_over_time({app=~"foo|bar"} |~".+bar" [1m])))',
    at: 60000,
    streams: LOAD_139,
    expected: { kind: "fail", msg: "invalid parameter" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/functions.logqltest:170",
    query: 'approx_topk(sum by (app, pod) (count_over_time({app=~"foo|bar"} |~".+bar" [1m])))',
    at: 60000,
    streams: LOAD_139,
    expected: { kind: "fail", msg: "parameter required" },
  },
];
