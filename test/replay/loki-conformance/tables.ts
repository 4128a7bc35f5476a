/**
 * Cases transcribed from the table tests of grafana/loki@65e30f8488e8a5ea2013c6881675f8103a8f6bc7
 * `pkg/logql/log/*_test.go` (and Go's regexp / strconv documentation for RE2 and ParseFloat), for
 * behaviour the declarative scripts do not reach. Each case is one log line on one stream, run as
 * `count_over_time(<stream> <pipeline> [1m])` (or the `query` given, `$S` standing for the stream
 * selector) through the replay evaluator.
 * `want`: the labels of the single series counted; `error`: the __error__ that fails the query;
 * `dropped`: the line is filtered out. A test's stream label t="1" keeps the selector non-empty.
 * Not transcribed: cases with structured metadata, with labels of an empty name, and __error_details__ texts.
 */
export interface TableCase {
  source: string;
  stream?: Record<string, string>;
  line: string;
  pipeline: string;
  query?: string;
  want?: Record<string, string>;
  error?: string;
  dropped?: true;
  /** Expected value when not 1 (a single series). */
  value?: number;
}

const P = "pkg/logql/log/parser_test.go";
const LF = "pkg/logql/log/label_filter_test.go";
const EX = "pkg/logql/log/parser_test.go TestJSONExpressionParser";
const JSON_LINE = `{"app":"foo","field with space":"value","field with ÜFT8👌":"value","null_field":null,"bool_field":false,"namespace":"prod","pod":{"uuid":"foo","deployment":{"ref":"foobar", "params": [1,2,3,"string_value"]}}}`;

const SHORT_JSON = `{
      "data": "Click Here",
      "size": 36,
      "style": "bold",
      "name": "text1",
      "name": "duplicate",
      "hOffset": 250,
      "vOffset": 100,
      "alignment": "center",
      "onMouseUp": "sun1.opacity = (sun1.opacity / 100) * 90;"
    }`;
const SHORT_LOGFMT = `data="ClickHere" size=36 style=bold name=text1 name=duplicate hOffset=250 vOffset=100 alignment=center onMouseUp="sun1.opacity = (sun1.opacity / 100) * 90;"`;

