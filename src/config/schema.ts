import { z } from "zod";
import { InvalidDefinitionError } from "./errors";
import { ENCRYPTED_PLACEHOLDER, Secret } from "./secret";
import { GRAFANA_URL_KEY, plaintextCredentialProblems, PROJECT, SECRET_KEYS, type SecretKey, type SecretSource, unknownKeyProblems } from "./keys";
import { parseDuration } from "./durations";
import { type RangeKind, rangeProblem } from "./time-intervals";
import { httpUrl, labelName, labelValue, literal, metricName, NUMBER_MESSAGE, numeric, pendingPeriod, re2Regex, templateFreeUrl, uid, window, hasUserinfo, withoutUserinfo } from "./values";

const threshold = numeric(z.number().nonnegative("expected a number >= 0"));
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
  /** Value of the service's source label on metrics and logs. */
  // Dashboards offer it as a Grafana custom variable, which splits values on "," and " : ".
  source: labelValue
    .refine((v) => !v.includes(",") && !v.includes(" : "), 'must not contain "," or " : " (Grafana custom variables split on them)')
    .default("jwt-pizza-service"),
  /** Label carrying `source` on every metric data point. */
  metricSourceLabel: labelName.default("source"),
  logs: z
    .strictObject({
      /** Loki stream label carrying `source` (`component` in most deployments, `source` in some). */
      sourceLabel: labelName.default("component"),
      typeLabel: labelName.default("type"),
      /** Value of the type label on HTTP request lines (`http`, or `http-req` in some deployments). */
      httpType: labelValue.default("http"),
      /** Literal texts of the log lines the service writes when it fails to ship its metrics. */
      metricSendErrors: z
        .array(literal)
        .min(1, "expected at least one pattern")
        .default(["Failed to send metric", "ECONNRESET", "UND_ERR_CONNECT_TIMEOUT"]),
      /** Stream label carrying the line's log level (`info`, `warn`, `error`). */
      levelLabel: labelName.default("level"),
      /** Value of the level label on error lines (HTTP status >= 500 among them). */
      errorLevel: labelValue.default("error"),
    })
    .prefault({}),
  metrics: z
    .strictObject({
      requests: metricName.default("requests_total"),
      pizzasSold: metricName.default("pizzas_sold_total"),
      orderFailures: metricName.default("pizza_creation_failures_total"),
      revenue: metricName.default("pizza_revenue_USD_total"),
      factoryLatency: metricName.default("pizza_creation_latency_milliseconds"),
      requestLatency: metricName.default("request_latency_milliseconds"),
      cpu: metricName.default("cpu_percent"),
      memory: metricName.default("memory_percent"),
      activeUsers: metricName.default("active_users_ratio"),
    })
    .prefault({}),
  /** Names of the series the `recording` rule group writes from the logs into Prometheus. */
  recorded: z
    .strictObject({
      orderRequests: metricName.default("pizza:order_requests:count1m"),
      orderFailures: metricName.default("pizza:order_failures:count1m"),
      httpRequests: metricName.default("pizza:http_requests:count1m"),
      metricSendFailures: metricName.default("pizza:metric_send_failures:count1m"),
    })
    .prefault({}),
});
export type Telemetry = z.output<typeof telemetrySchema>;

