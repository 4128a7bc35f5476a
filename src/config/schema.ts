import { z } from "zod";
import { InvalidDefinitionError } from "./errors";
import { ENCRYPTED_PLACEHOLDER, ENCRYPTED_URL_STANDIN, redact, Secret } from "./secret";
import {
  GRAFANA_URL_KEY,
  plaintextCredentialProblems,
  PROJECT,
  SECRET_KEYS,
  type SecretKey,
  type SecretSource,
  unknownKeyProblems,
} from "./keys";
import { parseDuration } from "./durations";
import { coversAllTime, type RangeKind, rangeProblem } from "./time-intervals";
import {
  httpUrl,
  labelName,
  labelValue,
  literal,
  metricName,
  NUMBER_MESSAGE,
  numeric,
  pendingPeriod,
  re2Regex,
  templateFreeUrl,
  uid,
  window,
  hasUserinfo,
  invisibleCharacter,
  timeZoneProblem,
} from "./values";

const threshold = numeric(z.number().nonnegative("expected a number >= 0"));
/** A percent gauge (cpu_percent, memory_percent) is 0-100: a threshold of 0 always fires, 100 or more never. */
const percentOfGauge = numeric(
  z
    .number()
    .gt(0, "expected a percentage above 0 and below 100 (the gauge reads 0-100)")
    .lt(100, "expected a percentage above 0 and below 100 (the gauge reads 0-100)"),
);
/** A count of failed orders in one window: at least 1 (0 is always met), at most what a window can hold. */
const failureCount = numeric(
  z
    .number()
    .int("expected a whole number of failed orders")
    .min(1, "expected at least 1 failed order")
    .max(10_000, "expected at most 10000 failed orders in one window (more can never fire for this service)"),
);
const ratio = numeric(z.number().min(0, "expected a ratio between 0 and 1").max(1, "expected a ratio between 0 and 1"));
/** A URL deployed in plain text (annotations, check target): `user:password@` in it would be a leaked credential. */
const plainUrl = templateFreeUrl.refine(
  // Only one problem per key: a URL that is not http(s) at all is reported as such.
  (url) => !(httpUrl.safeParse(url).success && hasUserinfo(url)),
  "expected a URL without credentials: it is deployed in plain text",
);
const secret = z
  .string()
  .min(1, "is empty")
  .transform((value) => new Secret(value));
/** A credential that is a URL; a stack file's ciphertext (read offline by render) cannot be checked. */
const secretUrl = z
  .string()
  .refine((v) => v === ENCRYPTED_PLACEHOLDER || httpUrl.safeParse(v).success, "expected an http(s) URL")
  .transform((value) => new Secret(value));

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
  metrics: z
    .strictObject({
      requests: metricName.default("requests_total").describe("request counter (`http_requests_total` in some deployments)"),
      pizzasSold: metricName.default("pizzas_sold_total").describe("pizzas sold counter"),
      orderFailures: metricName
        .default("pizza_creation_failures_total")
        .describe("failed pizza creations counter (read by `pizza-order-failures`)"),
      revenue: metricName.default("pizza_revenue_USD_total").describe("revenue counter"),
      factoryLatency: metricName
        .default("pizza_creation_latency_milliseconds")
        .describe("factory latency gauge (read by `pizza-factory-latency`)"),
      requestLatency: metricName.default("request_latency_milliseconds").describe("request latency gauge"),
      cpu: metricName.default("cpu_percent").describe("CPU gauge (`cpu_usage_percent` in some deployments)"),
      memory: metricName.default("memory_percent").describe("memory gauge (`memory_usage_percent` in some deployments)"),
      activeUsers: metricName.default("active_users_ratio").describe("active users gauge"),
    })
    .prefault({}),
  /** Names of the series the `recording` rule group writes from the logs into Prometheus. */
  recorded: z
    .strictObject({
      orderRequests: metricName.default("pizza:order_requests:count1m").describe("recorded series: `POST /api/order` lines per minute"),
      orderFailures: metricName.default("pizza:order_failures:count1m").describe("recorded series: of those, answered 5xx"),
      orderServerErrors: metricName
        .default("pizza:order_server_errors:count1m")
        .describe("recorded series: of those, answered 500 by the service itself (not the proxy's 502/503/504)"),
      httpRequests: metricName.default("pizza:http_requests:count1m").describe("recorded series: all HTTP request lines per minute"),
      metricSendFailures: metricName
        .default("pizza:metric_send_failures:count1m")
        .describe("recorded series: lines matching `telemetry.logs.metricSendErrors` per minute"),
    })
    .prefault({}),
});
export type Telemetry = z.output<typeof telemetrySchema>;

