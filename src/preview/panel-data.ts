import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import { checkedMatrix } from "../backtest/range-query";
import { bodyExposure } from "../checks/body-exposure";
import { redact } from "../config/secret";
import { interpolateVariables } from "../replay/dashboards";
import type { Fixture } from "../replay/fixtures";
import { compileLogQL, compileLogQuery } from "../replay/logql";
import type { FixtureReplay } from "../replay/run";
import { contentWidth, gridRect, type GridPos } from "./layout";
import type {
  AlertRow,
  DashboardModel,
  FieldOptions,
  LogRow,
  PanelModel,
  SeriesData,
  StatPanel,
  TargetReport,
  ThresholdStep,
} from "./model";
import { legendName, lokiRequest, prometheusRequest, type QueryWindow } from "./queries";

/**
 * A dashboard's panels as Grafana would show them during a scenario: each panel's targets run with
 * their own query, interval and legend format, PromQL on a real Prometheus holding the scenario's
 * series, LogQL through the replay's evaluator over its log lines; logs panels show the lines their
 * query returns, redacted; the alert list shows the replay's alert states at the preview's "now".
 */

/** Where the scenario's data is and which moment the preview shows. */
export interface PreviewWorld {
  fixture: Fixture;
  /** The replay of the stack over the fixture (the alert list's states). */
  replay: FixtureReplay;
  /** Unix seconds of the fixture's time 0. */
  originSeconds: number;
  prometheusUrl: string;
  /** Milliseconds since the epoch: the dashboard's time range. */
  from: number;
  to: number;
}

/** Loki's default max lines (a logs target without maxLines). */
const DEFAULT_MAX_LINES = 1000;

/** Grafana's default thresholds of a field that sets none (green, red from 80): stat and gauge colour by them. */
const DEFAULT_THRESHOLDS: ThresholdStep[] = [
  { value: null, color: "green" },
  { value: 80, color: "red" },
];

interface Target {
  refId?: string;
  expr?: string;
  datasource?: { type?: string; uid?: string };
  legendFormat?: string;
  queryType?: string;
  instant?: boolean;
  range?: boolean;
  maxLines?: number;
}

type AnyPanel = dashboard.Panel | dashboard.RowPanel;

function fieldOptions(p: dashboard.Panel, defaultThresholds: ThresholdStep[] = []): FieldOptions {
  const d = p.fieldConfig?.defaults ?? {};
  const steps = d.thresholds?.steps?.map((s) => ({ value: s.value ?? null, color: s.color })) ?? [];
  return {
    ...(d.unit !== undefined && { unit: d.unit }),
    ...(d.decimals !== undefined && { decimals: d.decimals }),
    ...(d.min !== undefined && { min: d.min }),
    ...(d.max !== undefined && { max: d.max }),
    ...(d.noValue !== undefined && { noValue: d.noValue }),
    thresholds: steps.length > 0 ? steps : defaultThresholds,
  };
}

function datasourceType(t: Target, p: dashboard.Panel): string {
  const type = t.datasource?.type ?? p.datasource?.type ?? "";
  return type;
}

/** The scenario's query failures at the preview's "now": Grafana sends one request per target, which fails whole. */
function failing(world: PreviewWorld, datasource: "loki" | "prometheus"): string | undefined {
  const now = world.to / 1000 - world.originSeconds;
  const w = (world.fixture.queryErrors ?? []).find((e) => e.datasource === datasource && now >= e.startSeconds && now < e.endSeconds);
  return w ? `the scenario's ${datasource === "loki" ? "Loki" : "Prometheus"} fails every query at this time` : undefined;
}

/** Every step of [start, end] (seconds), each series' value at it or null: gaps stay gaps, as Grafana's null insertion draws them. */
function onGrid(start: number, end: number, step: number, samples: Map<number, number>): { times: number[]; values: Array<number | null> } {
  const times: number[] = [];
  const values: Array<number | null> = [];
  for (let t = start; t <= end + 1e-9; t += step) {
    const key = Math.round(t * 1000);
    times.push(key);
    values.push(samples.get(key) ?? null);
  }
  return { times, values };
}

async function prometheusSeries(expr: string, w: QueryWindow, world: PreviewWorld, t: Target, report: TargetReport): Promise<SeriesData[]> {
  const req = prometheusRequest(expr, w);
  report.expr = req.expr;
  report.stepSeconds = req.stepSeconds;
  const params = new URLSearchParams({ query: req.expr, start: String(req.start), end: String(req.end), step: String(req.stepSeconds) });
  const response = await fetch(`${world.prometheusUrl}/api/v1/query_range?${params}`, { signal: AbortSignal.timeout(30_000) });
  const body: unknown = await response.json().catch(() => null);
  const matrix = checkedMatrix({ kind: "Prometheus", uid: "preview" }, `query ${req.expr}`, body);
  return matrix.map((s) => {
    const samples = new Map(s.values.map(([time, v]) => [Math.round(time * 1000), v]));
    return {
      name: legendName(t.legendFormat, s.metric, req.expr),
      refId: t.refId ?? "",
      ...onGrid(req.start, req.end, req.stepSeconds, samples),
    };
  });
}

