import { beforeAll, describe, expect, it } from "vitest";
import { routingTargets } from "../../contact-points/receivers";
import { checkedStack } from "../../src/checks";
import { parseConfig } from "../../src/config/schema";
import { SCENARIOS } from "../../src/replay/fixtures";
import { expandTemplates, formatPageText, pageTexts, type PageText, type TemplateItem } from "../../src/replay/page-text";
import { pageTextEngines } from "../support/page-text";
import { scenarioReplay } from "../support/scenario-replay";
import { exampleConfig } from "../support/stack";

const cfg = parseConfig(exampleConfig());
const stack = checkedStack(cfg);
const titles = new Map(stack.ruleGroups.flatMap((g) => g.rules ?? []).map((r) => [r.uid ?? "", r.title]));

/**
 * Cases of grafana/grafana pkg/services/ngalert/state/template/template_test.go TestExpandTemplate
 * (by name) and manager_test.go TestProcessEvalResults "template is correctly expanded": the
 * page-text helper (tools/page-text: Prometheus' template engine with Grafana's data and functions)
 * must answer as Grafana's Expand does.
 */
const GRAFANA_CASES: Array<[string, TemplateItem, string]> = [
  ["labels are expanded into $labels", { name: "t", text: "{{ $labels.instance }} is down", labels: { instance: "foo" } }, "foo is down"],
  ["missing label in $labels returns [no value]", { name: "t", text: "{{ $labels.instance }} is down", labels: {} }, "[no value] is down"],
  [
    "values are expanded into $values",
    {
      name: "t",
      text: "{{ $values.A.Labels.instance }} has value {{ $values.A }}",
      labels: {},
      values: { A: { labels: { instance: "foo" }, value: 1 } },
    },
    "foo has value 1",
  ],
  [
    "values can be passed to template functions such as printf",
    {
      name: "t",
      text: '{{ $values.A.Labels.instance }} has value {{ $values.A.Value | printf "%.1f" }}',
      labels: {},
      values: { A: { labels: { instance: "foo" }, value: 1.1 } },
    },
    "foo has value 1.1",
  ],
  [
    "missing value in $values is returned as NaN",
    {
      name: "t",
      text: "{{ $values.A.Labels.instance }} has value {{ $values.A }}",
      labels: {},
      values: { A: { labels: { instance: "foo" }, value: null } },
    },
    "foo has value NaN",
  ],
  [
    "assert value string is expanded into $value",
    { name: "t", text: "{{ $value }}", labels: {}, value: "[ var='A' labels={instance=foo} value=10 ]" },
    "[ var='A' labels={instance=foo} value=10 ]",
  ],
  ["float64 is humanized correctly", { name: "t", text: "{{ humanize $value }}", labels: {}, value: "1234567.0" }, "1.235M"],
  ["humanizeDuration - string", { name: "t", text: "{{ humanizeDuration $value }}", labels: {}, value: "86400" }, "1d 0h 0m 0s"],
  [
    "humanizePercentage - float64",
    {
      name: "t",
      text: "{{ -0.22222 | humanizePercentage }}:{{ 0.0 | humanizePercentage }}:{{ 0.1234567 | humanizePercentage }}:{{ 1.23456 | humanizePercentage }}",
      labels: {},
    },
    "-22.22%:0%:12.35%:123.5%",
  ],
  ["title", { name: "t", text: '{{ "aa bb CC" | title }}', labels: {} }, "Aa Bb CC"],
  ["regex replacement", { name: "t", text: '{{ reReplaceAll "(a)b" "x$1" "ab" }}', labels: {} }, "xa"],
  [
    "pass multiple arguments to templates",
    { name: "t", text: '{{define "x"}}{{.arg0}} {{.arg1}}{{end}}{{template "x" (args 1 "2")}}', labels: {} },
    "1 2",
  ],
  ["externalURL", { name: "t", text: "{{ externalURL }}", labels: {} }, "http://localhost/path/prefix"],
  // Grafana's Expand answers "" and an error here (`first` of the empty vector its query answers); its test checks the text only.
  [
    "check that query, first and value don't error or panic",
    { name: "t", text: '{{ query "1.5" | first | value }}', labels: {} },
    "error calling first",
  ],
  [
    "tableLink",
    { name: "t", text: '{{ tableLink "{\\"expr\\": \\"up\\", \\"datasource\\": \\"gdev-prometheus\\"}" }}', labels: {} },
    '/explore?left={"datasource":"gdev-prometheus","queries":[{"datasource":"gdev-prometheus","expr":"up","instant":true,"range":false,"refId":"A"}],"range":{"from":"now-1h","to":"now"}}',
  ],
  [
    "graphLink should escape both the expression and the datasource",
    { name: "t", text: '{{ graphLink "{\\"expr\\": \\"process_open_fds > 0\\", \\"datasource\\": \\"gdev prometheus\\"}" }}', labels: {} },
    '/explore?left={"datasource":"gdev+prometheus","queries":[{"datasource":"gdev+prometheus","expr":"process_open_fds+%3E+0","instant":false,"range":true,"refId":"A"}],"range":{"from":"now-1h","to":"now"}}',
  ],
  [
    "template is correctly expanded (manager_test.go TestProcessEvalResults)",
    {
      name: "summary",
      text: "{{$labels.pod}} is down in {{$labels.cluster}} cluster -> {{$labels.namespace}} namespace",
      labels: { cluster: "us-central-1", namespace: "prod", pod: "grafana" },
    },
    "grafana is down in us-central-1 cluster -> prod namespace",
  ],
];