const thresholdsSchema = z.strictObject({
  order5xx: z
    .strictObject({
      count: threshold.default(2).describe("`pizza-order-5xx` fires on more than this many 5xx lines per endpoint in `window`"),
      // 2m at a 60 s interval: this LogQL rule re-reads 2x the HTTP stream (LogQL cost budget, docs/alerts.md).
      window: window.default("2m"),
      pendingPeriod: pendingPeriod.default("0s"),
    })
    .prefault({})
    .describe("the 5xx warning `pizza-order-5xx` (Loki)"),
  /** The page on failing orders, from the service's own counters (pizza_creation_failures_total / requests_total). */
  orderFailures: z
    .strictObject({
      minFailures: failureCount.default(2).describe("`pizza-order-failures`: at least this many failed orders in a window..."),
      failureRatio: ratio.default(0.3).describe("...and at least this share of the window's orders failed"),
      fastWindow: window.default("1m").describe("the window of normal traffic, which pages within a minute"),
      slowWindow: window.default("5m").describe("the window of low traffic (an order every 2 minutes still shows two failures)"),
      keepFiringFor: pendingPeriod.default("2m").describe("keeps the page one episode while orders keep failing now and then"),
    })
    .prefault({})
    .describe("the order-failure page `pizza-order-failures`, from the service's counters: over `fastWindow` or `slowWindow`"),
  /** The service's request log lines stopped arriving while its metrics show traffic (log-shipping outage). */
  logsAbsent: z
    .strictObject({
      window: window.default("90s"),
      pendingPeriod: pendingPeriod.default("0s"),
    })
    .prefault({})
    .describe("`pizza-logs-absent`: no request log line recorded for `window` while the metrics show traffic"),
  metricIngestion: z
    .strictObject({
      count: threshold
        .default(20)
        .describe("`pizza-metric-ingestion-failure` fires on more than this many metric-shipping error lines in `window`"),
      // Why 15m: alerts/metric-ingestion-failure.ts.
      window: window.default("15m"),
      pendingPeriod: pendingPeriod.default("0s"),
    })
    .prefault({})
    .describe("`pizza-metric-ingestion-failure`"),
  metricsAbsent: z
    .strictObject({
      /** The request metric has had no sample for this long while the logs still show traffic. */
      window: window.default("90s"),
      pendingPeriod: pendingPeriod.default("0s"),
    })
    .prefault({})
    .describe("`pizza-metrics-absent`: the request metric has no sample for `window` while the logs show traffic"),
  availability: z
    .strictObject({
      successRatio: ratio
        .default(0.5)
        .describe("`pizza-api-availability` fires when fewer probe locations than this share passed their latest check"),
      /** How far back a location's latest result is looked up: above the probe frequency. */
      window: window.default("2m"),
      // Longer than any location stays failed after a restart of under a minute (one failed probe
      // per location, visible until its next run 60 s later), shorter than a crash needs to page in 3 minutes.
      pendingPeriod: pendingPeriod.default("70s"),
    })
    .prefault({})
    .describe("`pizza-api-availability`, from the health check's probe results"),
  trafficAbsent: z
    .strictObject({
      /** Fallback without Synthetic Monitoring: no HTTP log line at all for `window`. */
      window: window.default("5m"),
      pendingPeriod: pendingPeriod.default("2m"),
    })
    .prefault({})
    .describe("`pizza-api-traffic-absent`, the fallback without Synthetic Monitoring: no HTTP log line in `window`"),
  cpu: z
    .strictObject({
      percent: percentOfGauge.default(80).describe("`pizza-cpu-saturation` fires above this CPU percent"),
      pendingPeriod: pendingPeriod.default("5m"),
    })
    .prefault({}),
  memory: z
    .strictObject({
      percent: percentOfGauge.default(85).describe("`pizza-memory-saturation` fires above this memory percent"),
      pendingPeriod: pendingPeriod.default("5m"),
    })
    .prefault({}),
  factoryLatency: z
    .strictObject({
      /** The factory answers in under a second when healthy; throttling chaos holds it 30 s+. */
      milliseconds: numeric(
        z.number().gt(0, "expected a latency above 0 ms (at 0 every order pages)").max(3_600_000, "expected at most 3600000 ms (an hour)"),
      )
        .default(10000)
        .describe("`pizza-factory-latency` pages above this latency (an order completes within 10 s)"),
      pendingPeriod: pendingPeriod.default("2m"),
    })
    .prefault({})
    .describe("`pizza-factory-latency`"),
  /** The factory's own answers, from the service's factory call lines: which of the two is failing. */
  factoryFailures: z
    .strictObject({
      count: threshold.default(1).describe("`pizza-factory-failing` fires on more than this many factory calls answered 5xx in `window`"),
      // 2m at the errors group's 60 s interval: reads 2x the factory lines (LogQL cost budget, docs/alerts.md).
      window: window.default("2m"),
      pendingPeriod: pendingPeriod.default("0s"),
    })
    .prefault({})
    .describe("`pizza-factory-failing`: the factory answering 5xx, from the service's factory call lines (Loki)"),
});

