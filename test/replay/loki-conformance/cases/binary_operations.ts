/**
 * Transcribed from grafana/loki@65e30f8488e8a5ea2013c6881675f8103a8f6bc7
 * `pkg/logql/internal/logqltest/testdata/binary_operations.logqltest` (Loki's declarative LogQL engine tests, AGPL-3.0,
 * Grafana Labs): every `eval` is one case, `source` citing its line; its `load` blocks are the
 * `LOAD_<line>` streams. Times in ms. Shape and loader: ../loki-cases.ts.
 */
import type { LokiCase, Stream } from "../loki-cases";

/** binary_operations.logqltest:91 load */
const LOAD_91: Stream[] = [
  { labels: { app: "foo" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "bar" }, line: "x", at: 0, every: 20000, count: 10 },
  { labels: { app: "noise" }, line: "noise", at: 0, every: 10000, count: 19 },
];

/** binary_operations.logqltest:165 load */
const LOAD_165: Stream[] = [
  { labels: { app: "foo" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "bar" }, line: "x", at: 0, every: 20000, count: 10 },
  { labels: { app: "noise" }, line: "noise", at: 0, every: 10000, count: 19 },
];

/** binary_operations.logqltest:240 load */
const LOAD_240: Stream[] = [
  { labels: { app: "a", k: "nan" }, line: "v=NaN", at: 30000 },
  { labels: { app: "a", k: "pinf" }, line: "v=Inf", at: 30000 },
  { labels: { app: "a", k: "zero" }, line: "v=0", at: 30000 },
  { labels: { app: "a", k: "neg" }, line: "v=-1", at: 30000 },
  { labels: { app: "noise" }, line: "z=1", at: 30000 },
];

/** binary_operations.logqltest:281 load */
const LOAD_281: Stream[] = [
  { labels: { app: "foo" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "bar" }, line: "x", at: 0, every: 20000, count: 10 },
  { labels: { app: "noise" }, line: "noise", at: 0, every: 10000, count: 19 },
];

/** binary_operations.logqltest:347 load */
const LOAD_347: Stream[] = [
  { labels: { app: "foo" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "bar" }, line: "x", at: 0, every: 20000, count: 10 },
  { labels: { app: "noise" }, line: "noise", at: 0, every: 10000, count: 19 },
];

/** binary_operations.logqltest:387 load */
const LOAD_387: Stream[] = [
  { labels: { app: "left", id: "lt" }, line: "x", at: 0, every: 20000, count: 10 },
  { labels: { app: "left", id: "eq" }, line: "x", at: 0, every: 20000, count: 10 },
  { labels: { app: "left", id: "gt" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "right", id: "lt" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "right", id: "eq" }, line: "x", at: 0, every: 20000, count: 10 },
  { labels: { app: "right", id: "gt" }, line: "x", at: 0, every: 20000, count: 10 },
  { labels: { app: "noise" }, line: "noise", at: 0, every: 10000, count: 19 },
];

/** binary_operations.logqltest:485 load */
const LOAD_485: Stream[] = [
  { labels: { app: "foo" }, line: "xbar", at: 0, every: 10000, count: 19 },
  { labels: { app: "foo" }, line: "noise", at: 5000, every: 10000, count: 19 },
  { labels: { app: "bar" }, line: "xbar", at: 0, every: 20000, count: 10 },
  { labels: { app: "bar" }, line: "noise", at: 10000, every: 20000, count: 10 },
];

/** binary_operations.logqltest:522 load */
const LOAD_522: Stream[] = [
  { labels: { app: "a", k: "fin" }, line: "v=2", at: 30000 },
  { labels: { app: "a", k: "nan" }, line: "v=NaN", at: 30000 },
  { labels: { app: "a", k: "pinf" }, line: "v=Inf", at: 30000 },
  { labels: { app: "a", k: "ninf" }, line: "v=-Inf", at: 30000 },
  { labels: { app: "noise" }, line: "z=1", at: 30000 },
];

/** binary_operations.logqltest:584 load */
const LOAD_584: Stream[] = [
  { labels: { app: "foo", machine: "fuzz" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "noise" }, line: "noise", at: 0, every: 10000, count: 19 },
];

/** binary_operations.logqltest:603 load */
const LOAD_603: Stream[] = [
  { labels: { app: "requests", pod: "a" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "requests", pod: "b" }, line: "x", at: 0, every: 15000, count: 19 },
  { labels: { app: "errors", pod: "a" }, line: "x", at: 0, every: 20000, count: 10 },
  { labels: { app: "noise" }, line: "noise", at: 0, every: 10000, count: 19 },
];

/** binary_operations.logqltest:658 load */
const LOAD_658: Stream[] = [
  { labels: { app: "foo", machine: "fuzz" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "foo", machine: "buzz" }, line: "x", at: 0, every: 15000, count: 19 },
  { labels: { app: "bar", machine: "solo" }, line: "x", at: 0, every: 20000, count: 10 },
  { labels: { app: "noise" }, line: "noise", at: 0, every: 10000, count: 19 },
];

/** binary_operations.logqltest:679 load */
const LOAD_679: Stream[] = [
  { labels: { app: "requests", pod: "a" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "requests", pod: "b" }, line: "x", at: 0, every: 15000, count: 19 },
  { labels: { app: "errors", pod: "a" }, line: "x", at: 0, every: 20000, count: 10 },
  { labels: { app: "errors", pod: "c" }, line: "x", at: 0, every: 30000, count: 10 },
  { labels: { app: "noise" }, line: "noise", at: 0, every: 10000, count: 19 },
];

/** binary_operations.logqltest:708 load */
const LOAD_708: Stream[] = [
  { labels: { app: "foo", machine: "fuzz" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "foo", machine: "buzz" }, line: "x", at: 0, every: 15000, count: 19 },
  { labels: { app: "noise" }, line: "noise", at: 0, every: 10000, count: 19 },
];

/** binary_operations.logqltest:749 load */
const LOAD_749: Stream[] = [
  { labels: { app: "foo", machine: "fuzz" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "foo", machine: "buzz" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "foo", pool: "z1" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "foo", pool: "z2" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "noise" }, line: "noise", at: 0, every: 10000, count: 19 },
];

/** binary_operations.logqltest:763 load */
const LOAD_763: Stream[] = [
  { labels: { app: "foo", machine: "fuzz", pool: "foo" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "foo", machine: "buzz", pool: "foo" }, line: "x", at: 0, every: 15000, count: 19 },
  { labels: { app: "noise" }, line: "noise", at: 0, every: 10000, count: 19 },
];

/** binary_operations.logqltest:801 load */
const LOAD_801: Stream[] = [
  { labels: { app: "foo", pool: "a" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "foo", pool: "b" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "foo", pool: "z", side: "one" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "noise" }, line: "noise", at: 0, every: 10000, count: 19 },
];

/** binary_operations.logqltest:812 load */
const LOAD_812: Stream[] = [
  { labels: { app: "foo", machine: "fuzz" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "foo", machine: "buzz" }, line: "x", at: 0, every: 15000, count: 19 },
  { labels: { app: "noise" }, line: "noise", at: 0, every: 10000, count: 19 },
];

/** binary_operations.logqltest:854 load */
const LOAD_854: Stream[] = [
  { labels: { app: "foo", machine: "fuzz" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "foo", machine: "buzz" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "foo", pool: "z1" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "foo", pool: "z2" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "noise" }, line: "noise", at: 0, every: 10000, count: 19 },
];

