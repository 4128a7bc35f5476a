import { z } from "zod";
import { parseDuration } from "./durations";
import { syntheticMonitoringSchema } from "./health-check-schema";
import { type SecretKey, type SecretSource } from "./keys";
import { validateStackConfig } from "./problems";
import { contactsSchema, deploymentSchema, escalationSchema, routingSchema } from "./routing-schema";
import { coversAllTime, wholeYearMuted } from "./time-intervals";
import { ENCRYPTED_PLACEHOLDER, Secret } from "./secret";
import { telemetrySchema } from "./telemetry-schema";
import { sloSchema, thresholdsSchema } from "./thresholds-schema";
import { hasUserinfo, httpUrl, labelValue, numeric, plainUrl, uid } from "./values";

/**
 * The stack configuration: its keys, their grammars and defaults (data, in this file and the
 * *-schema.ts files beside it), and one validator of the rules between keys (crossFieldIssues).
 * parseConfig reads stack config through it; problems.ts turns its issues into one line per key.
 */

export type { Telemetry } from "./telemetry-schema";
export type { MutableRoute } from "./routing-schema";

const secret = z
  .string()
  .min(1, "is empty")
  .transform((value) => new Secret(value));
/** A credential that is a URL; a stack file's ciphertext (read offline by render) cannot be checked. */
const secretUrl = z
  .string()
  .refine((v) => v === ENCRYPTED_PLACEHOLDER || httpUrl.safeParse(v).success, "expected an http(s) URL")
  .transform((value) => new Secret(value));

/** Rule groups whose evaluation interval may differ from `alerting.evaluationIntervalSeconds`. */
export const ALERT_GROUPS = ["orders", "errors", "slo", "availability", "telemetry", "saturation", "latency", "meta"] as const;
export type AlertGroup = (typeof ALERT_GROUPS)[number];
/** Grafana's scheduler ticks every 10 s and rejects a group interval that is not a multiple of it. */
const intervalSeconds = numeric(
  z
    .number()
    .int()
    .min(10, { message: "expected at least 10 seconds", abort: true })
    .multipleOf(10, "expected a multiple of 10 seconds (Grafana's scheduler interval)")
    // Every rule here reads windows of minutes; the watchdog, which reads none, still proves each hour that alerting runs.
    .max(3600, "expected at most 3600 seconds (an hour): a rule evaluated less often misses whole incidents"),
);
/** Datasource uids Grafana reserves: the built-in Grafana datasource (uid grafana, legacy id -100) and server-side expressions. */
const datasourceUid = uid.refine(
  (u) => !["grafana", "-100", "__expr__", "__mixed__", "__dashboard__"].includes(u),
  "is reserved by Grafana for a built-in datasource; expected the uid of your Loki or Prometheus datasource",
);

