/**
 * Transcribed from grafana/loki@65e30f8488e8a5ea2013c6881675f8103a8f6bc7
 * `pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest` (Loki's declarative LogQL engine tests, AGPL-3.0,
 * Grafana Labs): every `eval` is one case, `source` citing its line; its `load` blocks are the
 * `LOAD_<line>` streams. Times in ms. Shape and loader: ../loki-cases.ts.
 */
import type { LokiCase, Stream } from "../loki-cases";

/** range_aggregations.logqltest:3 load */
const LOAD_3: Stream[] = [{ labels: { app: "foo" }, line: "noise", at: 0, every: 10000, count: 61 }];

/** range_aggregations.logqltest:16 load */
const LOAD_16: Stream[] = [
  { labels: { app: "foo" }, line: "xbar", at: 130000, every: 30000, count: 6 },
  { labels: { app: "foo" }, line: "noise", at: 0, every: 30000, count: 15 },
];

/** range_aggregations.logqltest:33 load */
const LOAD_33: Stream[] = [
  { labels: { app: "foo" }, line: "xbar", at: 0, every: 10000, count: 13 },
  { labels: { app: "noise" }, line: "noise", at: 0, every: 10000, count: 13 },
];

/** range_aggregations.logqltest:70 load */
const LOAD_70: Stream[] = [
  { labels: { app: "a" }, line: "xbar", at: 0, every: 10000, count: 13 },
  { labels: { app: "a" }, line: "noise", at: 5000, every: 10000, count: 13 },
  { labels: { app: "b" }, line: "xxbar", at: 0, every: 10000, count: 13 },
  { labels: { app: "b" }, line: "noise", at: 5000, every: 10000, count: 13 },
];

/** range_aggregations.logqltest:101 load */
const LOAD_101: Stream[] = [
  { labels: { app: "foo", foo: "2" }, line: "xbar", at: 0, every: 10000, count: 13 },
  { labels: { app: "noise" }, line: "noise", at: 0, every: 10000, count: 13 },
];

/** range_aggregations.logqltest:112 load */
const LOAD_112: Stream[] = [
  { labels: { app: "a" }, line: "v=10", at: 10000 },
  { labels: { app: "a" }, line: "v=20", at: 20000 },
  { labels: { app: "a" }, line: "v=30", at: 30000 },
  { labels: { app: "a" }, line: "v=40", at: 90000 },
  { labels: { app: "a" }, line: "v=NaN", at: 100000 },
  { labels: { app: "a" }, line: "noise", at: 15000 },
];

/** range_aggregations.logqltest:167 load */
const LOAD_167: Stream[] = [
  { labels: { app: "a", pod: "1" }, line: "v=2", at: 20000 },
  { labels: { app: "a", pod: "1" }, line: "v=4", at: 30000 },
  { labels: { app: "a", pod: "2" }, line: "v=10", at: 40000 },
  { labels: { app: "a", pod: "2" }, line: "v=20", at: 50000 },
  { labels: { app: "a", pod: "1" }, line: "noise", at: 25000 },
];

/** range_aggregations.logqltest:212 load */
const LOAD_212: Stream[] = [
  { labels: { app: "a", pod: "1" }, line: "v=1", at: 10000 },
  { labels: { app: "a", pod: "1" }, line: "v=2", at: 15000 },
  { labels: { app: "a", pod: "1" }, line: "v=5", at: 16000 },
  { labels: { app: "a", pod: "1" }, line: "v=8", at: 19000 },
  { labels: { app: "a", pod: "2" }, line: "v=10", at: 30000 },
  { labels: { app: "a", pod: "2" }, line: "v=20", at: 36000 },
  { labels: { app: "a", pod: "2" }, line: "v=25", at: 39000 },
];

/** range_aggregations.logqltest:230 load */
const LOAD_230: Stream[] = [
  { labels: { app: "a" }, line: "v=1", at: 10000 },
  { labels: { app: "a" }, line: "v=2", at: 20000 },
  { labels: { app: "a" }, line: "v=3", at: 30000 },
  { labels: { app: "a" }, line: "v=4", at: 40000 },
  { labels: { app: "a" }, line: "v=5", at: 50000 },
  { labels: { app: "a" }, line: "v=6", at: 110000 },
  { labels: { app: "a" }, line: "noise", at: 25000 },
];

/** range_aggregations.logqltest:289 load */
const LOAD_289: Stream[] = [
  { labels: { app: "a", pod: "1" }, line: "v=2", at: 20000 },
  { labels: { app: "a", pod: "1" }, line: "v=4", at: 30000 },
  { labels: { app: "a", pod: "2" }, line: "v=10", at: 40000 },
  { labels: { app: "a", pod: "2" }, line: "v=20", at: 50000 },
  { labels: { app: "a", pod: "1" }, line: "noise", at: 25000 },
];

/** range_aggregations.logqltest:317 load */
const LOAD_317: Stream[] = [
  { labels: { app: "foo", bar: "3" }, line: "xbar", at: 0, every: 10000, count: 19 },
  { labels: { app: "foo", bar: "3" }, line: "noise", at: 5000, every: 10000, count: 19 },
  { labels: { app: "bar", bar: "6" }, line: "xbar", at: 0, every: 10000, count: 19 },
  { labels: { app: "bar", bar: "6" }, line: "noise", at: 5000, every: 10000, count: 19 },
];

/** range_aggregations.logqltest:333 load */
const LOAD_333: Stream[] = [
  { labels: { job: "foo" }, line: "bar=1 bazz=10", at: 10000, every: 10000, count: 12 },
  { labels: { job: "foo" }, line: "bar=0 bazz=99", at: 15000, every: 10000, count: 12 },
];

/** range_aggregations.logqltest:356 load */
const LOAD_356: Stream[] = [
  { labels: { app: "a" }, line: "c=100", at: 90000 },
  { labels: { app: "a" }, line: "c=130", at: 120000 },
  { labels: { app: "a" }, line: "c=160", at: 150000 },
  { labels: { app: "a" }, line: "c=250", at: 180000 },
  { labels: { app: "a" }, line: "c=280", at: 210000 },
  { labels: { app: "a" }, line: "c=340", at: 240000 },
  { labels: { app: "a" }, line: "c=400", at: 330000 },
  { labels: { app: "a" }, line: "c=430", at: 360000 },
  { labels: { app: "a" }, line: "c=460", at: 390000 },
  { labels: { app: "a" }, line: "c=550", at: 420000 },
  { labels: { app: "a" }, line: "c=580", at: 450000 },
  { labels: { app: "a" }, line: "c=640", at: 480000 },
  { labels: { app: "a" }, line: "noise", at: 15000, every: 30000, count: 18 },
];

/** range_aggregations.logqltest:414 load */
const LOAD_414: Stream[] = [
  { labels: { app: "a" }, line: "c=30", at: 30000 },
  { labels: { app: "a" }, line: "c=60", at: 60000 },
  { labels: { app: "a" }, line: "c=90", at: 90000 },
  { labels: { app: "a" }, line: "c=30", at: 120000 },
  { labels: { app: "a" }, line: "c=60", at: 150000 },
  { labels: { app: "a" }, line: "noise", at: 15000, every: 30000, count: 6 },
];

/** range_aggregations.logqltest:435 load */
const LOAD_435: Stream[] = [
  { labels: { app: "a" }, line: "c=30", at: 75000 },
  { labels: { app: "a" }, line: "c=90", at: 105000 },
  { labels: { app: "a" }, line: "c=150", at: 135000 },
  { labels: { app: "a" }, line: "noise", at: 60000, every: 30000, count: 4 },
];

/** range_aggregations.logqltest:456 load */
const LOAD_456: Stream[] = [
  { labels: { app: "a" }, line: "c=600", at: 150000 },
  { labels: { app: "a" }, line: "c=660", at: 180000 },
  { labels: { app: "a" }, line: "noise", at: 15000, every: 30000, count: 8 },
];

/** range_aggregations.logqltest:472 load */
const LOAD_472: Stream[] = [
  { labels: { app: "a" }, line: "c=40", at: 180000 },
  { labels: { app: "a" }, line: "c=100", at: 210000 },
  { labels: { app: "a" }, line: "noise", at: 150000 },
];

/** range_aggregations.logqltest:485 load */
const LOAD_485: Stream[] = [
  { labels: { app: "a" }, line: "keep", at: 0, every: 10000, count: 61 },
  { labels: { app: "a" }, line: "noise", at: 5000, every: 10000, count: 61 },
];

