import type { AlertDefinition } from "../alerts";
import httpRequests from "./http-requests";
import metricSendFailures from "./metric-send-failures";
import orderFailures from "./order-failures";
import orderRequests from "./order-requests";
import orderServerErrors from "./order-server-errors";

/**
 * Grafana-managed recording rules: the logs several alerts and panels need are scanned once a
 * minute and kept as Prometheus series (`telemetry.recorded.*`).
 */
export const recordingDefinitions: AlertDefinition[] = [orderRequests, orderFailures, httpRequests, metricSendFailures, orderServerErrors];
