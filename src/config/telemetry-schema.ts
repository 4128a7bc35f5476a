import { z } from "zod";
import { labelName, labelValue, literal, metricName } from "./values";

/** A group of metric names, each key with its default name and its meaning. */
function metricNames<K extends string>(names: Record<K, readonly [name: string, meaning: string]>) {
  const shape = Object.fromEntries(
    Object.entries<readonly [string, string]>(names).map(([key, [name, meaning]]) => [key, metricName.default(name).describe(meaning)]),
  ) as Record<K, z.ZodDefault<typeof metricName>>;
  const group = z.strictObject(shape);
  // Every key has a default: an absent group is all defaults.
  return group.prefault({} as z.input<typeof group>);
}

/** Names of the deployed service's telemetry; they differ between deployments (see docs/configuration.md "The telemetry contract"). */
export const telemetrySchema = z.strictObject({
  // Dashboards offer it as a Grafana custom variable, which splits values on "," and " : ".
  source: labelValue
    .refine((v) => !v.includes(",") && !v.includes(" : "), 'must not contain "," or " : " (Grafana custom variables split on them)')
    .default("jwt-pizza-service")
    .describe("the service's source label value on metrics and logs; no `,` or ` : ` (dashboards offer it as a Grafana custom variable)"),
  metricSourceLabel: labelName.default("source").describe("metric label carrying `telemetry.source`"),
  logs: z
    .strictObject({
      sourceLabel: labelName.default("component").describe("Loki stream label carrying `telemetry.source` (`source` in some deployments)"),
      typeLabel: labelName.default("type").describe("stream label carrying the log line's type"),
      httpType: labelValue.default("http").describe("value of the type label on HTTP request lines (`http-req` in some deployments)"),
      factoryType: labelValue
        .default("factory")
        .describe("value of the type label on the lines logging each call to the pizza factory (read by `pizza-factory-failing`)"),
      metricSendErrors: z
        .array(literal)
        .min(1, "expected at least one pattern")
        .default(["Failed to send metric", "ECONNRESET", "UND_ERR_CONNECT_TIMEOUT"])
        .describe(
          "literal texts of the lines logged when the service fails to ship its metrics; regex-escaped and OR-ed into one line filter",
        ),
      levelLabel: labelName.default("level").describe("stream label carrying the log level (`info`, `warn`, `error`)"),
      errorLevel: labelValue.default("error").describe("value of the level label on error lines"),
    })
    .prefault({}),
  metrics: metricNames({
    requests: ["requests_total", "request counter (`http_requests_total` in some deployments)"],
    pizzasSold: ["pizzas_sold_total", "pizzas sold counter"],
    orderFailures: ["pizza_creation_failures_total", "failed pizza creations counter (read by `pizza-order-failures`)"],
    revenue: ["pizza_revenue_USD_total", "revenue counter"],
    factoryLatency: ["pizza_creation_latency_milliseconds", "factory latency gauge (read by `pizza-factory-latency`)"],
    requestLatency: ["request_latency_milliseconds", "request latency gauge"],
    cpu: ["cpu_percent", "CPU gauge (`cpu_usage_percent` in some deployments)"],
    memory: ["memory_percent", "memory gauge (`memory_usage_percent` in some deployments)"],
    activeUsers: ["active_users_ratio", "active users gauge"],
  }),
  /** Names of the series the `recording` rule group writes from the logs into Prometheus. */
  recorded: metricNames({
    orderRequests: ["pizza:order_requests:count1m", "recorded series: `POST /api/order` lines per minute"],
    orderFailures: ["pizza:order_failures:count1m", "recorded series: of those, answered 5xx"],
    orderServerErrors: [
      "pizza:order_server_errors:count1m",
      "recorded series: of those, answered 500 by the service itself (not the proxy's 502/503/504)",
    ],
    httpRequests: ["pizza:http_requests:count1m", "recorded series: all HTTP request lines per minute"],
    metricSendFailures: [
      "pizza:metric_send_failures:count1m",
      "recorded series: lines matching `telemetry.logs.metricSendErrors` per minute",
    ],
  }),
});
export type Telemetry = z.output<typeof telemetrySchema>;
