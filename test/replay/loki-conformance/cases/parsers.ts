/**
 * Transcribed from grafana/loki@65e30f8488e8a5ea2013c6881675f8103a8f6bc7
 * `pkg/logql/internal/logqltest/testdata/parsers.logqltest` (Loki's declarative LogQL engine tests, AGPL-3.0,
 * Grafana Labs): every `eval` is one case, `source` citing its line; its `load` blocks are the
 * `LOAD_<line>` streams. Times in ms. Shape and loader: ../loki-cases.ts.
 */
import type { LokiCase, Stream } from "../loki-cases";

/** parsers.logqltest:3 load */
const LOAD_3: Stream[] = [
  { labels: { app: "a" }, line: "level=info status=200", at: 20000, every: 20000, count: 4 },
  { labels: { app: "noise" }, line: "level=info status=200", at: 20000, every: 20000, count: 4 },
];

/** parsers.logqltest:21 load */
const LOAD_21: Stream[] = [
  { labels: { app: "a" }, line: 'a-b=1 9x=2 dup=first dup=second msg="hi there" empty=', at: 20000, every: 20000, count: 3 },
  { labels: { app: "noise" }, line: "z=1", at: 20000, every: 20000, count: 3 },
];

/** parsers.logqltest:38 load */
const LOAD_38: Stream[] = [
  {
    labels: { app: "a", sl: "s", sm: "s", tri: "s" },
    line: "sl=p md=p tri=p",
    at: 20000,
    every: 20000,
    count: 3,
    metadata: { md: "m", sm: "m", tri: "m" },
  },
  { labels: { app: "noise" }, line: "z=1", at: 20000, every: 20000, count: 3 },
];

/** parsers.logqltest:50 load */
const LOAD_50: Stream[] = [
  { labels: { app: "a" }, line: 'good=1 bad="unterminated', at: 20000, every: 20000, count: 3 },
  { labels: { app: "noise" }, line: "z=1", at: 20000, every: 20000, count: 3 },
];

/** parsers.logqltest:64 load */
const LOAD_64: Stream[] = [
  { labels: { app: "a" }, line: "level=info status=200 msg=hi", at: 20000, every: 20000, count: 4 },
  { labels: { app: "noise" }, line: "x=1", at: 20000, every: 20000, count: 4 },
];

/** parsers.logqltest:77 load */
const LOAD_77: Stream[] = [
  { labels: { app: "a" }, line: '{"level":"info","status":200}', at: 20000, every: 20000, count: 4 },
  { labels: { app: "noise" }, line: '{"level":"info"}', at: 20000, every: 20000, count: 4 },
];

/** parsers.logqltest:93 load */
const LOAD_93: Stream[] = [
  {
    labels: { app: "a" },
    line: '{"lvl":"warn","obj":{"x":1,"y":{"z":2}},"ok":true,"no":false,"nil":null,"arr":[1,2],"f":1.5}',
    at: 20000,
    every: 20000,
    count: 3,
  },
  { labels: { app: "noise" }, line: '{"a":1}', at: 20000, every: 20000, count: 3 },
];

/** parsers.logqltest:107 load */
const LOAD_107: Stream[] = [
  {
    labels: { app: "a", level: "stream" },
    line: '{"level":"parsed","a.b":1,"dup":"first","dup":"second"}',
    at: 20000,
    every: 20000,
    count: 3,
  },
  { labels: { app: "noise" }, line: '{"x":1}', at: 20000, every: 20000, count: 3 },
];

/** parsers.logqltest:118 load */
const LOAD_118: Stream[] = [
  { labels: { app: "a" }, line: '{"ok":1}', at: 20000 },
  { labels: { app: "a" }, line: "broken", at: 40000 },
  { labels: { app: "a" }, line: '{"ok":1}', at: 60000 },
  { labels: { app: "noise" }, line: '{"z":1}', at: 20000 },
];

/** parsers.logqltest:135 load */
const LOAD_135: Stream[] = [
  { labels: { app: "a" }, line: '{"user":{"id":"u1","name":"alice"},"tags":["x","y"]}', at: 20000, every: 20000, count: 4 },
  { labels: { app: "noise" }, line: '{"a":1}', at: 20000, every: 20000, count: 4 },
];

/** parsers.logqltest:152 load */
const LOAD_152: Stream[] = [
  { labels: { app: "a" }, line: "GET /home 200", at: 20000, every: 20000, count: 4 },
  { labels: { app: "noise" }, line: "GET /home 200", at: 20000, every: 20000, count: 4 },
];

