import { isDeepStrictEqual } from "node:util";
import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import type { AlertingSnapshot, AlertSummary } from "./alert-snapshot";
import { receiversFor } from "./routing-match";

export const NO_CHANGES = "no behaviour changes";

/** Receivers the alert reaches: its labels plus the two Grafana adds to every alert instance. */
export function routeOf(alert: AlertSummary, policy: alerting.NotificationPolicy | undefined): string {
  if (!policy) return "(no notification policy)";
  return receiversFor(policy, { ...alert.labels, alertname: alert.title, grafana_folder: alert.folder }).join(", ");
}

function severityOf(alert: AlertSummary): string {
  return alert.labels.severity ?? "(none)";
}

function labelsText(labels: Record<string, string>): string {
  const pairs = Object.entries(labels).filter(([name]) => name !== "severity");
  return pairs.length ? pairs.map(([k, v]) => `${k}=${v}`).join(", ") : "(none)";
}

/** One line per behaviour-relevant field that differs, in a fixed order. */
function changedFields(before: AlertSummary, after: AlertSummary, beforeRoute: string, afterRoute: string): string[] {
  const lines: string[] = [];
  const field = (name: string, a: string, b: string) => {
    if (a !== b) lines.push(`${name}: ${a} -> ${b}`);
  };
  field("title", before.title, after.title);
  if (before.record !== after.record) lines.push(`recording rule: ${before.record ?? "(alerting)"} -> ${after.record ?? "(alerting)"}`);
  for (const refId of [...new Set([...Object.keys(before.queries), ...Object.keys(after.queries)])].sort()) {
    const [a, b] = [before.queries[refId], after.queries[refId]];
    if (a === b) continue;
    lines.push(`query ${refId}:`, `  - ${a ?? "(none)"}`, `  + ${b ?? "(none)"}`);
  }
  field("threshold", before.threshold, after.threshold);
  field("pending period", before.pending, after.pending);
  field("keep firing for", before.keepFiringFor, after.keepFiringFor);
  field("evaluated every", before.interval, after.interval);
  field("severity", severityOf(before), severityOf(after));
  field("route", beforeRoute, afterRoute);
  field("other labels", labelsText(before.labels), labelsText(after.labels));
  field("no data", before.noDataState, after.noDataState);
  field("query error", before.execErrState, after.execErrState);
  field("paused", String(before.paused), String(after.paused));
  field("rule group", before.group, after.group);
  field("folder", before.folder, after.folder);
  return lines;
}

function headline(alert: AlertSummary): string {
  return `${alert.uid} (${alert.title})`;
}

function addedSummary(alert: AlertSummary, policy: alerting.NotificationPolicy | undefined): string {
  if (alert.record !== undefined) return `recording rule ${alert.record}, evaluated every ${alert.interval}`;
  return `severity ${severityOf(alert)}, route ${routeOf(alert, policy)}, threshold ${alert.threshold}, pending ${alert.pending}`;
}

/**
 * What changes in behaviour from one snapshot of the alerting definitions to another, one block per
 * alert, sorted by uid: `+` added, `-` removed, `~` changed. Pure: the CLI (src/cli/diff.ts) feeds it.
 */
export function behaviourDiff(before: AlertingSnapshot, after: AlertingSnapshot): string[] {
  const beforeByUid = new Map(before.alerts.map((a) => [a.uid, a]));
  const afterByUid = new Map(after.alerts.map((a) => [a.uid, a]));
  const uids = [...new Set([...beforeByUid.keys(), ...afterByUid.keys()])].sort();
  const blocks: string[] = [];
  for (const uid of uids) {
    const [a, b] = [beforeByUid.get(uid), afterByUid.get(uid)];
    if (a && !b) blocks.push(`- ${headline(a)}`);
    else if (!a && b) blocks.push(`+ ${headline(b)} ${addedSummary(b, after.policy)}`);
    else if (a && b) {
      const lines = changedFields(a, b, routeOf(a, before.policy), routeOf(b, after.policy));
      if (lines.length) blocks.push([`~ ${headline(b)}`, ...lines.map((l) => `    ${l}`)].join("\n"));
    }
  }
  if (!isDeepStrictEqual(before.policy, after.policy)) {
    blocks.push("~ notification policy tree (timings or routes; the routes above already reflect it)");
  }
  return blocks;
}

export function formatBehaviourDiff(blocks: string[]): string {
  return blocks.length ? `${blocks.join("\n")}\n` : `${NO_CHANGES}\n`;
}
