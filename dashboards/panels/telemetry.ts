import * as common from "@grafana/grafana-foundation-sdk/common";
import * as stat from "@grafana/grafana-foundation-sdk/stat";
import * as units from "@grafana/grafana-foundation-sdk/units";
import type { Config } from "../../src/config/schema";
import {
  dashboardTelemetry,
  logLinesPerMinuteBars,
  lokiDatasource,
  lokiTarget,
  mixedDatasource,
  prometheusDatasource,
  promTarget,
  thresholdLine,
  thresholds,
  timeSeriesPanel,
} from "../../src/model/dashboard-blocks";
import { containsAny, httpLogStream, logStream, metricSeries } from "../../src/model/telemetry";
import { TELEMETRY_PANELS } from "../panel-ids";

/** Seconds since the last sample after which shipping counts as stalled: it pushes every ~10 s. */
const STALE_SECONDS = 60;
/** How far back freshness looks for the last sample; older than this shows as no value. */
const FRESHNESS_LOOKBACK = "1h";

/** Panels of the telemetry pipeline: metric-shipping failures, metrics freshness, logs vs metrics, log volume. */
export function telemetryPanels(cfg: Config) {
  const t = dashboardTelemetry(cfg.telemetry);
  const patterns = t.logs.metricSendErrors;
  // The last sample time at each step within the lookback: it keeps rising during an outage instead of vanishing.
  const secondsSinceLastSample = `time() - max(max_over_time(timestamp(${metricSeries(t, "requests")})[${FRESHNESS_LOOKBACK}:1m]))`;
  const level = t.logs.levelLabel;

  const metricShippingFailures = timeSeriesPanel()
    .id(TELEMETRY_PANELS.metricShippingFailures)
    .title("Metric-shipping failures per minute, by error")
    .description(
      "Log lines of the service's metrics sender failing to push to Grafana Cloud, per error pattern. " +
        "A line naming several patterns counts once under each. Orders may still work: this is the telemetry outage signature.",
    )
    .datasource(lokiDatasource)
    .unit(units.Short)
    .interval("1m")
    .drawStyle(common.GraphDrawStyle.Bars)
    .fillOpacity(80)
    .targets(
      [...patterns, null].map((pattern, i) => {
        const refId = String.fromCharCode(65 + i);
        return pattern === null
          ? lokiTarget(refId, `sum(count_over_time(${logStream(t)} ${containsAny(patterns)} [1m]))`, "any shipping error")
          : lokiTarget(refId, `sum(count_over_time(${logStream(t)} ${containsAny([pattern])} [1m]))`, pattern);
      }),
    );

  const metricsFreshness = timeSeriesPanel()
    .id(TELEMETRY_PANELS.metricsFreshness)
    .title("Metrics freshness: seconds since the last sample")
    .description(
      `Age of the newest ${cfg.telemetry.metrics.requests} sample. The service pushes every ~10 s; above the dashed line ` +
        `(${STALE_SECONDS} s) metrics have stopped arriving. No value: no sample in the last ${FRESHNESS_LOOKBACK}.`,
    )
    .datasource(prometheusDatasource)
    .unit(units.Seconds)
    .min(0)
    .interval("1m")
    .thresholds(thresholds("green", [STALE_SECONDS, "red"]))
    .thresholdsStyle(thresholdLine())
    .withTarget(promTarget("A", secondsSinceLastSample, "seconds since last sample"));

  const metricsFreshnessNow = new stat.PanelBuilder()
    .id(TELEMETRY_PANELS.metricsFreshnessNow)
    .title("Last metric sample")
    .datasource(prometheusDatasource)
    .unit(units.Seconds)
    .colorMode(common.BigValueColorMode.Background)
    .noValue(`none in ${FRESHNESS_LOOKBACK}`)
    .thresholds(thresholds("green", [STALE_SECONDS, "red"]))
    .withTarget(promTarget("A", secondsSinceLastSample, "seconds since last sample"));

  const requestsLogsVsMetrics = timeSeriesPanel()
    .id(TELEMETRY_PANELS.requestsLogsVsMetrics)
    .title("Requests per minute: logs vs metrics")
    .description(
      "The same requests counted twice: from the request logs and from the requests metric. Logs flowing while the metric drops is a telemetry outage, not a service outage; both dropping is the service (or all telemetry).",
    )
    .datasource(mixedDatasource)
    .unit(units.Short)
    .interval("1m")
    .withTarget(lokiTarget("A", `sum(count_over_time(${httpLogStream(t)} [1m]))`, "requests (logs)").datasource(lokiDatasource))
    .withTarget(
      promTarget("B", `sum(increase(${metricSeries(t, "requests")}[1m]))`, "requests (metrics)").datasource(prometheusDatasource),
    );

  const logVolumeByLevel = logLinesPerMinuteBars()
    .id(TELEMETRY_PANELS.logVolumeByLevel)
    .title("Log lines per minute, by level")
    .description("Everything the service logs. A flood of error lines with steady traffic is often the metrics sender failing.")
    .withTarget(lokiTarget("A", `sum by (${level}) (count_over_time(${logStream(t)} [1m]))`, `{{${level}}}`));

  return { metricShippingFailures, metricsFreshness, metricsFreshnessNow, requestsLogsVsMetrics, logVolumeByLevel };
}
