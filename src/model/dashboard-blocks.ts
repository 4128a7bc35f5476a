import type * as cog from "@grafana/grafana-foundation-sdk/cog";
import * as common from "@grafana/grafana-foundation-sdk/common";
import {
  AnnotationQueryBuilder,
  CustomVariableBuilder,
  DashboardBuilder,
  DashboardCursorSync,
  DatasourceVariableBuilder,
  PanelBuilder,
  RowBuilder,
  ThresholdsConfigBuilder,
  ThresholdsMode,
} from "@grafana/grafana-foundation-sdk/dashboard";
import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import * as loki from "@grafana/grafana-foundation-sdk/loki";
import * as prometheus from "@grafana/grafana-foundation-sdk/prometheus";
import * as timeseries from "@grafana/grafana-foundation-sdk/timeseries";
import * as units from "@grafana/grafana-foundation-sdk/units";
import type { Config } from "../config/schema";
import type { Telemetry } from "../config/schema";

/** Grafana's dashboard grid is 24 columns wide (public/app/core/constants.ts GRID_COLUMN_COUNT). */
export const GRID_COLUMN_COUNT = 24;

/** Dashboard variables every dashboard of the stack shares; defaults come from the stack config. */
export const LOKI_VAR = "loki_datasource";
export const PROMETHEUS_VAR = "prometheus_datasource";
export const SOURCE_VAR = "source";

export const lokiDatasource = { type: "loki", uid: `\${${LOKI_VAR}}` };
export const prometheusDatasource = { type: "prometheus", uid: `\${${PROMETHEUS_VAR}}` };
/** A panel whose targets each name their own datasource. */
export const mixedDatasource = { type: "datasource", uid: "-- Mixed --" };

export function standardVariables(cfg: Config): cog.Builder<dashboard.VariableModel>[] {
  const option = (value: string) => ({ text: value, value, selected: true });
  return [
    new DatasourceVariableBuilder(LOKI_VAR).label("Logs").type("loki").current(option(cfg.datasources.loki)),
    new DatasourceVariableBuilder(PROMETHEUS_VAR).label("Metrics").type("prometheus").current(option(cfg.datasources.prometheus)),
    new CustomVariableBuilder(SOURCE_VAR)
      .label("Service")
      .values(cfg.telemetry.source)
      .current(option(cfg.telemetry.source))
      .allowCustomValue(true),
  ];
}

/** The contract with the service's source value replaced by the dashboard's `$source` variable. */
export function dashboardTelemetry(t: Telemetry): Telemetry {
  return { ...t, source: `$${SOURCE_VAR}` };
}

export function lokiTarget(refId: string, expr: string, legendFormat: string): loki.DataqueryBuilder {
  return new loki.DataqueryBuilder().refId(refId).expr(expr).legendFormat(legendFormat).queryType(loki.LokiQueryType.Range);
}

/** One value over the dashboard's whole time range (`[$__range]` queries in stat panels). */
export function lokiInstantTarget(refId: string, expr: string, legendFormat: string): loki.DataqueryBuilder {
  return new loki.DataqueryBuilder().refId(refId).expr(expr).legendFormat(legendFormat).queryType(loki.LokiQueryType.Instant);
}

/** Log lines, newest first, for a logs panel. */
export function lokiLogsTarget(refId: string, expr: string, maxLines: number): loki.DataqueryBuilder {
  return new loki.DataqueryBuilder().refId(refId).expr(expr).queryType(loki.LokiQueryType.Range).maxLines(maxLines);
}

/**
 * A time series panel with its legend shown, a list below the graph (Grafana's own default for a new
 * panel). The foundation SDK's default options hide it (`showLegend: false`): a panel of several
 * series, such as factory or service failures, could not be told apart (seen in the dashboard previews).
 */