function lokiMetricSeries(expr: string, w: QueryWindow, world: PreviewWorld, t: Target, report: TargetReport): SeriesData[] {
  const instant = report.queryType === "instant";
  const req = lokiRequest(expr, w, instant ? "instant" : "range");
  report.expr = req.expr;
  if (!instant) report.stepSeconds = req.stepSeconds;
  const query = compileLogQL(req.expr);
  const originMs = world.originSeconds * 1000;
  const times: number[] = [];
  if (instant) times.push(w.to);
  else for (let at = w.from; at <= w.to; at += req.stepSeconds * 1000) times.push(at);
  const bySeries = new Map<string, { labels: Record<string, string>; samples: Map<number, number> }>();
  for (const at of times) {
    for (const s of query(world.fixture.logs, at - originMs)) {
      const key = JSON.stringify(Object.entries(s.labels).sort());
      const entry = bySeries.get(key) ?? { labels: s.labels, samples: new Map<number, number>() };
      entry.samples.set(at, s.value);
      bySeries.set(key, entry);
    }
  }
  return [...bySeries.values()].map(({ labels, samples }) => ({
    name: legendName(t.legendFormat, labels, req.expr),
    refId: t.refId ?? "",
    times,
    values: times.map((at) => samples.get(at) ?? null),
  }));
}

function describeFailure(e: unknown): string {
  return redact((e instanceof Error ? e.message : String(e)).split("\n")[0]).slice(0, 300);
}

/** Every target of a graph-like panel: its series, and what was asked (with the error, if any). */
async function targetsData(p: dashboard.Panel, d: dashboard.Dashboard, w: QueryWindow, world: PreviewWorld) {
  const series: SeriesData[] = [];
  const targets: TargetReport[] = [];
  for (const t of (p.targets ?? []) as Target[]) {
    const type = datasourceType(t, p);
    const expr = interpolateVariables(t.expr ?? "", d);
    const report: TargetReport = {
      refId: t.refId ?? "",
      datasource: type === "loki" ? "loki" : "prometheus",
      expr,
      queryType: type === "loki" ? (t.queryType === "instant" ? "instant" : "range") : t.instant && !t.range ? "instant" : "range",
      ...(t.legendFormat !== undefined && { legendFormat: t.legendFormat }),
    };
    targets.push(report);
    if (type !== "loki" && type !== "prometheus") {
      report.error = `datasource type ${type || "(none)"} is not previewed (Prometheus and Loki are)`;
      continue;
    }
    const down = failing(world, type);
    if (down) {
      Object.assign(report, { error: down, outage: true });
      continue;
    }
    try {
      series.push(...(type === "loki" ? lokiMetricSeries(expr, w, world, t, report) : await prometheusSeries(expr, w, world, t, report)));
    } catch (e) {
      report.error = describeFailure(e);
    }
  }
  return { series, targets };
}

function logRows(p: dashboard.Panel, d: dashboard.Dashboard, world: PreviewWorld) {
  const rows: LogRow[] = [];
  const targets: TargetReport[] = [];
  let hidden: string | undefined;
  for (const t of (p.targets ?? []) as Target[]) {
    const expr = interpolateVariables(t.expr ?? "", d);
    const report: TargetReport = { refId: t.refId ?? "", datasource: "loki", expr, queryType: "logs" };
    targets.push(report);
    if (datasourceType(t, p) !== "loki") {
      report.error = `a logs panel's target on ${datasourceType(t, p) || "(no datasource)"} is not previewed`;
      continue;
    }
    const down = failing(world, "loki");
    if (down) {
      Object.assign(report, { error: down, outage: true });
      continue;
    }
    try {
      const originMs = world.originSeconds * 1000;
      const lines = compileLogQuery(expr)(world.fixture.logs, world.from - originMs, world.to - originMs, t.maxLines ?? DEFAULT_MAX_LINES);
      // The stack never shows a raw body (they can hold JWTs): a query that could return one shows no line.
      const exposure = bodyExposure(expr);
      if (exposure.length > 0 && lines.length > 0) {
        hidden = `${lines.length} lines not shown: ${exposure[0]}`;
        continue;
      }
      rows.push(...lines.map((l) => ({ time: originMs + l.ts, line: redact(l.line) })));
    } catch (e) {
      report.error = describeFailure(e);
    }
  }
  rows.sort((a, b) => b.time - a.time);
  return { rows, targets, ...(hidden !== undefined && { hidden }) };
}

