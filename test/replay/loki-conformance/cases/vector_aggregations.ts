/**
 * Transcribed from grafana/loki@65e30f8488e8a5ea2013c6881675f8103a8f6bc7
 * `pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest` (Loki's declarative LogQL engine tests, AGPL-3.0,
 * Grafana Labs): every `eval` is one case, `source` citing its line; its `load` blocks are the
 * `LOAD_<line>` streams. Times in ms. Shape and loader: ../loki-cases.ts.
 */
import type { LokiCase, Stream } from "../loki-cases";

/** vector_aggregations.logqltest:3 load */
const LOAD_3: Stream[] = [
  { labels: { app: "foo", namespace: "a", cluster: "c1" }, line: "xbar", at: 10000, every: 10000, count: 18 },
  { labels: { app: "foo", namespace: "a", cluster: "c1" }, line: "noise", at: 15000, every: 10000, count: 18 },
  { labels: { app: "foo", namespace: "a", cluster: "c2" }, line: "xbar", at: 5000, every: 5000, count: 36 },
  { labels: { app: "foo", namespace: "a", cluster: "c2" }, line: "noise", at: 7000, every: 5000, count: 36 },
  { labels: { app: "bar", namespace: "b", cluster: "c2" }, line: "xbar", at: 10000, every: 10000, count: 18 },
  { labels: { app: "bar", namespace: "b", cluster: "c2" }, line: "noise", at: 15000, every: 10000, count: 18 },
];

/** vector_aggregations.logqltest:45 load */
const LOAD_45: Stream[] = [
  { labels: { app: "a", k: "fin" }, line: "v=2", at: 30000 },
  { labels: { app: "a", k: "nan" }, line: "v=NaN", at: 30000 },
  { labels: { app: "a", k: "pinf" }, line: "v=Inf", at: 30000 },
  { labels: { app: "a", k: "ninf" }, line: "v=-Inf", at: 30000 },
  { labels: { app: "noise" }, line: "z=1", at: 30000 },
];

/** vector_aggregations.logqltest:65 load */
const LOAD_65: Stream[] = [
  { labels: { app: "foo", pod: "a", zone: "eu" }, line: "xbar", at: 10000, every: 10000, count: 18 },
  { labels: { app: "foo", pod: "a", zone: "eu" }, line: "noise", at: 15000, every: 10000, count: 18 },
  { labels: { app: "foo", pod: "b", zone: "eu" }, line: "xbar", at: 5000, every: 5000, count: 36 },
  { labels: { app: "foo", pod: "b", zone: "eu" }, line: "noise", at: 7000, every: 5000, count: 36 },
  { labels: { app: "bar", pod: "a", zone: "us" }, line: "xbar", at: 5000, every: 5000, count: 36 },
  { labels: { app: "bar", pod: "a", zone: "us" }, line: "noise", at: 7000, every: 5000, count: 36 },
  { labels: { app: "bar", pod: "b", zone: "us" }, line: "xbar", at: 2000, every: 2000, count: 90 },
  { labels: { app: "bar", pod: "b", zone: "us" }, line: "noise", at: 1000, every: 2000, count: 90 },
];

/** vector_aggregations.logqltest:103 load */
const LOAD_103: Stream[] = [
  { labels: { app: "a", k: "fin" }, line: "v=2", at: 30000 },
  { labels: { app: "a", k: "nan" }, line: "v=NaN", at: 30000 },
  { labels: { app: "a", k: "pinf" }, line: "v=Inf", at: 30000 },
  { labels: { app: "a", k: "ninf" }, line: "v=-Inf", at: 30000 },
  { labels: { app: "noise" }, line: "z=1", at: 30000 },
];

/** vector_aggregations.logqltest:123 load */
const LOAD_123: Stream[] = [
  { labels: { app: "foo", pod: "a", zone: "eu" }, line: "xbar", at: 10000, every: 10000, count: 18 },
  { labels: { app: "foo", pod: "a", zone: "eu" }, line: "noise", at: 15000, every: 10000, count: 18 },
  { labels: { app: "foo", pod: "b", zone: "eu" }, line: "xbar", at: 5000, every: 5000, count: 36 },
  { labels: { app: "foo", pod: "b", zone: "eu" }, line: "noise", at: 7000, every: 5000, count: 36 },
  { labels: { app: "bar", pod: "a", zone: "us" }, line: "xbar", at: 5000, every: 5000, count: 36 },
  { labels: { app: "bar", pod: "a", zone: "us" }, line: "noise", at: 7000, every: 5000, count: 36 },
  { labels: { app: "bar", pod: "b", zone: "us" }, line: "xbar", at: 2000, every: 2000, count: 90 },
  { labels: { app: "bar", pod: "b", zone: "us" }, line: "noise", at: 1000, every: 2000, count: 90 },
];