const burnRate = (description: string, factor: number, longWindow: string, shortWindow: string, pending: string) =>
  z
    .strictObject({
      factor: numeric(z.number().gt(0, "expected a burn factor above 0"))
        .default(factor)
        .describe("how many times faster than sustainable the error budget burns"),
      longWindow: window.default(longWindow).describe("the burn rate's long window"),
      shortWindow: window.default(shortWindow).describe("the short window that must still burn (shorter than `longWindow`)"),
      pendingPeriod: pendingPeriod.default(pending),
    })
    .prefault({})
    .describe(description);

/** Order success SLO: share of POST /api/order answered without a 5xx, over 30 days. */
const sloSchema = z.strictObject({
  objectivePercent: numeric(
    z
      .number()
      .gt(0, "expected a percentage above 0 and below 100, such as 99.9")
      .lt(100, "expected a percentage above 0 and below 100, such as 99.9"),
  )
    .default(99.9)
    .describe("order success SLO over 30 days: share of `POST /api/order` not answered 5xx"),
  minFailures: failureCount
    .default(2)
    .describe("a burn alert needs at least this many failed orders in its short window (low-traffic guard)"),
  // 1h/5m x14.4 (SRE workbook); 7m pending outlasts the 5m short window after a 45 s restart
  // (which keeps it burning ~6 minutes), so restarts never page; pizza-order-failures pages first.
  fastBurn: burnRate("`pizza-order-slo-fast-burn`, a page (backstop of `pizza-order-failures`)", 14.4, "1h", "5m", "7m"),
  slowBurn: burnRate("`pizza-order-slo-slow-burn`, a ticket", 6, "6h", "30m", "5m"),
});

