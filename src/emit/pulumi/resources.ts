import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import * as pulumi from "@pulumi/pulumi";
import * as grafana from "@pulumiverse/grafana";
import { OnCallIntegrationLink } from "../../model/oncall-link";
import { Secret } from "../../config/secret";
import { InvalidDefinitionError } from "../../config/errors";
import { wireTimeInterval } from "../../config/time-intervals";

/**
 * The thin layer from foundation-SDK objects to @pulumiverse/grafana resources.
 * It translates field names only; what to deploy is decided in alerts/, contact-points/ and dashboards/.
 */

type RuleGroupRuleArgs = grafana.types.input.alerting.RuleGroupRule;
type PolicyArgs = grafana.types.input.alerting.NotificationPolicyPolicy;

/** Secrets become Pulumi secrets here, and nowhere else; so does the OnCall integration's link. */
function deployable(value: unknown, onCallLink?: pulumi.Output<string>): unknown {
  if (value instanceof Secret) return pulumi.secret(value.reveal());
  if (value instanceof OnCallIntegrationLink) {
    if (!onCallLink) throw new Error("a contact point posts to the Grafana OnCall integration, but none is declared");
    return pulumi.secret(onCallLink);
  }
  if (Array.isArray(value)) return value.map((v) => deployable(v, onCallLink));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deployable(v, onCallLink)]));
  }
  return value;
}

/** Whether a definition posts to the OnCall integration's link (which only a declared integration provides). */
export function usesOnCallLink(value: unknown): boolean {
  if (value instanceof OnCallIntegrationLink) return true;
  if (value instanceof Secret || value === null || typeof value !== "object") return false;
  return Object.values(value).some(usesOnCallLink);
}

export function ruleArgs(rule: alerting.Rule): RuleGroupRuleArgs {
  const settings = rule.notification_settings;
  // Grafana clears condition, for and the state mappings of a recording rule; sending them would
  // show as a diff on every `pulumi up`.
  const alerting = !rule.record && {
    condition: rule.condition,
    for: rule.for,
    keepFiringFor: rule.keep_firing_for,
    noDataState: rule.noDataState,
    execErrState: rule.execErrState,
  };
  return {
    name: rule.title,
    uid: rule.uid,
    ...alerting,
    isPaused: rule.isPaused ?? false,
    labels: rule.labels,
    annotations: rule.annotations,
    record: rule.record && {
      from: rule.record.from,
      metric: rule.record.metric,
      targetDatasourceUid: rule.record.target_datasource_uid,
    },
    notificationSettings: settings && {
      contactPoint: settings.receiver,
      groupBies: settings.group_by,
      groupWait: settings.group_wait,
      groupInterval: settings.group_interval,
      repeatInterval: settings.repeat_interval,
      muteTimings: settings.mute_time_intervals,
      activeTimings: settings.active_time_intervals,
    },
    datas: rule.data.map((q) => ({
      refId: q.refId ?? "",
      datasourceUid: q.datasourceUid ?? "",
      queryType: q.queryType ?? "",
      relativeTimeRange: { from: q.relativeTimeRange?.from ?? 0, to: q.relativeTimeRange?.to ?? 0 },
      model: JSON.stringify(q.model),
    })),
  };
}

/** Provider argument holding the integrations of each Grafana contact point type. */
const INTEGRATION_FIELD: Record<alerting.ContactPoint["type"] | "oncall", keyof grafana.alerting.ContactPointArgs> = {
  alertmanager: "alertmanagers",
  dingding: "dingdings",
  discord: "discords",
  email: "emails",
  googlechat: "googlechats",
  kafka: "kafkas",
  line: "lines",
  oncall: "oncalls",
  opsgenie: "opsgenies",
  pagerduty: "pagerduties",
  pushover: "pushovers",
  sensugo: "sensugos",
  slack: "slacks",
  teams: "teams",
  telegram: "telegrams",
  threema: "threemas",
  victorops: "victorops",
  webhook: "webhooks",
  wecom: "wecoms",
};

function integrationArgs(cp: alerting.ContactPoint, onCallLink?: pulumi.Output<string>): Record<string, unknown> {
  const settings = { ...(cp.settings as Record<string, unknown>) };
  // Grafana stores email addresses as one ';'-separated string; the provider takes a list.
  if (cp.type === "email" && typeof settings.addresses === "string") settings.addresses = settings.addresses.split(/[;,]/);
  return { uid: cp.uid, disableResolveMessage: cp.disableResolveMessage ?? false, ...(deployable(settings, onCallLink) as object) };
}

/** Integrations sharing a name form one Grafana contact point. */
export function contactPointArgs(
  name: string,
  integrations: alerting.ContactPoint[],
  onCallLink?: pulumi.Output<string>,
): grafana.alerting.ContactPointArgs {
  const args: Record<string, unknown[]> = {};
  for (const cp of integrations) (args[INTEGRATION_FIELD[cp.type]] ??= []).push(integrationArgs(cp, onCallLink));
  return { name, ...args };
}

function policyArgs(p: alerting.NotificationPolicy): PolicyArgs {
  return {
    contactPoint: p.receiver,
    matchers: (p.object_matchers ?? []).map(([label, match, value]) => ({ label, match, value })),
    continue: p.continue,
    groupBies: p.group_by,
    groupWait: p.group_wait,
    groupInterval: p.group_interval,
    repeatInterval: p.repeat_interval,
    muteTimings: p.mute_time_intervals,
    activeTimings: p.active_time_intervals,
    policies: p.routes?.map(policyArgs),
  };
}

export function notificationPolicyArgs(root: alerting.NotificationPolicy): grafana.alerting.NotificationPolicyArgs {
  const { contactPoint, groupBies, groupWait, groupInterval, repeatInterval, policies } = policyArgs(root);
  return { contactPoint: contactPoint ?? "", groupBies: groupBies ?? [], groupWait, groupInterval, repeatInterval, policies };
}

/** Probe ids of the check's probe names, from the map the provider's getProbes returns (name -> id). */
export function probeIds(names: readonly string[], known: Record<string, number>): number[] {
  const unknown = names.filter((name) => known[name] === undefined);
  if (unknown.length > 0) {
    throw new InvalidDefinitionError(
      "stack configuration",
      unknown.map(
        (name) =>
          `pizza-observability:syntheticMonitoring.probes: no Synthetic Monitoring probe named ${name} (known: ${Object.keys(known).sort().join(", ")})`,
      ),
    );
  }
  return names.map((name) => known[name]);
}

export function muteTimingArgs(t: alerting.MuteTiming): grafana.alerting.MuteTimingArgs {
  return {
    name: t.name,
    intervals: (t.time_intervals ?? []).map((ti) => {
      const w = wireTimeInterval(ti);
      return {
        times: w.times?.map((x) => ({ start: x.start_time, end: x.end_time })),
        weekdays: w.weekdays,
        daysOfMonths: w.days_of_month,
        months: w.months,
        years: w.years,
        location: w.location,
      };
    }),
  };
}

export interface StackOutputs {
  folderUid: pulumi.Output<string>;
  dashboardUrls: pulumi.Output<Record<string, string>>;
}