/** vector_aggregations.logqltest:161 load */
const LOAD_161: Stream[] = [
  { labels: { app: "a", k: "fin" }, line: "v=2", at: 30000 },
  { labels: { app: "a", k: "nan" }, line: "v=NaN", at: 30000 },
  { labels: { app: "a", k: "pinf" }, line: "v=Inf", at: 30000 },
  { labels: { app: "a", k: "ninf" }, line: "v=-Inf", at: 30000 },
  { labels: { app: "noise" }, line: "z=1", at: 30000 },
];

/** vector_aggregations.logqltest:181 load */
const LOAD_181: Stream[] = [
  { labels: { app: "foo", pod: "a", zone: "eu" }, line: "xbar", at: 10000, every: 10000, count: 18 },
  { labels: { app: "foo", pod: "a", zone: "eu" }, line: "noise", at: 15000, every: 10000, count: 18 },
  { labels: { app: "foo", pod: "b", zone: "eu" }, line: "xbar", at: 5000, every: 5000, count: 36 },
  { labels: { app: "foo", pod: "b", zone: "eu" }, line: "noise", at: 7000, every: 5000, count: 36 },
  { labels: { app: "bar", pod: "a", zone: "us" }, line: "xbar", at: 5000, every: 5000, count: 36 },
  { labels: { app: "bar", pod: "a", zone: "us" }, line: "noise", at: 7000, every: 5000, count: 36 },
  { labels: { app: "bar", pod: "b", zone: "us" }, line: "xbar", at: 2000, every: 2000, count: 90 },
  { labels: { app: "bar", pod: "b", zone: "us" }, line: "noise", at: 1000, every: 2000, count: 90 },
];

/** vector_aggregations.logqltest:219 load */
const LOAD_219: Stream[] = [
  { labels: { app: "a", k: "fin" }, line: "v=2", at: 30000 },
  { labels: { app: "a", k: "nan" }, line: "v=NaN", at: 30000 },
  { labels: { app: "a", k: "pinf" }, line: "v=Inf", at: 30000 },
  { labels: { app: "a", k: "ninf" }, line: "v=-Inf", at: 30000 },
  { labels: { app: "noise" }, line: "z=1", at: 30000 },
];

/** vector_aggregations.logqltest:240 load */
const LOAD_240: Stream[] = [
  { labels: { app: "foo", pod: "a", zone: "eu" }, line: "xbar", at: 10000, every: 10000, count: 18 },
  { labels: { app: "foo", pod: "a", zone: "eu" }, line: "noise", at: 15000, every: 10000, count: 18 },
  { labels: { app: "foo", pod: "b", zone: "eu" }, line: "xbar", at: 30000, every: 10000, count: 16 },
  { labels: { app: "foo", pod: "b", zone: "eu" }, line: "noise", at: 35000, every: 10000, count: 16 },
  { labels: { app: "bar", pod: "a", zone: "us" }, line: "xbar", at: 50000, every: 10000, count: 14 },
  { labels: { app: "bar", pod: "a", zone: "us" }, line: "noise", at: 55000, every: 10000, count: 14 },
];

/** vector_aggregations.logqltest:275 load */
const LOAD_275: Stream[] = [
  { labels: { app: "a", k: "fin" }, line: "v=2", at: 30000 },
  { labels: { app: "a", k: "nan" }, line: "v=NaN", at: 30000 },
  { labels: { app: "a", k: "pinf" }, line: "v=Inf", at: 30000 },
  { labels: { app: "a", k: "ninf" }, line: "v=-Inf", at: 30000 },
  { labels: { app: "noise" }, line: "z=1", at: 30000 },
];