describe("the page-text helper expands as Grafana does (ported cases)", () => {
  it("answers every case as Grafana's tests expect", () => {
    const results = expandTemplates(
      pageTextEngines().pageText,
      GRAFANA_CASES.map(([, item]) => item),
      "http://localhost/path/prefix",
    );
    const answer = (r: { text?: string; error?: string }) => r.text ?? r.error?.match(/error calling \w+/)?.[0] ?? r.error;
    expect(GRAFANA_CASES.map(([name], i) => [name, answer(results[i])])).toEqual(GRAFANA_CASES.map(([name, , want]) => [name, want]));
  });

  it("names the template engine's error instead of answering (humanize string with error)", () => {
    const [r] = expandTemplates(
      pageTextEngines().pageText,
      [{ name: "test", text: "{{ humanize $value }}", labels: {}, value: "invalid" }],
      "http://localhost",
    );
    expect(r.error).toContain('error calling humanize: strconv.ParseFloat: parsing "invalid": invalid syntax');
  });
});

describe("what each page says, as on-call receives it (page-text helper, then amtool with the notification template)", () => {
  let pages: PageText[];
  const pageWorthy = SCENARIOS.filter((s) => s.incident?.pageWorthy).map((s) => s.name);
  beforeAll(async () => {
    const engines = pageTextEngines();
    const { results } = await scenarioReplay();
    pages = pageTexts(
      results.filter((r) => pageWorthy.includes(r.fixture.name)),
      stack,
      routingTargets(cfg).pager,
      engines,
      cfg.grafanaUrl,
    );
  }, 300_000);

  it("every page-worthy scenario has a first page", () => {
    expect(pages.map((p) => p.fixture).sort()).toEqual([...pageWorthy].sort());
  });

  it.each(pageWorthy)("%s: the page names what fired, shows numbers with no {{ left, links the runbook and the panel", (scenario) => {
    const p = pages.find((x) => x.fixture === scenario)!;
    const text = formatPageText(p);
    for (const uid of p.alerts) expect(p.title).toContain(titles.get(uid));
    expect(p.title).toMatch(/^\[FIRING:\d+\] /);
    const summary = p.message.split("\n")[1];
    expect(summary, text).toMatch(/\d/);
    expect(text).not.toContain("{{");
    expect(text).not.toContain("[no value]");
    expect(p.message).toMatch(/^Runbook: https:\/\/\S+\/runbooks\/pizza-[a-z-]+\.md$/m);
    expect(p.message).toMatch(new RegExp(`^Panel: ${cfg.grafanaUrl.replace(/\/+$/, "")}/d/\\S+\\?orgId=1&viewPanel=\\d+$`, "m"));
  });

  it.each(pageWorthy.filter((s) => s.startsWith("factory-5xx")))(
    "%s: a factory page carries the factory's support/report link",
    (scenario) => {
      const p = pages.find((x) => x.fixture === scenario)!;
      expect(p.message).toMatch(
        new RegExp(`^Factory support/report: ${cfg.grafanaUrl.replace(/\/+$/, "")}/explore\\?left=.*support_url`, "m"),
      );
    },
  );
});