/** parsers.logqltest:168 load */
const LOAD_168: Stream[] = [
  { labels: { app: "a", method: "stream" }, line: "PUT /x", at: 20000, every: 20000, count: 3 },
  { labels: { app: "noise" }, line: "y", at: 20000, every: 20000, count: 3 },
];

/** parsers.logqltest:187 load */
const LOAD_187: Stream[] = [
  { labels: { app: "a" }, line: "GET /home 200", at: 20000, every: 20000, count: 4 },
  { labels: { app: "noise" }, line: "GET /home 200", at: 20000, every: 20000, count: 4 },
];

/** parsers.logqltest:206 load */
const LOAD_206: Stream[] = [
  { labels: { app: "a", method: "stream" }, line: "POST", at: 20000, every: 20000, count: 3 },
  { labels: { app: "noise" }, line: "y", at: 20000, every: 20000, count: 3 },
];

/** parsers.logqltest:220 load */
const LOAD_220: Stream[] = [
  { labels: { app: "a" }, line: '{"lvl":"info","cluster":"eu","num":5,"_entry":"real message"}', at: 20000, every: 20000, count: 4 },
  { labels: { app: "noise" }, line: '{"a":"b","_entry":"x"}', at: 20000, every: 20000, count: 4 },
];

/** parsers.logqltest:235 load */
const LOAD_235: Stream[] = [
  { labels: { app: "a", lvl: "stream" }, line: '{"lvl":"packed","_entry":"code=42"}', at: 20000, every: 20000, count: 3 },
  { labels: { app: "noise" }, line: '{"_entry":"x"}', at: 20000, every: 20000, count: 3 },
];

/** parsers.logqltest:248 load */
const LOAD_248: Stream[] = [
  { labels: { app: "a" }, line: "not json", at: 20000, every: 20000, count: 3 },
  { labels: { app: "noise" }, line: '{"_entry":"x"}', at: 20000, every: 20000, count: 3 },
];