/** vector_aggregations.logqltest:294 load */
const LOAD_294: Stream[] = [
  { labels: { app: "foo", pod: "a", zone: "eu" }, line: "xbar", at: 10000, every: 10000, count: 18 },
  { labels: { app: "foo", pod: "a", zone: "eu" }, line: "noise", at: 15000, every: 10000, count: 18 },
  { labels: { app: "foo", pod: "b", zone: "eu" }, line: "xbar", at: 5000, every: 5000, count: 36 },
  { labels: { app: "foo", pod: "b", zone: "eu" }, line: "noise", at: 7000, every: 5000, count: 36 },
  { labels: { app: "bar", pod: "a", zone: "us" }, line: "xbar", at: 5000, every: 5000, count: 36 },
  { labels: { app: "bar", pod: "a", zone: "us" }, line: "noise", at: 7000, every: 5000, count: 36 },
  { labels: { app: "bar", pod: "b", zone: "us" }, line: "xbar", at: 2000, every: 2000, count: 90 },
  { labels: { app: "bar", pod: "b", zone: "us" }, line: "noise", at: 1000, every: 2000, count: 90 },
];

/** vector_aggregations.logqltest:332 load */
const LOAD_332: Stream[] = [
  { labels: { app: "a", k: "fin" }, line: "v=2", at: 30000 },
  { labels: { app: "a", k: "nan" }, line: "v=NaN", at: 30000 },
  { labels: { app: "a", k: "pinf" }, line: "v=Inf", at: 30000 },
  { labels: { app: "a", k: "ninf" }, line: "v=-Inf", at: 30000 },
  { labels: { app: "noise" }, line: "z=1", at: 30000 },
];

/** vector_aggregations.logqltest:353 load */
const LOAD_353: Stream[] = [
  { labels: { app: "foo", pod: "a", zone: "eu" }, line: "xbar", at: 10000, every: 10000, count: 18 },
  { labels: { app: "foo", pod: "a", zone: "eu" }, line: "noise", at: 15000, every: 10000, count: 18 },
  { labels: { app: "foo", pod: "b", zone: "eu" }, line: "xbar", at: 5000, every: 5000, count: 36 },
  { labels: { app: "foo", pod: "b", zone: "eu" }, line: "noise", at: 7000, every: 5000, count: 36 },
  { labels: { app: "bar", pod: "a", zone: "us" }, line: "xbar", at: 5000, every: 5000, count: 36 },
  { labels: { app: "bar", pod: "a", zone: "us" }, line: "noise", at: 7000, every: 5000, count: 36 },
  { labels: { app: "bar", pod: "b", zone: "us" }, line: "xbar", at: 2000, every: 2000, count: 90 },
  { labels: { app: "bar", pod: "b", zone: "us" }, line: "noise", at: 1000, every: 2000, count: 90 },
];

/** vector_aggregations.logqltest:391 load */
const LOAD_391: Stream[] = [
  { labels: { app: "a", k: "fin" }, line: "v=2", at: 30000 },
  { labels: { app: "a", k: "nan" }, line: "v=NaN", at: 30000 },
  { labels: { app: "a", k: "pinf" }, line: "v=Inf", at: 30000 },
  { labels: { app: "a", k: "ninf" }, line: "v=-Inf", at: 30000 },
  { labels: { app: "noise" }, line: "z=1", at: 30000 },
];

/** vector_aggregations.logqltest:412 load */
const LOAD_412: Stream[] = [
  { labels: { app: "foo", pod: "a" }, line: "xbar", at: 10000, every: 10000, count: 18 },
  { labels: { app: "foo", pod: "a" }, line: "noise", at: 15000, every: 10000, count: 18 },
  { labels: { app: "foo", pod: "b" }, line: "xbar", at: 5000, every: 5000, count: 36 },
  { labels: { app: "foo", pod: "b" }, line: "noise", at: 7000, every: 5000, count: 36 },
  { labels: { app: "bar", pod: "a" }, line: "xbar", at: 4000, every: 4000, count: 45 },
  { labels: { app: "bar", pod: "a" }, line: "noise", at: 2000, every: 4000, count: 45 },
  { labels: { app: "bar", pod: "b" }, line: "xbar", at: 2000, every: 2000, count: 90 },
  { labels: { app: "bar", pod: "b" }, line: "noise", at: 1000, every: 2000, count: 90 },
];

/** vector_aggregations.logqltest:455 load */
const LOAD_455: Stream[] = [
  { labels: { app: "a", k: "fin" }, line: "v=2", at: 30000 },
  { labels: { app: "a", k: "nan" }, line: "v=NaN", at: 30000 },
  { labels: { app: "a", k: "pinf" }, line: "v=Inf", at: 30000 },
  { labels: { app: "a", k: "ninf" }, line: "v=-Inf", at: 30000 },
  { labels: { app: "noise" }, line: "z=1", at: 30000 },
];

