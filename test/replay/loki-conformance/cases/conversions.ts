/**
 * Transcribed from grafana/loki@65e30f8488e8a5ea2013c6881675f8103a8f6bc7
 * `pkg/logql/internal/logqltest/testdata/conversions.logqltest` (Loki's declarative LogQL engine tests, AGPL-3.0,
 * Grafana Labs): every `eval` is one case, `source` citing its line; its `load` blocks are the
 * `LOAD_<line>` streams. Times in ms. Shape and loader: ../loki-cases.ts.
 */
import type { LokiCase, Stream } from "../loki-cases";

/** conversions.logqltest:3 load */
const LOAD_3: Stream[] = [
  { labels: { unit: "kb" }, line: "b=1KB", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "kib" }, line: "b=1KiB", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "mb" }, line: "b=1MB", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "mib" }, line: "b=1MiB", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "gb" }, line: "b=1GB", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "gib" }, line: "b=1GiB", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "tb" }, line: "b=1TB", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "tib" }, line: "b=1TiB", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "pb" }, line: "b=1PB", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "pib" }, line: "b=1PiB", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "dec" }, line: "b=1.5KB", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "bare" }, line: "b=1024", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "mixed" }, line: "b=2Kb", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "comma" }, line: "b=2,048", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "frac" }, line: "b=1.5B", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "noise" }, line: "noise", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "bytes" }, line: "bytes=25MB", at: 10000, every: 10000, count: 18 },
];

/** conversions.logqltest:61 load */
const LOAD_61: Stream[] = [{ labels: { unit: "bad" }, line: "b=1XB", at: 10000, every: 10000, count: 6 }];

/** conversions.logqltest:72 load */
const LOAD_72: Stream[] = [
  { labels: { unit: "s" }, line: "d=2s", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "ms" }, line: "d=500ms", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "m" }, line: "d=1m", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "hm" }, line: "d=1h30m", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "fh" }, line: "d=1.5h", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "neg" }, line: "d=-5s", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "noise" }, line: "noise", at: 10000, every: 10000, count: 18 },
  { labels: { unit: "dur" }, line: "duration=90s", at: 10000, every: 10000, count: 18 },
];

/** conversions.logqltest:119 load */
const LOAD_119: Stream[] = [{ labels: { unit: "bad" }, line: "d=1d", at: 10000, every: 10000, count: 6 }];