export const CASES: LokiCase[] = [
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:7",
    query: 'count_over_time({app="a"} | logfmt [1m])',
    at: 60000,
    streams: LOAD_3,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", level: "info", status: "200" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:9",
    query: 'count_over_time({app="a"} | logfmt [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_3,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", level: "info", status: "200" }, points: [2, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:11",
    query: 'count_over_time({app="a"} | logfmt [1m])',
    range: { from: 60000, to: 180000, step: 120000 },
    streams: LOAD_3,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", level: "info", status: "200" }, points: [3, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:25",
    query: 'count_over_time({app="a"} | logfmt [1m])',
    at: 60000,
    streams: LOAD_21,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", a_b: "1", _9x: "2", dup: "first", msg: "hi there" }, points: [3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:27",
    query: 'count_over_time({app="a"} | logfmt --keep-empty [1m])',
    at: 60000,
    streams: LOAD_21,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", a_b: "1", _9x: "2", dup: "first", msg: "hi there", empty: "" }, points: [3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:30",
    query: 'count_over_time({app="a"} | logfmt [1m])',
    range: { from: 40000, to: 60000, step: 20000 },
    streams: LOAD_21,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", a_b: "1", _9x: "2", dup: "first", msg: "hi there" }, points: [2, 3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:32",
    query: 'count_over_time({app="a"} | logfmt --keep-empty [1m])',
    range: { from: 40000, to: 60000, step: 20000 },
    streams: LOAD_21,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", a_b: "1", _9x: "2", dup: "first", msg: "hi there", empty: "" }, points: [2, 3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:42",
    query: 'count_over_time({app="a"} | logfmt [1m])',
    at: 60000,
    streams: LOAD_38,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        {
          labels: {
            app: "a",
            sl: "s",
            sl_extracted: "p",
            md: "m",
            md_extracted: "p",
            sm: "s",
            sm_extracted: "m",
            tri: "s",
            tri_extracted: "p",
          },
          points: [3],
        },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:44",
    query: 'count_over_time({app="a"} | logfmt [1m])',
    range: { from: 40000, to: 60000, step: 20000 },
    streams: LOAD_38,
    expected: {
      kind: "series",
      ordered: false,
      series: [
        {
          labels: {
            app: "a",
            sl: "s",
            sl_extracted: "p",
            md: "m",
            md_extracted: "p",
            sm: "s",
            sm_extracted: "m",
            tri: "s",
            tri_extracted: "p",
          },
          points: [2, 3],
        },
      ],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:54",
    query: 'count_over_time({app="a"} | logfmt [1m])',
    at: 60000,
    streams: LOAD_50,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", good: "1" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:56",
    query: 'count_over_time({app="a"} | logfmt --strict [1m])',
    at: 60000,
    streams: LOAD_50,
    expected: { kind: "fail", msg: "LogfmtParserErr" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:59",
    query: 'count_over_time({app="a"} | logfmt --strict | __error__="" [1m])',
    at: 60000,
    streams: LOAD_50,
    expected: { kind: "empty" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:68",
    query: 'count_over_time({app="a"} | logfmt level, code="status" [1m])',
    at: 60000,
    streams: LOAD_64,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", level: "info", code: "200" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:70",
    query: 'count_over_time({app="a"} | logfmt level, code="status" [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_64,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", level: "info", code: "200" }, points: [2, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:72",
    query: 'count_over_time({app="a"} | logfmt level, code="status" [1m])',
    range: { from: 60000, to: 180000, step: 120000 },
    streams: LOAD_64,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", level: "info", code: "200" }, points: [3, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:81",
    query: 'count_over_time({app="a"} | json [1m])',
    at: 60000,
    streams: LOAD_77,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", level: "info", status: "200" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:83",
    query: 'count_over_time({app="a"} | json [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_77,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", level: "info", status: "200" }, points: [2, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:85",
    query: 'count_over_time({app="a"} | json [1m])',
    range: { from: 60000, to: 180000, step: 120000 },
    streams: LOAD_77,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", level: "info", status: "200" }, points: [3, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:97",
    query: 'count_over_time({app="a"} | json [1m])',
    at: 60000,
    streams: LOAD_93,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", lvl: "warn", obj_x: "1", obj_y_z: "2", ok: "true", no: "false", f: "1.5" }, points: [3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:99",
    query: 'count_over_time({app="a"} | json [1m])',
    range: { from: 40000, to: 60000, step: 20000 },
    streams: LOAD_93,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", lvl: "warn", obj_x: "1", obj_y_z: "2", ok: "true", no: "false", f: "1.5" }, points: [2, 3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:111",
    query: 'count_over_time({app="a"} | json [1m])',
    at: 60000,
    streams: LOAD_107,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", level: "stream", level_extracted: "parsed", a_b: "1", dup: "first" }, points: [3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:113",
    query: 'count_over_time({app="a"} | json [1m])',
    range: { from: 40000, to: 60000, step: 20000 },
    streams: LOAD_107,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", level: "stream", level_extracted: "parsed", a_b: "1", dup: "first" }, points: [2, 3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:124",
    query: 'count_over_time({app="a"} | json [1m])',
    at: 60000,
    streams: LOAD_118,
    expected: { kind: "fail", msg: "JSONParserErr" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:126",
    query: 'count_over_time({app="a"} | json | __error__="" [1m])',
    at: 60000,
    streams: LOAD_118,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", ok: "1" }, points: [2] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:139",
    query: 'count_over_time({app="a"} | json who="user.id", tag="tags[0]" [1m])',
    at: 60000,
    streams: LOAD_135,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", who: "u1", tag: "x" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:141",
    query: 'count_over_time({app="a"} | json who="user.id", tag="tags[0]" [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_135,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", who: "u1", tag: "x" }, points: [2, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:143",
    query: 'count_over_time({app="a"} | json who="user.id", tag="tags[0]" [1m])',
    range: { from: 60000, to: 180000, step: 120000 },
    streams: LOAD_135,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", who: "u1", tag: "x" }, points: [3, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:145",
    query: 'count_over_time({app="a"} | json age="user.age" [1m])',
    at: 60000,
    streams: LOAD_135,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", age: "" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:147",
    query: 'count_over_time({app="a"} | json bad="user[" [1m])',
    at: 60000,
    streams: LOAD_135,
    expected: { kind: "fail", msg: "cannot parse expression" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:156",
    query: 'count_over_time({app="a"} | regexp `(?P<method>\\w+) (?P<path>\\S+) (?P<status>\\d+)` [1m])',
    at: 60000,
    streams: LOAD_152,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", method: "GET", path: "/home", status: "200" }, points: [3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:158",
    query: 'count_over_time({app="a"} | regexp `(?P<method>\\w+) (?P<path>\\S+) (?P<status>\\d+)` [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_152,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", method: "GET", path: "/home", status: "200" }, points: [2, 3, 3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:160",
    query: 'count_over_time({app="a"} | regexp `(?P<method>\\w+) (?P<path>\\S+) (?P<status>\\d+)` [1m])',
    range: { from: 60000, to: 180000, step: 120000 },
    streams: LOAD_152,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", method: "GET", path: "/home", status: "200" }, points: [3, undefined] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:172",
    query: 'count_over_time({app="a"} | regexp `(?P<num>\\d+)` [1m])',
    at: 60000,
    streams: LOAD_168,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", method: "stream" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:174",
    query: 'count_over_time({app="a"} | regexp `(?P<method>\\w+) (?P<path>\\S+)` [1m])',
    at: 60000,
    streams: LOAD_168,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", method: "stream", method_extracted: "PUT", path: "/x" }, points: [3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:176",
    query: 'count_over_time({app="a"} | regexp `(?P<method>\\w+) (?P<path>\\S+)` [1m])',
    range: { from: 40000, to: 60000, step: 20000 },
    streams: LOAD_168,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", method: "stream", method_extracted: "PUT", path: "/x" }, points: [2, 3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:178",
    query: 'count_over_time({app="a"} | regexp `nocapture` [1m])',
    at: 60000,
    streams: LOAD_168,
    expected: { kind: "fail", msg: "at least one named capture must be supplied" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:180",
    query: 'count_over_time({app="a"} | regexp `(?P<x>.)(?P<x>.)` [1m])',
    at: 60000,
    streams: LOAD_168,
    expected: { kind: "fail", msg: "duplicate extracted label name" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:182",
    query: 'count_over_time({app="a"} | regexp `(` [1m])',
    at: 60000,
    streams: LOAD_168,
    expected: { kind: "fail", msg: "error parsing regexp" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:191",
    query: 'count_over_time({app="a"} | pattern `<method> <path> <status>` [1m])',
    at: 60000,
    streams: LOAD_187,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", method: "GET", path: "/home", status: "200" }, points: [3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:193",
    query: 'count_over_time({app="a"} | pattern `<method> <path> <status>` [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_187,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", method: "GET", path: "/home", status: "200" }, points: [2, 3, 3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:195",
    query: 'count_over_time({app="a"} | pattern `<method> <path> <status>` [1m])',
    range: { from: 60000, to: 180000, step: 120000 },
    streams: LOAD_187,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", method: "GET", path: "/home", status: "200" }, points: [3, undefined] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:198",
    query: 'count_over_time({app="a"} | pattern `<method> <_> <status>` [1m])',
    at: 60000,
    streams: LOAD_187,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", method: "GET", status: "200" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:210",
    query: 'count_over_time({app="a"} | pattern `<method> <path>` [1m])',
    at: 60000,
    streams: LOAD_206,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", method: "stream", method_extracted: "POST" }, points: [3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:212",
    query: 'count_over_time({app="a"} | pattern `<method> <path>` [1m])',
    range: { from: 40000, to: 60000, step: 20000 },
    streams: LOAD_206,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", method: "stream", method_extracted: "POST" }, points: [2, 3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:214",
    query: 'count_over_time({app="a"} | pattern `no captures here` [1m])',
    at: 60000,
    streams: LOAD_206,
    expected: { kind: "fail", msg: "at least one capture is required" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:224",
    query: 'count_over_time({app="a"} | unpack [1m])',
    at: 60000,
    streams: LOAD_220,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", lvl: "info", cluster: "eu" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:226",
    query: 'count_over_time({app="a"} | unpack [1m])',
    range: { from: 40000, to: 80000, step: 20000 },
    streams: LOAD_220,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", lvl: "info", cluster: "eu" }, points: [2, 3, 3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:228",
    query: 'count_over_time({app="a"} | unpack [1m])',
    range: { from: 60000, to: 180000, step: 120000 },
    streams: LOAD_220,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", lvl: "info", cluster: "eu" }, points: [3, undefined] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:239",
    query: 'count_over_time({app="a"} | unpack [1m])',
    at: 60000,
    streams: LOAD_235,
    expected: { kind: "series", ordered: false, series: [{ labels: { app: "a", lvl: "stream", lvl_extracted: "packed" }, points: [3] }] },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:241",
    query: 'count_over_time({app="a"} | unpack | logfmt [1m])',
    at: 60000,
    streams: LOAD_235,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", lvl: "stream", lvl_extracted: "packed", code: "42" }, points: [3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:243",
    query: 'count_over_time({app="a"} | unpack | logfmt [1m])',
    range: { from: 40000, to: 60000, step: 20000 },
    streams: LOAD_235,
    expected: {
      kind: "series",
      ordered: false,
      series: [{ labels: { app: "a", lvl: "stream", lvl_extracted: "packed", code: "42" }, points: [2, 3] }],
    },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:252",
    query: 'count_over_time({app="a"} | unpack [1m])',
    at: 60000,
    streams: LOAD_248,
    expected: { kind: "fail", msg: "JSONParserErr" },
  },
  {
    source: "pkg/logql/internal/logqltest/testdata/parsers.logqltest:254",
    query: 'count_over_time({app="a"} | unpack | __error__="" [1m])',
    at: 60000,
    streams: LOAD_248,
    expected: { kind: "empty" },
  },
];
