import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { durationSeconds } from "../../config/durations";
import { wireTimeInterval } from "../../config/time-intervals";

/**
 * Grafana file-provisioning documents (apiVersion 1) of the stack's alerting objects: the format
 * reviewers diff in rendered/, and one Grafana can load from its provisioning/alerting folder.
 */

const ORG_ID = 1;

/**
 * Keys as Grafana's file format reads them (`pkg/services/provisioning/alerting/rules_types.go`,
 * AlertRuleV1): `keepFiringFor` and `missing_series_evals_to_resolve` as spelt there; a recording
 * rule's `condition` is its `record.from` (versions before recording-rule support in files reject
 * a rule without a condition; later ones clear it); `record` holds `metric`, `from` and
 * `targetDatasourceUid`, which versions without that field ignore, writing to
 * `[recording_rules] default_datasource_uid` instead.
 */
export function ruleGroupDocument(group: alerting.RuleGroup, folderTitle: string) {
  return {
    apiVersion: 1,
    groups: [
      {
        orgId: ORG_ID,
        name: group.title,
        folder: folderTitle,
        interval: `${group.interval}s`,
        rules: (group.rules ?? []).map((r) => ({
          uid: r.uid,
          title: r.title,
          condition: r.record ? r.record.from : r.condition,
          data: r.data.map((q) => ({
            refId: q.refId,
            queryType: q.queryType,
            relativeTimeRange: q.relativeTimeRange ?? { from: 0, to: 0 },
            datasourceUid: q.datasourceUid,
            model: q.model,
          })),
          // Grafana ignores these on a recording rule; omitting them keeps the file truthful.
          noDataState: r.record ? undefined : r.noDataState,
          execErrState: r.record ? undefined : r.execErrState,
          for: r.record ? undefined : r.for,
          keepFiringFor: r.record ? undefined : r.keep_firing_for,
          missing_series_evals_to_resolve: r.record ? undefined : r.missingSeriesEvalsToResolve,
          annotations: r.annotations,
          labels: r.labels,
          isPaused: r.isPaused ?? false,
          notification_settings: r.record ? undefined : r.notification_settings,
          record: r.record && { metric: r.record.metric, from: r.record.from, targetDatasourceUid: r.record.target_datasource_uid },
        })),
      },
    ],
  };
}

/** A rule group as a provisioning file holds it (what ruleGroupDocument writes; older files' `keep_firing_for` read too). */
export interface RuleGroupDocumentGroup {
  name: string;
  folder?: string;
  interval?: string;
  rules?: Array<{
    uid?: string;
    title: string;
    condition: string;
    data?: Array<{
      refId: string;
      queryType?: string;
      relativeTimeRange?: { from: number; to: number };
      datasourceUid: string;
      model: unknown;
    }>;
    noDataState?: alerting.Rule["noDataState"];
    execErrState?: alerting.Rule["execErrState"];
    for?: string;
    keepFiringFor?: string;
    keep_firing_for?: string;
    missing_series_evals_to_resolve?: number;
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
    isPaused?: boolean;
    notification_settings?: alerting.NotificationSettings;
    record?: { metric: string; from: string; targetDatasourceUid?: string };
  }>;
}

/**
 * ruleGroupDocument read back: the rule group a provisioning file declares, as the foundation SDK
 * holds it (the replay of another ref's rendered/ reads its rules this way). `interval` is Grafana's
 * duration (`30s`, `1m`), in seconds here; what the file does not carry (folder and org ids) stays unset.
 */
export function ruleGroupOfDocument(g: RuleGroupDocumentGroup): alerting.RuleGroup {
  return {
    title: g.name,
    ...(g.interval !== undefined && { interval: durationSeconds(g.interval) }),
    rules: (g.rules ?? []).map((r) => {
      const keep = r.keepFiringFor ?? r.keep_firing_for;
      const rule: alerting.Rule = {
        uid: r.uid,
        title: r.title,
        condition: r.condition,
        data: (r.data ?? []) as alerting.Query[],
        noDataState: r.noDataState ?? "NoData",
        execErrState: r.execErrState ?? "Error",
        for: r.for ?? "0s",
        folderUID: "",
        orgID: ORG_ID,
        ruleGroup: g.name,
        isPaused: r.isPaused ?? false,
        ...(keep !== undefined && { keep_firing_for: keep }),
        ...(r.missing_series_evals_to_resolve !== undefined && { missingSeriesEvalsToResolve: r.missing_series_evals_to_resolve }),
        ...(r.annotations && { annotations: r.annotations }),
        ...(r.labels && { labels: r.labels }),
        ...(r.notification_settings && { notification_settings: r.notification_settings }),
        ...(r.record && {
          record: {
            metric: r.record.metric,
            from: r.record.from,
            ...(r.record.targetDatasourceUid !== undefined && { target_datasource_uid: r.record.targetDatasourceUid }),
          },
        }),
      };
      return rule;
    }),
  };
}

export function contactPointsDocument(contactPoints: alerting.ContactPoint[]) {
  const names = [...new Set(contactPoints.map((cp) => cp.name ?? ""))].sort();
  return {
    apiVersion: 1,
    contactPoints: names.map((name) => ({
      orgId: ORG_ID,
      name,
      receivers: contactPoints
        .filter((cp) => cp.name === name)
        .map((cp) => ({ uid: cp.uid, type: cp.type, settings: cp.settings, disableResolveMessage: cp.disableResolveMessage ?? false })),
    })),
  };
}

export function policiesDocument(policy: alerting.NotificationPolicy) {
  return { apiVersion: 1, policies: [{ orgId: ORG_ID, ...policy }] };
}

export function templatesDocument(templates: alerting.NotificationTemplate[]) {
  return { apiVersion: 1, templates: templates.map((t) => ({ orgId: ORG_ID, name: t.name, template: t.template })) };
}

export function muteTimingsDocument(muteTimings: alerting.MuteTiming[]) {
  return {
    apiVersion: 1,
    muteTimes: muteTimings.map((t) => ({ orgId: ORG_ID, name: t.name, time_intervals: (t.time_intervals ?? []).map(wireTimeInterval) })),
  };
}
