import * as common from "@grafana/grafana-foundation-sdk/common";
import * as gauge from "@grafana/grafana-foundation-sdk/gauge";
import * as stat from "@grafana/grafana-foundation-sdk/stat";
import * as units from "@grafana/grafana-foundation-sdk/units";
import type { Config } from "../../src/config/schema";
import {
  alertListPanel,
  dashboardTelemetry,
  lokiDatasource,
  lokiTarget,
  prometheusDatasource,
  promTarget,
  thresholdLine,
  thresholds,
  timeSeriesPanel,
} from "../../src/model/dashboard-blocks";
import { httpLogStream, metricSeries, probeSuccess, STATUS_5XX_LINE_FILTER } from "../../src/model/telemetry";
import { OVERVIEW_PANELS } from "../panel-ids";

/** Panels of the service at a glance: requests, errors, latency, CPU and memory, the external health check, active users, the stack's alerts. */
export function servicePanels(cfg: Config) {
  const t = dashboardTelemetry(cfg.telemetry);
  const cpuLimit = cfg.thresholds.cpu.percent;
  const memoryLimit = cfg.thresholds.memory.percent;

  const requests = timeSeriesPanel()
    .id(OVERVIEW_PANELS.requests)
    .title("Requests per second")
    .description("From the service's requests metric.")
    .datasource(prometheusDatasource)
    .unit(units.RequestsPerSecond)
    .min(0)
    .withTarget(promTarget("A", `sum(rate(${metricSeries(t, "requests")}[$__rate_interval]))`, "requests"));

  const errors = timeSeriesPanel()
    .id(OVERVIEW_PANELS.errors)
    .title("5xx responses per minute")
    .description("HTTP responses with status 500 or above, from the request logs.")
    .datasource(lokiDatasource)
    .unit(units.Short)
    .min(0)
    .interval("1m")
    .withTarget(
      lokiTarget(
        "A",
        `sum(count_over_time(${httpLogStream(t)} ${STATUS_5XX_LINE_FILTER} | json statusCode="statusCode" | __error__="" | statusCode >= 500 [1m]))`,
        "5xx",
      ),
    );

  const latency = timeSeriesPanel()
    .id(OVERVIEW_PANELS.latency)
    .title("Request latency")
    .description("The service's request latency gauge.")
    .datasource(prometheusDatasource)
    .unit(units.Milliseconds)
    .min(0)
    .withTarget(promTarget("A", `max(${metricSeries(t, "requestLatency")})`, "latency"));

  const healthCheck = timeSeriesPanel()
    .id(OVERVIEW_PANELS.healthCheck)
    .title("Health check success (Synthetic Monitoring)")
    .description(
      "Share of Synthetic Monitoring probes reaching the service's health endpoint from outside. Independent of the service's own telemetry: it stays up during a telemetry outage.",
    )
    .datasource(prometheusDatasource)
    .unit(units.PercentUnit)
    .min(0)
    .max(1)
    .thresholds(thresholds("red", [1, "green"]))
    .withTarget(promTarget("A", `avg(${probeSuccess(cfg.syntheticMonitoring.job)})`, "probes succeeding"));

  const saturationGauge = (id: number, title: string, metric: "cpu" | "memory", limit: number) =>
    new gauge.PanelBuilder()
      .id(id)
      .title(title)
      .datasource(prometheusDatasource)
      .unit(units.Percent)
      .min(0)
      .max(100)
      .thresholds(thresholds("green", [limit, "red"]))
      .withTarget(promTarget("A", `max(${metricSeries(t, metric)})`, metric));

  const saturationSeries = (id: number, title: string, metric: "cpu" | "memory", limit: number) =>
    timeSeriesPanel()
      .id(id)
      .title(title)
      .description(`The service's ${metric} gauge; above the dashed line (${limit}%) it is saturated.`)
      .datasource(prometheusDatasource)
      .unit(units.Percent)
      .min(0)
      .max(100)
      .thresholds(thresholds("green", [limit, "red"]))
      .thresholdsStyle(thresholdLine())
      .withTarget(promTarget("A", `max(${metricSeries(t, metric)})`, metric));

  const cpuNow = saturationGauge(OVERVIEW_PANELS.cpuNow, "CPU now", "cpu", cpuLimit);
  const memoryNow = saturationGauge(OVERVIEW_PANELS.memoryNow, "Memory now", "memory", memoryLimit);
  const cpu = saturationSeries(OVERVIEW_PANELS.cpu, "CPU", "cpu", cpuLimit);
  const memory = saturationSeries(OVERVIEW_PANELS.memory, "Memory", "memory", memoryLimit);

  const activeUsers = new stat.PanelBuilder()
    .id(OVERVIEW_PANELS.activeUsers)
    .title("Active users")
    .datasource(prometheusDatasource)
    .unit(units.Short)
    .graphMode(common.BigValueGraphMode.Area)
    .withTarget(promTarget("A", `sum(${metricSeries(t, "activeUsers")})`, "active users"));

  const alerts = alertListPanel(cfg)
    .id(OVERVIEW_PANELS.alerts)
    .title(`Alerts in ${cfg.folder.title}`)
    .description("Alert rules of this stack's folder that are firing, pending, erroring or without data.");

  return { requests, errors, latency, healthCheck, cpuNow, memoryNow, cpu, memory, activeUsers, alerts };
}
