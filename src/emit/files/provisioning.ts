import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { wireTimeInterval } from "../../config/time-intervals";

/**
 * Grafana file-provisioning documents (apiVersion 1) of the stack's alerting objects: the format
 * reviewers diff in rendered/, and one Grafana can load from its provisioning/alerting folder.
 */

const ORG_ID = 1;

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
          // Grafana ignores these on a recording rule; omitting them keeps the file truthful.
          condition: r.record ? undefined : r.condition,
          data: r.data.map((q) => ({
            refId: q.refId,
            queryType: q.queryType,
            relativeTimeRange: q.relativeTimeRange ?? { from: 0, to: 0 },
            datasourceUid: q.datasourceUid,
            model: q.model,
          })),
          noDataState: r.record ? undefined : r.noDataState,
          execErrState: r.record ? undefined : r.execErrState,
          for: r.record ? undefined : r.for,
          // camelCase here: Grafana's provisioning (rules_types.go, `yaml:"keepFiringFor"`) silently drops keep_firing_for.
          keepFiringFor: r.keep_firing_for,
          annotations: r.annotations,
          labels: r.labels,
          isPaused: r.isPaused ?? false,
          notification_settings: r.notification_settings,
          record: r.record,
        })),
      },
    ],
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