/** range_aggregations.logqltest:524 load */
const LOAD_524: Stream[] = [
  { labels: { app: "a" }, line: "a", at: 20000 },
  { labels: { app: "a" }, line: "bb", at: 30000 },
  { labels: { app: "a" }, line: "ccc", at: 40000 },
  { labels: { app: "noise" }, line: "noise", at: 20000, every: 10000, count: 3 },
];

/** range_aggregations.logqltest:550 load */
const LOAD_550: Stream[] = [
  { labels: { app: "a" }, line: "keep", at: 0, every: 10000, count: 19 },
  { labels: { app: "a" }, line: "noise", at: 5000, every: 10000, count: 19 },
];

/** range_aggregations.logqltest:571 load */
const LOAD_571: Stream[] = [
  { labels: { app: "b" }, line: "keep", at: 100, every: 200, count: 6 },
  { labels: { app: "b" }, line: "noise", at: 200, every: 200, count: 6 },
];

/** range_aggregations.logqltest:592 load */
const LOAD_592: Stream[] = [
  { labels: { app: "a", c: "multi" }, line: "v=7", at: 20000 },
  { labels: { app: "a", c: "multi" }, line: "v=13", at: 30000 },
  { labels: { app: "a", c: "single" }, line: "v=5", at: 30000 },
  { labels: { app: "a", c: "nan" }, line: "v=7", at: 20000 },
  { labels: { app: "a", c: "nan" }, line: "v=NaN", at: 40000 },
  { labels: { app: "a", c: "posinf" }, line: "v=+Inf", at: 20000 },
  { labels: { app: "a", c: "posinf" }, line: "v=5", at: 40000 },
  { labels: { app: "a", c: "mixinf" }, line: "v=+Inf", at: 20000 },
  { labels: { app: "a", c: "mixinf" }, line: "v=-Inf", at: 40000 },
  { labels: { app: "noise" }, line: "noise", at: 20000, every: 10000, count: 3 },
];

/** range_aggregations.logqltest:641 load */
const LOAD_641: Stream[] = [
  { labels: { app: "a", pod: "1" }, line: "v=2", at: 10000, every: 60000, count: 2 },
  { labels: { app: "a", pod: "1" }, line: "v=4", at: 20000, every: 60000, count: 2 },
  { labels: { app: "a", pod: "1" }, line: "noise", at: 25000, every: 60000, count: 2 },
  { labels: { app: "a", pod: "2" }, line: "v=6", at: 15000, every: 60000, count: 2 },
  { labels: { app: "a", pod: "2" }, line: "v=12", at: 35000, every: 60000, count: 2 },
  { labels: { app: "a", pod: "3" }, line: "junk", at: 15000, every: 60000, count: 2 },
  { labels: { app: "a", pod: "3" }, line: "moar", at: 35000, every: 60000, count: 2 },
];

/** range_aggregations.logqltest:715 load */
const LOAD_715: Stream[] = [
  { labels: { app: "a", pod: "1" }, line: '{"v":2}', at: 10000, every: 60000, count: 2 },
  { labels: { app: "a", pod: "1" }, line: '{"v":4}', at: 20000, every: 60000, count: 2 },
  { labels: { app: "a", pod: "1" }, line: '{"noise":1}', at: 25000, every: 60000, count: 2 },
  { labels: { app: "a", pod: "2" }, line: '{"v":6}', at: 15000, every: 60000, count: 2 },
  { labels: { app: "a", pod: "2" }, line: '{"v":12}', at: 35000, every: 60000, count: 2 },
  { labels: { app: "a", pod: "3" }, line: '{"junk":1}', at: 15000, every: 60000, count: 2 },
  { labels: { app: "a", pod: "3" }, line: '{"moar":1}', at: 35000, every: 60000, count: 2 },
];

/** range_aggregations.logqltest:791 load */
const LOAD_791: Stream[] = [
  { labels: { app: "a", c: "neg" }, line: "v=-5", at: 20000 },
  { labels: { app: "a", c: "neg" }, line: "v=-1", at: 30000 },
  { labels: { app: "a", c: "neg" }, line: "v=-10", at: 40000 },
  { labels: { app: "a", c: "single" }, line: "v=42", at: 30000 },
  { labels: { app: "a", c: "lead" }, line: "v=NaN", at: 20000 },
  { labels: { app: "a", c: "lead" }, line: "v=7", at: 30000 },
  { labels: { app: "a", c: "lead" }, line: "v=13", at: 40000 },
  { labels: { app: "a", c: "allnan" }, line: "v=NaN", at: 20000 },
  { labels: { app: "a", c: "allnan" }, line: "v=NaN", at: 40000 },
  { labels: { app: "noise" }, line: "noise", at: 20000, every: 10000, count: 3 },
];

/** range_aggregations.logqltest:862 load */
const LOAD_862: Stream[] = [
  { labels: { app: "a", pod: "1" }, line: "v=2", at: 20000 },
  { labels: { app: "a", pod: "1" }, line: "v=4", at: 30000 },
  { labels: { app: "a", pod: "2" }, line: "v=10", at: 40000 },
  { labels: { app: "a", pod: "2" }, line: "v=20", at: 50000 },
  { labels: { app: "a", pod: "1" }, line: "noise", at: 25000 },
];

/** range_aggregations.logqltest:888 load */
const LOAD_888: Stream[] = [
  { labels: { app: "a", c: "mixed" }, line: "v=-3", at: 20000 },
  { labels: { app: "a", c: "mixed" }, line: "v=5", at: 30000 },
  { labels: { app: "a", c: "mixed" }, line: "v=10", at: 40000 },
  { labels: { app: "a", c: "nan" }, line: "v=7", at: 20000 },
  { labels: { app: "a", c: "nan" }, line: "v=NaN", at: 40000 },
  { labels: { app: "a", c: "inf" }, line: "v=+Inf", at: 20000 },
  { labels: { app: "a", c: "inf" }, line: "v=-Inf", at: 40000 },
  { labels: { app: "noise" }, line: "noise", at: 20000, every: 10000, count: 3 },
];

/** range_aggregations.logqltest:928 load */
const LOAD_928: Stream[] = [
  { labels: { app: "a", c: "single" }, line: "v=5", at: 30000 },
  { labels: { app: "a", c: "constant" }, line: "v=4", at: 20000 },
  { labels: { app: "a", c: "constant" }, line: "v=4", at: 30000 },
  { labels: { app: "a", c: "constant" }, line: "v=4", at: 40000 },
  { labels: { app: "a", c: "vary" }, line: "v=2", at: 20000 },
  { labels: { app: "a", c: "vary" }, line: "v=6", at: 40000 },
  { labels: { app: "a", c: "nan" }, line: "v=5", at: 20000 },
  { labels: { app: "a", c: "nan" }, line: "v=NaN", at: 40000 },
  { labels: { app: "a", c: "late" }, line: "v=10", at: 80000 },
  { labels: { app: "a", c: "late" }, line: "v=30", at: 90000 },
  { labels: { app: "noise" }, line: "noise", at: 20000, every: 10000, count: 3 },
];

/** range_aggregations.logqltest:991 load */
const LOAD_991: Stream[] = [
  { labels: { app: "a", pod: "1" }, line: "v=2", at: 20000 },
  { labels: { app: "a", pod: "1" }, line: "v=4", at: 30000 },
  { labels: { app: "a", pod: "2" }, line: "v=10", at: 40000 },
  { labels: { app: "a", pod: "2" }, line: "v=20", at: 50000 },
  { labels: { app: "a", pod: "1" }, line: "noise", at: 25000 },
];

/** range_aggregations.logqltest:1016 load */
const LOAD_1016: Stream[] = [
  { labels: { job: "x", env: "prod" }, line: "present", at: 60000 },
  { labels: { app: "noise" }, line: "noise", at: 20000, every: 10000, count: 12 },
];

/** range_aggregations.logqltest:1040 load */
const LOAD_1040: Stream[] = [
  { labels: { app: "a" }, line: "msg=hello", at: 20000, every: 10000, count: 5 },
  { labels: { app: "noise" }, line: "noise", at: 20000, every: 10000, count: 5 },
];