export const CASES: LokiCase[] = [
  {
    source: "pkg/logql/internal/logqltest/testdata/conversions.logqltest:23",
    query: 'max_over_time({unit=~".+"} | logfmt | unwrap bytes(b) [1m]) by (unit)',
    at: 120000,
    streams: LOAD_3,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { unit: "kb" }, points: [1000] },
        { labels: { unit: "kib" }, points: [1024] },
        { labels: { unit: "mb" }, points: [1000000] },
        { labels: { unit: "mib" }, points: [1048576] },
        { labels: { unit: "gb" }, points: [1000000000] },
        { labels: { unit: "gib" }, points: [1073741824] },
        { labels: { unit: "tb" }, points: [1000000000000] },
        { labels: { unit: "tib" }, points: [1099511627776] },
        { labels: { unit: "pb" }, points: [1000000000000000] },
        { labels: { unit: "pib" }, points: [1125899906842624] },
        { labels: { unit: "dec" }, points: [1500] },
        { labels: { unit: "bare" }, points: [1024] },
        { labels: { unit: "mixed" }, points: [2000] },
        { labels: { unit: "comma" }, points: [2048] },
        { labels: { unit: "frac" }, points: [1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/conversions.logqltest:39",
    query: 'max_over_time({unit=~".+"} | logfmt | unwrap bytes(b) [30s]) by (unit)',
    range: { from: 60000, to: 180000, step: 60000 },
    streams: LOAD_3,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { unit: "kb" }, points: [1000, 1000, 1000] },
        { labels: { unit: "kib" }, points: [1024, 1024, 1024] },
        { labels: { unit: "mb" }, points: [1000000, 1000000, 1000000] },
        { labels: { unit: "mib" }, points: [1048576, 1048576, 1048576] },
        { labels: { unit: "gb" }, points: [1000000000, 1000000000, 1000000000] },
        { labels: { unit: "gib" }, points: [1073741824, 1073741824, 1073741824] },
        { labels: { unit: "tb" }, points: [1000000000000, 1000000000000, 1000000000000] },
        { labels: { unit: "tib" }, points: [1099511627776, 1099511627776, 1099511627776] },
        { labels: { unit: "pb" }, points: [1000000000000000, 1000000000000000, 1000000000000000] },
        { labels: { unit: "pib" }, points: [1125899906842624, 1125899906842624, 1125899906842624] },
        { labels: { unit: "dec" }, points: [1500, 1500, 1500] },
        { labels: { unit: "bare" }, points: [1024, 1024, 1024] },
        { labels: { unit: "mixed" }, points: [2000, 2000, 2000] },
        { labels: { unit: "comma" }, points: [2048, 2048, 2048] },
        { labels: { unit: "frac" }, points: [1, 1, 1] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/conversions.logqltest:56",
    query: 'max_over_time({unit="bytes"} | logfmt | unwrap bytes(bytes) [1m])',
    at: 120000,
    streams: LOAD_3,
    expected: { kind: "series", ordered: false, series: [{ labels: { unit: "bytes" }, points: [25000000] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/conversions.logqltest:64",
    query: 'max_over_time({unit=~".+"} | logfmt | unwrap bytes(b) [1m]) by (unit)',
    at: 60000,
    streams: LOAD_61,
    expected: { kind: "fail" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/conversions.logqltest:66",
    query: 'max_over_time({unit=~".+"} | logfmt | unwrap bytes(b) | __error__="" [1m]) by (unit)',
    at: 60000,
    streams: LOAD_61,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/conversions.logqltest:83",
    query: 'max_over_time({unit=~".+"} | logfmt | unwrap duration(d) [1m]) by (unit)',
    at: 120000,
    streams: LOAD_72,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { unit: "s" }, points: [2] },
        { labels: { unit: "ms" }, points: [0.5] },
        { labels: { unit: "m" }, points: [60] },
        { labels: { unit: "hm" }, points: [5400] },
        { labels: { unit: "fh" }, points: [5400] },
        { labels: { unit: "neg" }, points: [-5] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/conversions.logqltest:91",
    query: 'max_over_time({unit=~".+"} | logfmt | unwrap duration_seconds(d) [1m]) by (unit)',
    at: 120000,
    streams: LOAD_72,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { unit: "s" }, points: [2] },
        { labels: { unit: "ms" }, points: [0.5] },
        { labels: { unit: "m" }, points: [60] },
        { labels: { unit: "hm" }, points: [5400] },
        { labels: { unit: "fh" }, points: [5400] },
        { labels: { unit: "neg" }, points: [-5] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/conversions.logqltest:99",
    query: 'max_over_time({unit=~".+"} | logfmt | unwrap duration(d) [1m]) by (unit)',
    range: { from: 60000, to: 120000, step: 30000 },
    streams: LOAD_72,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { unit: "s" }, points: [2, 2, 2] },
        { labels: { unit: "ms" }, points: [0.5, 0.5, 0.5] },
        { labels: { unit: "m" }, points: [60, 60, 60] },
        { labels: { unit: "hm" }, points: [5400, 5400, 5400] },
        { labels: { unit: "fh" }, points: [5400, 5400, 5400] },
        { labels: { unit: "neg" }, points: [-5, -5, -5] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/conversions.logqltest:106",
    query: 'max_over_time({unit=~".+"} | logfmt | unwrap duration_seconds(d) [1m]) by (unit)',
    range: { from: 60000, to: 120000, step: 30000 },
    streams: LOAD_72,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        { labels: { unit: "s" }, points: [2, 2, 2] },
        { labels: { unit: "ms" }, points: [0.5, 0.5, 0.5] },
        { labels: { unit: "m" }, points: [60, 60, 60] },
        { labels: { unit: "hm" }, points: [5400, 5400, 5400] },
        { labels: { unit: "fh" }, points: [5400, 5400, 5400] },
        { labels: { unit: "neg" }, points: [-5, -5, -5] },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/conversions.logqltest:114",
    query: 'max_over_time({unit="dur"} | logfmt | unwrap duration(duration) [1m])',
    at: 120000,
    streams: LOAD_72,
    expected: { kind: "series", ordered: false, series: [{ labels: { unit: "dur" }, points: [90] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/conversions.logqltest:122",
    query: 'max_over_time({unit=~".+"} | logfmt | unwrap duration(d) [1m]) by (unit)',
    at: 60000,
    streams: LOAD_119,
    expected: { kind: "fail" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/conversions.logqltest:124",
    query: 'max_over_time({unit=~".+"} | logfmt | unwrap duration_seconds(d) [1m]) by (unit)',
    at: 60000,
    streams: LOAD_119,
    expected: { kind: "fail" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/conversions.logqltest:127",
    query: 'max_over_time({unit=~".+"} | logfmt | unwrap duration(d) | __error__="" [1m]) by (unit)',
    at: 60000,
    streams: LOAD_119,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/conversions.logqltest:129",
    query: 'max_over_time({unit=~".+"} | logfmt | unwrap duration_seconds(d) | __error__="" [1m]) by (unit)',
    at: 60000,
    streams: LOAD_119,
    expected: { kind: "empty" },
  },
];