/** The service's health endpoint, probed by Grafana Synthetic Monitoring from outside. */
const syntheticMonitoringSchema = z.strictObject({
  enabled: z
    .boolean()
    .default(true)
    .describe(
      "declare the Synthetic Monitoring health check (needs `grafana:smAccessToken`); false: `pizza-api-traffic-absent` replaces `pizza-api-availability`",
    ),
  /** GET target; `GET /` answers {"message":"welcome to JWT Pizza","version":...}. Required when enabled. */
  url: plainUrl.optional().describe("health check target, e.g. `https://pizza-service.example.com/`; required when `enabled`"),
  job: labelValue.default("pizza-api-health").describe("the check's job name: the `job` label of its `probe_success` series"),
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

/** Rule groups whose evaluation interval may differ from `alerting.evaluationIntervalSeconds`. */
export const ALERT_GROUPS = ["orders", "errors", "slo", "availability", "telemetry", "saturation", "latency", "meta"] as const;
export type AlertGroup = (typeof ALERT_GROUPS)[number];
/** Grafana's scheduler ticks every 10 s and rejects a group interval that is not a multiple of it. */
const intervalSeconds = numeric(
  z
    .number()
    .int()
    .min(10, { message: "expected at least 10 seconds", abort: true })
    .multipleOf(10, "expected a multiple of 10 seconds (Grafana's scheduler interval)"),
);
const email = z.email({ error: "expected an email address" });
/** Datasource uids Grafana reserves: the built-in Grafana datasource (uid grafana, legacy id -100) and server-side expressions. */
const datasourceUid = uid.refine(
  (u) => !["grafana", "-100", "__expr__", "__mixed__", "__dashboard__"].includes(u),
  "is reserved by Grafana for a built-in datasource; expected the uid of your Loki or Prometheus datasource",
);

const contactsSchema = z.strictObject({
  teamEmail: email.describe("default receiver: whatever no other route takes; the team channel without Slack"),
  onCall: z
    .enum(["webhook", "pagerduty", "grafana-oncall", "none"], { error: 'expected "webhook", "pagerduty", "grafana-oncall" or "none"' })
    .describe(
      "how pages reach on-call: `webhook` or `pagerduty` (credential in the matching secret key), `grafana-oncall` (see [Escalation](routing.md#escalation-grafana-oncall)), or `none` (staging: no on-call contact point, pages go to the team channel)",
    ),
  slackChannel: z
    .string()
    .regex(/^[#@]?[a-z0-9][a-z0-9._-]{0,79}$/, "expected a Slack channel such as #pizza-alerts")
    .optional()
    .describe("Slack channel of the team channel; needs `slackWebhookUrl`"),
  observabilityEmail: email
    .optional()
    .describe("observability ticket channel (telemetry trouble, failing queries); without it those go to the team channel"),
});

const HHMM = /^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;
const hhmm = z.string().regex(HHMM, "expected a time of day HH:MM between 00:00 and 24:00");

/** One text range per entry, e.g. `monday:friday`, checked as Alertmanager checks it. */
function ranges(kind: RangeKind) {
  return z.array(
    // `pulumi config set --path ...years[0] 2025` stores a number; a range is text like 2025:2026.
    z.preprocess(
      (v) => (typeof v === "number" ? String(v) : v),
      z.string().check((ctx) => {
        const problem = rangeProblem(kind, ctx.value);
        if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
      }),
    ),
  );
}

const timeIntervalFields = z.strictObject({
  /** Times of day, start inclusive, end exclusive. */
  times: z
    .array(
      z
        .strictObject({ start: hhmm, end: hhmm })
        .refine((t) => !HHMM.test(t.start) || !HHMM.test(t.end) || t.start < t.end, { message: "start must be before end", path: ["end"] }),
    )
    .optional(),
  weekdays: ranges("weekday").optional(),
  daysOfMonth: ranges("dayOfMonth").optional(),
  months: ranges("month").optional(),
  years: ranges("year").optional(),
  /** IANA time zone the times and days are in; UTC when unset. */
  location: z
    .string()
    .check((ctx) => {
      const problem = timeZoneProblem(ctx.value);
      if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
    })
    .optional(),
});
/** Alertmanager matches an interval without times, weekdays, days, months or years at every moment. */
const timeIntervalSchema = timeIntervalFields
  .refine(
    (t) => [t.times, t.weekdays, t.daysOfMonth, t.months, t.years].some((f) => f !== undefined && f.length > 0),
    "an interval must set at least one of times, weekdays, daysOfMonth, months or years (an empty one mutes forever)",
  )
  .refine(
    (t) => ![t.times, t.weekdays, t.daysOfMonth, t.months, t.years].some((f) => f !== undefined && f.length > 0) || !coversAllTime(t),
    "covers every moment (every time of day, weekday, day and month it sets is the whole range): it mutes forever",
  );

/** Routes of the policy tree a mute timing can apply to. The watchdog route is never muted. */
export const MUTABLE_ROUTES = ["page", "ticket", "telemetry", "datasource-errors"] as const;
export type MutableRoute = (typeof MUTABLE_ROUTES)[number];

const muteTimingSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "expected a name of lowercase letters, digits and '-'"),
  /** The windows; Grafana mutes while any of them is current. */
  intervals: z.array(timeIntervalSchema).min(1, "expected at least one interval"),
  routes: z
    .array(z.enum(MUTABLE_ROUTES, { error: `expected one of ${MUTABLE_ROUTES.join(", ")} (the watchdog route is never muted)` }))
    .min(1, "expected at least one route")
    // Tickets only: a chaos test is when the team wants to see its pages arrive (docs/routing.md).
    .default(["ticket"]),
});

const routingSchema = z.strictObject({
  /** Planned chaos/maintenance windows during which the named routes send nothing. */
  muteTimings: z
    .array(muteTimingSchema)
    .default([])
    .describe("planned chaos/maintenance windows during which the named routes send nothing; see [Mute timings](routing.md#mute-timings)")
    .refine((ts) => new Set(ts.map((t) => t.name)).size === ts.length, "mute timing names must be unique"),
});

/** Grafana OnCall usernames (as in OnCall's user list). */
const onCallUsernames = z
  .array(
    z
      .string()
      .min(1, "is empty")
      .max(150, "expected at most 150 characters")
      .regex(/^\S(.*\S)?$/, "expected a username without leading or trailing spaces or line breaks")
      .refine((u) => !/[\n\r]/.test(u), "expected a single-line username"),
  )
  .refine((us) => new Set(us).size === us.length, "expected each username once");

const escalationSchema = z.strictObject({
  users: onCallUsernames
    .default([])
    .describe("Grafana OnCall usernames paged first; required (non-empty) when `contacts.onCall` is `grafana-oncall`"),
  enabled: z.boolean().default(false).describe("page `escalateTo` too when a page is still unacknowledged after `afterMinutes`"),
  afterMinutes: numeric(z.number().int().min(1, "expected at least 1 minute").max(1440, "expected at most 1440 minutes"))
    .default(15)
    .describe("minutes before the second page"),
  escalateTo: onCallUsernames.default([]).describe("OnCall usernames of the second page; required (non-empty) when `enabled`"),
});

/**
 * What `pulumi up` may own in the Grafana org (docs/deploying.md "What `pulumi up` changes in your Grafana org").
 * rule-settings: every alert rule carries its route as notification settings; the org's policy tree is never touched.
 * policy-tree: the stack owns the org's one notification policy tree (a dedicated org only).
 */
export const ROUTING_MODES = ["rule-settings", "policy-tree"] as const;

const deploymentSchema = z.strictObject({
  routingMode: z
    .enum(ROUTING_MODES, { error: `expected one of ${ROUTING_MODES.join(", ")}` })
    .default("rule-settings")
    .describe(
      "`rule-settings`: each alert rule carries its route as notification settings, the org's notification policy tree is never touched (shared orgs); `policy-tree`: the stack owns the org's one policy tree (a dedicated org only). See [What `pulumi up` changes](deploying.md#what-pulumi-up-changes-in-your-grafana-org)",
    ),
  protect: z
    .boolean({ error: "expected true or false" })
    .default(true)
    .describe(
      "Pulumi `protect` on what holds state or history: the folder, rule groups, dashboards and the OnCall integration; `false` before a `pulumi destroy` or a folder/group rename",
    ),
});

const NAMESPACED_KEYS = [
  "folder",
  "datasources",
  "telemetry",
  "alerting",
  "thresholds",
  "slo",
  "syntheticMonitoring",
  "contacts",
  "routing",
  "escalation",
  "deployment",
  ...SECRET_KEYS,
] as const;

export const configSchema = z
  .strictObject({
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
        .describe("rule group evaluation interval, a multiple of 10 s; `recording` always runs every 60 s"),
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
  })
  .superRefine((c, ctx) => {
    feasibilityIssues(c).forEach((issue) => ctx.addIssue({ code: "custom", ...issue }));
    if (c.syntheticMonitoring.enabled && !c.syntheticMonitoring.url) {
      ctx.addIssue({
        code: "custom",
        path: ["syntheticMonitoring", "url"],
        message: "the health check needs a URL when syntheticMonitoring.enabled is true",
      });
    }
    if (c.syntheticMonitoring.timeoutSeconds > c.syntheticMonitoring.frequencySeconds) {
      ctx.addIssue({ code: "custom", path: ["syntheticMonitoring", "timeoutSeconds"], message: "expected at most frequencySeconds" });
    }
    const onCallSecret: Partial<Record<Config["contacts"]["onCall"], SecretKey>> = {
      webhook: "onCallWebhookUrl",
      pagerduty: "pagerDutyIntegrationKey",
    };
    const needed = onCallSecret[c.contacts.onCall];
    if (needed && !c[needed]) {
      ctx.addIssue({ code: "custom", path: [needed], message: `is required when contacts.onCall is "${c.contacts.onCall}"` });
    }
    if (c.contacts.slackChannel && !c.slackWebhookUrl) {
      ctx.addIssue({ code: "custom", path: ["slackWebhookUrl"], message: "is required when contacts.slackChannel is set" });
    }
    const oncall = c.contacts.onCall === "grafana-oncall";
    if (oncall && c.escalation.users.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["escalation", "users"],
        message: 'expected at least one OnCall username when contacts.onCall is "grafana-oncall"',
      });
    }
    if (c.escalation.enabled && !oncall) {
      ctx.addIssue({ code: "custom", path: ["escalation", "enabled"], message: 'escalation needs contacts.onCall "grafana-oncall"' });
    }
    if (!oncall && c.escalation.users.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["escalation", "users"],
        message: `are only paged with contacts.onCall "grafana-oncall" (it is "${c.contacts.onCall}"); remove them or switch on-call to Grafana OnCall`,
      });
    }
    if (c.escalation.enabled && c.escalation.escalateTo.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["escalation", "escalateTo"],
        message: "expected at least one OnCall username when escalation.enabled is true",
      });
    }
  });

