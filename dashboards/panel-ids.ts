/** Dashboard uids and panel ids: what alerts link to (`__dashboardUid__`/`__panelId__`). A leaf module, so alerts and dashboards both import it without importing each other. */

export const ORDERS_DASHBOARD_UID = "pizza-orders";

/** Stable panel and row ids: alert rules link to panels (`__panelId__`), so never renumber one. */
export const ORDERS_PANELS = {
  ordersPerMinute: 1,
  failureRatio: 2,
  pizzas: 3,
  revenue: 4,
  http5xx: 5,
  failureRatioVsSlo: 6,
  orderLatency: 7,
  failedOrderLines: 8,
  ordersRow: 9,
  errorsRow: 10,
  salesRow: 11,
  failedOrdersRow: 12,
} as const;

export const FACTORY_DASHBOARD_UID = "pizza-factory";

/** Stable panel and row ids: alert rules link to panels (`__panelId__`), so never renumber one. */
export const FACTORY_PANELS = {
  errorsPerMinute: 1,
  failureRatio: 2,
  latency: 3,
  currentLatency: 4,
  failureMessages: 5,
  supportLinks: 6,
  supportLinksPerMinute: 7,
  errorsRow: 8,
  latencyRow: 9,
  chaosRow: 10,
  factoryAnswers: 11,
  whereOrdersFail: 12,
  causeRow: 13,
} as const;

export const OVERVIEW_DASHBOARD_UID = "pizza-overview";

/** Stable panel and row ids: alert rules link to panels (`__panelId__`), so never renumber one. */
export const OVERVIEW_PANELS = {
  requests: 1,
  errors: 2,
  latency: 3,
  healthCheck: 4,
  cpuNow: 5,
  memoryNow: 6,
  cpu: 7,
  memory: 8,
  activeUsers: 9,
  alerts: 10,
  trafficRow: 11,
  saturationRow: 12,
  healthRow: 13,
} as const;

export const TELEMETRY_DASHBOARD_UID = "pizza-telemetry";

/** Stable panel and row ids: alert rules link to panels (`__panelId__`), so never renumber one. */
export const TELEMETRY_PANELS = {
  metricShippingFailures: 1,
  metricsFreshness: 2,
  metricsFreshnessNow: 3,
  requestsLogsVsMetrics: 4,
  logVolumeByLevel: 5,
  shippingRow: 6,
  arrivalRow: 7,
} as const;
