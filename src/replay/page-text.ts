import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Labels } from "../model/labels";
import { DASHBOARD_UID_ANNOTATION, PANEL_ID_ANNOTATION } from "../model/rules";
import type { Episode, Evaluation } from "./alert-state";
import type { ReplayedStack } from "./rendered-stack";
import type { FixtureReplay } from "./run";

/**
 * What a page says, as on-call receives it: the first page of a replayed fixture, each of its alerts'
 * summary and description expanded as Grafana expands them (the page-text helper: Prometheus'
 * template engine with Grafana's data and functions, tools/page-text), then the contact point's
 * notification template executed by Alertmanager's own Go template engine (`amtool template render`).
 */

/** The binaries that produce the words: the page-text helper (npm run engines -- --only page-text) and Debian's amtool. */
export interface PageTextEngines {
  pageText: string;
  amtool: string;
}

export interface PageText {
  fixture: string;
  /** Seconds from the fixture's start at which the page went out. */
  atSeconds: number;
  receiver: string;
  /** The rule uids whose alerts the page carries. */
  alerts: string[];
  title: string;
  message: string;
}

/** What the template of one alert of the page sees: Grafana's {Labels, Values, Value}. */
interface AlertData {
  uid: string;
  labels: Labels;
  /** The rule's annotations as defined (templates unexpanded). */
  annotations: Labels;
  /** refId -> the series' labels and value at the evaluation the page reports (A: the query, B: the threshold's 1/0). */
  values: Record<string, { labels: Labels; value: number | null }>;
  /** Grafana's EvaluationString, `$value`. */
  value: string;
}

const sameSeries = (series: Labels, alert: Labels) => Object.entries(series).every(([k, v]) => alert[k] === v);

/** Grafana's Labels.String: k=v, sorted by name, comma separated. */
const labelText = (l: Labels) =>
  Object.keys(l)
    .sort()
    .map((k) => `${k}=${l[k]}`)
    .join(", ");

/** The values an alert's annotations were last expanded with before `atSeconds`: its series in the latest evaluation that returned it. */
function valuesAt(evaluations: Evaluation[], episode: Episode, atSeconds: number): Pick<AlertData, "values" | "value"> {
  for (const ev of [...evaluations].reverse()) {
    if (ev.atSeconds > atSeconds || "error" in ev) continue;
    const series = ev.series.find((s) => sameSeries(s.labels, episode.labels));
    if (!series) continue;
    const a = series.value ?? null;
    const b = series.condition ? 1 : 0;
    const text = (v: number | null) => (v === null ? "NaN" : String(v));
    return {
      values: { A: { labels: series.labels, value: a }, B: { labels: series.labels, value: b } },
      value: `[ var='A' labels={${labelText(series.labels)}} value=${text(a)} ], [ var='B' labels={${labelText(series.labels)}} value=${b} ]`,
    };
  }
  return { values: {}, value: "" };
}

/** The first page of a fixture (a firing notification to `pager` from the incident's start) and the data of its alerts. */
function firstPage(r: FixtureReplay, pager: string, rules: Map<string, alerting.Rule>) {
  const from = r.fixture.incident?.startSeconds ?? 0;
  const candidates = r.groups
    .filter((g) => g.receiver === pager)
    .flatMap((g) => g.notifications.filter((n) => n.kind === "new" && n.atSeconds >= from).map((n) => ({ g, n })))
    .sort((a, b) => a.n.atSeconds - b.n.atSeconds);
  const first = candidates[0];
  if (!first) return undefined;
  const { g, n } = first;
  const firing = g.alerts.filter(
    ({ episode: e }) =>
      e.startSeconds <= n.atSeconds && (e.endSeconds === undefined || e.endSeconds > n.atSeconds) && n.alertnames.includes(e.alertname),
  );
  const alerts: AlertData[] = firing.map(({ uid, episode }) => {
    const outcome = r.alerts.find((a) => a.uid === uid);
    return {
      uid,
      labels: episode.labels,
      annotations: rules.get(uid)?.annotations ?? {},
      ...valuesAt(outcome?.evaluations ?? [], episode, n.atSeconds),
    };
  });
  return { fixture: r.fixture.name, atSeconds: n.atSeconds, receiver: g.receiver, groupLabels: g.groupLabels, alerts };
}

/** Runs a binary with `input` on stdin, bounded; a missing one or a failure throws one line naming it. */
function runTool(binary: string, args: string[], input?: string): string {
  const r = spawnSync(binary, args, { input, encoding: "utf8", timeout: 60_000, maxBuffer: 64 << 20 });
  if (r.error) throw new Error(`cannot run ${binary}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${binary} ${args[0] ?? ""} failed: ${`${r.stderr}${r.stdout}`.trim().split("\n")[0]}`);
  return r.stdout;
}

/** The annotations Grafana expands (all but its private `__...__` ones), in a stable order. */
const expandedKeys = (a: AlertData) =>
  Object.keys(a.annotations)
    .filter((k) => !(k.startsWith("__") && k.endsWith("__")))
    .sort();

/** One template for the page-text helper: its text and the data Grafana gives it. */
export interface TemplateItem {
  name: string;
  text: string;
  labels: Labels;
  values?: Record<string, { labels: Labels; value: number | null }>;
  value?: string;
}

/** The page-text helper over `items`: each one's expansion, or the template engine's error. */
export function expandTemplates(binary: string, items: TemplateItem[], externalURL: string): Array<{ text?: string; error?: string }> {
  const out = JSON.parse(runTool(binary, [], JSON.stringify({ externalURL, evaluatedAtSeconds: 0, items }))) as {
    results: Array<{ text?: string; error?: string }>;
  };
  if (out.results.length !== items.length) throw new Error(`${binary} answered ${out.results.length} of ${items.length} templates`);
  return out.results;
}