/** binary_operations.logqltest:868 load */
const LOAD_868: Stream[] = [
  { labels: { app: "foo", machine: "fuzz", pool: "foo" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "foo", machine: "buzz", pool: "foo" }, line: "x", at: 0, every: 15000, count: 19 },
  { labels: { app: "noise" }, line: "noise", at: 0, every: 10000, count: 19 },
];

/** binary_operations.logqltest:893 load */
const LOAD_893: Stream[] = [
  { labels: { app: "foo", pool: "a" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "foo", pool: "b" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "foo", pool: "z", side: "one" }, line: "x", at: 0, every: 10000, count: 19 },
  { labels: { app: "noise" }, line: "noise", at: 0, every: 10000, count: 19 },
];

/** binary_operations.logqltest:904 load */
const LOAD_904: Stream[] = [
  { labels: { app: "foo" }, line: "x", at: 0, every: 10000, count: 7 },
  { labels: { app: "noise" }, line: "noise", at: 0, every: 10000, count: 19 },
];

/** binary_operations.logqltest:917 load */
const LOAD_917: Stream[] = [
  { labels: { app: "foo" }, line: "x", at: 10000, every: 10000, count: 5 },
  { labels: { app: "foo" }, line: "x", at: 100000 },
  { labels: { app: "noise" }, line: "noise", at: 10000, every: 10000, count: 6 },
];