export const CASES: LokiCase[] = [
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:6",
    query: 'absent_over_time(({app="foo"} |~".+bar")[5m])',
    at: 300000,
    streams: LOAD_3,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:8",
    query: 'absent_over_time(({app="foo"} |~".+bar")[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_3,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [1, 1, 1, 1, 1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:21",
    query: 'absent_over_time(({app="foo"} |~".+bar")[1m])',
    range: { from: 60000, to: 420000, step: 60000 },
    streams: LOAD_16,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "foo" }, points: [1, 1, undefined, undefined, undefined, 1, 1] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:24",
    query: 'absent_over_time(({app="foo"} |~".+bar")[1m])',
    range: { from: 60000, to: 240000, step: 60000 },
    streams: LOAD_16,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [1, 1, undefined, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:27",
    query: 'absent_over_time(({app="foo"} |~".+bar")[1m])',
    range: { from: 180000, to: 420000, step: 60000 },
    streams: LOAD_16,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [undefined, undefined, undefined, 1, 1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:37",
    query: 'rate({app="foo"}[30s])',
    at: 60000,
    streams: LOAD_33,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [0.1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:39",
    query: 'rate({app="foo"}[30s])',
    range: { from: 60000, to: 120000, step: 15000 },
    streams: LOAD_33,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [0.1, 0.1, 0.1, 0.1, 0.1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:41",
    query: 'bytes_over_time({app="foo"}[30s])',
    at: 60000,
    streams: LOAD_33,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [12] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:43",
    query: 'bytes_over_time({app="foo"}[30s])',
    range: { from: 60000, to: 120000, step: 15000 },
    streams: LOAD_33,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [12, 12, 12, 12, 12] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:47",
    query: 'bytes_over_time({app="foo"}[30s]) > 1',
    at: 60000,
    streams: LOAD_33,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [12] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:49",
    query: 'bytes_over_time({app="foo"}[30s]) > 1',
    range: { from: 60000, to: 120000, step: 15000 },
    streams: LOAD_33,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [12, 12, 12, 12, 12] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:51",
    query: 'bytes_over_time({app="foo"}[30s]) > bool 1',
    at: 60000,
    streams: LOAD_33,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:53",
    query: 'bytes_over_time({app="foo"}[30s]) > bool 1',
    range: { from: 60000, to: 120000, step: 15000 },
    streams: LOAD_33,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [1, 1, 1, 1, 1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:58",
    query: '1 < bytes_over_time({app="foo"}[30s])',
    at: 60000,
    streams: LOAD_33,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [12] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:60",
    query: '1 < bytes_over_time({app="foo"}[30s])',
    range: { from: 60000, to: 120000, step: 15000 },
    streams: LOAD_33,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [12, 12, 12, 12, 12] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:63",
    query: '1 < bool bytes_over_time({app="foo"}[30s])',
    at: 60000,
    streams: LOAD_33,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:65",
    query: '1 < bool bytes_over_time({app="foo"}[30s])',
    range: { from: 60000, to: 120000, step: 15000 },
    streams: LOAD_33,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [1, 1, 1, 1, 1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:76",
    query: 'bytes_rate({app=~"a|b"} |~".+bar" [30s])',
    at: 60000,
    streams: LOAD_70,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a" }, points: [0.4] },
        { labels: { app: "b" }, points: [0.5] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:79",
    query: 'bytes_rate({app=~"a|b"} |~".+bar" [30s])',
    range: { from: 60000, to: 120000, step: 15000 },
    streams: LOAD_70,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a" }, points: [0.4, 0.4, 0.4, 0.4, 0.4] },
        { labels: { app: "b" }, points: [0.5, 0.5, 0.5, 0.5, 0.5] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:82",
    query: 'bytes_rate({app=~"a|b"} |~".+bar" [20s])',
    range: { from: 60000, to: 150000, step: 30000 },
    streams: LOAD_70,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a" }, points: [0.4, 0.4, 0.4, undefined] },
        { labels: { app: "b" }, points: [0.5, 0.5, 0.5, undefined] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:86",
    query: 'bytes_rate({app=~"a|b"} |~".+bar" [20s] offset 90s)',
    at: 90000,
    streams: LOAD_70,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a" }, points: [0.2] },
        { labels: { app: "b" }, points: [0.25] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:89",
    query: 'bytes_rate({app=~"a|b"} |~".+bar" [20s] offset 90s)',
    range: { from: 60000, to: 150000, step: 30000 },
    streams: LOAD_70,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a" }, points: [undefined, 0.2, 0.4, 0.4] },
        { labels: { app: "b" }, points: [undefined, 0.25, 0.5, 0.5] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:93",
    query: 'bytes_rate({app=~"a|b"} | logfmt | unwrap v [30s])',
    at: 60000,
    streams: LOAD_70,
    expected: { kind: "fail", msg: "invalid aggregation bytes_rate with unwrap" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:96",
    query: 'bytes_rate({app=~"a|b"} |~".+bar" [30s]) by (app)',
    at: 60000,
    streams: LOAD_70,
    expected: { kind: "fail", msg: "grouping not allowed for bytes_rate aggregation" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:105",
    query: 'rate({app="foo"} | unwrap foo [30s])',
    at: 60000,
    streams: LOAD_101,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [0.2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:107",
    query: 'rate({app="foo"} | unwrap foo [30s])',
    range: { from: 60000, to: 120000, step: 15000 },
    streams: LOAD_101,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [0.2, 0.2, 0.2, 0.2, 0.2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:121",
    query: 'first_over_time({app="a"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_112,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [10] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:123",
    query: 'last_over_time({app="a"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_112,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [30] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:126",
    query: 'first_over_time({app="a"} | logfmt | unwrap v [20s])',
    at: 40000,
    streams: LOAD_112,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [30] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:128",
    query: 'last_over_time({app="a"} | logfmt | unwrap v [20s])',
    at: 40000,
    streams: LOAD_112,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [30] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:130",
    query: 'first_over_time({app="a"} | logfmt | unwrap v [20s])',
    range: { from: 20000, to: 40000, step: 10000 },
    streams: LOAD_112,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [10, 20, 30] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:132",
    query: 'last_over_time({app="a"} | logfmt | unwrap v [20s])',
    range: { from: 20000, to: 40000, step: 10000 },
    streams: LOAD_112,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [20, 30, 30] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:134",
    query: 'first_over_time({app="a"} | logfmt | unwrap v [10s])',
    range: { from: 10000, to: 30000, step: 20000 },
    streams: LOAD_112,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [10, 30] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:136",
    query: 'last_over_time({app="a"} | logfmt | unwrap v [10s])',
    range: { from: 10000, to: 30000, step: 20000 },
    streams: LOAD_112,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [10, 30] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:139",
    query: 'first_over_time({app="a"} | logfmt | unwrap v [20s] offset 30s)',
    at: 60000,
    streams: LOAD_112,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [20] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:141",
    query: 'last_over_time({app="a"} | logfmt | unwrap v [20s] offset 30s)',
    at: 60000,
    streams: LOAD_112,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [30] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:143",
    query: 'first_over_time({app="a"} | logfmt | unwrap v [20s] offset 30s)',
    range: { from: 60000, to: 120000, step: 30000 },
    streams: LOAD_112,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [20, undefined, 40] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:145",
    query: 'last_over_time({app="a"} | logfmt | unwrap v [20s] offset 30s)',
    range: { from: 60000, to: 120000, step: 30000 },
    streams: LOAD_112,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [30, undefined, 40] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:148",
    query: 'first_over_time({app="a"} | logfmt | unwrap v [20s])',
    range: { from: 30000, to: 90000, step: 30000 },
    streams: LOAD_112,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [20, undefined, 40] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:150",
    query: 'last_over_time({app="a"} | logfmt | unwrap v [20s])',
    range: { from: 30000, to: 90000, step: 30000 },
    streams: LOAD_112,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [30, undefined, 40] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:153",
    query: 'first_over_time({app="a"} | logfmt | unwrap v [30s])',
    at: 110000,
    streams: LOAD_112,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [40] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:155",
    query: 'last_over_time({app="a"} | logfmt | unwrap v [30s])',
    at: 110000,
    streams: LOAD_112,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:157",
    query: 'first_over_time({app="a"} | logfmt | unwrap v [30s])',
    at: 125000,
    streams: LOAD_112,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:160",
    query: 'first_over_time({app="a"}[1m])',
    at: 60000,
    streams: LOAD_112,
    expected: { kind: "fail", msg: "invalid aggregation first_over_time without unwrap" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:162",
    query: 'last_over_time({app="a"}[1m])',
    at: 60000,
    streams: LOAD_112,
    expected: { kind: "fail", msg: "invalid aggregation last_over_time without unwrap" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:175",
    query: 'first_over_time({app="a"} | logfmt | unwrap v [1m]) by (pod)',
    at: 60000,
    streams: LOAD_167,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [2] },
        { labels: { pod: "2" }, points: [10] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:178",
    query: 'first_over_time({app="a"} | logfmt | unwrap v [10s]) by (pod)',
    range: { from: 20000, to: 50000, step: 10000 },
    streams: LOAD_167,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [2, 4, undefined, undefined] },
        { labels: { pod: "2" }, points: [undefined, undefined, 10, 20] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:181",
    query: 'first_over_time({app="a"} | logfmt | unwrap v [1m]) by (pod)',
    range: { from: 60000, to: 70000, step: 10000 },
    streams: LOAD_167,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [2, 2] },
        { labels: { pod: "2" }, points: [10, 10] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:185",
    query: 'last_over_time({app="a"} | logfmt | unwrap v [1m]) by (pod)',
    at: 60000,
    streams: LOAD_167,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [4] },
        { labels: { pod: "2" }, points: [20] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:188",
    query: 'last_over_time({app="a"} | logfmt | unwrap v [10s]) by (pod)',
    range: { from: 20000, to: 50000, step: 10000 },
    streams: LOAD_167,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [2, 4, undefined, undefined] },
        { labels: { pod: "2" }, points: [undefined, undefined, 10, 20] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:191",
    query: 'last_over_time({app="a"} | logfmt | unwrap v [1m]) by (pod)',
    range: { from: 60000, to: 70000, step: 10000 },
    streams: LOAD_167,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [4, 4] },
        { labels: { pod: "2" }, points: [20, 20] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:195",
    query: 'first_over_time({app="a"} | logfmt | unwrap v [1m]) without (pod)',
    at: 60000,
    streams: LOAD_167,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:197",
    query: 'first_over_time({app="a"} | logfmt | unwrap v [1m] offset 10s) by (pod)',
    range: { from: 70000, to: 80000, step: 10000 },
    streams: LOAD_167,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [2, 2] },
        { labels: { pod: "2" }, points: [10, 10] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:201",
    query: 'last_over_time({app="a"} | logfmt | unwrap v [1m]) without (pod)',
    at: 60000,
    streams: LOAD_167,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [20] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:203",
    query: 'last_over_time({app="a"} | logfmt | unwrap v [1m] offset 10s) by (pod)',
    range: { from: 70000, to: 80000, step: 10000 },
    streams: LOAD_167,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [4, 4] },
        { labels: { pod: "2" }, points: [20, 20] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:221",
    query: 'first_over_time({app="a"} | logfmt | unwrap v [5s]) by (pod)',
    range: { from: 20000, to: 40000, step: 20000 },
    streams: LOAD_212,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [5, undefined] },
        { labels: { pod: "2" }, points: [undefined, 20] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:224",
    query: 'last_over_time({app="a"} | logfmt | unwrap v [5s]) by (pod)',
    range: { from: 20000, to: 40000, step: 20000 },
    streams: LOAD_212,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [8, undefined] },
        { labels: { pod: "2" }, points: [undefined, 25] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:240",
    query: 'quantile_over_time(0, {app="a"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_230,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:242",
    query: 'quantile_over_time(0.25, {app="a"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_230,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:244",
    query: 'quantile_over_time(0.4, {app="a"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_230,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2.6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:246",
    query: 'quantile_over_time(0.5, {app="a"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_230,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:248",
    query: 'quantile_over_time(1, {app="a"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_230,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [5] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:250",
    query: 'quantile_over_time(0.5, {app="a"} | logfmt | unwrap v [1m])',
    range: { from: 30000, to: 60000, step: 30000 },
    streams: LOAD_230,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:252",
    query: 'quantile_over_time(0.5, {app="a"} | logfmt | unwrap v [15s])',
    range: { from: 20000, to: 50000, step: 30000 },
    streams: LOAD_230,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1.5, 4.5] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:255",
    query: 'quantile_over_time(0.5, {app="a"} | logfmt | unwrap v [15s] offset 20s)',
    at: 50000,
    streams: LOAD_230,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2.5] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:257",
    query: 'quantile_over_time(0.5, {app="a"} | logfmt | unwrap v [15s] offset 20s)',
    range: { from: 50000, to: 110000, step: 30000 },
    streams: LOAD_230,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2.5, 5, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:260",
    query: 'quantile_over_time(0.5, {app="a"} | logfmt | unwrap v [15s])',
    range: { from: 50000, to: 110000, step: 30000 },
    streams: LOAD_230,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [4.5, undefined, 6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:263",
    query: 'quantile_over_time(0, {app="a"} | logfmt | unwrap v [5s])',
    at: 10000,
    streams: LOAD_230,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:265",
    query: 'quantile_over_time(0.5, {app="a"} | logfmt | unwrap v [5s])',
    at: 10000,
    streams: LOAD_230,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:267",
    query: 'quantile_over_time(1, {app="a"} | logfmt | unwrap v [5s])',
    at: 10000,
    streams: LOAD_230,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:270",
    query: 'quantile_over_time(0.5, {app="a"} | logfmt | unwrap v [15s])',
    at: 50000,
    streams: LOAD_230,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [4.5] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:273",
    query: 'quantile_over_time(1.5, {app="a"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_230,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [Infinity] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:276",
    query: 'quantile_over_time(-0.1, {app="a"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_230,
    expected: { kind: "fail", msg: "unexpected -" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:279",
    query: 'quantile_over_time(0.5, {app="a"}[1m])',
    at: 60000,
    streams: LOAD_230,
    expected: { kind: "fail", msg: "invalid aggregation quantile_over_time without unwrap" },
  },
  // Loki skips comparing the values on "query-frontend + query-scheduler (sharding)"; they are compared here.
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:296",
    query: 'quantile_over_time(0.5, {app="a"} | logfmt | unwrap v [1m]) by (pod)',
    at: 60000,
    streams: LOAD_289,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [3] },
        { labels: { pod: "2" }, points: [15] },
      ],
    },
  },
  // Loki skips comparing the values on "query-frontend + query-scheduler (sharding)"; they are compared here.
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:300",
    query: 'quantile_over_time(0.5, {app="a"} | logfmt | unwrap v [1m]) by (app)',
    at: 60000,
    streams: LOAD_289,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [7] }] },
  },
  // Loki skips comparing the values on "query-frontend + query-scheduler (sharding)"; they are compared here.
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:303",
    query: 'quantile_over_time(0.5, {app="a"} | logfmt | unwrap v [1m]) without (pod)',
    at: 60000,
    streams: LOAD_289,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [7] }] },
  },
  // Loki skips comparing the values on "query-frontend + query-scheduler (sharding)"; they are compared here.
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:306",
    query: 'quantile_over_time(0.5, {app="a"} | logfmt | unwrap v [1m]) without (app)',
    at: 60000,
    streams: LOAD_289,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [3] },
        { labels: { pod: "2" }, points: [15] },
      ],
    },
  },
  // Loki skips comparing the values on "query-frontend + query-scheduler (sharding)"; they are compared here.
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:310",
    query: 'quantile_over_time(0.5, {app="a"} | logfmt | unwrap v [1m]) by (pod)',
    range: { from: 60000, to: 70000, step: 10000 },
    streams: LOAD_289,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [3, 3] },
        { labels: { pod: "2" }, points: [15, 15] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:323",
    query: 'rate(({app=~"foo|bar"} |~".+bar" | unwrap bar)[1m])',
    at: 120000,
    streams: LOAD_317,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [0.3] },
        { labels: { app: "bar" }, points: [0.6] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:326",
    query: 'rate(({app=~"foo|bar"} |~".+bar" | unwrap bar)[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_317,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [0.3, 0.3, 0.3, 0.3, 0.3] },
        { labels: { app: "bar" }, points: [0.6, 0.6, 0.6, 0.6, 0.6] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:337",
    query: 'sum(rate({job="foo"} | logfmt | bar > 0 | unwrap bazz [30s]))',
    at: 120000,
    streams: LOAD_333,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:339",
    query: 'sum(rate({job="foo"} | logfmt | bar > 0 | unwrap bazz [30s]))',
    range: { from: 60000, to: 120000, step: 30000 },
    streams: LOAD_333,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [1, 1, 1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:373",
    query: 'rate_counter({app="a"} | logfmt | unwrap c [1m])',
    at: 480000,
    streams: LOAD_356,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:375",
    query: 'rate_counter({app="a"} | logfmt | unwrap c [1m])',
    range: { from: 60000, to: 540000, step: 60000 },
    streams: LOAD_356,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a" }, points: [undefined, 1, 3, 2, undefined, 1, 3, 2, undefined] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:377",
    query: 'rate_counter({app="a"} | logfmt | unwrap c [1m])',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_356,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [undefined, 1, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:379",
    query: 'rate_counter({app="a"} | logfmt | unwrap c [1m])',
    range: { from: 240000, to: 360000, step: 60000 },
    streams: LOAD_356,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2, undefined, 1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:381",
    query: 'rate_counter({app="a"} | logfmt | unwrap c [1m])',
    range: { from: 420000, to: 540000, step: 60000 },
    streams: LOAD_356,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [3, 2, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:387",
    query: 'rate_counter({app="a"} | logfmt | unwrap c [3m])',
    at: 360000,
    streams: LOAD_356,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:389",
    query: 'rate_counter({app="a"} | logfmt | unwrap c [3m])',
    range: { from: 240000, to: 360000, step: 60000 },
    streams: LOAD_356,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1.6, 1.5, 1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:392",
    query: 'rate_counter({app="a"} | logfmt | unwrap c [1m] offset 60s)',
    at: 180000,
    streams: LOAD_356,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:394",
    query: 'rate_counter({app="a"} | logfmt | unwrap c [1m] offset 60s)',
    range: { from: 60000, to: 540000, step: 60000 },
    streams: LOAD_356,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a" }, points: [undefined, undefined, 1, 3, 2, undefined, 1, 3, 2] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:397",
    query: 'rate_counter({app="a"} | logfmt | unwrap c [10s])',
    at: 90000,
    streams: LOAD_356,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [0] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:400",
    query: 'rate_counter({app="a"} | logfmt | unwrap c [10s])',
    at: 300000,
    streams: LOAD_356,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:403",
    query: 'rate_counter({app="a"}[1m])',
    at: 60000,
    streams: LOAD_356,
    expected: { kind: "fail", msg: "invalid aggregation rate_counter without unwrap" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:406",
    query: 'rate_counter({app="a"} | logfmt | unwrap c [1m]) by (app)',
    at: 480000,
    streams: LOAD_356,
    expected: { kind: "fail", msg: "grouping not allowed for rate_counter aggregation" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:422",
    query: 'rate_counter({app="a"} | logfmt | unwrap c [2m])',
    at: 150000,
    streams: LOAD_414,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:424",
    query: 'rate_counter({app="a"} | logfmt | unwrap c [1m])',
    at: 120000,
    streams: LOAD_414,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:441",
    query: 'rate_counter({app="a"} | logfmt | unwrap c [1m])',
    at: 105000,
    streams: LOAD_435,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1.5] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:443",
    query: 'rate_counter({app="a"} | logfmt | unwrap c [1m])',
    at: 135000,
    streams: LOAD_435,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:461",
    query: 'rate_counter({app="a"} | logfmt | unwrap c [90s])',
    at: 180000,
    streams: LOAD_456,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:463",
    query: 'rate_counter({app="a"} | logfmt | unwrap c [90s])',
    range: { from: 180000, to: 210000, step: 30000 },
    streams: LOAD_456,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1, 2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:465",
    query: 'rate_counter({app="a"} | logfmt | unwrap c [150s])',
    at: 240000,
    streams: LOAD_456,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [0.8] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:480",
    query: 'rate_counter({app="a"} | logfmt | unwrap c [90s])',
    at: 210000,
    streams: LOAD_472,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:489",
    query: 'count_over_time({app="a"} |= "keep" [1m])',
    at: 60000,
    streams: LOAD_485,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:491",
    query: 'count_over_time({app="a"} |= "keep" [1m])',
    range: { from: 60000, to: 120000, step: 30000 },
    streams: LOAD_485,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [6, 6, 6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:493",
    query: 'count_over_time({app="a"} |= "keep" [1m])',
    range: { from: 60000, to: 180000, step: 90000 },
    streams: LOAD_485,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [6, 6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:496",
    query: 'count_over_time({app="a"} |= "keep" [1m] offset 90s)',
    at: 90000,
    streams: LOAD_485,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:498",
    query: 'count_over_time({app="a"} |= "keep" [1m] offset 90s)',
    range: { from: 60000, to: 150000, step: 30000 },
    streams: LOAD_485,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [undefined, 1, 4, 6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:501",
    query: 'count_over_time({app="a"} |= "keep" [5m])',
    at: 300000,
    streams: LOAD_485,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [30] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:503",
    query: 'count_over_time({app="a"} |= "keep" [5m])',
    range: { from: 300000, to: 600000, step: 60000 },
    streams: LOAD_485,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [30, 30, 30, 30, 30, 30] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:506",
    query: 'count_over_time({app="a"} |= "keep" [10s])',
    at: 60000,
    streams: LOAD_485,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:508",
    query: 'count_over_time({app="a"} |= "keep" [10s])',
    range: { from: 40000, to: 60000, step: 10000 },
    streams: LOAD_485,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1, 1, 1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:511",
    query: 'count_over_time({app="a"} |= "keep" [1m])',
    at: 720000,
    streams: LOAD_485,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:513",
    query: 'count_over_time({app="a"} |= "keep" [1m])',
    range: { from: 600000, to: 720000, step: 60000 },
    streams: LOAD_485,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [6, undefined, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:516",
    query: 'count_over_time({app="a"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_485,
    expected: { kind: "fail", msg: "invalid aggregation count_over_time with unwrap" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:519",
    query: 'count_over_time({app="a"} |= "keep" [1m]) by (app)',
    at: 60000,
    streams: LOAD_485,
    expected: { kind: "fail", msg: "grouping not allowed for count_over_time aggregation" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:530",
    query: 'bytes_over_time({app="a"}[1m])',
    at: 60000,
    streams: LOAD_524,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:532",
    query: 'bytes_over_time({app="a"}[1m])',
    range: { from: 40000, to: 60000, step: 20000 },
    streams: LOAD_524,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [6, 6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:534",
    query: 'bytes_over_time({app="a"}[1m])',
    range: { from: 60000, to: 130000, step: 70000 },
    streams: LOAD_524,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [6, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:537",
    query: 'bytes_over_time({app="a"}[20s] offset 20s)',
    at: 60000,
    streams: LOAD_524,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [5] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:539",
    query: 'bytes_over_time({app="a"}[20s] offset 20s)',
    range: { from: 40000, to: 100000, step: 20000 },
    streams: LOAD_524,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1, 5, undefined, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:542",
    query: 'bytes_over_time({app="a"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_524,
    expected: { kind: "fail", msg: "invalid aggregation bytes_over_time with unwrap" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:545",
    query: 'bytes_over_time({app="a"}[1m]) by (app)',
    at: 60000,
    streams: LOAD_524,
    expected: { kind: "fail", msg: "grouping not allowed for bytes_over_time aggregation" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:554",
    query: 'rate({app="a"} |= "keep" [1m])',
    at: 60000,
    streams: LOAD_550,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [0.1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:556",
    query: 'rate({app="a"} |= "keep" [1m])',
    range: { from: 60000, to: 120000, step: 30000 },
    streams: LOAD_550,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [0.1, 0.1, 0.1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:558",
    query: 'rate({app="a"} |= "keep" [1m])',
    range: { from: 60000, to: 180000, step: 90000 },
    streams: LOAD_550,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [0.1, 0.1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:561",
    query: 'rate({app="a"} |= "keep" [20s] offset 90s)',
    at: 90000,
    streams: LOAD_550,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [0.05] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:563",
    query: 'rate({app="a"} |= "keep" [20s] offset 90s)',
    range: { from: 60000, to: 150000, step: 30000 },
    streams: LOAD_550,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [undefined, 0.05, 0.1, 0.1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:566",
    query: 'rate({app="a"} |= "keep" [1m]) by (app)',
    at: 60000,
    streams: LOAD_550,
    expected: { kind: "fail", msg: "grouping not allowed for rate aggregation" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:575",
    query: 'rate({app="b"} |= "keep" [500ms])',
    at: 500,
    streams: LOAD_571,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "b" }, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:577",
    query: 'rate({app="b"} |= "keep" [500ms])',
    range: { from: 500, to: 900, step: 400 },
    streams: LOAD_571,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "b" }, points: [6, 6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:579",
    query: 'rate({app="b"} |= "keep" [500ms])',
    range: { from: 500, to: 1100, step: 600 },
    streams: LOAD_571,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "b" }, points: [6, 6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:582",
    query: 'rate({app="b"} |= "keep" [500ms] offset 500ms)',
    at: 1300,
    streams: LOAD_571,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "b" }, points: [4] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:584",
    query: 'rate({app="b"} |= "keep" [500ms] offset 500ms)',
    range: { from: 1000, to: 1600, step: 300 },
    streams: LOAD_571,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "b" }, points: [6, 4, 6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:604",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_592,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "multi" }, points: [10] },
        { labels: { app: "a", c: "single" }, points: [5] },
        { labels: { app: "a", c: "nan" }, points: [NaN] },
        { labels: { app: "a", c: "posinf" }, points: [Infinity] },
        { labels: { app: "a", c: "mixinf" }, points: [NaN] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:610",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v [1m])',
    range: { from: 40000, to: 60000, step: 20000 },
    streams: LOAD_592,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "multi" }, points: [10, 10] },
        { labels: { app: "a", c: "single" }, points: [5, 5] },
        { labels: { app: "a", c: "nan" }, points: [NaN, NaN] },
        { labels: { app: "a", c: "posinf" }, points: [Infinity, Infinity] },
        { labels: { app: "a", c: "mixinf" }, points: [NaN, NaN] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:616",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v [1m])',
    range: { from: 60000, to: 130000, step: 70000 },
    streams: LOAD_592,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "multi" }, points: [10, undefined] },
        { labels: { app: "a", c: "single" }, points: [5, undefined] },
        { labels: { app: "a", c: "nan" }, points: [NaN, undefined] },
        { labels: { app: "a", c: "posinf" }, points: [Infinity, undefined] },
        { labels: { app: "a", c: "mixinf" }, points: [NaN, undefined] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:623",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v [20s] offset 30s)',
    at: 60000,
    streams: LOAD_592,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "multi" }, points: [10] },
        { labels: { app: "a", c: "single" }, points: [5] },
        { labels: { app: "a", c: "nan" }, points: [7] },
        { labels: { app: "a", c: "posinf" }, points: [Infinity] },
        { labels: { app: "a", c: "mixinf" }, points: [Infinity] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:629",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v [20s] offset 30s)',
    range: { from: 40000, to: 100000, step: 20000 },
    streams: LOAD_592,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "multi" }, points: [undefined, 10, undefined, undefined] },
        { labels: { app: "a", c: "single" }, points: [undefined, 5, undefined, undefined] },
        { labels: { app: "a", c: "nan" }, points: [undefined, 7, NaN, undefined] },
        { labels: { app: "a", c: "posinf" }, points: [undefined, Infinity, 5, undefined] },
        { labels: { app: "a", c: "mixinf" }, points: [undefined, Infinity, -Infinity, undefined] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:636",
    query: 'avg_over_time({app="a"}[1m])',
    at: 60000,
    streams: LOAD_592,
    expected: { kind: "fail", msg: "invalid aggregation avg_over_time without unwrap" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:651",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v [1m]) by (pod)',
    at: 60000,
    streams: LOAD_641,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [3] },
        { labels: { pod: "2" }, points: [9] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:654",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v [1m]) by (pod)',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_641,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [3, 3, undefined] },
        { labels: { pod: "2" }, points: [9, 9, undefined] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:657",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v [1m]) by (app)',
    at: 60000,
    streams: LOAD_641,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:659",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v [1m]) by (app)',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_641,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [6, 6, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:661",
    query: 'sum(avg_over_time({app="a"} | logfmt | unwrap v [1m]) by (pod))',
    at: 60000,
    streams: LOAD_641,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [12] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:663",
    query: 'sum(avg_over_time({app="a"} | logfmt | unwrap v [1m]) by (pod))',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_641,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [12, 12, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:666",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v [1m]) by (pod, app)',
    at: 60000,
    streams: LOAD_641,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", pod: "1" }, points: [3] },
        { labels: { app: "a", pod: "2" }, points: [9] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:669",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v [1m]) by (pod, app)',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_641,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", pod: "1" }, points: [3, 3, undefined] },
        { labels: { app: "a", pod: "2" }, points: [9, 9, undefined] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:673",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v [1m]) by ()',
    at: 60000,
    streams: LOAD_641,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:675",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v [1m]) by ()',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_641,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [6, 6, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:678",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v [1m]) without (pod)',
    at: 60000,
    streams: LOAD_641,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:680",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v [1m]) without (pod)',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_641,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [6, 6, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:683",
    query: 'avg_over_time({app="a"} | logfmt | drop pod | unwrap v [1m])',
    at: 60000,
    streams: LOAD_641,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:685",
    query: 'avg_over_time({app="a"} | logfmt | drop pod | unwrap v [1m])',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_641,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [6, 6, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:688",
    query: 'avg_over_time({app="a"} | logfmt | drop pod | unwrap v [1m]) by (pod)',
    at: 60000,
    streams: LOAD_641,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:690",
    query: 'avg_over_time({app="a"} | logfmt | drop pod | unwrap v [1m]) by (pod)',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_641,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [6, 6, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:693",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v [1m]) by (pod) > 5',
    at: 60000,
    streams: LOAD_641,
    expected: { kind: "series", ordered: false, series: [{ labels: { pod: "2" }, points: [9] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:695",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v [1m]) by (pod) > 5',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_641,
    expected: { kind: "series", ordered: false, series: [{ labels: { pod: "2" }, points: [9, 9, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:698",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v | pod="1" [1m]) by (app)',
    at: 60000,
    streams: LOAD_641,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:700",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v | pod="1" [1m]) by (app)',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_641,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [3, 3, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:702",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v | pod!="1" [1m]) by (pod)',
    at: 60000,
    streams: LOAD_641,
    expected: { kind: "series", ordered: false, series: [{ labels: { pod: "2" }, points: [9] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:704",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v | pod!="1" [1m]) by (pod)',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_641,
    expected: { kind: "series", ordered: false, series: [{ labels: { pod: "2" }, points: [9, 9, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:706",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v | v > 3 [1m]) by (pod)',
    at: 60000,
    streams: LOAD_641,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [4] },
        { labels: { pod: "2" }, points: [9] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:709",
    query: 'avg_over_time({app="a"} | logfmt | unwrap v | v > 3 [1m]) by (pod)',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_641,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [4, 4, undefined] },
        { labels: { pod: "2" }, points: [9, 9, undefined] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:725",
    query: 'avg_over_time({app="a"} | json | unwrap v [1m]) by (pod)',
    at: 60000,
    streams: LOAD_715,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [3] },
        { labels: { pod: "2" }, points: [9] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:728",
    query: 'avg_over_time({app="a"} | json | unwrap v [1m]) by (pod)',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_715,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [3, 3, undefined] },
        { labels: { pod: "2" }, points: [9, 9, undefined] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:731",
    query: 'avg_over_time({app="a"} | json | unwrap v [1m]) by (app)',
    at: 60000,
    streams: LOAD_715,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:733",
    query: 'avg_over_time({app="a"} | json | unwrap v [1m]) by (app)',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_715,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [6, 6, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:735",
    query: 'sum(avg_over_time({app="a"} | json | unwrap v [1m]) by (pod))',
    at: 60000,
    streams: LOAD_715,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [12] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:737",
    query: 'sum(avg_over_time({app="a"} | json | unwrap v [1m]) by (pod))',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_715,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [12, 12, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:740",
    query: 'avg_over_time({app="a"} | json | unwrap v [1m]) by (pod, app)',
    at: 60000,
    streams: LOAD_715,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", pod: "1" }, points: [3] },
        { labels: { app: "a", pod: "2" }, points: [9] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:743",
    query: 'avg_over_time({app="a"} | json | unwrap v [1m]) by (pod, app)',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_715,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", pod: "1" }, points: [3, 3, undefined] },
        { labels: { app: "a", pod: "2" }, points: [9, 9, undefined] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:747",
    query: 'avg_over_time({app="a"} | json | unwrap v [1m]) by ()',
    at: 60000,
    streams: LOAD_715,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:749",
    query: 'avg_over_time({app="a"} | json | unwrap v [1m]) by ()',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_715,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [6, 6, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:752",
    query: 'avg_over_time({app="a"} | json | unwrap v [1m]) without (pod)',
    at: 60000,
    streams: LOAD_715,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:754",
    query: 'avg_over_time({app="a"} | json | unwrap v [1m]) without (pod)',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_715,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [6, 6, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:757",
    query: 'avg_over_time({app="a"} | json | drop pod | unwrap v [1m])',
    at: 60000,
    streams: LOAD_715,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:759",
    query: 'avg_over_time({app="a"} | json | drop pod | unwrap v [1m])',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_715,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [6, 6, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:762",
    query: 'avg_over_time({app="a"} | json | drop pod | unwrap v [1m]) by (pod)',
    at: 60000,
    streams: LOAD_715,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:764",
    query: 'avg_over_time({app="a"} | json | drop pod | unwrap v [1m]) by (pod)',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_715,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [6, 6, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:767",
    query: 'avg_over_time({app="a"} | json | unwrap v [1m]) by (pod) > 5',
    at: 60000,
    streams: LOAD_715,
    expected: { kind: "series", ordered: false, series: [{ labels: { pod: "2" }, points: [9] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:769",
    query: 'avg_over_time({app="a"} | json | unwrap v [1m]) by (pod) > 5',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_715,
    expected: { kind: "series", ordered: false, series: [{ labels: { pod: "2" }, points: [9, 9, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:772",
    query: 'avg_over_time({app="a"} | json | unwrap v | pod="1" [1m]) by (app)',
    at: 60000,
    streams: LOAD_715,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:774",
    query: 'avg_over_time({app="a"} | json | unwrap v | pod="1" [1m]) by (app)',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_715,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [3, 3, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:776",
    query: 'avg_over_time({app="a"} | json | unwrap v | pod!="1" [1m]) by (pod)',
    at: 60000,
    streams: LOAD_715,
    expected: { kind: "series", ordered: false, series: [{ labels: { pod: "2" }, points: [9] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:778",
    query: 'avg_over_time({app="a"} | json | unwrap v | pod!="1" [1m]) by (pod)',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_715,
    expected: { kind: "series", ordered: false, series: [{ labels: { pod: "2" }, points: [9, 9, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:780",
    query: 'avg_over_time({app="a"} | json | unwrap v | v > 3 [1m]) by (pod)',
    at: 60000,
    streams: LOAD_715,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [4] },
        { labels: { pod: "2" }, points: [9] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:783",
    query: 'avg_over_time({app="a"} | json | unwrap v | v > 3 [1m]) by (pod)',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_715,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [4, 4, undefined] },
        { labels: { pod: "2" }, points: [9, 9, undefined] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:803",
    query: 'min_over_time({app="a"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_791,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "neg" }, points: [-10] },
        { labels: { app: "a", c: "single" }, points: [42] },
        { labels: { app: "a", c: "lead" }, points: [7] },
        { labels: { app: "a", c: "allnan" }, points: [NaN] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:808",
    query: 'min_over_time({app="a"} | logfmt | unwrap v [1m])',
    range: { from: 40000, to: 60000, step: 20000 },
    streams: LOAD_791,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "neg" }, points: [-10, -10] },
        { labels: { app: "a", c: "single" }, points: [42, 42] },
        { labels: { app: "a", c: "lead" }, points: [7, 7] },
        { labels: { app: "a", c: "allnan" }, points: [NaN, NaN] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:813",
    query: 'min_over_time({app="a"} | logfmt | unwrap v [1m])',
    range: { from: 60000, to: 130000, step: 70000 },
    streams: LOAD_791,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "neg" }, points: [-10, undefined] },
        { labels: { app: "a", c: "single" }, points: [42, undefined] },
        { labels: { app: "a", c: "lead" }, points: [7, undefined] },
        { labels: { app: "a", c: "allnan" }, points: [NaN, undefined] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:818",
    query: 'max_over_time({app="a"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_791,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "neg" }, points: [-1] },
        { labels: { app: "a", c: "single" }, points: [42] },
        { labels: { app: "a", c: "lead" }, points: [13] },
        { labels: { app: "a", c: "allnan" }, points: [NaN] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:823",
    query: 'max_over_time({app="a"} | logfmt | unwrap v [1m])',
    range: { from: 40000, to: 60000, step: 20000 },
    streams: LOAD_791,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "neg" }, points: [-1, -1] },
        { labels: { app: "a", c: "single" }, points: [42, 42] },
        { labels: { app: "a", c: "lead" }, points: [13, 13] },
        { labels: { app: "a", c: "allnan" }, points: [NaN, NaN] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:828",
    query: 'max_over_time({app="a"} | logfmt | unwrap v [1m])',
    range: { from: 60000, to: 130000, step: 70000 },
    streams: LOAD_791,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "neg" }, points: [-1, undefined] },
        { labels: { app: "a", c: "single" }, points: [42, undefined] },
        { labels: { app: "a", c: "lead" }, points: [13, undefined] },
        { labels: { app: "a", c: "allnan" }, points: [NaN, undefined] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:834",
    query: 'min_over_time({app="a"} | logfmt | unwrap v [20s] offset 30s)',
    at: 60000,
    streams: LOAD_791,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "neg" }, points: [-5] },
        { labels: { app: "a", c: "single" }, points: [42] },
        { labels: { app: "a", c: "lead" }, points: [7] },
        { labels: { app: "a", c: "allnan" }, points: [NaN] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:839",
    query: 'max_over_time({app="a"} | logfmt | unwrap v [20s] offset 30s)',
    at: 60000,
    streams: LOAD_791,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "neg" }, points: [-1] },
        { labels: { app: "a", c: "single" }, points: [42] },
        { labels: { app: "a", c: "lead" }, points: [7] },
        { labels: { app: "a", c: "allnan" }, points: [NaN] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:844",
    query: 'min_over_time({app="a"} | logfmt | unwrap v [20s] offset 30s)',
    range: { from: 40000, to: 100000, step: 20000 },
    streams: LOAD_791,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "neg" }, points: [undefined, -5, -10, undefined] },
        { labels: { app: "a", c: "single" }, points: [undefined, 42, undefined, undefined] },
        { labels: { app: "a", c: "lead" }, points: [undefined, 7, 13, undefined] },
        { labels: { app: "a", c: "allnan" }, points: [undefined, NaN, NaN, undefined] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:849",
    query: 'max_over_time({app="a"} | logfmt | unwrap v [20s] offset 30s)',
    range: { from: 40000, to: 100000, step: 20000 },
    streams: LOAD_791,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "neg" }, points: [undefined, -1, -10, undefined] },
        { labels: { app: "a", c: "single" }, points: [undefined, 42, undefined, undefined] },
        { labels: { app: "a", c: "lead" }, points: [undefined, 7, 13, undefined] },
        { labels: { app: "a", c: "allnan" }, points: [undefined, NaN, NaN, undefined] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:855",
    query: 'min_over_time({app="a"}[1m])',
    at: 60000,
    streams: LOAD_791,
    expected: { kind: "fail", msg: "invalid aggregation min_over_time without unwrap" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:857",
    query: 'max_over_time({app="a"}[1m])',
    at: 60000,
    streams: LOAD_791,
    expected: { kind: "fail", msg: "invalid aggregation max_over_time without unwrap" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:869",
    query: 'min_over_time({app="a"} | logfmt | unwrap v [1m]) by (pod)',
    at: 60000,
    streams: LOAD_862,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [2] },
        { labels: { pod: "2" }, points: [10] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:872",
    query: 'max_over_time({app="a"} | logfmt | unwrap v [1m]) by (pod)',
    at: 60000,
    streams: LOAD_862,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [4] },
        { labels: { pod: "2" }, points: [20] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:875",
    query: 'min_over_time({app="a"} | logfmt | unwrap v [1m]) without (pod)',
    at: 60000,
    streams: LOAD_862,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:877",
    query: 'max_over_time({app="a"} | logfmt | unwrap v [1m]) without (pod)',
    at: 60000,
    streams: LOAD_862,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [20] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:879",
    query: 'min_over_time({app="a"} | logfmt | unwrap v [1m]) by (pod)',
    range: { from: 60000, to: 70000, step: 10000 },
    streams: LOAD_862,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [2, 2] },
        { labels: { pod: "2" }, points: [10, 10] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:898",
    query: 'sum_over_time({app="a"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_888,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "mixed" }, points: [12] },
        { labels: { app: "a", c: "nan" }, points: [NaN] },
        { labels: { app: "a", c: "inf" }, points: [NaN] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:902",
    query: 'sum_over_time({app="a"} | logfmt | unwrap v [1m])',
    range: { from: 40000, to: 60000, step: 20000 },
    streams: LOAD_888,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "mixed" }, points: [12, 12] },
        { labels: { app: "a", c: "nan" }, points: [NaN, NaN] },
        { labels: { app: "a", c: "inf" }, points: [NaN, NaN] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:906",
    query: 'sum_over_time({app="a"} | logfmt | unwrap v [1m])',
    range: { from: 60000, to: 130000, step: 70000 },
    streams: LOAD_888,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "mixed" }, points: [12, undefined] },
        { labels: { app: "a", c: "nan" }, points: [NaN, undefined] },
        { labels: { app: "a", c: "inf" }, points: [NaN, undefined] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:911",
    query: 'sum_over_time({app="a"} | logfmt | unwrap v [20s] offset 30s)',
    at: 60000,
    streams: LOAD_888,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "mixed" }, points: [2] },
        { labels: { app: "a", c: "nan" }, points: [7] },
        { labels: { app: "a", c: "inf" }, points: [Infinity] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:915",
    query: 'sum_over_time({app="a"} | logfmt | unwrap v [20s] offset 30s)',
    range: { from: 40000, to: 100000, step: 20000 },
    streams: LOAD_888,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "mixed" }, points: [undefined, 2, 10, undefined] },
        { labels: { app: "a", c: "nan" }, points: [undefined, 7, NaN, undefined] },
        { labels: { app: "a", c: "inf" }, points: [undefined, Infinity, -Infinity, undefined] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:920",
    query: 'sum_over_time({app="a"}[1m])',
    at: 60000,
    streams: LOAD_888,
    expected: { kind: "fail", msg: "invalid aggregation sum_over_time without unwrap" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:923",
    query: 'sum_over_time({app="a"} | logfmt | unwrap v [1m]) by (app)',
    at: 60000,
    streams: LOAD_888,
    expected: { kind: "fail", msg: "grouping not allowed for sum_over_time aggregation" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:942",
    query: 'stdvar_over_time({app="a"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_928,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "single" }, points: [0] },
        { labels: { app: "a", c: "constant" }, points: [0] },
        { labels: { app: "a", c: "vary" }, points: [4] },
        { labels: { app: "a", c: "nan" }, points: [NaN] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:947",
    query: 'stdvar_over_time({app="a"} | logfmt | unwrap v [1m])',
    range: { from: 40000, to: 60000, step: 20000 },
    streams: LOAD_928,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "single" }, points: [0, 0] },
        { labels: { app: "a", c: "constant" }, points: [0, 0] },
        { labels: { app: "a", c: "vary" }, points: [4, 4] },
        { labels: { app: "a", c: "nan" }, points: [NaN, NaN] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:952",
    query: 'stdvar_over_time({app="a"} | logfmt | unwrap v [1m])',
    range: { from: 60000, to: 130000, step: 70000 },
    streams: LOAD_928,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "single" }, points: [0, undefined] },
        { labels: { app: "a", c: "constant" }, points: [0, undefined] },
        { labels: { app: "a", c: "vary" }, points: [4, undefined] },
        { labels: { app: "a", c: "nan" }, points: [NaN, undefined] },
        { labels: { app: "a", c: "late" }, points: [undefined, 100] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:958",
    query: 'stddev_over_time({app="a"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_928,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "single" }, points: [0] },
        { labels: { app: "a", c: "constant" }, points: [0] },
        { labels: { app: "a", c: "vary" }, points: [2] },
        { labels: { app: "a", c: "nan" }, points: [NaN] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:963",
    query: 'stddev_over_time({app="a"} | logfmt | unwrap v [1m])',
    range: { from: 40000, to: 60000, step: 20000 },
    streams: LOAD_928,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "single" }, points: [0, 0] },
        { labels: { app: "a", c: "constant" }, points: [0, 0] },
        { labels: { app: "a", c: "vary" }, points: [2, 2] },
        { labels: { app: "a", c: "nan" }, points: [NaN, NaN] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:968",
    query: 'stddev_over_time({app="a"} | logfmt | unwrap v [1m])',
    range: { from: 60000, to: 130000, step: 70000 },
    streams: LOAD_928,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "a", c: "single" }, points: [0, undefined] },
        { labels: { app: "a", c: "constant" }, points: [0, undefined] },
        { labels: { app: "a", c: "vary" }, points: [2, undefined] },
        { labels: { app: "a", c: "nan" }, points: [NaN, undefined] },
        { labels: { app: "a", c: "late" }, points: [undefined, 10] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:975",
    query: 'stdvar_over_time({app="a"} | logfmt | unwrap v [20s] offset 20s)',
    at: 110000,
    streams: LOAD_928,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", c: "late" }, points: [100] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:977",
    query: 'stddev_over_time({app="a"} | logfmt | unwrap v [20s] offset 20s)',
    at: 110000,
    streams: LOAD_928,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", c: "late" }, points: [10] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:979",
    query: 'stdvar_over_time({app="a"} | logfmt | unwrap v [20s] offset 20s)',
    range: { from: 110000, to: 150000, step: 20000 },
    streams: LOAD_928,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", c: "late" }, points: [100, undefined, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:981",
    query: 'stddev_over_time({app="a"} | logfmt | unwrap v [20s] offset 20s)',
    range: { from: 110000, to: 150000, step: 20000 },
    streams: LOAD_928,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", c: "late" }, points: [10, undefined, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:984",
    query: 'stdvar_over_time({app="a"}[1m])',
    at: 60000,
    streams: LOAD_928,
    expected: { kind: "fail", msg: "invalid aggregation stdvar_over_time without unwrap" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:986",
    query: 'stddev_over_time({app="a"}[1m])',
    at: 60000,
    streams: LOAD_928,
    expected: { kind: "fail", msg: "invalid aggregation stddev_over_time without unwrap" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:998",
    query: 'stddev_over_time({app="a"} | logfmt | unwrap v [1m]) by (pod)',
    at: 60000,
    streams: LOAD_991,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [1] },
        { labels: { pod: "2" }, points: [5] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:1001",
    query: 'stdvar_over_time({app="a"} | logfmt | unwrap v [1m]) by (pod)',
    at: 60000,
    streams: LOAD_991,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [1] },
        { labels: { pod: "2" }, points: [25] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:1004",
    query: 'stdvar_over_time({app="a"} | logfmt | unwrap v [1m]) by (app)',
    at: 60000,
    streams: LOAD_991,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [49] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:1006",
    query: 'stddev_over_time({app="a"} | logfmt | unwrap v [1m]) without (pod)',
    at: 60000,
    streams: LOAD_991,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [7] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:1008",
    query: 'stdvar_over_time({app="a"} | logfmt | unwrap v [1m]) without (pod)',
    at: 60000,
    streams: LOAD_991,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [49] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:1010",
    query: 'stddev_over_time({app="a"} | logfmt | unwrap v [1m]) by (pod)',
    range: { from: 60000, to: 70000, step: 10000 },
    streams: LOAD_991,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { pod: "1" }, points: [1, 1] },
        { labels: { pod: "2" }, points: [5, 5] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:1020",
    query: 'absent_over_time({job="x", env=~".+"}[1m])',
    at: 120000,
    streams: LOAD_1016,
    expected: { kind: "series", ordered: false, series: [{ labels: { job: "x" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:1022",
    query: 'absent_over_time({job="x", env=~".+"}[1m])',
    range: { from: 120000, to: 180000, step: 60000 },
    streams: LOAD_1016,
    expected: { kind: "series", ordered: false, series: [{ labels: { job: "x" }, points: [1, 1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:1024",
    query: 'absent_over_time({job="x", env=~".+"}[1m])',
    range: { from: 120000, to: 240000, step: 120000 },
    streams: LOAD_1016,
    expected: { kind: "series", ordered: false, series: [{ labels: { job: "x" }, points: [1, 1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:1027",
    query: 'absent_over_time({job="x", env=~".+"}[1m])',
    range: { from: 60000, to: 110000, step: 50000 },
    streams: LOAD_1016,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:1030",
    query: 'absent_over_time({job="x", env=~".+"}[1m] offset 60s)',
    at: 120000,
    streams: LOAD_1016,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:1032",
    query: 'absent_over_time({job="x", env=~".+"}[1m] offset 60s)',
    range: { from: 120000, to: 240000, step: 60000 },
    streams: LOAD_1016,
    expected: { kind: "series", ordered: false, series: [{ labels: { job: "x" }, points: [undefined, 1, 1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:1035",
    query: 'absent_over_time({job="x"}[1m]) by (job)',
    at: 120000,
    streams: LOAD_1016,
    expected: { kind: "fail", msg: "grouping not allowed for absent_over_time aggregation" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:1045",
    query: 'absent_over_time({app="a"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_1040,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:1047",
    query: 'absent_over_time({app="a"} | logfmt | unwrap v [1m])',
    range: { from: 60000, to: 120000, step: 60000 },
    streams: LOAD_1040,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1, 1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest:1049",
    query: 'absent_over_time({app="a"} | logfmt | unwrap v [1m])',
    range: { from: 60000, to: 180000, step: 120000 },
    streams: LOAD_1040,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1, 1] }] },
  },
];
