import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { receiversFor } from "../model/routing-match";

/**
 * What an alert instance carries into Grafana's Alertmanager, and where it goes: used alike by the
 * behaviour diff (per rule) and the incident replay (per firing series).
 */

export type { Labels } from "../model/labels";
import type { Labels } from "../model/labels";

/** The rule facts routing depends on. */
export interface RoutedRule {
  title: string;
  labels?: Labels;
  /** A rule's own contact point (`notification_settings.receiver`), if it has one. */
  receiver?: string;
}

/** The series' labels, the rule's labels, and the two Grafana adds: alertname (the rule title) and grafana_folder. */
export function routedLabels(rule: RoutedRule, folderTitle: string, series: Labels = {}): Labels {
  return { ...series, ...(rule.labels ?? {}), alertname: rule.title, grafana_folder: folderTitle };
}

/**
 * Receivers an instance with these labels reaches. A rule with its own contact point bypasses the
 * policy tree (Grafana's simplified routing sends it to that contact point only); without a tree, none.
 */
export function receiversOf(rule: RoutedRule, labels: Labels, policy: alerting.NotificationPolicy | undefined): string[] {
  if (rule.receiver) return [rule.receiver];
  return policy ? receiversFor(policy, labels) : [];
}

/** The receiver fields of a Grafana rule as routing reads them. */
export function routedRule(rule: Pick<alerting.Rule, "title" | "labels" | "notification_settings">): RoutedRule {
  const receiver = rule.notification_settings?.receiver;
  return { title: rule.title, labels: rule.labels ?? {}, ...(receiver ? { receiver } : {}) };
}
