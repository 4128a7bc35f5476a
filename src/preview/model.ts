/**
 * What the preview page draws (src/preview/page/), computed in Node: every panel's place on the
 * page, its options as Grafana reads them from the dashboard JSON, and the data its queries returned.
 * Plain JSON: it crosses into the browser as it is.
 */

/** Pixels from the dashboard's top left. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ThresholdStep {
  /** null: the base step (from minus infinity). */
  value: number | null;
  color: string;
}

/** One series as Grafana names it (the query's legend format applied to its labels). */
export interface SeriesData {
  name: string;
  refId: string;
  /** Milliseconds since the epoch, ascending; the same length as `values`. */
  times: number[];
  /** null: no sample at that step. */
  values: Array<number | null>;
}

/** What a query of the panel asked and how: shown under the panel in the report, checked by the tests. */
export interface TargetReport {
  refId: string;
  datasource: "prometheus" | "loki";
  /** The expression as sent, variables and Grafana's macros replaced. */
  expr: string;
  queryType: "range" | "instant" | "logs";
  /** Seconds between evaluations (range queries). */
  stepSeconds?: number;
  legendFormat?: string;
  /** Why the query returned nothing usable: a datasource failure of the scenario, or a query the engines refuse. */
  error?: string;
  /** The error is the scenario's own datasource outage (Grafana shows the same); otherwise the preview is incomplete. */
  outage?: boolean;
}

export interface LogRow {
  /** Milliseconds since the epoch. */
  time: number;
  line: string;
}

export interface AlertRow {
  name: string;
  state: "Firing" | "Pending" | "NoData" | "Error";
  /** Milliseconds since the epoch the rule entered that state. */
  since: number;
}

interface PanelBase {
  id: number;
  title: string;
  rect: Rect;
}

export interface RowPanel extends PanelBase {
  kind: "row";
}

export interface FieldOptions {
  unit?: string;
  decimals?: number;
  min?: number;
  max?: number;
  noValue?: string;
  thresholds: ThresholdStep[];
}

export interface TimeSeriesPanel extends PanelBase {
  kind: "timeseries";
  field: FieldOptions;
  drawStyle: "line" | "bars" | "points";
  fillOpacity: number;
  lineWidth: number;
  stacked: boolean;
  /** Grafana's thresholdsStyle.mode: off, line, dashed, area, line+area, dashed+area. */
  thresholdsStyle: string;
  legend: { show: boolean; placement: "bottom" | "right" };
  series: SeriesData[];
  targets: TargetReport[];
}

export interface StatPanel extends PanelBase {
  kind: "stat" | "gauge";
  field: FieldOptions;
  /** stat: background, value, none; gauge: thresholds markers shown. */
  colorMode: string;
  graphMode: string;
  /** The reducer (Grafana: `last` when reduceOptions.calcs is empty). */
  reducer: "last" | "lastNotNull" | "mean" | "max" | "min" | "sum";
  series: SeriesData[];
  targets: TargetReport[];
}

export interface LogsPanel extends PanelBase {
  kind: "logs";
  showTime: boolean;
  wrap: boolean;
  rows: LogRow[];
  targets: TargetReport[];
  /** Why no line is shown although the query matched some (the body exposure check). */
  hidden?: string;
}

export interface AlertListPanel extends PanelBase {
  kind: "alertlist";
  alerts: AlertRow[];
}

/** A panel type the preview does not draw: shown as a named box, never silently empty. */
export interface UnsupportedPanel extends PanelBase {
  kind: "unsupported";
  type: string;
}

export type PanelModel = RowPanel | TimeSeriesPanel | StatPanel | LogsPanel | AlertListPanel | UnsupportedPanel;

export interface DashboardModel {
  uid: string;
  title: string;
  /** The page's size in pixels. */
  width: number;
  height: number;
  /** Where the dashboard grid starts on the page (below the header, inside the padding); panel rects are relative to it. */
  gridLeft: number;
  gridTop: number;
  /** Milliseconds since the epoch. */
  from: number;
  to: number;
  /** The header's second line: scenario, time range, variables. */
  subtitle: string;
  panels: PanelModel[];
}

/** What the page drew, per panel: read back by the tests and the command's summary. */
export interface DrawnPanel {
  id: number;
  kind: PanelModel["kind"];
  /** The panel's box on the page. */
  box: Rect;
  /** "No data" shown (as Grafana does when no query returned a value). */
  noData: boolean;
  /** Time series: the plotting area and the y scale's range. */
  plot?: { box: Rect; yMin: number; yMax: number; xMin: number; xMax: number };
  /** Time series: each series' colour, the colour its line or bars are painted in, and its count of drawn (non-null) points. */
  series?: Array<{ name: string; refId: string; color: string; paint: string; points: number }>;
  /** Threshold lines drawn: value, colour, y pixel on the page. */
  thresholds?: Array<{ value: number; color: string; y: number }>;
  /** Stat and gauge: the text shown and its colour. */
  text?: string;
  color?: string;
  /** Logs and alert list: rows shown. */
  rows?: number;
}