export function timeSeriesPanel(): timeseries.PanelBuilder {
  return new timeseries.PanelBuilder().legend(
    new common.VizLegendOptionsBuilder()
      .showLegend(true)
      .displayMode(common.LegendDisplayMode.List)
      .placement(common.LegendPlacement.Bottom)
      .calcs([]),
  );
}

/** Base of the panels counting log lines per minute by a label: Loki, stacked bars, one per minute. */
export function logLinesPerMinuteBars(): timeseries.PanelBuilder {
  return timeSeriesPanel()
    .datasource(lokiDatasource)
    .unit(units.Short)
    .interval("1m")
    .drawStyle(common.GraphDrawStyle.Bars)
    .fillOpacity(80)
    .stacking(new common.StackingConfigBuilder().mode(common.StackingMode.Normal));
}

export function promTarget(refId: string, expr: string, legendFormat: string): prometheus.DataqueryBuilder {
  return new prometheus.DataqueryBuilder().refId(refId).expr(expr).legendFormat(legendFormat).range();
}

/** Grafana's built-in annotations: alert state changes of rules linked to a panel are drawn on it. */
export function annotationsAndAlerts(): AnnotationQueryBuilder {
  return new AnnotationQueryBuilder()
    .name("Annotations & Alerts")
    .builtIn(1)
    .type("dashboard")
    .datasource({ type: "grafana", uid: "-- Grafana --" })
    .enable(true)
    .hide(true)
    .iconColor("rgba(0, 211, 255, 1)");
}

/** Threshold steps from a base colour: `[["green"], [80, "orange"], [90, "red"]]`. */
export function thresholds(base: string, ...steps: Array<[number, string]>): ThresholdsConfigBuilder {
  return new ThresholdsConfigBuilder()
    .mode(ThresholdsMode.Absolute)
    .steps([{ value: null, color: base }, ...steps.map(([value, color]) => ({ value, color }))]);
}

/** Draws a panel's thresholds on a time series as a dashed line with the area beyond it shaded. */
export function thresholdLine(): common.GraphThresholdsStyleConfigBuilder {
  return new common.GraphThresholdsStyleConfigBuilder().mode(common.GraphThresholdsStyleMode.DashedAndArea);
}

/**
 * Alert list of the stack's folder. The foundation SDK has no alert list builder: the generic
 * panel builder carries the panel type and the options Grafana's alertlist plugin reads.
 */
export function alertListPanel(cfg: Config): PanelBuilder {
  return new PanelBuilder().type("alertlist").options({
    viewMode: "list",
    groupMode: "default",
    groupBy: [],
    maxItems: 20,
    sortOrder: 3, // importance: firing first
    dashboardAlerts: false,
    alertName: "",
    alertInstanceLabelFilter: "",
    datasource: "grafana",
    folder: { uid: cfg.folder.uid, title: cfg.folder.title },
    showInstances: false,
    stateFilter: { firing: true, pending: true, recovering: true, noData: true, error: true, normal: false },
  });
}

/**
 * A row header (expanded). Panels added after it with `DashboardBuilder.withPanel` sit below it
 * on the grid; panels added to the row itself would collapse it.
 */
export function row(id: number, title: string): RowBuilder {
  return new RowBuilder(title).id(id);
}

export interface DashboardMeta {
  uid: string;
  title: string;
  description: string;
  tags: string[];
}

/** A dashboard with what every dashboard of the stack shares: variables, alert annotations, refresh, time. */
export function stackDashboard(cfg: Config, meta: DashboardMeta): DashboardBuilder {
  return new DashboardBuilder(meta.title)
    .uid(meta.uid)
    .tags(["jwt-pizza", ...meta.tags])
    .description(meta.description)
    .refresh("1m")
    .time({ from: "now-3h", to: "now" })
    .timezone("browser")
    .tooltip(DashboardCursorSync.Crosshair)
    .readonly()
    .variables(standardVariables(cfg))
    .annotation(annotationsAndAlerts());
}