const configObject = z.strictObject({
  grafanaUrl: httpUrl
    .refine((u) => !hasUserinfo(u), "must not carry credentials; set the token with `pulumi config set --secret grafana:auth`")
    .describe(
      "the Grafana Cloud stack (the provider's own key; `grafana:auth` is its secret token); a URL carrying `user:password@` is rejected, and never echoed",
    ),
  folder: z
    .strictObject({
      // Grafana's root folder is "general"; "sharedwithme" is the virtual folder of shared dashboards.
      uid: uid
        .refine(
          (u) => !["general", "sharedwithme"].includes(u.toLowerCase()),
          "is reserved by Grafana (the General folder, Shared with me); choose another uid",
        )
        .default("jwt-pizza-service")
        .describe("uid of the folder holding every rule group and dashboard"),
      title: z
        .string()
        .min(1, "is empty")
        // Grafana's dashboard and folder tables hold titles in a VARCHAR(189) column.
        .max(189, "expected at most 189 characters (Grafana's folder title column)")
        .refine((t) => t.trim() === t && t.trim() !== "", "expected a title without leading or trailing spaces")
        .default("JWT Pizza Service")
        .describe("its title: the `grafana_folder` label of every alert"),
    })
    .prefault({}),
  datasources: z.strictObject({
    loki: datasourceUid.describe("uid of the Loki datasource (Connections > Data sources; the uid is in the page URL)"),
    prometheus: datasourceUid.describe("uid of the Prometheus datasource; the recording rules write into it"),
  }),
  telemetry: telemetrySchema.prefault({}),
  alerting: z.strictObject({
    team: labelValue.default("pizza").describe("the `team` label of every alert"),
    runbookBaseUrl: plainUrl
      .refine((u) => !/[?#]/.test(u), "expected a URL without a query string or fragment: the runbook path <uid>.md is appended to it")
      .describe("where `runbooks/` is browsable: `runbook_url` of an alert is `<runbookBaseUrl>/<alert uid>.md`"),
    evaluationIntervalSeconds: intervalSeconds
      .default(60)
      .describe(
        "rule group evaluation interval, a multiple of 10 s, at most 3600 and at most the shortest window the group's rules read; `recording` always runs every 60 s",
      ),
    /** Per rule group; a group not listed uses evaluationIntervalSeconds. */
    groupEvaluationIntervalSeconds: z
      .strictObject({
        // 10: the order-failure page reads the service's counters (pushed every 10 s); each 10 s of
        // interval is up to 10 s more before on-call hears (replay: median/worst in docs/replay-scenarios.md).
        orders: intervalSeconds.default(10).describe("the order-failure page reads counters pushed every 10 s"),
        errors: intervalSeconds.optional().describe("unset: `evaluationIntervalSeconds`"),
        slo: intervalSeconds.default(30).describe("the burn-rate alerts"),
        availability: intervalSeconds.default(10).describe("the health check pages a crash within 3 minutes"),
        // 30: the recorded send-failure counts land once a minute; evaluating twice a minute detects
        // the telemetry outage within 3 minutes whatever the phase (replay: 120-170 s; every 60 s: up to 200 s).
        telemetry: intervalSeconds.default(30).describe("the telemetry outage is detected within 3 minutes"),
        saturation: intervalSeconds.optional().describe("unset: `evaluationIntervalSeconds`"),
        latency: intervalSeconds.optional().describe("unset: `evaluationIntervalSeconds`"),
        meta: intervalSeconds.optional().describe("unset: `evaluationIntervalSeconds`"),
      })
      .prefault({}),
  }),
  thresholds: thresholdsSchema.prefault({}),
  slo: sloSchema.prefault({}),
  syntheticMonitoring: syntheticMonitoringSchema.prefault({}),
  contacts: contactsSchema,
  routing: routingSchema.prefault({}),
  escalation: escalationSchema.prefault({}),
  deployment: deploymentSchema.prefault({}),
  onCallWebhookUrl: secretUrl.optional().describe("on-call webhook URL; required when `contacts.onCall` is `webhook`"),
  pagerDutyIntegrationKey: secret
    .optional()
    .describe("PagerDuty Events v2 integration key; required when `contacts.onCall` is `pagerduty`"),
  slackWebhookUrl: secretUrl
    .optional()
    .describe(
      "Slack incoming webhook of the team channel; without it there is no Slack contact point and the team channel is the team email",
    ),
  heartbeatUrl: secretUrl.describe(
    "dead-man's-switch URL the always-firing watchdog calls every 5 minutes (set its period above that, e.g. 15m)",
  ),
});

export const configSchema = configObject.superRefine((c, ctx) => {
  for (const issue of crossFieldIssues(c)) ctx.addIssue({ code: "custom", ...issue });
});

export type Config = z.output<typeof configSchema>;

/**
 * Validates stack config given as full keys (`pizza-observability:datasources`, `grafana:url`)
 * and returns it with defaults applied, or throws an InvalidDefinitionError listing one line per problem.
 * With `secrets`, credential keys must be Pulumi secrets.
 */
export function parseConfig(raw: Record<string, unknown>, secrets?: SecretSource): Config {
  return validateStackConfig(configSchema, raw, secrets);
}

type ConfigData = z.output<typeof configObject>;
interface CrossFieldIssue {
  path: PropertyKey[];
  message: string;
}

/** The credential key each on-call contact needs. */
const ON_CALL_SECRET: Partial<Record<ConfigData["contacts"]["onCall"], SecretKey>> = {
  webhook: "onCallWebhookUrl",
  pagerduty: "pagerDutyIntegrationKey",
};

/**
 * The one validator of rules between keys: keys required together, settings each valid alone whose
 * combination could never fire or would misread the data. Zod runs it even when a field failed, so
 * it compares only values of the expected type.
 */
function crossFieldIssues(c: ConfigData): CrossFieldIssue[] {
  return [...requiredTogether(c), ...feasibility(c), ...pagingMutes(c)];
}

function requiredTogether(c: ConfigData): CrossFieldIssue[] {
  const issues: CrossFieldIssue[] = [];
  const sm = c.syntheticMonitoring;
  if (sm.enabled && !sm.url) {
    issues.push({ path: ["syntheticMonitoring", "url"], message: "the health check needs a URL when syntheticMonitoring.enabled is true" });
  }
  if (sm.timeoutSeconds > sm.frequencySeconds) {
    issues.push({ path: ["syntheticMonitoring", "timeoutSeconds"], message: "expected at most frequencySeconds" });
  }
  const needed = ON_CALL_SECRET[c.contacts.onCall];
  if (needed && !c[needed]) issues.push({ path: [needed], message: `is required when contacts.onCall is "${c.contacts.onCall}"` });
  if (c.contacts.slackChannel && !c.slackWebhookUrl) {
    issues.push({ path: ["slackWebhookUrl"], message: "is required when contacts.slackChannel is set" });
  }
  const oncall = c.contacts.onCall === "grafana-oncall";
  if (oncall && c.escalation.users.length === 0) {
    issues.push({
      path: ["escalation", "users"],
      message: 'expected at least one OnCall username when contacts.onCall is "grafana-oncall"',
    });
  }
  if (c.escalation.enabled && !oncall) {
    issues.push({ path: ["escalation", "enabled"], message: 'escalation needs contacts.onCall "grafana-oncall"' });
  }
  if (!oncall && c.escalation.users.length > 0) {
    issues.push({
      path: ["escalation", "users"],
      message: `are only paged with contacts.onCall "grafana-oncall" (it is "${c.contacts.onCall}"); remove them or switch on-call to Grafana OnCall`,
    });
  }
  if (c.escalation.enabled && c.escalation.escalateTo.length === 0) {
    issues.push({ path: ["escalation", "escalateTo"], message: "expected at least one OnCall username when escalation.enabled is true" });
  }
  return issues;
}

/** Settings each valid alone whose combination could never fire or would misread the data. */
function feasibility(c: ConfigData): CrossFieldIssue[] {
  const issues: CrossFieldIssue[] = [];
  const budgetPercent = 100 - c.slo.objectivePercent;
  const budget = budgetPercent / 100;
  for (const burn of ["fastBurn", "slowBurn"] as const) {
    const { factor, longWindow, shortWindow } = c.slo[burn];
    // The error ratio is at most 1, so the burn rate (ratio / budget) never exceeds 1 / budget
    // (compared in percent, with a margin for 100 - 99.9 not being exactly 0.1 in binary).
    if (typeof factor === "number" && factor > 0 && factor * budgetPercent >= 100 * (1 - 1e-9)) {
      issues.push({
        path: ["slo", burn, "factor"],
        message: `can never fire: ${factor} x the ${+(budget * 100).toPrecision(6)}% error budget is 100% or more of orders failing; expected below ${+(1 / budget).toPrecision(6)}`,
      });
    }
    const long = parseDuration(longWindow);
    const short = parseDuration(shortWindow);
    if (long.ok && short.ok && short.milliseconds >= long.milliseconds) {
      issues.push({ path: ["slo", burn, "shortWindow"], message: `expected shorter than longWindow (${longWindow})` });
    }
  }
  const fast = parseDuration(c.thresholds.orderFailures.fastWindow);
  const slow = parseDuration(c.thresholds.orderFailures.slowWindow);
  if (fast.ok && slow.ok && fast.milliseconds >= slow.milliseconds) {
    issues.push({
      path: ["thresholds", "orderFailures", "fastWindow"],
      message: `expected shorter than slowWindow (${c.thresholds.orderFailures.slowWindow}): the fast window pages first at normal traffic`,
    });
  }
  if (c.datasources.loki === c.datasources.prometheus && typeof c.datasources.loki === "string") {
    issues.push({
      path: ["datasources", "prometheus"],
      message: `is the same uid as datasources.loki (${c.datasources.loki}); expected the Prometheus datasource's own uid (LogQL rules go to Loki, PromQL rules to Prometheus)`,
    });
  }
  // The availability alert fires while the success ratio is below successRatio: never below 0.
  if (c.thresholds.availability.successRatio === 0) {
    issues.push({
      path: ["thresholds", "availability", "successRatio"],
      message: "can never fire: the success ratio is never below 0; expected above 0",
    });
  }
  return issues;
}

/**
 * Mute timings on the paging route may silence pages for hours, never for a year: whatever the
 * spelling (one interval, pieces of the day, week, month or year, several intervals or timings),
 * intervals that together mute every minute of a year are refused, naming the first timing involved.
 */
function pagingMutes(c: ConfigData): CrossFieldIssue[] {
  const paging = c.routing.muteTimings.flatMap((t, index) => (Array.isArray(t.routes) && t.routes.includes("page") ? [{ t, index }] : []));
  const intervals = paging.flatMap(({ t }) => (Array.isArray(t.intervals) ? t.intervals : []));
  // An interval muting every moment on its own is refused already, naming that interval.
  if (intervals.length === 0 || intervals.some((t) => t && coversAllTime(t))) return [];
  const year = wholeYearMuted(intervals);
  if (year === undefined) return [];
  const [first, ...others] = paging;
  const together = others.length > 0 ? ` (with ${others.map(({ t }) => t.name).join(", ")})` : "";
  const when = intervals.some((t) => t.years && t.years.length > 0)
    ? `every minute of ${String(year).padStart(4, "0")}`
    : "every minute of every year";
  return [
    {
      path: ["routing", "muteTimings", first.index],
      message: `mutes the page route for ${when}${together}: pages would never reach on-call; mute the ticket route, or pages for a few hours`,
    },
  ];
}
