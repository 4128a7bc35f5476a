import { z } from "zod";
import { labelValue, numeric, plainUrl, re2Regex } from "./values";

/** The service's health endpoint, probed by Grafana Synthetic Monitoring from outside. */
export const syntheticMonitoringSchema = z.strictObject({
  enabled: z
    .boolean()
    .default(true)
    .describe(
      "declare the Synthetic Monitoring health check (needs `grafana:smAccessToken`); false: `pizza-api-traffic-absent` replaces `pizza-api-availability`",
    ),
  /** GET target; `GET /` answers {"message":"welcome to JWT Pizza","version":...}. Required when enabled. */
  url: plainUrl.optional().describe("health check target, e.g. `https://pizza-service.example.com/`; required when `enabled`"),
  // Synthetic Monitoring's own form (grafana/synthetic-monitoring-app src/schemas/general/Job.ts):
  // at most 128 characters, no commas or quotes.
  job: labelValue
    .max(128, "expected at most 128 characters (Synthetic Monitoring's job name limit)")
    .refine((j) => !/[,']/.test(j), "must not contain a comma or a quote (Synthetic Monitoring refuses them in a job name)")
    .default("pizza-api-health")
    .describe("the check's job name: the `job` label of its `probe_success` series; at most 128 characters, no `,` or quotes"),
  probes: z
    .array(z.string().regex(/^[A-Za-z0-9_-]+$/, "expected a probe name such as Frankfurt"))
    .min(1, "expected at least one probe")
    .refine((ps) => new Set(ps).size === ps.length, "expected each probe once (a duplicate probe is one location counted twice)")
    .default(["Atlanta", "Frankfurt", "Singapore"])
    .describe("public probe names, resolved to ids by the provider's `getProbes` at deploy time"),
  frequencySeconds: numeric(z.number().int().min(1, "expected 1 to 3600 seconds").max(3600, "expected 1 to 3600 seconds"))
    .default(60)
    .describe("how often the check runs"),
  timeoutSeconds: numeric(z.number().int().min(1, "expected 1 to 180 seconds").max(180, "expected 1 to 180 seconds"))
    .default(10)
    .describe("the check's timeout, at most `frequencySeconds`"),
  bodyRegex: re2Regex
    .default("welcome to JWT Pizza")
    .describe("the check fails unless the response body matches this RE2 regular expression"),
});