const thresholdsSchema = z.strictObject({
  order5xx: z
    .strictObject({
      /** Fires when more than this many 5xx lines are seen in `window`. */
      count: threshold.default(2),
      // 2m at a 60 s interval: this LogQL rule re-reads 2x the HTTP stream (LogQL cost budget, docs/alerts.md).
      window: window.default("2m"),
      pendingPeriod: pendingPeriod.default("0s"),
    })
    .prefault({}),
  /** The page on failing orders, from the service's own counters (pizza_creation_failures_total / requests_total). */
  orderFailures: z
    .strictObject({
      /** At least this many failed orders in a window... */
      minFailures: threshold.default(2),
      /** ...and at least this share of the window's orders failed. */
      failureRatio: ratio.default(0.3),
      /** Normal traffic: the window that pages within a minute. */
      fastWindow: window.default("1m"),
      /** Low traffic (an order every 2 minutes): the window that still sees two orders. */
      slowWindow: window.default("5m"),
      /** Keeps the page one episode while orders keep failing now and then within the incident. */
      keepFiringFor: pendingPeriod.default("2m"),
    })
    .prefault({}),
  /** The service's request log lines stopped arriving while its metrics show traffic (log-shipping outage). */
  logsAbsent: z
    .strictObject({
      window: window.default("90s"),
      pendingPeriod: pendingPeriod.default("0s"),
    })
    .prefault({}),
  metricIngestion: z
    .strictObject({
      /** Fires when more than this many metric-shipping error lines are logged in `window`. */
      count: threshold.default(20),
      window: window.default("5m"),
      pendingPeriod: pendingPeriod.default("0s"),
    })
    .prefault({}),
  metricsAbsent: z
    .strictObject({
      /** The request metric has had no sample for this long while the logs still show traffic. */
      window: window.default("90s"),
      pendingPeriod: pendingPeriod.default("0s"),
    })
    .prefault({}),
  availability: z
    .strictObject({
      /** Fires when fewer than this share of probe locations succeeded in their latest check (within `window`). */
      successRatio: ratio.default(0.5),
      /** How far back a location's latest result is looked up: above the probe frequency. */
      window: window.default("2m"),
      // Longer than any location stays failed after a restart of under a minute (one failed probe
      // per location, visible until its next run 60 s later), shorter than a crash needs to page in 3 minutes.
      pendingPeriod: pendingPeriod.default("70s"),
    })
    .prefault({}),
  trafficAbsent: z
    .strictObject({
      /** Fallback without Synthetic Monitoring: no HTTP log line at all for `window`. */
      window: window.default("5m"),
      pendingPeriod: pendingPeriod.default("2m"),
    })
    .prefault({}),
  cpu: z.strictObject({ percent: threshold.default(80), pendingPeriod: pendingPeriod.default("5m") }).prefault({}),
  memory: z.strictObject({ percent: threshold.default(85), pendingPeriod: pendingPeriod.default("5m") }).prefault({}),
  factoryLatency: z
    .strictObject({
      /** The factory answers in under a second when healthy; throttling chaos holds it 30 s+. */
      milliseconds: threshold.default(10000),
      pendingPeriod: pendingPeriod.default("2m"),
    })
    .prefault({}),
});

const burnRate = (factor: number, longWindow: string, shortWindow: string, pending: string) =>
  z
    .strictObject({
      /** How many times faster than sustainable the error budget burns. */
      factor: numeric(z.number().gt(0, "expected a burn factor above 0")).default(factor),
      longWindow: window.default(longWindow),
      shortWindow: window.default(shortWindow),
      pendingPeriod: pendingPeriod.default(pending),
    })
    .prefault({});

/** Order success SLO: share of POST /api/order answered without a 5xx, over 30 days. */
const sloSchema = z.strictObject({
  objectivePercent: numeric(
    z
      .number()
      .gt(0, "expected a percentage above 0 and below 100, such as 99.9")
      .lt(100, "expected a percentage above 0 and below 100, such as 99.9"),
  ).default(99.9),
  /** Fewer failed orders than this in a burn alert's short window never alert (low-traffic guard). */
  minFailures: threshold.default(2),
  // 1h/5m x14.4 (SRE workbook); 7m pending outlasts the 5m short window after a 45 s restart
  // (which keeps it burning ~6 minutes), so restarts never page; pizza-order-failures pages first.
  fastBurn: burnRate(14.4, "1h", "5m", "7m"),
  slowBurn: burnRate(6, "6h", "30m", "5m"),
});

/** The service's health endpoint, probed by Grafana Synthetic Monitoring from outside. */
const syntheticMonitoringSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** GET target; `GET /` answers {"message":"welcome to JWT Pizza","version":...}. Required when enabled. */
  url: plainUrl.optional(),
  /** The check's job name: the `job` label of its probe_success series. */
  job: labelValue.default("pizza-api-health"),
  /** Public probe names, resolved to ids at deploy time by the provider's getProbes data source. */
  probes: z
    .array(z.string().regex(/^[A-Za-z0-9_-]+$/, "expected a probe name such as Frankfurt"))
    .min(1, "expected at least one probe")
    .default(["Atlanta", "Frankfurt", "Singapore"]),
  frequencySeconds: numeric(z.number().int().min(1, "expected 1 to 3600 seconds").max(3600, "expected 1 to 3600 seconds")).default(60),
  timeoutSeconds: numeric(z.number().int().min(1, "expected 1 to 180 seconds").max(180, "expected 1 to 180 seconds")).default(10),
  /** The check fails unless the response body matches this regular expression. */
  bodyRegex: re2Regex.default("welcome to JWT Pizza"),
});

/** Rule groups whose evaluation interval may differ from `alerting.evaluationIntervalSeconds`. */
export const ALERT_GROUPS = ["orders", "errors", "slo", "availability", "telemetry", "saturation", "latency", "meta"] as const;
export type AlertGroup = (typeof ALERT_GROUPS)[number];
/** Grafana's scheduler ticks every 10 s and rejects a group interval that is not a multiple of it. */
const intervalSeconds = numeric(
  z.number().int().min(10, { message: "expected at least 10 seconds", abort: true }).multipleOf(10, "expected a multiple of 10 seconds (Grafana's scheduler interval)"),
);
const email = z.email({ error: "expected an email address" });