/** Each alert's annotations expanded by the page-text helper (summary, description, ...), in one run for every page. */
function expandAnnotations(binary: string, alerts: AlertData[], externalURL: string): Labels[] {
  const items = alerts.flatMap((a) =>
    expandedKeys(a).map((k) => ({ name: k, text: a.annotations[k], labels: a.labels, values: a.values, value: a.value })),
  );
  const results = expandTemplates(binary, items, externalURL);
  let i = 0;
  return alerts.map((a) => {
    const expanded: Labels = {};
    for (const k of expandedKeys(a)) {
      const r = results[i++];
      // Grafana keeps the template itself, with the error, when expansion fails (state.go expandAnnotationsAndLabels).
      expanded[k] = r?.error !== undefined ? `${a.annotations[k]} (template error: ${r.error})` : (r?.text ?? "");
    }
    return expanded;
  });
}

/**
 * The annotations Alertmanager receives from Grafana: the expanded summary and description, the
 * others as written, without Grafana's private `__...__` ones; and the dashboard and panel links
 * Grafana's template data carries as .DashboardURL/.PanelURL (grafana/alerting templates ExtendAlert:
 * `<externalURL>/d/<uid>?orgId=<org>`, plus `&viewPanel=<id>`), here as annotations, since Alertmanager's
 * template data has no such fields (the template is executed with them read from annotations).
 */
function sentAnnotations(a: AlertData, expanded: Labels, externalURL: string): Labels {
  const own = Object.fromEntries(Object.entries(a.annotations).filter(([k]) => !(k.startsWith("__") && k.endsWith("__"))));
  const uid = a.annotations[DASHBOARD_UID_ANNOTATION];
  const panel = a.annotations[PANEL_ID_ANNOTATION];
  const dashboard = uid ? `${externalURL.replace(/\/+$/, "")}/d/${encodeURIComponent(uid)}?orgId=1` : undefined;
  return {
    ...own,
    ...expanded,
    ...(dashboard && { DashboardURL: dashboard }),
    ...(dashboard && panel && { PanelURL: `${dashboard}&viewPanel=${encodeURIComponent(panel)}` }),
  };
}

/** The contact point's template as amtool can execute it: .PanelURL/.DashboardURL read from the annotations sentAnnotations sets. */
export function amtoolTemplate(template: string): string {
  return template.replaceAll(".PanelURL", ".Annotations.PanelURL").replaceAll(".DashboardURL", ".Annotations.DashboardURL");
}

/** The title and message templates the stack's contact points use (contact-points/message-template.ts). */
const RENDERED = '{{ template "pizza.title" . }}\n---\n{{ template "pizza.message" . }}';

const common = (sets: Labels[]): Labels =>
  Object.fromEntries(Object.entries(sets[0] ?? {}).filter(([k, v]) => sets.every((s) => s[k] === v)));

/**
 * The first page of each replayed fixture that has one, in words: expanded by the page-text helper,
 * then executed by amtool with the stack's notification template.
 */
export function pageTexts(
  results: FixtureReplay[],
  stack: ReplayedStack,
  pager: string,
  engines: PageTextEngines,
  /** The stack's Grafana (`grafana:url`): the links' base, as Grafana's own externalURL. */
  externalURL: string,
): PageText[] {
  const template = (stack.messageTemplates ?? []).map((t) => t.template ?? "").join("\n");
  if (!template) throw new Error("the stack has no notification template: no page text to render");
  const rules = new Map(stack.ruleGroups.flatMap((g) => g.rules ?? []).map((r) => [r.uid ?? "", r]));
  const pages = results.flatMap((r) => firstPage(r, pager, rules) ?? []);
  const expanded = expandAnnotations(
    engines.pageText,
    pages.flatMap((p) => p.alerts),
    externalURL,
  );
  const dir = mkdtempSync(join(tmpdir(), "pizza-page-text-"));
  try {
    writeFileSync(join(dir, "template.tmpl"), amtoolTemplate(template));
    let k = 0;
    return pages.map((p, i) => {
      const alerts = p.alerts.map((a) => ({
        status: "firing",
        labels: a.labels,
        annotations: sentAnnotations(a, expanded[k++], externalURL),
        startsAt: new Date(p.atSeconds * 1000).toISOString(),
        endsAt: "0001-01-01T00:00:00Z",
      }));
      const data = join(dir, `page-${i}.json`);
      writeFileSync(
        data,
        JSON.stringify({
          receiver: p.receiver,
          status: "firing",
          alerts,
          groupLabels: p.groupLabels,
          commonLabels: common(alerts.map((a) => a.labels)),
          commonAnnotations: common(alerts.map((a) => a.annotations)),
          externalURL,
        }),
      );
      const text = runTool(engines.amtool, [
        "template",
        "render",
        `--template.glob=${join(dir, "template.tmpl")}`,
        `--template.data=${data}`,
        `--template.text=${RENDERED}`,
      ]);
      const [title, ...message] = text.split("\n---\n");
      return {
        fixture: p.fixture,
        atSeconds: p.atSeconds,
        receiver: p.receiver,
        alerts: [...new Set(p.alerts.map((a) => a.uid))],
        title: title.trim(),
        message: message.join("\n---\n").trimEnd(),
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A page as the replay report and the review comment print it. */
export function formatPageText(p: PageText): string {
  return [
    `${p.fixture}: page to ${p.receiver} at +${p.atSeconds}s`,
    `  ${p.title}`,
    ...p.message.split("\n").map((l) => `  ${l}`.trimEnd()),
  ].join("\n");
}
