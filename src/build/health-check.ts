import type * as grafana from "@pulumiverse/grafana";
import type { Config } from "../config/schema";

/**
 * The Synthetic Monitoring HTTP check on the service's health endpoint, as provider arguments.
 * Probes are named here and resolved to ids in resources.ts (the provider's getProbes data source
 * needs the SM API, so it is the only part that cannot be pure).
 */
export type HealthCheckDefinition = Omit<grafana.syntheticmonitoring.CheckArgs, "probes"> & {
  job: string;
  target: string;
  probeNames: string[];
};

export function healthCheckDefinition(cfg: Config): HealthCheckDefinition | undefined {
  const sm = cfg.syntheticMonitoring;
  if (!sm.enabled || !sm.url) return undefined;
  return {
    job: sm.job,
    target: sm.url,
    enabled: true,
    frequency: sm.frequencySeconds * 1000,
    timeout: sm.timeoutSeconds * 1000,
    // The stack's own availability alert decides who is woken; SM's built-in alerts stay off.
    alertSensitivity: "none",
    probeNames: [...sm.probes],
    settings: {
      http: {
        method: "GET",
        validStatusCodes: [200],
        failIfBodyNotMatchesRegexps: [sm.bodyRegex],
        failIfNotSsl: sm.url.startsWith("https:"),
      },
    },
  };
}