const contactsSchema = z.strictObject({
  /** Default receiver: whatever no other route takes still reaches the team. */
  teamEmail: email,
  /**
   * How pages reach on-call: a webhook or PagerDuty (credential in the matching secret key), or Grafana OnCall declared by
   * this stack; `none` (staging) declares no on-call contact point and sends pages to the team channel.
   */
  onCall: z.enum(["webhook", "pagerduty", "grafana-oncall", "none"], { error: 'expected "webhook", "pagerduty", "grafana-oncall" or "none"' }),
  /** Slack channel of the team's ticket/warning notifications; the Slack contact point exists only with slackWebhookUrl. */
  slackChannel: z
    .string()
    .regex(/^[#@]?[a-z0-9][a-z0-9._-]{0,79}$/, "expected a Slack channel such as #pizza-alerts")
    .optional(),
  /** Observability ticket channel (telemetry trouble, failing queries); without it those go to the team channel. */
  observabilityEmail: email.optional(),
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
      z.strictObject({ start: hhmm, end: hhmm }).refine((t) => !HHMM.test(t.start) || !HHMM.test(t.end) || t.start < t.end, { message: "start must be before end", path: ["end"] }),
    )
    .optional(),
  weekdays: ranges("weekday").optional(),
  daysOfMonth: ranges("dayOfMonth").optional(),
  months: ranges("month").optional(),
  years: ranges("year").optional(),
  /** IANA time zone the times and days are in; UTC when unset. */
  location: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "expected an IANA time zone such as Europe/Berlin")
    .optional(),
});
/** Alertmanager matches an interval without times, weekdays, days, months or years at every moment. */
const timeIntervalSchema = timeIntervalFields.refine(
  (t) => [t.times, t.weekdays, t.daysOfMonth, t.months, t.years].some((f) => f !== undefined && f.length > 0),
  "an interval must set at least one of times, weekdays, daysOfMonth, months or years (an empty one mutes forever)",
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
    .refine((ts) => new Set(ts.map((t) => t.name)).size === ts.length, "mute timing names must be unique"),
});

/** Grafana OnCall usernames (as in OnCall's user list). */
const onCallUsernames = z.array(z.string().min(1, "is empty"));

const escalationSchema = z.strictObject({
  /** OnCall users paged first when contacts.onCall is grafana-oncall. */
  users: onCallUsernames.default([]),
  /** The second page: escalateTo is paged when a page is still unacknowledged after afterMinutes. */
  enabled: z.boolean().default(false),
  afterMinutes: numeric(z.number().int().min(1, "expected at least 1 minute").max(1440, "expected at most 1440 minutes")).default(15),
  escalateTo: onCallUsernames.default([]),
});

/**
 * What `pulumi up` may own in the Grafana org (docs/deploying.md "What `pulumi up` changes in your Grafana org").
 * rule-settings: every alert rule carries its route as notification settings; the org's policy tree is never touched.
 * policy-tree: the stack owns the org's one notification policy tree (a dedicated org only).
 */
export const ROUTING_MODES = ["rule-settings", "policy-tree"] as const;

