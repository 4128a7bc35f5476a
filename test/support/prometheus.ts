/**
 * A real Prometheus (Debian's /usr/bin/prometheus 2.42) for tests, backfilled from OpenMetrics: the
 * same one the dashboard previews ask (src/preview/prometheus.ts). A missing binary fails the test
 * (it is never skipped).
 */
export { createBlocks, openMetrics, startPrometheus, type RunningPrometheus } from "../../src/preview/prometheus";