/** vector_aggregations.logqltest:476 load */
const LOAD_476: Stream[] = [
  { labels: { app: "foo", pod: "a" }, line: "xbar", at: 10000, every: 10000, count: 18 },
  { labels: { app: "foo", pod: "a" }, line: "noise", at: 15000, every: 10000, count: 18 },
  { labels: { app: "foo", pod: "b" }, line: "xbar", at: 5000, every: 5000, count: 36 },
  { labels: { app: "foo", pod: "b" }, line: "noise", at: 7000, every: 5000, count: 36 },
  { labels: { app: "bar", pod: "a" }, line: "xbar", at: 4000, every: 4000, count: 45 },
  { labels: { app: "bar", pod: "a" }, line: "noise", at: 2000, every: 4000, count: 45 },
  { labels: { app: "bar", pod: "b" }, line: "xbar", at: 2000, every: 2000, count: 90 },
  { labels: { app: "bar", pod: "b" }, line: "noise", at: 1000, every: 2000, count: 90 },
];

/** vector_aggregations.logqltest:514 load */
const LOAD_514: Stream[] = [
  { labels: { app: "a", k: "fin" }, line: "v=2", at: 30000 },
  { labels: { app: "a", k: "nan" }, line: "v=NaN", at: 30000 },
  { labels: { app: "a", k: "pinf" }, line: "v=Inf", at: 30000 },
  { labels: { app: "a", k: "ninf" }, line: "v=-Inf", at: 30000 },
  { labels: { app: "noise" }, line: "z=1", at: 30000 },
];

/** vector_aggregations.logqltest:535 load */
const LOAD_535: Stream[] = [
  { labels: { app: "foo", pod: "a" }, line: "xbar", at: 0, every: 10000, count: 19 },
  { labels: { app: "foo", pod: "a" }, line: "noise", at: 5000, every: 10000, count: 19 },
  { labels: { app: "foo", pod: "b" }, line: "xbar", at: 0, every: 5000, count: 37 },
  { labels: { app: "foo", pod: "b" }, line: "noise", at: 2000, every: 5000, count: 37 },
  { labels: { app: "bar", pod: "a" }, line: "xbar", at: 0, every: 20000, count: 10 },
  { labels: { app: "bar", pod: "a" }, line: "noise", at: 10000, every: 20000, count: 10 },
  { labels: { app: "bar", pod: "b" }, line: "xbar", at: 0, every: 4000, count: 46 },
  { labels: { app: "bar", pod: "b" }, line: "noise", at: 2000, every: 4000, count: 46 },
];

/** vector_aggregations.logqltest:564 load */
const LOAD_564: Stream[] = [
  { labels: { app: "a", k: "fin" }, line: "v=2", at: 30000 },
  { labels: { app: "a", k: "nan" }, line: "v=NaN", at: 30000 },
  { labels: { app: "a", k: "pinf" }, line: "v=Inf", at: 30000 },
  { labels: { app: "a", k: "ninf" }, line: "v=-Inf", at: 30000 },
  { labels: { app: "noise" }, line: "z=1", at: 30000 },
];