export type Config = z.output<typeof configSchema>;

/** Settings each valid alone whose combination could never fire or would misread the data. */
function feasibilityIssues(c: Config): Array<{ path: PropertyKey[]; message: string }> {
  const issues: Array<{ path: PropertyKey[]; message: string }> = [];
  // Refinements run even when a field failed: only valid numbers are compared.
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
  // The availability alert fires while the success ratio is below successRatio: never below 0.
  if (c.thresholds.availability.successRatio === 0) {
    issues.push({
      path: ["thresholds", "availability", "successRatio"],
      message: "can never fire: the success ratio is never below 0; expected above 0",
    });
  }
  return issues;
}

/** Full stack config key of a schema path: grafanaUrl -> grafana:url, ["datasources","loki"] -> pizza-observability:datasources.loki */
function configKey(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  const key = head === "grafanaUrl" ? GRAFANA_URL_KEY : `${PROJECT}:${head}`;
  return rest.length ? `${key}.${rest.join(".")}` : key;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((v, k) => (v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined), input);
}

function shownValue(value: unknown): string {
  const text = redact(JSON.stringify(value) ?? String(value));
  // A 200 KB value is named by its length, not printed.
  return text.length > 120 ? `${text.slice(0, 100)}... (${text.length} characters)` : text;
}