const deploymentSchema = z.strictObject({
  routingMode: z.enum(ROUTING_MODES, { error: `expected one of ${ROUTING_MODES.join(", ")}` }).default("rule-settings"),
  /** Pulumi `protect` on what holds state or history: folder, rule groups, dashboards, OnCall integration. */
  protect: z.boolean({ error: "expected true or false" }).default(true),
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

const configSchema = z
  .strictObject({
    grafanaUrl: httpUrl.refine((u) => !hasUserinfo(u), "must not carry credentials; set the token with `pulumi config set --secret grafana:auth`"),
    folder: z.strictObject({ uid: uid.default("jwt-pizza-service"), title: z.string().min(1).default("JWT Pizza Service") }).prefault({}),
    datasources: z.strictObject({ loki: uid, prometheus: uid }),
    telemetry: telemetrySchema.prefault({}),
    alerting: z.strictObject({
      team: labelValue.default("pizza"),
      /** runbook_url of an alert is `<runbookBaseUrl>/<alert uid>.md`: where runbooks/ is browsable. */
      runbookBaseUrl: plainUrl,
      evaluationIntervalSeconds: intervalSeconds.default(60),
      /** Per rule group; a group not listed uses evaluationIntervalSeconds. */
      groupEvaluationIntervalSeconds: z
        .strictObject({
          // 10: the order-failure page reads the service's counters (pushed every 10 s); each 10 s of
          // interval is up to 10 s more before on-call hears (replay: median/worst in docs/replay-scenarios.md).
          orders: intervalSeconds.default(10),
          errors: intervalSeconds.optional(),
          slo: intervalSeconds.default(30),
          availability: intervalSeconds.default(10),
          // 30: the recorded send-failure counts land once a minute; evaluating twice a minute detects
          // the telemetry outage within 3 minutes whatever the phase (replay: 120-170 s; every 60 s: up to 200 s).
          telemetry: intervalSeconds.default(30),
          saturation: intervalSeconds.optional(),
          latency: intervalSeconds.optional(),
          meta: intervalSeconds.optional(),
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
    onCallWebhookUrl: secretUrl.optional(),
    pagerDutyIntegrationKey: secret.optional(),
    /** Slack incoming webhook of the team channel; without it the team channel is the team email. */
    slackWebhookUrl: secretUrl.optional(),
    /** Dead-man's-switch URL the always-firing watchdog keeps calling. */
    heartbeatUrl: secretUrl,
  })
  .superRefine((c, ctx) => {
    feasibilityIssues(c).forEach((issue) => ctx.addIssue({ code: "custom", ...issue }));
    if (c.syntheticMonitoring.enabled && !c.syntheticMonitoring.url) {
      ctx.addIssue({ code: "custom", path: ["syntheticMonitoring", "url"], message: "the health check needs a URL when syntheticMonitoring.enabled is true" });
    }
    if (c.syntheticMonitoring.timeoutSeconds > c.syntheticMonitoring.frequencySeconds) {
      ctx.addIssue({ code: "custom", path: ["syntheticMonitoring", "timeoutSeconds"], message: "expected at most frequencySeconds" });
    }
    const onCallSecret: Partial<Record<Config["contacts"]["onCall"], SecretKey>> = { webhook: "onCallWebhookUrl", pagerduty: "pagerDutyIntegrationKey" };
    const needed = onCallSecret[c.contacts.onCall];
    if (needed && !c[needed]) {
      ctx.addIssue({ code: "custom", path: [needed], message: `is required when contacts.onCall is "${c.contacts.onCall}"` });
    }
    if (c.contacts.slackChannel && !c.slackWebhookUrl) {
      ctx.addIssue({ code: "custom", path: ["slackWebhookUrl"], message: "is required when contacts.slackChannel is set" });
    }
    const oncall = c.contacts.onCall === "grafana-oncall";
    if (oncall && c.escalation.users.length === 0) {
      ctx.addIssue({ code: "custom", path: ["escalation", "users"], message: 'expected at least one OnCall username when contacts.onCall is "grafana-oncall"' });
    }
    if (c.escalation.enabled && !oncall) {
      ctx.addIssue({ code: "custom", path: ["escalation", "enabled"], message: 'escalation needs contacts.onCall "grafana-oncall"' });
    }
    if (c.escalation.enabled && c.escalation.escalateTo.length === 0) {
      ctx.addIssue({ code: "custom", path: ["escalation", "escalateTo"], message: "expected at least one OnCall username when escalation.enabled is true" });
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
      issues.push({ path: ["slo", burn, "factor"], message: `can never fire: ${factor} x the ${+(budget * 100).toPrecision(6)}% error budget is 100% or more of orders failing; expected below ${+(1 / budget).toPrecision(6)}` });
    }
    const long = parseDuration(longWindow);
    const short = parseDuration(shortWindow);
    if (long.ok && short.ok && short.milliseconds >= long.milliseconds) {
      issues.push({ path: ["slo", burn, "shortWindow"], message: `expected shorter than longWindow (${longWindow})` });
    }
  }
  // The availability alert fires while the success ratio is below successRatio: never below 0.
  if (c.thresholds.availability.successRatio === 0) {
    issues.push({ path: ["thresholds", "availability", "successRatio"], message: "can never fire: the success ratio is never below 0; expected above 0" });
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
  return withoutUserinfo(JSON.stringify(value) ?? String(value));
}

function describeIssue(input: unknown, issue: z.core.$ZodIssue): string[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((k) => `${configKey([...issue.path, k])}: unknown key (check its spelling against Pulumi.example.yaml)`);
  }
  const value = valueAt(input, issue.path);
  if (value === undefined) return [`${configKey(issue.path)}: is required${issue.code === "custom" ? ` (${issue.message})` : ""}`];
  const isSecret = (SECRET_KEYS as readonly PropertyKey[]).includes(issue.path[0]);
  const shown = isSecret ? "" : ` (got ${shownValue(value)})`;
  const message = issue.code === "invalid_type" && issue.expected === "number" ? NUMBER_MESSAGE : issue.message;
  return [`${configKey(issue.path)}: ${message}${shown}`];
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

  const result = configSchema.safeParse(input);
  const problems = [...keyProblems, ...(result.success ? [] : result.error.issues.flatMap((i) => describeIssue(input, i)))];
  if (problems.length > 0 || !result.success) throw new InvalidDefinitionError("stack configuration", problems);
  return result.data;
}
