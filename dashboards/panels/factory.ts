import * as common from "@grafana/grafana-foundation-sdk/common";
import * as stat from "@grafana/grafana-foundation-sdk/stat";
import * as units from "@grafana/grafana-foundation-sdk/units";
import type { Config } from "../../src/config/schema";
import {
  dashboardTelemetry,
  logLinesPerMinuteBars,
  lokiDatasource,
  lokiInstantTarget,
  lokiTarget,
  mixedDatasource,
  prometheusDatasource,
  promTarget,
  thresholdLine,
  thresholds,
  timeSeriesPanel,
} from "../../src/model/dashboard-blocks";
import {
  containsAny,
  errorLogStream,
  factoryLogStream,
  httpLogStream,
  logStream,
  metricSeries,
  STATUS_5XX_LINE_FILTER,
  SUPPORT_LINK_FIELDS,
  withResponseMessage,
} from "../../src/model/telemetry";
import { FACTORY_PANELS } from "../panel-ids";

/** Panels of the pizza factory as a dependency: errors, failure ratio, latency, failure messages, chaos support links. */
export function factoryPanels(cfg: Config) {
  const t = dashboardTelemetry(cfg.telemetry);
  const slowMs = cfg.thresholds.factoryLatency.milliseconds;
  const sold = (window: string) => `sum(increase(${metricSeries(t, "pizzasSold")}[${window}]))`;
  const failed = (window: string) => `sum(increase(${metricSeries(t, "orderFailures")}[${window}]))`;
  const failedOrders =
    `sum(count_over_time(${httpLogStream(t)} |= "/api/order" ${STATUS_5XX_LINE_FILTER}` +
    ` | json statusCode="statusCode", method="method", path="path" | __error__=""` +
    ` | method="POST" | path="/api/order" | statusCode >= 500 [1m]))`;
  const factoryFailed = `sum(count_over_time(${factoryLogStream(t)} ${STATUS_5XX_LINE_FILTER} | json statusCode="statusCode" | __error__="" | statusCode >= 500 [1m]))`;
  const supportLinkLines = (window: string) => `sum(count_over_time(${logStream(t)} ${containsAny(SUPPORT_LINK_FIELDS)} [${window}]))`;

  const errorsPerMinute = timeSeriesPanel()
    .id(FACTORY_PANELS.errorsPerMinute)
    .title("Factory errors per minute")
    .description(
      "Pizza creations the factory failed (service metrics), and POST /api/order answered 5xx (request logs). Both rising together is the factory failing; only the logs rising while metrics are flat may be a telemetry outage.",
    )
    .datasource(mixedDatasource)
    .unit(units.Short)
    .interval("1m")
    .withTarget(promTarget("A", failed("1m"), "creation failures (metrics)").datasource(prometheusDatasource))
    .withTarget(lokiTarget("B", failedOrders, "orders answered 5xx (logs)").datasource(lokiDatasource));

  const failureRatio = timeSeriesPanel()
    .id(FACTORY_PANELS.failureRatio)
    .title("Factory failure ratio (5m)")
    .description("Pizza creation failures divided by pizzas sold plus failures, over 5-minute windows, from the service's metrics.")
    .datasource(prometheusDatasource)
    .unit(units.PercentUnit)
    .min(0)
    .interval("1m")
    .withTarget(promTarget("A", `${failed("5m")} / (${sold("5m")} + ${failed("5m")})`, "failure ratio"));

  const latency = timeSeriesPanel()
    .id(FACTORY_PANELS.latency)
    .title("Factory latency (pizza creation)")
    .description(
      `The service's pizza creation latency gauge. Above the dashed line (${slowMs / 1000} s) the factory is slow: its chaos throttle delays orders by ~32 s.`,
    )
    .datasource(prometheusDatasource)
    .unit(units.Milliseconds)
    .min(0)
    .thresholds(thresholds("green", [slowMs, "red"]))
    .thresholdsStyle(thresholdLine())
    .withTarget(promTarget("A", `max(${metricSeries(t, "factoryLatency")})`, "latency"));

  const currentLatency = new stat.PanelBuilder()
    .id(FACTORY_PANELS.currentLatency)
    .title("Factory latency now")
    .datasource(prometheusDatasource)
    .unit(units.Milliseconds)
    .colorMode(common.BigValueColorMode.Background)
    .thresholds(thresholds("green", [slowMs, "red"]))
    .withTarget(promTarget("A", `max(${metricSeries(t, "factoryLatency")})`, "latency"));

  const failureMessages = logLinesPerMinuteBars()
    .id(FACTORY_PANELS.failureMessages)
    .title("Failure messages per minute")
    .description(
      'Error-level lines of the service by the message of their response body, such as "Failed to fulfill order at factory" or "chaos monkey". Only the message is read from a body.',
    )
    .withTarget(
      lokiTarget(
        "A",
        `sum by (message) (count_over_time(${errorLogStream(t)} |= "resBody"${withResponseMessage([])} | message != "" [1m]))`,
        "{{message}}",
      ),
    );

  const supportLinks = new stat.PanelBuilder()
    .id(FACTORY_PANELS.supportLinks)
    .title("Responses with a support link")
    .description(
      "Responses carrying the factory's chaos support link, over the dashboard's time range. Only counted: the link itself is never shown.",
    )
    .datasource(lokiDatasource)
    .unit(units.Short)
    .colorMode(common.BigValueColorMode.Background)
    .thresholds(thresholds("green", [1, "orange"]))
    .withTarget(lokiInstantTarget("A", supportLinkLines("$__range"), "support links"));

  const supportLinksPerMinute = timeSeriesPanel()
    .id(FACTORY_PANELS.supportLinksPerMinute)
    .title("Support links per minute")
    .description("Lines carrying the factory's chaos support link: non-zero while the factory is in chaos.")
    .datasource(lokiDatasource)
    .unit(units.Short)
    .interval("1m")
    .withTarget(lokiTarget("A", supportLinkLines("1m"), "support links"));

  const factoryAnswers = logLinesPerMinuteBars()
    .id(FACTORY_PANELS.factoryAnswers)
    .title("Factory answers per minute")
    .description(
      "The factory's own answers to the service's calls, by HTTP status, from the factory call lines: 5xx here is the factory failing (pizza-factory-failing).",
    )
    .withTarget(
      lokiTarget(
        "A",
        `sum by (statusCode) (count_over_time(${factoryLogStream(t)} |= "statusCode" | json statusCode="statusCode" | __error__="" [1m]))`,
        "{{statusCode}}",
      ),
    );

  const whereOrdersFail = timeSeriesPanel()
    .id(FACTORY_PANELS.whereOrdersFail)
    .title("Failed orders: at the factory or in the service?")
    .description(
      "Orders answered 5xx (request logs), factory calls answered 5xx (factory call lines), and the difference: orders that failed in the service itself (its database, its code) while the factory was fine.",
    )
    .datasource(lokiDatasource)
    .unit(units.Short)
    .interval("1m")
    .withTarget(lokiTarget("A", failedOrders, "orders answered 5xx"))
    .withTarget(lokiTarget("B", factoryFailed, "at the factory"))
    .withTarget(lokiTarget("C", `${failedOrders} - (${factoryFailed} or vector(0))`, "in the service"));

  return {
    factoryAnswers,
    whereOrdersFail,
    errorsPerMinute,
    failureRatio,
    latency,
    currentLatency,
    failureMessages,
    supportLinks,
    supportLinksPerMinute,
  };
}