function describeIssue(input: unknown, issue: z.core.$ZodIssue): string[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((k) => `${configKey([...issue.path, k])}: unknown key (check its spelling against docs/configuration.md)`);
  }
  const value = valueAt(input, issue.path);
  if (value === undefined) return [`${configKey(issue.path)}: is required${issue.code === "custom" ? ` (${issue.message})` : ""}`];
  const isSecret = (SECRET_KEYS as readonly PropertyKey[]).includes(issue.path[0]);
  const shown = isSecret ? "" : ` (got ${shownValue(value)})`;
  const message = issue.code === "invalid_type" && issue.expected === "number" ? NUMBER_MESSAGE : issue.message;
  return [`${configKey(issue.path)}: ${message}${shown}`];
}

/**
 * Control and invisible characters (NUL, escape, zero-width, bidi overrides) in any text value:
 * invisible in review, and refused or misread by Grafana, Loki and Alertmanager. One line per key.
 */
function invisibleProblems(value: unknown, path: PropertyKey[]): Array<{ key: string; line: string }> {
  if (typeof value === "string") {
    const found = invisibleCharacter(value);
    if (!found) return [];
    const what =
      found === "U+000A" || found === "U+000D"
        ? `a line break (${found}); expected a single line without newlines`
        : `the control or invisible character ${found}; expected visible text`;
    return [{ key: configKey(path), line: `${configKey(path)}: contains ${what}` }];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => invisibleProblems(v, [...path, i]));
  if (value !== null && typeof value === "object" && !(value instanceof Secret))
    return Object.entries(value).flatMap(([k, v]) => invisibleProblems(v, [...path, k]));
  return [];
}

/** URL keys render reads through a nested Pulumi secret, with ENCRYPTED_URL_STANDIN in its place. */
const SECRET_URL_PATHS = new Set([`${PROJECT}:syntheticMonitoring.url`, `${PROJECT}:alerting.runbookBaseUrl`]);

/**
 * `secure:` values inside object keys. Render (no decryption) puts ENCRYPTED_URL_STANDIN in place of
 * a secret URL key and refuses any other, which it would need in clear to render; `pulumi up` sees
 * decrypted values, where render's placeholder text is refused like a credential key's.
 */
