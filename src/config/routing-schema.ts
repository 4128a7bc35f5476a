import { z } from "zod";
import { coversAllTime, type RangeKind, rangeProblem } from "./time-intervals";
import { numeric, timeZoneProblem } from "./values";

/** Where notifications go (`contacts`), when they are muted (`routing`), OnCall's escalation and what a deploy may own. */

const email = z.email({ error: "expected an email address" });

export const contactsSchema = z.strictObject({
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

export const routingSchema = z.strictObject({
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

export const escalationSchema = z.strictObject({
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

export const deploymentSchema = z.strictObject({
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
