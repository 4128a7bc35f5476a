import type * as cog from "@grafana/grafana-foundation-sdk/cog";
import { DatasourceVariableBuilder, CustomVariableBuilder } from "@grafana/grafana-foundation-sdk/dashboard";
import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import * as loki from "@grafana/grafana-foundation-sdk/loki";
import * as prometheus from "@grafana/grafana-foundation-sdk/prometheus";
import type { Config } from "./config";
import type { Telemetry } from "./config";

/** Dashboard variables every dashboard of the stack shares; defaults come from the stack config. */
export const LOKI_VAR = "loki_datasource";
export const PROMETHEUS_VAR = "prometheus_datasource";
export const SOURCE_VAR = "source";

export const lokiDatasource = { type: "loki", uid: `\${${LOKI_VAR}}` };
export const prometheusDatasource = { type: "prometheus", uid: `\${${PROMETHEUS_VAR}}` };

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

export function promTarget(refId: string, expr: string, legendFormat: string): prometheus.DataqueryBuilder {
  return new prometheus.DataqueryBuilder().refId(refId).expr(expr).legendFormat(legendFormat).range();
}

interface Placeable {
  gridPos(pos: dashboard.GridPos): unknown;
}

/**
 * Lays panels out in rows of equal-width panels on Grafana's 24-column grid, top to bottom,
 * so no two panels overlap and positions are stable between renders.
 */
export function layoutRows(rows: Placeable[][], height = 8): void {
  let y = 0;
  for (const row of rows) {
    const width = Math.floor(24 / row.length);
    row.forEach((panel, i) => panel.gridPos({ x: i * width, y, w: width, h: height }));
    y += height;
  }
}