function nestedSecretProblems(input: Record<string, unknown>, secrets: SecretSource | undefined): Array<{ key: string; line: string }> {
  const problems: Array<{ key: string; line: string }> = [];
  const visit = (
    value: unknown,
    path: PropertyKey[],
    parent: Record<PropertyKey, unknown> | unknown[] | undefined,
    key: PropertyKey | undefined,
  ) => {
    if (value === ENCRYPTED_PLACEHOLDER && path.length > 1) {
      const full = configKey(path);
      if (secrets?.decrypted)
        problems.push({
          key: full,
          line: `${full}: holds the text ${JSON.stringify(ENCRYPTED_PLACEHOLDER)}, render's stand-in for ciphertext, not a value`,
        });
      else if (SECRET_URL_PATHS.has(full) && parent && key !== undefined)
        (parent as Record<PropertyKey, unknown>)[key] = ENCRYPTED_URL_STANDIN;
      else
        problems.push({
          key: full,
          line: `${full}: is stored as a Pulumi secret, which render cannot decrypt; only ${[...SECRET_URL_PATHS].join(", ")} and the credential keys render from a secret: store this value in plain text`,
        });
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i], value, i));
    else if (value !== null && typeof value === "object" && !(value instanceof Secret))
      Object.entries(value).forEach(([k, v]) => visit(v, [...path, k], value as Record<PropertyKey, unknown>, k));
  };
  for (const [k, v] of Object.entries(input)) if (!(SECRET_KEYS as readonly string[]).includes(k)) visit(v, [k], undefined, undefined);
  return problems;
}

/** Text values outside the secret keys that carry URL credentials (`user:password@`, in any spelling redact() knows). */
function credentialProblems(value: unknown, path: PropertyKey[]): Array<{ key: string; line: string }> {
  if (path.length === 1 && (SECRET_KEYS as readonly PropertyKey[]).includes(path[0])) return [];
  if (typeof value === "string") {
    return redact(value) !== value
      ? [
          {
            key: configKey(path),
            line: `${configKey(path)}: contains URL credentials (user:password@); it is deployed in plain text, so keep credentials in the secret keys`,
          },
        ]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => credentialProblems(v, [...path, i]));
  if (value !== null && typeof value === "object" && !(value instanceof Secret))
    return Object.entries(value).flatMap(([k, v]) => credentialProblems(v, [...path, k]));
  return [];
}

/** Pulumi hands structured values over as JSON text; stack files (read by render) as objects. */
function decode(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return value;
  try {
    return JSON.parse(trimmed);
  } catch {
    return value;
  }
}

/**
 * Validates stack config given as full keys (`pizza-observability:datasources`, `grafana:url`)
 * and returns it with defaults applied, or throws an InvalidDefinitionError listing one line per problem.
 * With `secrets`, credential keys must be Pulumi secrets.
 */
export function parseConfig(raw: Record<string, unknown>, secrets?: SecretSource): Config {
  const keyProblems = [...unknownKeyProblems(raw, NAMESPACED_KEYS), ...(secrets ? plaintextCredentialProblems(raw, secrets) : [])];

  const input: Record<string, unknown> = { grafanaUrl: raw[GRAFANA_URL_KEY] };
  for (const key of NAMESPACED_KEYS) {
    const value = raw[`${PROJECT}:${key}`];
    if (value !== undefined) input[key] = decode(value);
  }
  const nested = nestedSecretProblems(input, secrets);

  const result = configSchema.safeParse(input);
  const invisible = invisibleProblems(input, []);
  const named = new Set([...invisible, ...nested].map((p) => p.key));
  // One line per key: its first problem (a value refused by its grammar is not also reported for its length).
  const issues = result.success
    ? []
    : result.error.issues.filter((i) => !named.has(configKey(i.path)) && (named.add(configKey(i.path)), true));
  for (const i of issues) if (i.code === "unrecognized_keys") i.keys.forEach((k) => named.add(configKey([...i.path, k])));
  // Credentials anywhere else than a secret key would be deployed and rendered in plain text.
  const credentials = credentialProblems(input, []).filter((p) => !named.has(p.key));
  const problems = [
    ...keyProblems,
    ...nested.map((p) => p.line),
    ...invisible.map((p) => p.line),
    ...issues.flatMap((i) => describeIssue(input, i)),
    ...credentials.map((p) => p.line),
  ];
  if (problems.length > 0 || !result.success) throw new InvalidDefinitionError("stack configuration", problems);
  return result.data;
}