export const TABLE_CASES: TableCase[] = [
  // Test_jsonParser_Parse
  {
    source: `${P} Test_jsonParser_Parse/multi depth`,
    line: `{"app":"foo","namespace":"prod","pod":{"uuid":"foo","deployment":{"ref":"foobar"}}}`,
    pipeline: "| json",
    want: { app: "foo", namespace: "prod", pod_uuid: "foo", pod_deployment_ref: "foobar" },
  },
  {
    source: `${P} Test_jsonParser_Parse/multi depth with duplicates`,
    stream: { app: "foo", pod_uuid: "foo" },
    line: `{"app":"bar","namespace":"prod","pod":{"uuid":"bar","deployment":{"ref":"foobar"}}}`,
    pipeline: "| json",
    want: { app: "foo", app_extracted: "bar", namespace: "prod", pod_uuid: "foo", pod_uuid_extracted: "bar", pod_deployment_ref: "foobar" },
  },
  {
    source: `${P} Test_jsonParser_Parse/numeric`,
    line: `{"counter":1, "price": {"_net_":5.56909}}`,
    pipeline: "| json",
    want: { counter: "1", price__net_: "5.56909" },
  },
  { source: `${P} Test_jsonParser_Parse/whitespace key value`, line: `{" ": {"foo":"bar"}}`, pipeline: "| json", want: { foo: "bar" } },
  {
    source: `${P} Test_jsonParser_Parse/escaped`,
    line: `{"counter":1,"foo":"foo\\\"bar", "price": {"_net_":5.56909}}`,
    pipeline: "| json",
    want: { counter: "1", price__net_: "5.56909", foo: `foo\"bar` },
  },
  {
    source: `${P} Test_jsonParser_Parse/utf8 error rune`,
    line: `{"counter":1,"foo":"�", "price": {"_net_":5.56909}}`,
    pipeline: "| json",
    want: { counter: "1", price__net_: "5.56909", foo: " " },
  },
  {
    source: `${P} Test_jsonParser_Parse/skip arrays`,
    line: `{"counter":1, "price": {"net_":["10","20"]}}`,
    pipeline: "| json",
    want: { counter: "1" },
  },
  { source: `${P} Test_jsonParser_Parse/bad key replaced`, line: `{"cou-nter":1}`, pipeline: "| json", want: { cou_nter: "1" } },
  {
    source: `${P} Test_jsonParser_Parse/nested bad key replaced (trailing bytes ignored)`,
    line: `{"foo":{"cou-nter":1}}"`,
    pipeline: "| json",
    want: { foo_cou_nter: "1" },
  },
  { source: `${P} Test_jsonParser_Parse/errors`, line: `{n}`, pipeline: "| json", error: "JSONParserErr" },
  {
    source: `${P} Test_jsonParser_Parse/duplicate extraction`,
    stream: { app: "bar" },
    line: `{"app":"foo","namespace":"prod","pod":{"uuid":"foo","deployment":{"ref":"foobar"}},"next":{"err":false}}`,
    pipeline: "| json",
    want: { app: "bar", app_extracted: "foo", namespace: "prod", pod_uuid: "foo", next_err: "false", pod_deployment_ref: "foobar" },
  },
  // Issue 12's list, from jsonparser's behaviour as Loki uses it (parser.go readValue, ObjectEach)
  {
    source: `${P} (parser.go readValue): numbers keep their text`,
    line: `{"statusCode":500.0}`,
    pipeline: "| json",
    want: { statusCode: "500.0" },
  },
  { source: `${P} (parser.go readValue): null adds no label`, line: `{"a":null,"b":"x"}`, pipeline: "| json", want: { b: "x" } },
  { source: `${P} (parser.go ObjectEach): duplicate key, the first wins`, line: `{"a":"1","a":"2"}`, pipeline: "| json", want: { a: "1" } },
  { source: `${P} (parser.go ObjectEach): a top-level array is an error`, line: `[{"a":"1"}]`, pipeline: "| json", error: "JSONParserErr" },
  {
    source: `${P} (parser.go ObjectEach): an unclosed object is read up to its end`,
    line: `{"a":"1","b":{"c":"2"}`,
    pipeline: "| json",
    want: { a: "1", b_c: "2" },
  },
  {
    source: "Loki 3.7.6, found by test/e2e/logql-differential.e2e.ts: a line that ends inside a number is a JSONParserErr",
    line: `{"level":"info","status":20`,
    pipeline: "| json",
    error: "JSONParserErr",
  },
  {
    source: "Loki 3.7.6, found by test/e2e/logql-differential.e2e.ts: a json expression reads the same line without error",
    line: `{"level":"info","status":20`,
    pipeline: '| json status="status"',
    want: { status: "20" },
  },
  {
    source: `${P} TestKeyShortCircuit: hints stop at the needed key, a later malformed part is not read`,
    line: `{"path":"/x","broken`,
    pipeline: "| json",
    query: "sum by (path) (count_over_time($S | json [1m]))",
    want: { path: "/x" },
  },
  {
    source: `${P} (parser_hints.go NoLabels): sum() with no label read skips the parser`,
    line: `not json`,
    pipeline: "| json",
    query: "sum(count_over_time($S | json [1m]))",
    want: {},
  },
  {
    source: `${P} (parser_hints.go): a label filter makes the parser run`,
    line: `not json`,
    pipeline: "| json",
    query: 'sum(count_over_time($S | json | __error__!="" [1m]))',
    error: "JSONParserErr",
  },
  // TestLabelShortCircuit: with hints for `name`, parsers stop at its first value
  {
    source: `${P} TestLabelShortCircuit/json`,
    line: SHORT_JSON,
    pipeline: "| json",
    query: "sum by (name) (count_over_time($S | json [1m]))",
    want: { name: "text1" },
  },
  {
    source: `${P} TestLabelShortCircuit/logfmt`,
    line: SHORT_LOGFMT,
    pipeline: "| logfmt",
    query: "sum by (name) (count_over_time($S | logfmt [1m]))",
    want: { name: "text1" },
  },
  {
    source: `${P} TestLabelShortCircuit/logfmt-expression`,
    line: SHORT_LOGFMT,
    pipeline: "| logfmt name",
    query: "sum by (name) (count_over_time($S | logfmt name [1m]))",
    want: { name: "text1" },
  },
  // Test_unpackParser_Parse
  {
    source: `${P} Test_unpackParser_Parse/should extract only map[string]string`,
    stream: { cluster: "us-central1" },
    line: `{"bar":1,"app":"foo","namespace":"prod","_entry":"some message","pod":{"uid":"1"}}`,
    pipeline: "| unpack",
    want: { app: "foo", namespace: "prod", cluster: "us-central1" },
  },
  {
    source: `${P} Test_unpackParser_Parse/should extract only map[string]string (line replaced)`,
    stream: { cluster: "us-central1" },
    line: `{"bar":1,"app":"foo","namespace":"prod","_entry":"some message","pod":{"uid":"1"}}`,
    pipeline: '| unpack |= "some message" != "namespace"',
    want: { app: "foo", namespace: "prod", cluster: "us-central1" },
  },
  {
    source: `${P} Test_unpackParser_Parse/wrong json`,
    line: `"app":"foo","namespace":"prod","_entry":"some message","pod":{"uid":"1"}`,
    pipeline: "| unpack",
    error: "JSONParserErr",
  },
  {
    source: `${P} Test_unpackParser_Parse/empty line`,
    stream: { cluster: "us-central1" },
    line: "",
    pipeline: "| unpack",
    want: { cluster: "us-central1" },
  },
  {
    source: `${P} Test_unpackParser_Parse/not a map`,
    stream: { cluster: "us-central1" },
    line: `["foo","bar"]`,
    pipeline: "| unpack",
    error: "JSONParserErr",
  },
  {
    source: `${P} Test_unpackParser_Parse/should rename`,
    stream: { cluster: "us-central1", app: "bar" },
    line: `{"bar":1,"app":"foo","namespace":"prod","_entry":"some message","pod":{"uid":"1"}}`,
    pipeline: "| unpack",
    want: { app: "bar", app_extracted: "foo", namespace: "prod", cluster: "us-central1" },
  },
  {
    source: `${P} Test_unpackParser_Parse/should not change log and labels if no packed entry`,
    stream: { app: "bar", cluster: "us-central1" },
    line: `{"bar":1,"app":"foo","namespace":"prod","pod":{"uid":"1"}}`,
    pipeline: '| unpack |= "namespace"',
    want: { app: "bar", cluster: "us-central1" },
  },
  // TestJSONExpressionParser
  { source: `${EX}/single field`, line: JSON_LINE, pipeline: '| json app="app"', want: { app: "foo" } },
  { source: `${EX}/alternate syntax`, line: JSON_LINE, pipeline: '| json test=`["field with space"]`', want: { test: "value" } },
  {
    source: `${EX}/multiple fields`,
    line: JSON_LINE,
    pipeline: '| json app="app", namespace="namespace"',
    want: { app: "foo", namespace: "prod" },
  },
  { source: `${EX}/utf8`, line: JSON_LINE, pipeline: '| json utf8=`["field with ÜFT8👌"]`', want: { utf8: "value" } },
  { source: `${EX}/nested field`, line: JSON_LINE, pipeline: '| json uuid="pod.uuid"', want: { uuid: "foo" } },
  { source: `${EX}/nested field alternate syntax`, line: JSON_LINE, pipeline: '| json uuid=`pod["uuid"]`', want: { uuid: "foo" } },
  { source: `${EX}/nested field alternate syntax 2`, line: JSON_LINE, pipeline: '| json uuid=`["pod"]["uuid"]`', want: { uuid: "foo" } },
  { source: `${EX}/nested field alternate syntax 3`, line: JSON_LINE, pipeline: '| json uuid=`["pod"].uuid`', want: { uuid: "foo" } },
  { source: `${EX}/array element`, line: JSON_LINE, pipeline: '| json param="pod.deployment.params[0]"', want: { param: "1" } },
  { source: `${EX}/object element not present`, line: JSON_LINE, pipeline: '| json undefined=`pod[""]`', want: { undefined: "" } },
  {
    source: `${EX}/accessing invalid array index`,
    line: JSON_LINE,
    pipeline: '| json param=`pod.deployment.params[""]`',
    want: { param: "" },
  },
  {
    source: `${EX}/array string element`,
    line: JSON_LINE,
    pipeline: '| json param="pod.deployment.params[3]"',
    want: { param: "string_value" },
  },
  {
    source: `${EX}/full array`,
    line: JSON_LINE,
    pipeline: '| json params="pod.deployment.params"',
    want: { params: `[1,2,3,"string_value"]` },
  },
  {
    source: `${EX}/full object`,
    line: JSON_LINE,
    pipeline: '| json deployment="pod.deployment"',
    want: { deployment: `{"ref":"foobar", "params": [1,2,3,"string_value"]}` },
  },
  { source: `${EX}/expression matching nothing`, line: JSON_LINE, pipeline: '| json nope="pod.nope"', want: { nope: "" } },
  { source: `${EX}/null field`, line: JSON_LINE, pipeline: '| json nf="null_field"', want: { nf: "" } },
  {
    source: `${EX}/boolean field (label b: bool is a keyword of the grammar)`,
    line: JSON_LINE,
    pipeline: '| json b="bool_field"',
    want: { b: "false" },
  },
  {
    source: `${EX}/label override`,
    stream: { uuid: "bar" },
    line: JSON_LINE,
    pipeline: '| json uuid="pod.uuid"',
    want: { uuid: "bar", uuid_extracted: "foo" },
  },
  {
    source: `${EX}/non-matching expression`,
    stream: { uuid: "bar" },
    line: JSON_LINE,
    pipeline: '| json request_size="request.size.invalid"',
    want: { uuid: "bar", request_size: "" },
  },
  { source: `${EX}/empty line ({})`, line: "{}", pipeline: '| json uuid="pod.uuid"', want: { uuid: "" } },
  {
    source: `${EX}/invalid JSON line`,
    stream: { foo: "bar" },
    line: "invalid json",
    pipeline: '| json uuid="will.not.work"',
    error: "JSONParserErr",
  },
  { source: `${EX}/empty line`, stream: { foo: "bar" }, line: "", pipeline: '| json uuid="will.not.work"', want: { foo: "bar" } },
  {
    source: `${EX}/nested escaped object`,
    stream: { foo: "bar" },
    line: `{"app":"{ \\"key\\": \\"value\\", \\"key2\\":\\"value2\\"}"}`,
    pipeline: '| json app="app"',
    want: { foo: "bar", app: `{ "key": "value", "key2":"value2"}` },
  },
  {
    source: `${EX}/nested object with escaped value`,
    stream: { foo: "bar" },
    line: `{"app":{"name":"great \\"loki\\""}`,
    pipeline: '| json app="app"',
    want: { foo: "bar", app: `{"name":"great \\"loki\\""}` },
  },
  {
    source: `${EX}/duplicate field name takes first value`,
    stream: { foo: "bar" },
    line: `{"app":"foo","app":"duplicate"}`,
    pipeline: '| json app="app"',
    want: { foo: "bar", app: "foo" },
  },
  {
    source: `${EX}: a missing path named like a stream label adds nothing`,
    stream: { app: "s" },
    line: `{"x":1}`,
    pipeline: '| json app="nope"',
    want: { app: "s" },
  },
  // TestLabelShortCircuit: with hints for `name`, parsers stop at its first value
  {
    source: `${P} TestLabelShortCircuit/json`,
    line: SHORT_JSON,
    pipeline: "| json",
    query: "sum by (name) (count_over_time($S | json [1m]))",
    want: { name: "text1" },
  },
  {
    source: `${P} TestLabelShortCircuit/logfmt`,
    line: SHORT_LOGFMT,
    pipeline: "| logfmt",
    query: "sum by (name) (count_over_time($S | logfmt [1m]))",
    want: { name: "text1" },
  },
  {
    source: `${P} TestLabelShortCircuit/logfmt-expression`,
    line: SHORT_LOGFMT,
    pipeline: "| logfmt name",
    query: "sum by (name) (count_over_time($S | logfmt name [1m]))",
    want: { name: "text1" },
  },
  // Test_unpackParser_Parse
  {
    source: `${P} Test_unpackParser_Parse/should extract only map[string]string`,
    stream: { cluster: "us-central1" },
    line: `{"bar":1,"app":"foo","namespace":"prod","_entry":"some message","pod":{"uid":"1"}}`,
    pipeline: "| unpack",
    want: { app: "foo", namespace: "prod", cluster: "us-central1" },
  },
  {
    source: `${P} Test_unpackParser_Parse/should extract only map[string]string (line replaced)`,
    stream: { cluster: "us-central1" },
    line: `{"bar":1,"app":"foo","namespace":"prod","_entry":"some message","pod":{"uid":"1"}}`,
    pipeline: '| unpack |= "some message" != "namespace"',
    want: { app: "foo", namespace: "prod", cluster: "us-central1" },
  },
  {
    source: `${P} Test_unpackParser_Parse/wrong json`,
    line: `"app":"foo","namespace":"prod","_entry":"some message","pod":{"uid":"1"}`,
    pipeline: "| unpack",
    error: "JSONParserErr",
  },
  {
    source: `${P} Test_unpackParser_Parse/empty line`,
    stream: { cluster: "us-central1" },
    line: "",
    pipeline: "| unpack",
    want: { cluster: "us-central1" },
  },
  {
    source: `${P} Test_unpackParser_Parse/not a map`,
    stream: { cluster: "us-central1" },
    line: `["foo","bar"]`,
    pipeline: "| unpack",
    error: "JSONParserErr",
  },
  {
    source: `${P} Test_unpackParser_Parse/should rename`,
    stream: { cluster: "us-central1", app: "bar" },
    line: `{"bar":1,"app":"foo","namespace":"prod","_entry":"some message","pod":{"uid":"1"}}`,
    pipeline: "| unpack",
    want: { app: "bar", app_extracted: "foo", namespace: "prod", cluster: "us-central1" },
  },
  {
    source: `${P} Test_unpackParser_Parse/should not change log and labels if no packed entry`,
    stream: { app: "bar", cluster: "us-central1" },
    line: `{"bar":1,"app":"foo","namespace":"prod","pod":{"uid":"1"}}`,
    pipeline: '| unpack |= "namespace"',
    want: { app: "bar", cluster: "us-central1" },
  },
  // TestJSONExpressionParserFailures: Loki rejects the query
  {
    source: `${P} TestJSONExpressionParserFailures/invalid field name`,
    line: "{}",
    pipeline: '| json app="field with space"',
    error: "cannot parse expression",
  },
  {
    source: `${P} TestJSONExpressionParserFailures/missing opening square bracket`,
    line: "{}",
    pipeline: '| json app=`"pod"]`',
    error: "cannot parse expression",
  },
  {
    source: `${P} TestJSONExpressionParserFailures/missing closing square bracket`,
    line: "{}",
    pipeline: '| json app=`["pod"`',
    error: "cannot parse expression",
  },
  // TestLogfmtParser_parse (want; wantStrict where the two differ)
  {
    source: `${P} TestLogfmtParser_parse/not logfmt`,
    stream: { foo: "bar" },
    line: "foobar====wqe=sdad1r",
    pipeline: "| logfmt",
    want: { foo: "bar" },
  },
  {
    source: `${P} TestLogfmtParser_parse/not logfmt (strict)`,
    stream: { foo: "bar" },
    line: "foobar====wqe=sdad1r",
    pipeline: "| logfmt --strict",
    error: "LogfmtParserErr",
  },
  {
    source: `${P} TestLogfmtParser_parse/key alone logfmt`,
    stream: { foo: "bar" },
    line: "buzz bar=foo",
    pipeline: "| logfmt",
    want: { foo: "bar", bar: "foo" },
  },
  {
    source: `${P} TestLogfmtParser_parse/quoted logfmt`,
    stream: { foo: "bar" },
    line: `foobar="foo bar"`,
    pipeline: "| logfmt",
    want: { foo: "bar", foobar: "foo bar" },
  },
  {
    source: `${P} TestLogfmtParser_parse/escaped control chars in logfmt`,
    stream: { a: "b" },
    line: `foobar="foo\\nbar\\tbaz"`,
    pipeline: "| logfmt",
    want: { a: "b", foobar: "foo\nbar\tbaz" },
  },
  {
    source: `${P} TestLogfmtParser_parse/literal control chars in logfmt`,
    stream: { a: "b" },
    line: 'foobar="foo\nbar\tbaz"',
    pipeline: "| logfmt",
    want: { a: "b", foobar: "foo\nbar\tbaz" },
  },
  {
    source: `${P} TestLogfmtParser_parse/escaped slash logfmt`,
    stream: { a: "b" },
    line: `foobar="foo ba\\\\r baz"`,
    pipeline: "| logfmt",
    want: { a: "b", foobar: `foo ba\\r baz` },
  },
  {
    source: `${P} TestLogfmtParser_parse/double property logfmt`,
    stream: { foo: "bar" },
    line: `foobar="foo bar" latency=10ms`,
    pipeline: "| logfmt",
    want: { foo: "bar", foobar: "foo bar", latency: "10ms" },
  },
  {
    source: `${P} TestLogfmtParser_parse/duplicate from line property`,
    stream: { foo: "bar" },
    line: `foobar="foo bar" foobar=10ms`,
    pipeline: "| logfmt",
    want: { foo: "bar", foobar: "foo bar" },
  },
  {
    source: `${P} TestLogfmtParser_parse/duplicate property`,
    stream: { foo: "bar" },
    line: `foo="foo bar" foobar=10ms`,
    pipeline: "| logfmt",
    want: { foo: "bar", foo_extracted: "foo bar", foobar: "10ms" },
  },
  {
    source: `${P} TestLogfmtParser_parse/invalid key names`,
    stream: { foo: "bar" },
    line: `foo="foo bar" foo.bar=10ms test-dash=foo`,
    pipeline: "| logfmt",
    want: { foo: "bar", foo_extracted: "foo bar", foo_bar: "10ms", test_dash: "foo" },
  },
  {
    source: `${P} TestLogfmtParser_parse/empty key`,
    stream: { foo: "bar" },
    line: `foo="foo bar" =notkey bar=10ms`,
    pipeline: "| logfmt",
    want: { foo: "bar", foo_extracted: "foo bar", bar: "10ms" },
  },
  {
    source: `${P} TestLogfmtParser_parse/empty key (strict)`,
    stream: { foo: "bar" },
    line: `foo="foo bar" =notkey bar=10ms`,
    pipeline: "| logfmt --strict",
    error: "LogfmtParserErr",
  },
  // TestBinary_Filter (label_filter_test.go): label filters on stream labels
  {
    source: `${LF} TestBinary_Filter/foo==5 and bar==1s`,
    stream: { foo: "5", bar: "1s" },
    line: "x",
    pipeline: "| foo == 5 and bar == 1s",
    want: { foo: "5", bar: "1s" },
  },
  {
    source: `${LF} TestBinary_Filter/foo==5 and bar==42kB`,
    stream: { foo: "5", bar: "42kB" },
    line: "x",
    pipeline: "| foo == 5 and bar == 42kB",
    want: { foo: "5", bar: "42kB" },
  },
  {
    source: `${LF} TestBinary_Filter/foo 6 fails foo==5`,
    stream: { foo: "6", bar: "1s" },
    line: "x",
    pipeline: "| foo == 5 and bar == 1s",
    dropped: true,
  },
  {
    source: `${LF} TestBinary_Filter/bar 2s fails bar==1s`,
    stream: { foo: "5", bar: "2s" },
    line: "x",
    pipeline: "| foo == 5 and bar == 1s",
    dropped: true,
  },
  {
    source: `${LF} TestBinary_Filter/foo="5" and bar==1s`,
    stream: { foo: "5", bar: "1s" },
    line: "x",
    pipeline: '| foo = "5" and bar == 1s',
    want: { foo: "5", bar: "1s" },
  },
  {
    source: `${LF} TestBinary_Filter/(duration>1s or status!=200) and method!="POST" (GET)`,
    stream: { duration: "2s", status: "200", method: "GET" },
    line: "x",
    pipeline: '| (duration > 1s or status != 200) and method != "POST"',
    want: { duration: "2s", status: "200", method: "GET" },
  },
  {
    source: `${LF} TestBinary_Filter/(duration>1s or status!=200) and method!="POST" (POST)`,
    stream: { duration: "2s", status: "200", method: "POST" },
    line: "x",
    pipeline: '| (duration > 1s or status != 200) and method != "POST"',
    dropped: true,
  },
  {
    source: `${LF} TestBinary_Filter/(duration>3s or status!=200) and method!="POST"`,
    stream: { duration: "2s", status: "200", method: "POST" },
    line: "x",
    pipeline: '| (duration > 3s or status != 200) and method != "POST"',
    dropped: true,
  },
  {
    source: `${LF} TestBinary_Filter/duration>3s on 2weeeeee`,
    stream: { duration: "2weeeeee" },
    line: "x",
    pipeline: "| duration > 3s",
    error: "LabelFilterErr",
  },
  {
    source: `${LF} TestBinary_Filter/bytes>100B on 2qb`,
    stream: { bytes: "2qb" },
    line: "x",
    pipeline: "| bytes > 100B",
    error: "LabelFilterErr",
  },
  {
    source: `${LF} TestBinary_Filter/number>100 on not_a_number`,
    stream: { number: "not_a_number" },
    line: "x",
    pipeline: "| number > 100",
    error: "LabelFilterErr",
  },
  // TestBytes_Filter
  ...(
    [
      [42, "42B"],
      [42_000, "42kB"],
      [42_000_000, "42MB"],
      [42e9, "42GB"],
      [42e12, "42TB"],
      [42e15, "42PB"],
      [42 * 1024, "42KiB"],
      [42 * 1024 ** 2, "42MiB"],
      [42 * 1024 ** 3, "42GiB"],
      [42 * 1024 ** 4, "42TiB"],
      [42 * 1024 ** 5, "42PiB"],
    ] as Array<[number, string]>
  ).map(([n, label]): TableCase => ({
    source: `${LF} TestBytes_Filter/bar==${label}`,
    stream: { bar: label },
    line: "x",
    pipeline: `| bar == ${n}B`,
    want: { bar: label },
  })),
  // label_filter.go semantics named in issue 12
  {
    source: `${LF} (label_filter.go NumericLabelFilter): a missing label drops the line, no error`,
    line: "x",
    pipeline: "| status >= 500",
    dropped: true,
  },
  { source: `${LF} (label_filter.go StringLabelFilter): a missing label reads as ""`, line: "x", pipeline: '| status = ""', want: {} },
  {
    source: `${LF} (label_filter.go BinaryLabelFilter): and runs both sides; an error on one side, false on the other drops the line`,
    stream: { x: "oops", y: "5" },
    line: "x",
    pipeline: "| x > 1 and y < 1",
    dropped: true,
  },
  {
    source: `${LF} (label_filter.go BinaryLabelFilter): or stops at a true left side`,
    stream: { x: "5", y: "oops" },
    line: "x",
    pipeline: "| x > 1 or y < 1",
    want: { x: "5", y: "oops" },
  },
  {
    source: `${LF} (strconv.ParseFloat): " 500" is not a number`,
    stream: { s: " 500" },
    line: "x",
    pipeline: "| s > 1",
    error: "LabelFilterErr",
  },
  {
    source: `${LF} (strconv.ParseFloat): "0x1F" is not a float`,
    stream: { s: "0x1F" },
    line: "x",
    pipeline: "| s > 1",
    error: "LabelFilterErr",
  },
  {
    source: `${LF} (strconv.ParseFloat): "1e3" and "+Inf" are`,
    stream: { s: "1e3", t: "+Inf" },
    line: "x",
    pipeline: "| s == 1000 and t > 1e308",
    want: { s: "1e3", t: "+Inf" },
  },
  // RE2 (Go regexp) vs JavaScript: https://github.com/google/re2/wiki/Syntax
  { source: "RE2 syntax: POSIX class [[:digit:]] in a line filter", line: "code 503", pipeline: '|~ "[[:digit:]]{3}"', want: {} },
  { source: "RE2 syntax: \\pL Unicode class", line: "été", pipeline: '|~ "^\\\\pL+$"', want: {} },
  { source: "RE2 syntax: . does not match a newline in a line filter", line: "a\nb", pipeline: '|~ "a.b"', dropped: true },
  {
    source: "Prometheus labels.Matcher: =~ is anchored with (?s), so . matches a newline",
    stream: { m: "a\nb" },
    line: "x",
    pipeline: '| m =~ "a.b"',
    want: { m: "a\nb" },
  },
  { source: "RE2 syntax: (?i) flag group inside the pattern", line: "ERROR x", pipeline: '|~ "(?i)error"', want: {} },
  // n-ary or line filters (pkg/logql/syntax: each or operand inherits the filter type)
  { source: "pkg/logql/syntax/ast.go LineFilter or chain: third operand", line: "c", pipeline: '|= "a" or "b" or "c"', want: {} },
  {
    source: "pkg/logql/syntax/ast.go LineFilter or chain: != drops any operand",
    line: "c",
    pipeline: '!= "a" or "b" or "c"',
    dropped: true,
  },
  // NaN division (pkg/logql/evaluator.go mergeBinOp: x / 0 = NaN)
  {
    source: "pkg/logql/evaluator.go mergeBinOp: division by zero is NaN",
    line: "x",
    pipeline: "",
    query: "sum(count_over_time($S [1m])) / vector(0)",
    want: {},
    value: NaN,
  },
];