/** The replay's alert states at the preview's "now", most important first (the alert list's default sort). */
export function alertRows(world: PreviewWorld): AlertRow[] {
  const now = world.to / 1000 - world.originSeconds;
  const covers = (s: { startSeconds: number; endSeconds?: number }) =>
    s.startSeconds <= now && (s.endSeconds === undefined || now < s.endSeconds);
  const at = (seconds: number) => (world.originSeconds + seconds) * 1000;
  const rows: AlertRow[] = [];
  for (const a of world.replay.alerts) {
    const episode = a.episodes.find(covers);
    const pending = a.pendingSpans.find(covers);
    if (episode) {
      const state = episode.alertname === "DatasourceNoData" ? "NoData" : episode.alertname === "DatasourceError" ? "Error" : "Firing";
      rows.push({ name: a.title, state, since: at(episode.startSeconds) });
    } else if (pending) rows.push({ name: a.title, state: "Pending", since: at(pending.startSeconds) });
  }
  const order: Record<AlertRow["state"], number> = { Firing: 0, Error: 1, NoData: 2, Pending: 3 };
  return rows.sort((x, y) => order[x.state] - order[y.state] || x.name.localeCompare(y.name));
}

const REDUCERS: Record<string, StatPanel["reducer"]> = {
  last: "last",
  lastNotNull: "lastNotNull",
  mean: "mean",
  max: "max",
  min: "min",
  sum: "sum",
};

/** One panel of the dashboard, at its place on a grid `width` pixels wide. */
async function panelModel(p: AnyPanel, d: dashboard.Dashboard, width: number, world: PreviewWorld): Promise<PanelModel> {
  const rect = gridRect((p.gridPos ?? { x: 0, y: 0, w: 12, h: 8 }) as GridPos, width);
  const base = { id: p.id ?? 0, title: interpolateVariables(p.title ?? "", d), rect };
  if (p.type === "row") return { ...base, kind: "row" };
  const panel = p as dashboard.Panel;
  const options = (panel.options ?? {}) as Record<string, unknown>;
  const custom = (panel.fieldConfig?.defaults?.custom ?? {}) as Record<string, unknown>;
  const window: QueryWindow = {
    from: world.from,
    to: world.to,
    maxDataPoints: panel.maxDataPoints ?? contentWidth(rect),
    ...(panel.interval && { minInterval: panel.interval }),
  };
  switch (panel.type) {
    case "timeseries": {
      const legend = (options.legend ?? {}) as { showLegend?: boolean; placement?: string };
      const stacking = (custom.stacking ?? {}) as { mode?: string };
      return {
        ...base,
        kind: "timeseries",
        field: fieldOptions(panel),
        drawStyle: custom.drawStyle === "bars" ? "bars" : custom.drawStyle === "points" ? "points" : "line",
        fillOpacity: typeof custom.fillOpacity === "number" ? custom.fillOpacity : 0,
        lineWidth: typeof custom.lineWidth === "number" ? custom.lineWidth : 1,
        stacked: stacking.mode === "normal",
        thresholdsStyle: ((custom.thresholdsStyle ?? {}) as { mode?: string }).mode ?? "off",
        legend: { show: legend.showLegend !== false, placement: legend.placement === "right" ? "right" : "bottom" },
        ...(await targetsData(panel, d, window, world)),
      };
    }
    case "stat":
    case "gauge": {
      const calcs = ((options.reduceOptions ?? {}) as { calcs?: string[] }).calcs ?? [];
      return {
        ...base,
        kind: panel.type,
        field: fieldOptions(panel, DEFAULT_THRESHOLDS),
        colorMode: String(options.colorMode ?? (panel.type === "gauge" ? "thresholds" : "value")),
        graphMode: String(options.graphMode ?? "none"),
        // Grafana reduces with `last` when no calculation is chosen (fieldDisplay.ts getFieldDisplayValues).
        reducer: REDUCERS[calcs[0] ?? "last"] ?? "last",
        ...(await targetsData(panel, d, window, world)),
      };
    }
    case "logs":
      return {
        ...base,
        kind: "logs",
        showTime: options.showTime !== false,
        wrap: options.wrapLogMessage === true,
        ...logRows(panel, d, world),
      };
    case "alertlist":
      return { ...base, kind: "alertlist", alerts: alertRows(world).slice(0, Number(options.maxItems ?? 20)) };
    default:
      return { ...base, kind: "unsupported", type: panel.type };
  }
}

export interface ModelOptions {
  /** The page's width; the grid spans it but for `gridLeft` on each side. */
  width: number;
  gridLeft: number;
  gridTop: number;
  subtitle: string;
}

/** The whole dashboard as the page draws it. */
export async function dashboardModel(d: dashboard.Dashboard, world: PreviewWorld, o: ModelOptions): Promise<DashboardModel> {
  // A collapsed row holds its panels (Grafana shows its header alone); an expanded row's panels follow it at the top level.
  const panels = await Promise.all(((d.panels ?? []) as AnyPanel[]).map((p) => panelModel(p, d, o.width - 2 * o.gridLeft, world)));
  const bottom = Math.max(0, ...panels.map((p) => p.rect.y + p.rect.height));
  return {
    uid: d.uid ?? "",
    title: d.title ?? "",
    width: o.width,
    height: o.gridTop + bottom + o.gridLeft,
    gridLeft: o.gridLeft,
    gridTop: o.gridTop,
    from: world.from,
    to: world.to,
    subtitle: o.subtitle,
    panels,
  };
}
