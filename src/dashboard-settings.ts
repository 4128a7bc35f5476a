import type { Config } from "./config";

/**
 * Values dashboards draw as thresholds or select by, which the alert catalogue's config owns
 * (the SLO objective, factory latency and saturation thresholds, the Synthetic Monitoring check).
 * Until that config lands, they are the defaults below; each accessor is the one place to wire
 * the config key at merge, so dashboard lines and alert thresholds cannot drift apart.
 */
export const PENDING_DEFAULTS = {
  /** Fraction of POST /api/order responses that must succeed. */
  sloObjective: 0.99,
  /** The factory's chaos throttle delays orders by ~32 s; 30 s marks a slow factory. */
  factorySlowMs: 30_000,
  cpuSaturationPercent: 80,
  memorySaturationPercent: 80,
  /** `job` label Synthetic Monitoring puts on the health check's `probe_success` series. */
  healthCheckJob: "jwt-pizza-service-health",
} as const;

export function sloObjective(_cfg: Config): number {
  return PENDING_DEFAULTS.sloObjective;
}

/** Failure ratio the SLO allows: 1 - objective. */
export function errorBudget(cfg: Config): number {
  return Number((1 - sloObjective(cfg)).toFixed(6));
}

export function factorySlowMs(_cfg: Config): number {
  return PENDING_DEFAULTS.factorySlowMs;
}

export function saturationPercent(_cfg: Config, resource: "cpu" | "memory"): number {
  return resource === "cpu" ? PENDING_DEFAULTS.cpuSaturationPercent : PENDING_DEFAULTS.memorySaturationPercent;
}

export function healthCheckJob(_cfg: Config): string {
  return PENDING_DEFAULTS.healthCheckJob;
}