export const CASES: LokiCase[] = [
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:11",
    query: 'sum(count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_3,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [24] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:13",
    query: 'sum(count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    range: { from: 20000, to: 60000, step: 20000 },
    streams: LOAD_3,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [8, 16, 24] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:16",
    query: 'sum(count_over_time({app=~"foo|bar"} |~".+bar" [1m])) by (app)',
    at: 60000,
    streams: LOAD_3,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [18] },
        { labels: { app: "bar" }, points: [6] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:19",
    query: 'sum(count_over_time({app=~"foo|bar"} |~".+bar" [1m])) by (app)',
    range: { from: 20000, to: 60000, step: 20000 },
    streams: LOAD_3,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [6, 12, 18] },
        { labels: { app: "bar" }, points: [2, 4, 6] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:23",
    query: 'sum(count_over_time({app=~"foo|bar"} |~".+bar" [1m])) without (cluster)',
    at: 60000,
    streams: LOAD_3,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", namespace: "a" }, points: [18] },
        { labels: { app: "bar", namespace: "b" }, points: [6] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:27",
    query: 'sum(count_over_time({app=~"foo|bar"} |~".+bar" [1m])) without (namespace, cluster)',
    at: 60000,
    streams: LOAD_3,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [18] },
        { labels: { app: "bar" }, points: [6] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:30",
    query: 'sum(count_over_time({app=~"foo|bar"} |~".+bar" [1m])) without (cluster, namespace)',
    at: 60000,
    streams: LOAD_3,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [18] },
        { labels: { app: "bar" }, points: [6] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:34",
    query: 'sum(count_over_time({app=~"foo|bar"} |~".+bar" [1m])) without ()',
    at: 60000,
    streams: LOAD_3,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", namespace: "a", cluster: "c1" }, points: [6] },
        { labels: { app: "foo", namespace: "a", cluster: "c2" }, points: [12] },
        { labels: { app: "bar", namespace: "b", cluster: "c2" }, points: [6] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:39",
    query: 'sum(count_over_time({app=~"foo|bar"} |~".+bar" [1m] offset 30s)) by (namespace, app)',
    at: 90000,
    streams: LOAD_3,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", namespace: "a" }, points: [18] },
        { labels: { app: "bar", namespace: "b" }, points: [6] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:52",
    query: 'sum(max_over_time({app="a", k=~"fin|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_45,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:54",
    query: 'sum(max_over_time({app="a", k=~"fin|pinf"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_45,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [Infinity] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:56",
    query: 'sum(max_over_time({app="a", k=~"pinf|ninf"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_45,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:58",
    query: 'sum(max_over_time({app="a", k=~"pinf|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_45,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:60",
    query: 'sum(max_over_time({app="a", k=~"ninf|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_45,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:75",
    query: 'avg(count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_65,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [15] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:77",
    query: 'avg(count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    range: { from: 20000, to: 60000, step: 20000 },
    streams: LOAD_65,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [5, 10, 15] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:80",
    query: 'avg by (app) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_65,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [9] },
        { labels: { app: "bar" }, points: [21] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:83",
    query: 'avg by (app) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    range: { from: 20000, to: 60000, step: 20000 },
    streams: LOAD_65,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [3, 6, 9] },
        { labels: { app: "bar" }, points: [7, 14, 21] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:87",
    query: 'avg without (pod) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_65,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", zone: "eu" }, points: [9] },
        { labels: { app: "bar", zone: "us" }, points: [21] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:91",
    query: 'avg without (pod, zone) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_65,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [9] },
        { labels: { app: "bar" }, points: [21] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:95",
    query: 'avg without () (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_65,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", pod: "a", zone: "eu" }, points: [6] },
        { labels: { app: "foo", pod: "b", zone: "eu" }, points: [12] },
        { labels: { app: "bar", pod: "a", zone: "us" }, points: [12] },
        { labels: { app: "bar", pod: "b", zone: "us" }, points: [30] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:110",
    query: 'avg(max_over_time({app="a", k=~"fin|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_103,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:112",
    query: 'avg(max_over_time({app="a", k=~"fin|pinf"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_103,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [Infinity] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:114",
    query: 'avg(max_over_time({app="a", k=~"pinf|ninf"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_103,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:116",
    query: 'avg(max_over_time({app="a", k=~"pinf|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_103,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:118",
    query: 'avg(max_over_time({app="a", k=~"ninf|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_103,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:133",
    query: 'min(count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_123,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:135",
    query: 'min(count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    range: { from: 20000, to: 60000, step: 20000 },
    streams: LOAD_123,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [2, 4, 6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:138",
    query: 'min by (app) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_123,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [6] },
        { labels: { app: "bar" }, points: [12] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:141",
    query: 'min by (app) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    range: { from: 20000, to: 60000, step: 20000 },
    streams: LOAD_123,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [2, 4, 6] },
        { labels: { app: "bar" }, points: [4, 8, 12] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:145",
    query: 'min without (pod) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_123,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", zone: "eu" }, points: [6] },
        { labels: { app: "bar", zone: "us" }, points: [12] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:149",
    query: 'min without (pod, zone) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_123,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [6] },
        { labels: { app: "bar" }, points: [12] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:153",
    query: 'min without () (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_123,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", pod: "a", zone: "eu" }, points: [6] },
        { labels: { app: "foo", pod: "b", zone: "eu" }, points: [12] },
        { labels: { app: "bar", pod: "a", zone: "us" }, points: [12] },
        { labels: { app: "bar", pod: "b", zone: "us" }, points: [30] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:168",
    query: 'min(max_over_time({app="a", k=~"fin|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_161,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:170",
    query: 'min(max_over_time({app="a", k=~"fin|pinf"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_161,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:172",
    query: 'min(max_over_time({app="a", k=~"pinf|ninf"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_161,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [-Infinity] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:174",
    query: 'min(max_over_time({app="a", k=~"pinf|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_161,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [Infinity] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:176",
    query: 'min(max_over_time({app="a", k=~"ninf|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_161,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [-Infinity] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:191",
    query: 'max(count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_181,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [30] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:193",
    query: 'max(count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    range: { from: 20000, to: 60000, step: 20000 },
    streams: LOAD_181,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [10, 20, 30] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:196",
    query: 'max by (app) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_181,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [12] },
        { labels: { app: "bar" }, points: [30] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:199",
    query: 'max by (app) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    range: { from: 20000, to: 60000, step: 20000 },
    streams: LOAD_181,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [4, 8, 12] },
        { labels: { app: "bar" }, points: [10, 20, 30] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:203",
    query: 'max without (pod) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_181,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", zone: "eu" }, points: [12] },
        { labels: { app: "bar", zone: "us" }, points: [30] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:207",
    query: 'max without (pod, zone) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_181,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [12] },
        { labels: { app: "bar" }, points: [30] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:211",
    query: 'max without () (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_181,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", pod: "a", zone: "eu" }, points: [6] },
        { labels: { app: "foo", pod: "b", zone: "eu" }, points: [12] },
        { labels: { app: "bar", pod: "a", zone: "us" }, points: [12] },
        { labels: { app: "bar", pod: "b", zone: "us" }, points: [30] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:226",
    query: 'max(max_over_time({app="a", k=~"fin|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_219,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:228",
    query: 'max(max_over_time({app="a", k=~"fin|pinf"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_219,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [Infinity] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:230",
    query: 'max(max_over_time({app="a", k=~"pinf|ninf"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_219,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [Infinity] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:232",
    query: 'max(max_over_time({app="a", k=~"pinf|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_219,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [Infinity] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:234",
    query: 'max(max_over_time({app="a", k=~"ninf|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_219,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [-Infinity] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:248",
    query: 'count(count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_240,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:250",
    query: 'count(count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    range: { from: 20000, to: 60000, step: 20000 },
    streams: LOAD_240,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [1, 2, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:253",
    query: 'count by (app) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_240,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [2] },
        { labels: { app: "bar" }, points: [1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:256",
    query: 'count by (app) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    range: { from: 20000, to: 60000, step: 20000 },
    streams: LOAD_240,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [1, 2, 2] },
        { labels: { app: "bar" }, points: [undefined, undefined, 1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:260",
    query: 'count without (pod) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_240,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", zone: "eu" }, points: [2] },
        { labels: { app: "bar", zone: "us" }, points: [1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:264",
    query: 'count without (pod, zone) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_240,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [2] },
        { labels: { app: "bar" }, points: [1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:268",
    query: 'count without () (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_240,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", pod: "a", zone: "eu" }, points: [1] },
        { labels: { app: "foo", pod: "b", zone: "eu" }, points: [1] },
        { labels: { app: "bar", pod: "a", zone: "us" }, points: [1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:283",
    query: 'count(max_over_time({app="a", k="fin"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_275,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:285",
    query: 'count(max_over_time({app="a", k=~"fin|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_275,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:287",
    query: 'count(max_over_time({app="a", k=~"fin|nan|pinf"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_275,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:289",
    query: 'count(max_over_time({app="a"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_275,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [4] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:304",
    query: 'stddev(count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_294,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [9] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:306",
    query: 'stddev(count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    range: { from: 20000, to: 60000, step: 20000 },
    streams: LOAD_294,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [3, 6, 9] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:309",
    query: 'stddev by (app) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_294,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [3] },
        { labels: { app: "bar" }, points: [9] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:312",
    query: 'stddev by (app) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    range: { from: 20000, to: 60000, step: 20000 },
    streams: LOAD_294,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [1, 2, 3] },
        { labels: { app: "bar" }, points: [3, 6, 9] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:316",
    query: 'stddev without (pod) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_294,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", zone: "eu" }, points: [3] },
        { labels: { app: "bar", zone: "us" }, points: [9] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:320",
    query: 'stddev without (pod, zone) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_294,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [3] },
        { labels: { app: "bar" }, points: [9] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:324",
    query: 'stddev without () (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_294,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", pod: "a", zone: "eu" }, points: [0] },
        { labels: { app: "foo", pod: "b", zone: "eu" }, points: [0] },
        { labels: { app: "bar", pod: "a", zone: "us" }, points: [0] },
        { labels: { app: "bar", pod: "b", zone: "us" }, points: [0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:340",
    query: 'stddev(max_over_time({app="a", k=~"fin|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_332,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:342",
    query: 'stddev(max_over_time({app="a", k=~"fin|pinf"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_332,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:344",
    query: 'stddev(max_over_time({app="a", k=~"pinf|ninf"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_332,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:346",
    query: 'stddev(max_over_time({app="a", k=~"pinf|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_332,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:348",
    query: 'stddev(max_over_time({app="a", k=~"ninf|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_332,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:363",
    query: 'stdvar(count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_353,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [81] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:365",
    query: 'stdvar(count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    range: { from: 20000, to: 60000, step: 20000 },
    streams: LOAD_353,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [9, 36, 81] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:368",
    query: 'stdvar by (app) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_353,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [9] },
        { labels: { app: "bar" }, points: [81] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:371",
    query: 'stdvar by (app) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    range: { from: 20000, to: 60000, step: 20000 },
    streams: LOAD_353,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [1, 4, 9] },
        { labels: { app: "bar" }, points: [9, 36, 81] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:375",
    query: 'stdvar without (pod) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_353,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", zone: "eu" }, points: [9] },
        { labels: { app: "bar", zone: "us" }, points: [81] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:379",
    query: 'stdvar without (pod, zone) (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_353,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [9] },
        { labels: { app: "bar" }, points: [81] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:383",
    query: 'stdvar without () (count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_353,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", pod: "a", zone: "eu" }, points: [0] },
        { labels: { app: "foo", pod: "b", zone: "eu" }, points: [0] },
        { labels: { app: "bar", pod: "a", zone: "us" }, points: [0] },
        { labels: { app: "bar", pod: "b", zone: "us" }, points: [0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:399",
    query: 'stdvar(max_over_time({app="a", k=~"fin|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_391,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:401",
    query: 'stdvar(max_over_time({app="a", k=~"fin|pinf"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_391,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:403",
    query: 'stdvar(max_over_time({app="a", k=~"pinf|ninf"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_391,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:405",
    query: 'stdvar(max_over_time({app="a", k=~"pinf|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_391,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:407",
    query: 'stdvar(max_over_time({app="a", k=~"ninf|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_391,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:422",
    query: 'topk(2, count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_412,
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
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:425",
    query: 'topk(2, count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    range: { from: 20000, to: 60000, step: 20000 },
    streams: LOAD_412,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "bar", pod: "b" }, points: [10, 20, 30] },
        { labels: { app: "bar", pod: "a" }, points: [5, 10, 15] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:428",
    query: 'topk(1, count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_412,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar", pod: "b" }, points: [30] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:431",
    query: 'topk(1, count_over_time({app=~"foo|bar"} |~".+bar" [1m])) by (app)',
    at: 60000,
    streams: LOAD_412,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", pod: "b" }, points: [12] },
        { labels: { app: "bar", pod: "b" }, points: [30] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:435",
    query: 'topk(1, count_over_time({app=~"foo|bar"} |~".+bar" [1m])) without (app)',
    at: 60000,
    streams: LOAD_412,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "bar", pod: "a" }, points: [15] },
        { labels: { app: "bar", pod: "b" }, points: [30] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:439",
    query: 'topk(1, count_over_time({app=~"foo|bar"} |~".+bar" [1m])) without (app, pod)',
    at: 60000,
    streams: LOAD_412,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar", pod: "b" }, points: [30] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:442",
    query: 'topk(1, count_over_time({app=~"foo|bar"} |~".+bar" [1m])) without ()',
    at: 60000,
    streams: LOAD_412,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", pod: "a" }, points: [6] },
        { labels: { app: "foo", pod: "b" }, points: [12] },
        { labels: { app: "bar", pod: "a" }, points: [15] },
        { labels: { app: "bar", pod: "b" }, points: [30] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:448",
    query: 'topk(1.5, count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_412,
    expected: { kind: "fail", msg: "invalid parameter" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:450",
    query: 'topk(count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_412,
    expected: { kind: "fail", msg: "parameter required" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:463",
    query: 'topk(1, max_over_time({app="a", k=~"fin|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_455,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "fin" }, points: [2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:465",
    query: 'topk(1, max_over_time({app="a", k=~"fin|pinf"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_455,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "pinf" }, points: [Infinity] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:467",
    query: 'topk(1, max_over_time({app="a", k=~"pinf|ninf"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_455,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "pinf" }, points: [Infinity] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:469",
    query: 'topk(1, max_over_time({app="a", k=~"pinf|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_455,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "pinf" }, points: [Infinity] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:471",
    query: 'topk(1, max_over_time({app="a", k=~"ninf|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_455,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "ninf" }, points: [-Infinity] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:486",
    query: 'bottomk(2, count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_476,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", pod: "a" }, points: [6] },
        { labels: { app: "foo", pod: "b" }, points: [12] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:489",
    query: 'bottomk(2, count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    range: { from: 20000, to: 60000, step: 20000 },
    streams: LOAD_476,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", pod: "a" }, points: [2, 4, 6] },
        { labels: { app: "foo", pod: "b" }, points: [4, 8, 12] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:492",
    query: 'bottomk(1, count_over_time({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_476,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo", pod: "a" }, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:495",
    query: 'bottomk(1, count_over_time({app=~"foo|bar"} |~".+bar" [1m])) by (app)',
    at: 60000,
    streams: LOAD_476,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", pod: "a" }, points: [6] },
        { labels: { app: "bar", pod: "a" }, points: [15] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:499",
    query: 'bottomk(1, count_over_time({app=~"foo|bar"} |~".+bar" [1m])) without (app)',
    at: 60000,
    streams: LOAD_476,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", pod: "a" }, points: [6] },
        { labels: { app: "foo", pod: "b" }, points: [12] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:503",
    query: 'bottomk(1, count_over_time({app=~"foo|bar"} |~".+bar" [1m])) without (app, pod)',
    at: 60000,
    streams: LOAD_476,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo", pod: "a" }, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:506",
    query: 'bottomk(1, count_over_time({app=~"foo|bar"} |~".+bar" [1m])) without ()',
    at: 60000,
    streams: LOAD_476,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", pod: "a" }, points: [6] },
        { labels: { app: "foo", pod: "b" }, points: [12] },
        { labels: { app: "bar", pod: "a" }, points: [15] },
        { labels: { app: "bar", pod: "b" }, points: [30] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:522",
    query: 'bottomk(1, max_over_time({app="a", k=~"fin|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_514,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "fin" }, points: [2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:524",
    query: 'bottomk(1, max_over_time({app="a", k=~"fin|pinf"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_514,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "fin" }, points: [2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:526",
    query: 'bottomk(1, max_over_time({app="a", k=~"pinf|ninf"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_514,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "ninf" }, points: [-Infinity] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:528",
    query: 'bottomk(1, max_over_time({app="a", k=~"pinf|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_514,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "pinf" }, points: [Infinity] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:530",
    query: 'bottomk(1, max_over_time({app="a", k=~"ninf|nan"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_514,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "ninf" }, points: [-Infinity] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:545",
    query: 'sort(rate(({app=~"foo|bar"} |~".+bar")[1m]))  + 1',
    at: 60000,
    streams: LOAD_535,
    expected: {
      kind: "series",
      ordered: true,
      series: [
        { labels: { app: "bar", pod: "a" }, points: [1.05] },
        { labels: { app: "foo", pod: "a" }, points: [1.1] },
        { labels: { app: "foo", pod: "b" }, points: [1.2] },
        { labels: { app: "bar", pod: "b" }, points: [1.25] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:551",
    query: 'sort_desc(rate(({app=~"foo|bar"} |~".+bar")[1m]))  + 1',
    at: 60000,
    streams: LOAD_535,
    expected: {
      kind: "series",
      ordered: true,
      series: [
        { labels: { app: "bar", pod: "b" }, points: [1.25] },
        { labels: { app: "foo", pod: "b" }, points: [1.2] },
        { labels: { app: "foo", pod: "a" }, points: [1.1] },
        { labels: { app: "bar", pod: "a" }, points: [1.05] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:571",
    query: 'sort(max_over_time({app="a"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_564,
    expected: {
      kind: "series",
      ordered: true,
      series: [
        { labels: { app: "a", k: "ninf" }, points: [-Infinity] },
        { labels: { app: "a", k: "fin" }, points: [2] },
        { labels: { app: "a", k: "pinf" }, points: [Infinity] },
        { labels: { app: "a", k: "nan" }, points: [NaN] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/vector_aggregations.logqltest:577",
    query: 'sort_desc(max_over_time({app="a"} | logfmt | unwrap v [1m]))',
    at: 60000,
    streams: LOAD_564,
    expected: {
      kind: "series",
      ordered: true,
      series: [
        { labels: { app: "a", k: "pinf" }, points: [Infinity] },
        { labels: { app: "a", k: "fin" }, points: [2] },
        { labels: { app: "a", k: "ninf" }, points: [-Infinity] },
        { labels: { app: "a", k: "nan" }, points: [NaN] },
      ],
    },
  },
];