export const CASES: LokiCase[] = [
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:4",
    query: "2",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 2 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:6",
    query: "1+1",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 2 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:8",
    query: "7 - 2",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 5 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:10",
    query: "7 * 2",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 14 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:12",
    query: "2 ^ 3",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 8 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:14",
    query: "10 / 5 / 2",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 1 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:16",
    query: "10 / (5 / 2)",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 4 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:18",
    query: "10 % 3",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 1 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:20",
    query: "1+1--1",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 3 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:23",
    query: "0b1010",
    at: 60000,
    streams: [],
    expected: { kind: "fail", msg: "unable to parse literal as a float" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:25",
    query: "0o17",
    at: 60000,
    streams: [],
    expected: { kind: "fail", msg: "unable to parse literal as a float" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:27",
    query: "0x1A",
    at: 60000,
    streams: [],
    expected: { kind: "fail", msg: "unable to parse literal as a float" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:30",
    query: "0x1p3",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 8 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:32",
    query: "0X1p3",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 8 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:34",
    query: "0x1P3",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 8 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:36",
    query: "0x1.8p3",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 12 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:39",
    query: "10 / 0",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: NaN },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:41",
    query: "-10 / 0",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: NaN },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:43",
    query: "10 % 0",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: NaN },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:49",
    query: "7 == 7",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 1 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:51",
    query: "7 != 2",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 1 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:53",
    query: "7 > 2",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 1 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:55",
    query: "2 > 7",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 0 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:57",
    query: "7 >= 7",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 1 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:59",
    query: "2 < 7",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 1 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:61",
    query: "2 <= 2",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 1 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:65",
    query: "7 == bool 7",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 1 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:67",
    query: "2 == bool 1",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 0 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:70",
    query: "1 and 2",
    at: 60000,
    streams: [],
    expected: { kind: "fail", msg: "unexpected literal for left leg of logical/set binary operation" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:77",
    query: "2^3^2",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 512 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:79",
    query: "2 % 2^3",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 2 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:82",
    query: "-2^2",
    at: 60000,
    streams: [],
    expected: { kind: "scalar", value: 4 },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:86",
    query: '-count_over_time({app="foo"}[1m])',
    at: 60000,
    streams: [],
    expected: { kind: "fail", regex: "expecting NUMBER" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:97",
    query: 'count_over_time({app="foo"}[1m]) + 1',
    at: 60000,
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [7] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:99",
    query: 'count_over_time({app="foo"}[1m]) + 1',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [7, 7, 7, 7, 7] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:101",
    query: '1 + count_over_time({app="foo"}[1m])',
    at: 60000,
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [7] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:103",
    query: '1 + count_over_time({app="foo"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [7, 7, 7, 7, 7] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:106",
    query: 'rate({app="bar"}[1m]) - 1',
    at: 60000,
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [-0.95] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:108",
    query: 'rate({app="bar"}[1m]) - 1',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [-0.95, -0.95, -0.95, -0.95, -0.95] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:110",
    query: '1 - rate({app="bar"}[1m])',
    at: 60000,
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [0.95] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:112",
    query: '1 - rate({app="bar"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [0.95, 0.95, 0.95, 0.95, 0.95] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:114",
    query: 'rate({app="bar"}[1m]) - 1 / 2',
    at: 60000,
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [-0.45] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:116",
    query: 'rate({app="bar"}[1m]) - 1 / 2',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [-0.45, -0.45, -0.45, -0.45, -0.45] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:119",
    query: 'count_over_time({app="foo"}[1m]) * 2',
    at: 60000,
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [12] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:121",
    query: 'count_over_time({app="foo"}[1m]) * 2',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [12, 12, 12, 12, 12] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:123",
    query: '2 * count_over_time({app="foo"}[1m])',
    at: 60000,
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [12] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:125",
    query: '2 * count_over_time({app="foo"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [12, 12, 12, 12, 12] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:128",
    query: 'count_over_time({app="foo"}[1m]) / 2',
    at: 60000,
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:130",
    query: 'count_over_time({app="foo"}[1m]) / 2',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [3, 3, 3, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:132",
    query: '30 / count_over_time({app="foo"}[1m])',
    at: 60000,
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [5] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:134",
    query: '30 / count_over_time({app="foo"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [5, 5, 5, 5, 5] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:137",
    query: 'count_over_time({app="foo"}[1m]) % 4',
    at: 60000,
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:139",
    query: 'count_over_time({app="foo"}[1m]) % 4',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [2, 2, 2, 2, 2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:141",
    query: '16 % count_over_time({app="foo"}[1m])',
    at: 60000,
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [4] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:143",
    query: '16 % count_over_time({app="foo"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [4, 4, 4, 4, 4] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:146",
    query: 'count_over_time({app="bar"}[1m]) ^ 2',
    at: 60000,
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [9] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:148",
    query: 'count_over_time({app="bar"}[1m]) ^ 2',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [9, 9, 9, 9, 9] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:150",
    query: '2 ^ count_over_time({app="bar"}[1m])',
    at: 60000,
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [8] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:152",
    query: '2 ^ count_over_time({app="bar"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [8, 8, 8, 8, 8] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:155",
    query: 'count_over_time({app="foo"}[1m]) / 0',
    at: 60000,
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:157",
    query: 'count_over_time({app="foo"}[1m]) % 0',
    at: 60000,
    streams: LOAD_91,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:171",
    query: 'count_over_time({app=~"foo|bar"}[1m]) > 4',
    at: 60000,
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:173",
    query: 'count_over_time({app=~"foo|bar"}[1m]) > 4',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [6, 6, 6, 6, 6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:175",
    query: '4 > count_over_time({app=~"foo|bar"}[1m])',
    at: 60000,
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:177",
    query: '4 > count_over_time({app=~"foo|bar"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [3, 3, 3, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:180",
    query: 'count_over_time({app=~"foo|bar"}[1m]) < 4',
    at: 60000,
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:182",
    query: 'count_over_time({app=~"foo|bar"}[1m]) < 4',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [3, 3, 3, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:184",
    query: '4 < count_over_time({app=~"foo|bar"}[1m])',
    at: 60000,
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:186",
    query: '4 < count_over_time({app=~"foo|bar"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [6, 6, 6, 6, 6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:189",
    query: 'count_over_time({app=~"foo|bar"}[1m]) >= 6',
    at: 60000,
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:191",
    query: 'count_over_time({app=~"foo|bar"}[1m]) >= 6',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [6, 6, 6, 6, 6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:193",
    query: '6 <= count_over_time({app=~"foo|bar"}[1m])',
    at: 60000,
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:195",
    query: '6 <= count_over_time({app=~"foo|bar"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [6, 6, 6, 6, 6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:198",
    query: 'count_over_time({app=~"foo|bar"}[1m]) <= 3',
    at: 60000,
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:200",
    query: 'count_over_time({app=~"foo|bar"}[1m]) <= 3',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [3, 3, 3, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:202",
    query: '3 >= count_over_time({app=~"foo|bar"}[1m])',
    at: 60000,
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:204",
    query: '3 >= count_over_time({app=~"foo|bar"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [3, 3, 3, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:207",
    query: 'count_over_time({app=~"foo|bar"}[1m]) == 6',
    at: 60000,
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:209",
    query: 'count_over_time({app=~"foo|bar"}[1m]) == 6',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [6, 6, 6, 6, 6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:211",
    query: '6 == count_over_time({app=~"foo|bar"}[1m])',
    at: 60000,
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:213",
    query: '6 == count_over_time({app=~"foo|bar"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [6, 6, 6, 6, 6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:216",
    query: 'count_over_time({app=~"foo|bar"}[1m]) != 6',
    at: 60000,
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:218",
    query: 'count_over_time({app=~"foo|bar"}[1m]) != 6',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [3, 3, 3, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:220",
    query: '6 != count_over_time({app=~"foo|bar"}[1m])',
    at: 60000,
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:222",
    query: '6 != count_over_time({app=~"foo|bar"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_165,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [3, 3, 3, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:225",
    query: 'count_over_time({app=~"foo|bar"}[1m]) == bool 6',
    at: 60000,
    streams: LOAD_165,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [1] },
        { labels: { app: "bar" }, points: [0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:228",
    query: 'count_over_time({app=~"foo|bar"}[1m]) == bool 6',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_165,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [1, 1, 1, 1, 1] },
        { labels: { app: "bar" }, points: [0, 0, 0, 0, 0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:231",
    query: '6 == bool count_over_time({app=~"foo|bar"}[1m])',
    at: 60000,
    streams: LOAD_165,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [1] },
        { labels: { app: "bar" }, points: [0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:234",
    query: '6 == bool count_over_time({app=~"foo|bar"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_165,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [1, 1, 1, 1, 1] },
        { labels: { app: "bar" }, points: [0, 0, 0, 0, 0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:248",
    query: 'max_over_time({app="a", k="zero"} | logfmt | unwrap v [1m]) ^ 0',
    at: 60000,
    streams: LOAD_240,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "zero" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:250",
    query: 'max_over_time({app="a", k="zero"} | logfmt | unwrap v [1m]) ^ 0',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_240,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", k: "zero" }, points: [1, undefined, undefined, undefined, undefined] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:252",
    query: 'max_over_time({app="a", k="nan"} | logfmt | unwrap v [1m]) ^ 0',
    at: 60000,
    streams: LOAD_240,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "nan" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:254",
    query: 'max_over_time({app="a", k="nan"} | logfmt | unwrap v [1m]) ^ 0',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_240,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", k: "nan" }, points: [1, undefined, undefined, undefined, undefined] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:256",
    query: 'max_over_time({app="a", k="pinf"} | logfmt | unwrap v [1m]) ^ 0',
    at: 60000,
    streams: LOAD_240,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "pinf" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:258",
    query: 'max_over_time({app="a", k="pinf"} | logfmt | unwrap v [1m]) ^ 0',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_240,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", k: "pinf" }, points: [1, undefined, undefined, undefined, undefined] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:261",
    query: 'max_over_time({app="a", k="zero"} | logfmt | unwrap v [1m]) ^ -2',
    at: 60000,
    streams: LOAD_240,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "zero" }, points: [Infinity] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:263",
    query: 'max_over_time({app="a", k="zero"} | logfmt | unwrap v [1m]) ^ -2',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_240,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", k: "zero" }, points: [Infinity, undefined, undefined, undefined, undefined] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:266",
    query: 'max_over_time({app="a", k="neg"} | logfmt | unwrap v [1m]) ^ 0.5',
    at: 60000,
    streams: LOAD_240,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "neg" }, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:268",
    query: 'max_over_time({app="a", k="neg"} | logfmt | unwrap v [1m]) ^ 0.5',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_240,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", k: "neg" }, points: [NaN, undefined, undefined, undefined, undefined] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:274",
    query: "(vector(1) / vector(0)) + 1",
    at: 60000,
    streams: [],
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:276",
    query: "(vector(1) / vector(0)) + 1",
    range: { from: 60000, to: 180000, step: 30000 },
    streams: [],
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN, NaN, NaN, NaN, NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:286",
    query: 'rate({app="foo"}[1m]) or rate({app="bar"}[1m])',
    at: 60000,
    streams: LOAD_281,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [0.1] },
        { labels: { app: "bar" }, points: [0.05] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:289",
    query: 'rate({app="foo"}[1m]) or rate({app="bar"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_281,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [0.1, 0.1, 0.1, 0.1, 0.1] },
        { labels: { app: "bar" }, points: [0.05, 0.05, 0.05, 0.05, 0.05] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:293",
    query: 'rate({app="foo"}[1m]) or vector(0)',
    at: 60000,
    streams: LOAD_281,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [0.1] },
        { labels: {}, points: [0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:296",
    query: 'rate({app="foo"}[1m]) or vector(0)',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_281,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [0.1, 0.1, 0.1, 0.1, 0.1] },
        { labels: {}, points: [0, 0, 0, 0, 0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:300",
    query: 'rate({app=~"foo|bar"}[1m]) and rate({app="bar"}[1m])',
    at: 60000,
    streams: LOAD_281,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [0.05] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:302",
    query: 'rate({app=~"foo|bar"}[1m]) and rate({app="bar"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_281,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [0.05, 0.05, 0.05, 0.05, 0.05] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:305",
    query: 'rate({app=~"foo|bar"}[1m]) unless rate({app="bar"}[1m])',
    at: 60000,
    streams: LOAD_281,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [0.1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:307",
    query: 'rate({app=~"foo|bar"}[1m]) unless rate({app="bar"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_281,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [0.1, 0.1, 0.1, 0.1, 0.1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:311",
    query: 'rate({app=~"foo|bar"}[1m]) + rate({app="bar"}[1m])',
    at: 60000,
    streams: LOAD_281,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [0.1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:313",
    query: 'rate({app=~"foo|bar"}[1m]) + rate({app="bar"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_281,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [0.1, 0.1, 0.1, 0.1, 0.1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:315",
    query: 'rate({app=~"foo|bar"}[1m]) - rate({app="bar"}[1m])',
    at: 60000,
    streams: LOAD_281,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [0] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:317",
    query: 'rate({app=~"foo|bar"}[1m]) - rate({app="bar"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_281,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [0, 0, 0, 0, 0] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:319",
    query: 'count_over_time({app=~"foo|bar"}[1m]) * count_over_time({app="bar"}[1m])',
    at: 60000,
    streams: LOAD_281,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [9] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:321",
    query: 'count_over_time({app=~"foo|bar"}[1m]) * count_over_time({app="bar"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_281,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [9, 9, 9, 9, 9] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:323",
    query: 'count_over_time({app=~"foo|bar"}[1m]) / count_over_time({app="bar"}[1m])',
    at: 60000,
    streams: LOAD_281,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:325",
    query: 'count_over_time({app=~"foo|bar"}[1m]) / count_over_time({app="bar"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_281,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [1, 1, 1, 1, 1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:327",
    query: 'count_over_time({app=~"foo|bar"}[1m]) % count_over_time({app="bar"}[1m])',
    at: 60000,
    streams: LOAD_281,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [0] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:329",
    query: 'count_over_time({app=~"foo|bar"}[1m]) % count_over_time({app="bar"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_281,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [0, 0, 0, 0, 0] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:332",
    query: 'sum(count_over_time({app="foo"}[1m])) / vector(0)',
    at: 60000,
    streams: LOAD_281,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:334",
    query: 'sum(count_over_time({app="foo"}[1m])) / vector(0)',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_281,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN, NaN, NaN, NaN, NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:336",
    query: 'sum(count_over_time({app="foo"}[1m])) % vector(0)',
    at: 60000,
    streams: LOAD_281,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:338",
    query: 'sum(count_over_time({app="foo"}[1m])) % vector(0)',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_281,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [NaN, NaN, NaN, NaN, NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:340",
    query: 'count_over_time({app="bar"}[1m]) ^ count_over_time({app="bar"}[1m])',
    at: 60000,
    streams: LOAD_281,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [27] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:342",
    query: 'count_over_time({app="bar"}[1m]) ^ count_over_time({app="bar"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_281,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar" }, points: [27, 27, 27, 27, 27] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:352",
    query: 'count_over_time({app="foo"}[1m]) > count_over_time({app="bar"}[1m])',
    at: 60000,
    streams: LOAD_347,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:354",
    query: 'count_over_time({app="foo"}[1m]) > count_over_time({app="bar"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_347,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:356",
    query: 'count_over_time({app="foo"}[1m]) > bool count_over_time({app="bar"}[1m])',
    at: 60000,
    streams: LOAD_347,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:358",
    query: 'count_over_time({app="foo"}[1m]) > bool count_over_time({app="bar"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_347,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:362",
    query: 'sum without(app) (count_over_time({app="foo"}[1m])) > bool sum without(app) (count_over_time({app="bar"}[1m]))',
    at: 60000,
    streams: LOAD_347,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:364",
    query: 'sum without(app) (count_over_time({app="foo"}[1m])) > bool sum without(app) (count_over_time({app="bar"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_347,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [1, 1, 1, 1, 1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:366",
    query: 'sum without(app) (count_over_time({app="foo"}[1m])) >= sum without(app) (count_over_time({app="bar"}[1m]))',
    at: 60000,
    streams: LOAD_347,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:368",
    query: 'sum without(app) (count_over_time({app="foo"}[1m])) >= sum without(app) (count_over_time({app="bar"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_347,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [6, 6, 6, 6, 6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:372",
    query: 'sum by (app) (count_over_time({app="foo"}[1m])) + sum by (app) (count_over_time({app="bar"}[1m]))',
    at: 60000,
    streams: LOAD_347,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:374",
    query: 'sum by (app) (count_over_time({app="foo"}[1m])) + sum by (app) (count_over_time({app="bar"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_347,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:376",
    query: 'sum by (app) (count_over_time({app="foo"}[1m])) + sum by (app) (count_over_time({app="foo"}[1m]))',
    at: 60000,
    streams: LOAD_347,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [12] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:378",
    query: 'sum by (app) (count_over_time({app="foo"}[1m])) + sum by (app) (count_over_time({app="foo"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_347,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [12, 12, 12, 12, 12] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:397",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) < sum by (id) (count_over_time({app="right"}[1m]))',
    at: 60000,
    streams: LOAD_387,
    expected: { kind: "series", ordered: false, series: [{ labels: { id: "lt" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:399",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) < sum by (id) (count_over_time({app="right"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_387,
    expected: { kind: "series", ordered: false, series: [{ labels: { id: "lt" }, points: [3, 3, 3, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:401",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) < bool sum by (id) (count_over_time({app="right"}[1m]))',
    at: 60000,
    streams: LOAD_387,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { id: "lt" }, points: [1] },
        { labels: { id: "eq" }, points: [0] },
        { labels: { id: "gt" }, points: [0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:405",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) < bool sum by (id) (count_over_time({app="right"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_387,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { id: "lt" }, points: [1, 1, 1, 1, 1] },
        { labels: { id: "eq" }, points: [0, 0, 0, 0, 0] },
        { labels: { id: "gt" }, points: [0, 0, 0, 0, 0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:410",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) <= sum by (id) (count_over_time({app="right"}[1m]))',
    at: 60000,
    streams: LOAD_387,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { id: "lt" }, points: [3] },
        { labels: { id: "eq" }, points: [3] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:413",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) <= sum by (id) (count_over_time({app="right"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_387,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { id: "lt" }, points: [3, 3, 3, 3, 3] },
        { labels: { id: "eq" }, points: [3, 3, 3, 3, 3] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:416",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) <= bool sum by (id) (count_over_time({app="right"}[1m]))',
    at: 60000,
    streams: LOAD_387,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { id: "lt" }, points: [1] },
        { labels: { id: "eq" }, points: [1] },
        { labels: { id: "gt" }, points: [0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:420",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) <= bool sum by (id) (count_over_time({app="right"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_387,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { id: "lt" }, points: [1, 1, 1, 1, 1] },
        { labels: { id: "eq" }, points: [1, 1, 1, 1, 1] },
        { labels: { id: "gt" }, points: [0, 0, 0, 0, 0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:425",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) > sum by (id) (count_over_time({app="right"}[1m]))',
    at: 60000,
    streams: LOAD_387,
    expected: { kind: "series", ordered: false, series: [{ labels: { id: "gt" }, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:427",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) > sum by (id) (count_over_time({app="right"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_387,
    expected: { kind: "series", ordered: false, series: [{ labels: { id: "gt" }, points: [6, 6, 6, 6, 6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:429",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) > bool sum by (id) (count_over_time({app="right"}[1m]))',
    at: 60000,
    streams: LOAD_387,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { id: "lt" }, points: [0] },
        { labels: { id: "eq" }, points: [0] },
        { labels: { id: "gt" }, points: [1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:433",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) > bool sum by (id) (count_over_time({app="right"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_387,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { id: "lt" }, points: [0, 0, 0, 0, 0] },
        { labels: { id: "eq" }, points: [0, 0, 0, 0, 0] },
        { labels: { id: "gt" }, points: [1, 1, 1, 1, 1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:438",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) >= sum by (id) (count_over_time({app="right"}[1m]))',
    at: 60000,
    streams: LOAD_387,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { id: "eq" }, points: [3] },
        { labels: { id: "gt" }, points: [6] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:441",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) >= sum by (id) (count_over_time({app="right"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_387,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { id: "eq" }, points: [3, 3, 3, 3, 3] },
        { labels: { id: "gt" }, points: [6, 6, 6, 6, 6] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:444",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) >= bool sum by (id) (count_over_time({app="right"}[1m]))',
    at: 60000,
    streams: LOAD_387,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { id: "lt" }, points: [0] },
        { labels: { id: "eq" }, points: [1] },
        { labels: { id: "gt" }, points: [1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:448",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) >= bool sum by (id) (count_over_time({app="right"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_387,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { id: "lt" }, points: [0, 0, 0, 0, 0] },
        { labels: { id: "eq" }, points: [1, 1, 1, 1, 1] },
        { labels: { id: "gt" }, points: [1, 1, 1, 1, 1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:453",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) == sum by (id) (count_over_time({app="right"}[1m]))',
    at: 60000,
    streams: LOAD_387,
    expected: { kind: "series", ordered: false, series: [{ labels: { id: "eq" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:455",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) == sum by (id) (count_over_time({app="right"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_387,
    expected: { kind: "series", ordered: false, series: [{ labels: { id: "eq" }, points: [3, 3, 3, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:457",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) == bool sum by (id) (count_over_time({app="right"}[1m]))',
    at: 60000,
    streams: LOAD_387,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { id: "lt" }, points: [0] },
        { labels: { id: "eq" }, points: [1] },
        { labels: { id: "gt" }, points: [0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:461",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) == bool sum by (id) (count_over_time({app="right"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_387,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { id: "lt" }, points: [0, 0, 0, 0, 0] },
        { labels: { id: "eq" }, points: [1, 1, 1, 1, 1] },
        { labels: { id: "gt" }, points: [0, 0, 0, 0, 0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:466",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) != sum by (id) (count_over_time({app="right"}[1m]))',
    at: 60000,
    streams: LOAD_387,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { id: "lt" }, points: [3] },
        { labels: { id: "gt" }, points: [6] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:469",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) != sum by (id) (count_over_time({app="right"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_387,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { id: "lt" }, points: [3, 3, 3, 3, 3] },
        { labels: { id: "gt" }, points: [6, 6, 6, 6, 6] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:472",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) != bool sum by (id) (count_over_time({app="right"}[1m]))',
    at: 60000,
    streams: LOAD_387,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { id: "lt" }, points: [1] },
        { labels: { id: "eq" }, points: [0] },
        { labels: { id: "gt" }, points: [1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:476",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) != bool sum by (id) (count_over_time({app="right"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_387,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { id: "lt" }, points: [1, 1, 1, 1, 1] },
        { labels: { id: "eq" }, points: [0, 0, 0, 0, 0] },
        { labels: { id: "gt" }, points: [1, 1, 1, 1, 1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:481",
    query: 'sum by (id) (count_over_time({app="left"}[1m])) bool > sum by (id) (count_over_time({app="right"}[1m]))',
    at: 60000,
    streams: LOAD_387,
    expected: { kind: "fail", msg: "syntax error: unexpected bool" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:491",
    query: '10 / ((rate({app="foo"} |~".+bar" [1m]) /5))',
    at: 60000,
    streams: LOAD_485,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [500] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:493",
    query: '10 / ((rate({app="foo"} |~".+bar" [1m]) /5))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_485,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [500, 500, 500, 500, 500] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:497",
    query:
      'sum by (app) (rate({app=~"foo|bar"} |~".+bar" [1m])) + sum by (app) (rate({app=~"foo|bar"} |~".+bar" [1m])) / sum by (app) (rate({app=~"foo|bar"} |~".+bar" [1m]))',
    at: 60000,
    streams: LOAD_485,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [1.1] },
        { labels: { app: "bar" }, points: [1.05] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:500",
    query:
      'sum by (app) (rate({app=~"foo|bar"} |~".+bar" [1m])) + sum by (app) (rate({app=~"foo|bar"} |~".+bar" [1m])) / sum by (app) (rate({app=~"foo|bar"} |~".+bar" [1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_485,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [1.1, 1.1, 1.1, 1.1, 1.1] },
        { labels: { app: "bar" }, points: [1.05, 1.05, 1.05, 1.05, 1.05] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:503",
    query:
      'avg by (app) ( sum by (app) (rate({app=~"foo|bar"} |~".+bar" [1m])) + sum by (app) (rate({app=~"foo|bar"} |~".+bar" [1m])) / sum by (app) (rate({app=~"foo|bar"} |~".+bar" [1m])) ) * 2',
    at: 60000,
    streams: LOAD_485,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [2.2] },
        { labels: { app: "bar" }, points: [2.1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:506",
    query:
      'avg by (app) ( sum by (app) (rate({app=~"foo|bar"} |~".+bar" [1m])) + sum by (app) (rate({app=~"foo|bar"} |~".+bar" [1m])) / sum by (app) (rate({app=~"foo|bar"} |~".+bar" [1m])) ) * 2',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_485,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [2.2, 2.2, 2.2, 2.2, 2.2] },
        { labels: { app: "bar" }, points: [2.1, 2.1, 2.1, 2.1, 2.1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:509",
    query:
      'sum ( sum by (app) (rate({app=~"foo|bar"} |~".+bar" [1m])) + sum by (app) (rate({app=~"foo|bar"} |~".+bar" [1m])) / sum by (app) (rate({app=~"foo|bar"} |~".+bar" [1m])) ) + 1',
    at: 60000,
    streams: LOAD_485,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [3.15] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:511",
    query:
      'sum ( sum by (app) (rate({app=~"foo|bar"} |~".+bar" [1m])) + sum by (app) (rate({app=~"foo|bar"} |~".+bar" [1m])) / sum by (app) (rate({app=~"foo|bar"} |~".+bar" [1m])) ) + 1',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_485,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [3.15, 3.15, 3.15, 3.15, 3.15] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:515",
    query: 'rate({app="foo"} |~".+bar" [1m]) or rate({app="bar"} |~".+bar" [1m]) and vector(0)',
    at: 60000,
    streams: LOAD_485,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [0.1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:517",
    query: 'rate({app="foo"} |~".+bar" [1m]) or rate({app="bar"} |~".+bar" [1m]) and vector(0)',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_485,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [0.1, 0.1, 0.1, 0.1, 0.1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:531",
    query: 'max_over_time({app="a", k="nan"} | logfmt | unwrap v [1m]) > 1',
    at: 60000,
    streams: LOAD_522,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:533",
    query: 'max_over_time({app="a", k="nan"} | logfmt | unwrap v [1m]) > 1',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_522,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:535",
    query: '1 > max_over_time({app="a", k="nan"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_522,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:537",
    query: '1 > max_over_time({app="a", k="nan"} | logfmt | unwrap v [1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_522,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:541",
    query: 'max_over_time({app="a", k="nan"} | logfmt | unwrap v [1m]) != 1',
    at: 60000,
    streams: LOAD_522,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "nan" }, points: [NaN] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:543",
    query: 'max_over_time({app="a", k="nan"} | logfmt | unwrap v [1m]) != 1',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_522,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", k: "nan" }, points: [NaN, undefined, undefined, undefined, undefined] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:545",
    query: 'max_over_time({app="a", k="nan"} | logfmt | unwrap v [1m]) != bool 1',
    at: 60000,
    streams: LOAD_522,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "nan" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:547",
    query: 'max_over_time({app="a", k="nan"} | logfmt | unwrap v [1m]) != bool 1',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_522,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", k: "nan" }, points: [1, undefined, undefined, undefined, undefined] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:550",
    query: 'max_over_time({app="a", k="nan"} | logfmt | unwrap v [1m]) > bool 1',
    at: 60000,
    streams: LOAD_522,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "nan" }, points: [0] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:552",
    query: 'max_over_time({app="a", k="nan"} | logfmt | unwrap v [1m]) > bool 1',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_522,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", k: "nan" }, points: [0, undefined, undefined, undefined, undefined] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:554",
    query: '1 > bool max_over_time({app="a", k="nan"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_522,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "nan" }, points: [0] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:556",
    query: '1 > bool max_over_time({app="a", k="nan"} | logfmt | unwrap v [1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_522,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", k: "nan" }, points: [0, undefined, undefined, undefined, undefined] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:559",
    query: 'max_over_time({app="a", k="pinf"} | logfmt | unwrap v [1m]) > 1',
    at: 60000,
    streams: LOAD_522,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "pinf" }, points: [Infinity] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:561",
    query: 'max_over_time({app="a", k="pinf"} | logfmt | unwrap v [1m]) > 1',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_522,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", k: "pinf" }, points: [Infinity, undefined, undefined, undefined, undefined] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:563",
    query: 'max_over_time({app="a", k="ninf"} | logfmt | unwrap v [1m]) < 1',
    at: 60000,
    streams: LOAD_522,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", k: "ninf" }, points: [-Infinity] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:565",
    query: 'max_over_time({app="a", k="ninf"} | logfmt | unwrap v [1m]) < 1',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_522,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", k: "ninf" }, points: [-Infinity, undefined, undefined, undefined, undefined] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:568",
    query:
      'max_over_time({app="a", k="pinf"} | logfmt | unwrap v [1m]) > bool ignoring (k) max_over_time({app="a", k="ninf"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_522,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:570",
    query:
      'max_over_time({app="a", k="pinf"} | logfmt | unwrap v [1m]) > bool ignoring (k) max_over_time({app="a", k="ninf"} | logfmt | unwrap v [1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_522,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a" }, points: [1, undefined, undefined, undefined, undefined] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:572",
    query:
      'max_over_time({app="a", k="pinf"} | logfmt | unwrap v [1m]) > ignoring (k) max_over_time({app="a", k="ninf"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_522,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a" }, points: [Infinity] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:574",
    query:
      'max_over_time({app="a", k="pinf"} | logfmt | unwrap v [1m]) > ignoring (k) max_over_time({app="a", k="ninf"} | logfmt | unwrap v [1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_522,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a" }, points: [Infinity, undefined, undefined, undefined, undefined] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:577",
    query:
      'max_over_time({app="a", k="nan"} | logfmt | unwrap v [1m]) == ignoring (k) max_over_time({app="a", k="fin"} | logfmt | unwrap v [1m])',
    at: 60000,
    streams: LOAD_522,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:579",
    query:
      'max_over_time({app="a", k="nan"} | logfmt | unwrap v [1m]) == ignoring (k) max_over_time({app="a", k="fin"} | logfmt | unwrap v [1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_522,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:588",
    query: 'sum by (app,machine) (count_over_time({app="foo"}[1m])) + on () sum by (app) (count_over_time({app="foo"}[1m]))',
    at: 60000,
    streams: LOAD_584,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [12] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:590",
    query: 'sum by (app,machine) (count_over_time({app="foo"}[1m])) + on () sum by (app) (count_over_time({app="foo"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_584,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [12, 12, 12, 12, 12] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:592",
    query: 'sum by (app,machine) (count_over_time({app="foo"}[1m])) + on (app) sum by (app) (count_over_time({app="foo"}[1m]))',
    at: 60000,
    streams: LOAD_584,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [12] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:594",
    query: 'sum by (app,machine) (count_over_time({app="foo"}[1m])) + on (app) sum by (app) (count_over_time({app="foo"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_584,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [12, 12, 12, 12, 12] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:596",
    query:
      'sum by (app,machine) (count_over_time({app="foo"}[1m])) > bool ignoring (machine) sum by (app) (count_over_time({app="foo"}[1m]))',
    at: 60000,
    streams: LOAD_584,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [0] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:598",
    query:
      'sum by (app,machine) (count_over_time({app="foo"}[1m])) > bool ignoring (machine) sum by (app) (count_over_time({app="foo"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_584,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [0, 0, 0, 0, 0] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:610",
    query: 'count_over_time({app="requests"}[1m]) and on (pod) count_over_time({app="errors"}[1m])',
    at: 60000,
    streams: LOAD_603,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "requests", pod: "a" }, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:612",
    query: 'count_over_time({app="requests"}[1m]) and on (pod) count_over_time({app="errors"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_603,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "requests", pod: "a" }, points: [6, 6, 6, 6, 6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:615",
    query: 'count_over_time({app="requests"}[1m]) and ignoring (app) count_over_time({app="errors"}[1m])',
    at: 60000,
    streams: LOAD_603,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "requests", pod: "a" }, points: [6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:617",
    query: 'count_over_time({app="requests"}[1m]) and ignoring (app) count_over_time({app="errors"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_603,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "requests", pod: "a" }, points: [6, 6, 6, 6, 6] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:620",
    query: 'count_over_time({app="requests"}[1m]) unless on (pod) count_over_time({app="errors"}[1m])',
    at: 60000,
    streams: LOAD_603,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "requests", pod: "b" }, points: [4] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:622",
    query: 'count_over_time({app="requests"}[1m]) unless on (pod) count_over_time({app="errors"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_603,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "requests", pod: "b" }, points: [4, 4, 4, 4, 4] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:625",
    query: 'count_over_time({app="errors"}[1m]) unless on (pod) count_over_time({app="requests"}[1m])',
    at: 60000,
    streams: LOAD_603,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:627",
    query: 'count_over_time({app="errors"}[1m]) unless on (pod) count_over_time({app="requests"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_603,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:630",
    query: 'count_over_time({app="requests"}[1m]) and on () vector(1)',
    at: 60000,
    streams: LOAD_603,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "requests", pod: "a" }, points: [6] },
        { labels: { app: "requests", pod: "b" }, points: [4] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:633",
    query: 'count_over_time({app="requests"}[1m]) and on () vector(1)',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_603,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "requests", pod: "a" }, points: [6, 6, 6, 6, 6] },
        { labels: { app: "requests", pod: "b" }, points: [4, 4, 4, 4, 4] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:636",
    query: 'count_over_time({app="requests"}[1m]) and on () count_over_time({app="missing"}[1m])',
    at: 60000,
    streams: LOAD_603,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:638",
    query: 'count_over_time({app="requests"}[1m]) and on () count_over_time({app="missing"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_603,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:640",
    query: 'count_over_time({app="missing"}[1m]) and on () count_over_time({app="requests"}[1m])',
    at: 60000,
    streams: LOAD_603,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:642",
    query: 'count_over_time({app="missing"}[1m]) and on () count_over_time({app="requests"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_603,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:645",
    query: 'count_over_time({app="requests"}[1m]) unless on () vector(1)',
    at: 60000,
    streams: LOAD_603,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:647",
    query: 'count_over_time({app="requests"}[1m]) unless on () vector(1)',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_603,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:649",
    query: 'count_over_time({app="requests"}[1m]) unless on () count_over_time({app="missing"}[1m])',
    at: 60000,
    streams: LOAD_603,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "requests", pod: "a" }, points: [6] },
        { labels: { app: "requests", pod: "b" }, points: [4] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:652",
    query: 'count_over_time({app="requests"}[1m]) unless on () count_over_time({app="missing"}[1m])',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_603,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "requests", pod: "a" }, points: [6, 6, 6, 6, 6] },
        { labels: { app: "requests", pod: "b" }, points: [4, 4, 4, 4, 4] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:665",
    query:
      'sum by (app,machine) (count_over_time({app=~"foo|bar"}[1m])) and ignoring (machine) sum by (app) (count_over_time({app="foo"}[1m]))',
    at: 60000,
    streams: LOAD_658,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [6] },
        { labels: { app: "foo", machine: "buzz" }, points: [4] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:668",
    query:
      'sum by (app,machine) (count_over_time({app=~"foo|bar"}[1m])) and ignoring (machine) sum by (app) (count_over_time({app="foo"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_658,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [6, 6, 6, 6, 6] },
        { labels: { app: "foo", machine: "buzz" }, points: [4, 4, 4, 4, 4] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:672",
    query:
      'sum by (app,machine) (count_over_time({app=~"foo|bar"}[1m])) unless ignoring (machine) sum by (app) (count_over_time({app="foo"}[1m]))',
    at: 60000,
    streams: LOAD_658,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar", machine: "solo" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:674",
    query:
      'sum by (app,machine) (count_over_time({app=~"foo|bar"}[1m])) unless ignoring (machine) sum by (app) (count_over_time({app="foo"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_658,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "bar", machine: "solo" }, points: [3, 3, 3, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:688",
    query: 'count_over_time({app="requests"}[1m]) or on (pod) (count_over_time({app="errors"}[1m]) * 100)',
    at: 60000,
    streams: LOAD_679,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "requests", pod: "a" }, points: [6] },
        { labels: { app: "requests", pod: "b" }, points: [4] },
        { labels: { app: "errors", pod: "c" }, points: [200] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:692",
    query: 'count_over_time({app="requests"}[1m]) or on (pod) (count_over_time({app="errors"}[1m]) * 100)',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_679,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "requests", pod: "a" }, points: [6, 6, 6, 6, 6] },
        { labels: { app: "requests", pod: "b" }, points: [4, 4, 4, 4, 4] },
        { labels: { app: "errors", pod: "c" }, points: [200, 200, 200, 200, 200] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:697",
    query: 'count_over_time({app="requests"}[1m]) or ignoring (app) (count_over_time({app="errors"}[1m]) * 100)',
    at: 60000,
    streams: LOAD_679,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "requests", pod: "a" }, points: [6] },
        { labels: { app: "requests", pod: "b" }, points: [4] },
        { labels: { app: "errors", pod: "c" }, points: [200] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:701",
    query: 'count_over_time({app="requests"}[1m]) or ignoring (app) (count_over_time({app="errors"}[1m]) * 100)',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_679,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "requests", pod: "a" }, points: [6, 6, 6, 6, 6] },
        { labels: { app: "requests", pod: "b" }, points: [4, 4, 4, 4, 4] },
        { labels: { app: "errors", pod: "c" }, points: [200, 200, 200, 200, 200] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:714",
    query:
      'sum by (app,machine) (count_over_time({app="foo"}[1m])) > bool ignoring (machine) sum by (app) (count_over_time({app="foo"}[1m]))',
    at: 60000,
    streams: LOAD_708,
    expected: { kind: "fail", msg: "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:716",
    query:
      'sum by (app,machine) (count_over_time({app="foo"}[1m])) > bool ignoring (machine) sum by (app) (count_over_time({app="foo"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_708,
    expected: { kind: "fail", msg: "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:719",
    query:
      'sum by (app,machine) (count_over_time({app="foo"}[1m])) > bool on () group_left sum by (app) (count_over_time({app="foo"}[1m]))',
    at: 60000,
    streams: LOAD_708,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [0] },
        { labels: { app: "foo", machine: "buzz" }, points: [0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:722",
    query:
      'sum by (app,machine) (count_over_time({app="foo"}[1m])) > bool on () group_left sum by (app) (count_over_time({app="foo"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_708,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [0, 0, 0, 0, 0] },
        { labels: { app: "foo", machine: "buzz" }, points: [0, 0, 0, 0, 0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:725",
    query:
      'sum by (app,machine) (count_over_time({app="foo"}[1m])) > bool on () group_left () sum by (app) (count_over_time({app="foo"}[1m]))',
    at: 60000,
    streams: LOAD_708,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [0] },
        { labels: { app: "foo", machine: "buzz" }, points: [0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:728",
    query:
      'sum by (app,machine) (count_over_time({app="foo"}[1m])) > bool on () group_left () sum by (app) (count_over_time({app="foo"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_708,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [0, 0, 0, 0, 0] },
        { labels: { app: "foo", machine: "buzz" }, points: [0, 0, 0, 0, 0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:733",
    query:
      'sum by (app,machine) (count_over_time({app="foo"}[1m])) > bool ignoring (machine) group_left sum by (app) (count_over_time({app="foo"}[1m]))',
    at: 60000,
    streams: LOAD_708,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [0] },
        { labels: { app: "foo", machine: "buzz" }, points: [0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:736",
    query:
      'sum by (app,machine) (count_over_time({app="foo"}[1m])) > bool ignoring (machine) group_left sum by (app) (count_over_time({app="foo"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_708,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [0, 0, 0, 0, 0] },
        { labels: { app: "foo", machine: "buzz" }, points: [0, 0, 0, 0, 0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:740",
    query: 'sum by (app,machine) (count_over_time({app="foo"}[1m])) < on () group_left sum by (app) (count_over_time({app="foo"}[1m]))',
    at: 60000,
    streams: LOAD_708,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [6] },
        { labels: { app: "foo", machine: "buzz" }, points: [4] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:743",
    query: 'sum by (app,machine) (count_over_time({app="foo"}[1m])) < on () group_left sum by (app) (count_over_time({app="foo"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_708,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [6, 6, 6, 6, 6] },
        { labels: { app: "foo", machine: "buzz" }, points: [4, 4, 4, 4, 4] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:756",
    query:
      'sum by (app,machine) (count_over_time({app="foo", machine=~".+"}[1m])) > bool on (app) group_left sum by (app,pool) (count_over_time({app="foo", pool=~".+"}[1m]))',
    at: 60000,
    streams: LOAD_749,
    expected: { kind: "fail", msg: "found duplicate series on the right hand-side" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:758",
    query:
      'sum by (app,machine) (count_over_time({app="foo", machine=~".+"}[1m])) > bool on (app) group_left sum by (app,pool) (count_over_time({app="foo", pool=~".+"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_749,
    expected: { kind: "fail", msg: "found duplicate series on the right hand-side" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:768",
    query:
      'sum by (app,machine) (count_over_time({app="foo"}[1m])) > bool on (app) group_left (pool) sum by (app,pool) (count_over_time({app="foo"}[1m]))',
    at: 60000,
    streams: LOAD_763,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz", pool: "foo" }, points: [0] },
        { labels: { app: "foo", machine: "buzz", pool: "foo" }, points: [0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:771",
    query:
      'sum by (app,machine) (count_over_time({app="foo"}[1m])) > bool on (app) group_left (pool) sum by (app,pool) (count_over_time({app="foo"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_763,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz", pool: "foo" }, points: [0, 0, 0, 0, 0] },
        { labels: { app: "foo", machine: "buzz", pool: "foo" }, points: [0, 0, 0, 0, 0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:775",
    query: 'count_over_time({app="foo"}[1m]) / on (app) group_left sum by (app) (count_over_time({app="foo"}[1m]))',
    at: 60000,
    streams: LOAD_763,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz", pool: "foo" }, points: [0.6] },
        { labels: { app: "foo", machine: "buzz", pool: "foo" }, points: [0.4] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:778",
    query: 'count_over_time({app="foo"}[1m]) / on (app) group_left sum by (app) (count_over_time({app="foo"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_763,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz", pool: "foo" }, points: [0.6, 0.6, 0.6, 0.6, 0.6] },
        { labels: { app: "foo", machine: "buzz", pool: "foo" }, points: [0.4, 0.4, 0.4, 0.4, 0.4] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:782",
    query: 'sum(count_over_time({app="foo"}[1m]) / on (app) group_left sum by (app) (count_over_time({app="foo"}[1m])))',
    at: 60000,
    streams: LOAD_763,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:784",
    query: 'sum(count_over_time({app="foo"}[1m]) / on (app) group_left sum by (app) (count_over_time({app="foo"}[1m])))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_763,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [1, 1, 1, 1, 1] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:788",
    query:
      'sum by (app,machine,pool) (count_over_time({app="foo"}[1m])) > bool on (app) group_left (pool) sum by (app) (count_over_time({app="foo"}[1m]))',
    at: 60000,
    streams: LOAD_763,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [0] },
        { labels: { app: "foo", machine: "buzz" }, points: [0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:791",
    query:
      'sum by (app,machine,pool) (count_over_time({app="foo"}[1m])) > bool on (app) group_left (pool) sum by (app) (count_over_time({app="foo"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_763,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [0, 0, 0, 0, 0] },
        { labels: { app: "foo", machine: "buzz" }, points: [0, 0, 0, 0, 0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:807",
    query:
      'sum by (app,pool) (count_over_time({app="foo", pool=~"a|b"}[1m])) > bool on (app) group_left (pool) sum by (app,pool) (count_over_time({app="foo", side="one"}[1m]))',
    at: 60000,
    streams: LOAD_801,
    expected: { kind: "fail", msg: "multiple matches for labels: grouping labels must ensure unique matches" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:818",
    query:
      'sum by (app) (count_over_time({app="foo"}[1m])) >= bool ignoring (machine) sum by (app,machine) (count_over_time({app="foo"}[1m]))',
    at: 60000,
    streams: LOAD_812,
    expected: { kind: "fail", msg: "found duplicate series on the right hand-side" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:820",
    query:
      'sum by (app) (count_over_time({app="foo"}[1m])) >= bool ignoring (machine) sum by (app,machine) (count_over_time({app="foo"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_812,
    expected: { kind: "fail", msg: "found duplicate series on the right hand-side" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:824",
    query:
      'sum by (app) (count_over_time({app="foo"}[1m])) >= bool on () group_right sum by (app,machine) (count_over_time({app="foo"}[1m]))',
    at: 60000,
    streams: LOAD_812,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [1] },
        { labels: { app: "foo", machine: "buzz" }, points: [1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:827",
    query:
      'sum by (app) (count_over_time({app="foo"}[1m])) >= bool on () group_right sum by (app,machine) (count_over_time({app="foo"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_812,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [1, 1, 1, 1, 1] },
        { labels: { app: "foo", machine: "buzz" }, points: [1, 1, 1, 1, 1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:830",
    query:
      'sum by (app) (count_over_time({app="foo"}[1m])) >= bool on () group_right () sum by (app,machine) (count_over_time({app="foo"}[1m]))',
    at: 60000,
    streams: LOAD_812,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [1] },
        { labels: { app: "foo", machine: "buzz" }, points: [1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:833",
    query:
      'sum by (app) (count_over_time({app="foo"}[1m])) >= bool on () group_right () sum by (app,machine) (count_over_time({app="foo"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_812,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [1, 1, 1, 1, 1] },
        { labels: { app: "foo", machine: "buzz" }, points: [1, 1, 1, 1, 1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:838",
    query:
      'sum by (app) (count_over_time({app="foo"}[1m])) >= bool ignoring (machine) group_right sum by (app,machine) (count_over_time({app="foo"}[1m]))',
    at: 60000,
    streams: LOAD_812,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [1] },
        { labels: { app: "foo", machine: "buzz" }, points: [1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:841",
    query:
      'sum by (app) (count_over_time({app="foo"}[1m])) >= bool ignoring (machine) group_right sum by (app,machine) (count_over_time({app="foo"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_812,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [1, 1, 1, 1, 1] },
        { labels: { app: "foo", machine: "buzz" }, points: [1, 1, 1, 1, 1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:845",
    query: 'sum by (app) (count_over_time({app="foo"}[1m])) > on () group_right sum by (app,machine) (count_over_time({app="foo"}[1m]))',
    at: 60000,
    streams: LOAD_812,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [10] },
        { labels: { app: "foo", machine: "buzz" }, points: [10] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:848",
    query: 'sum by (app) (count_over_time({app="foo"}[1m])) > on () group_right sum by (app,machine) (count_over_time({app="foo"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_812,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [10, 10, 10, 10, 10] },
        { labels: { app: "foo", machine: "buzz" }, points: [10, 10, 10, 10, 10] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:861",
    query:
      'sum by (app,pool) (count_over_time({app="foo", pool=~".+"}[1m])) > bool on (app) group_right sum by (app,machine) (count_over_time({app="foo", machine=~".+"}[1m]))',
    at: 60000,
    streams: LOAD_854,
    expected: { kind: "fail", msg: "found duplicate series on the left hand-side" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:863",
    query:
      'sum by (app,pool) (count_over_time({app="foo", pool=~".+"}[1m])) > bool on (app) group_right sum by (app,machine) (count_over_time({app="foo", machine=~".+"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_854,
    expected: { kind: "fail", msg: "found duplicate series on the left hand-side" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:873",
    query:
      'sum by (app,pool) (count_over_time({app="foo"}[1m])) > bool on (app) group_right (pool) sum by (app,machine) (count_over_time({app="foo"}[1m]))',
    at: 60000,
    streams: LOAD_868,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz", pool: "foo" }, points: [1] },
        { labels: { app: "foo", machine: "buzz", pool: "foo" }, points: [1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:876",
    query:
      'sum by (app,pool) (count_over_time({app="foo"}[1m])) > bool on (app) group_right (pool) sum by (app,machine) (count_over_time({app="foo"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_868,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz", pool: "foo" }, points: [1, 1, 1, 1, 1] },
        { labels: { app: "foo", machine: "buzz", pool: "foo" }, points: [1, 1, 1, 1, 1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:881",
    query:
      'sum by (app) (count_over_time({app="foo"}[1m])) > bool on (app) group_right (pool) sum by (app,machine,pool) (count_over_time({app="foo"}[1m]))',
    at: 60000,
    streams: LOAD_868,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [1] },
        { labels: { app: "foo", machine: "buzz" }, points: [1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:884",
    query:
      'sum by (app) (count_over_time({app="foo"}[1m])) > bool on (app) group_right (pool) sum by (app,machine,pool) (count_over_time({app="foo"}[1m]))',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_868,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo", machine: "fuzz" }, points: [1, 1, 1, 1, 1] },
        { labels: { app: "foo", machine: "buzz" }, points: [1, 1, 1, 1, 1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:899",
    query:
      'sum by (app,pool) (count_over_time({app="foo", side="one"}[1m])) > bool on (app) group_right (pool) sum by (app,pool) (count_over_time({app="foo", pool=~"a|b"}[1m]))',
    at: 60000,
    streams: LOAD_893,
    expected: { kind: "fail", msg: "multiple matches for labels: grouping labels must ensure unique matches" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:908",
    query: 'rate({app="foo"}[1m]) or vector(0)',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_904,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { app: "foo" }, points: [0.1, 0.05, undefined, undefined, undefined] },
        { labels: {}, points: [0, 0, 0, 0, 0] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:912",
    query: 'sum(rate({app="foo"}[1m])) or vector(0)',
    range: { from: 60000, to: 180000, step: 30000 },
    streams: LOAD_904,
    expected: { kind: "series", ordered: false, series: [{ labels: {}, points: [0.1, 0.05, 0, 0, 0] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:922",
    query: 'count_over_time({app="foo"}[1m]) > 3',
    range: { from: 60000, to: 120000, step: 30000 },
    streams: LOAD_917,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [5, undefined, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/binary_operations.logqltest:924",
    query: 'count_over_time({app="foo"}[1m]) > bool 3',
    range: { from: 60000, to: 120000, step: 30000 },
    streams: LOAD_917,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "foo" }, points: [1, 0, 0] }] },
  },
];
