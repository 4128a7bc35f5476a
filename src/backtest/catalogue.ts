import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { durationSeconds } from "../config/durations";
import { EXPRESSION_DATASOURCE } from "../model/rules";
import { renderArtifacts } from "../emit/files/artifacts";
import { ruleGroupOfDocument, type RuleGroupDocumentGroup } from "../emit/files/provisioning";
import { committedRenderedFiles, renderedFilesAtRef } from "../emit/files/ref";
import type { WireTimeInterval } from "../config/time-intervals";

/**
 * The alert catalogue a backtest runs: rule groups and the notification policy tree, read from
 * Grafana's alerting provisioning files (rendered/alerting/), so the working tree (rendered in
 * memory from a stack file) and a git ref (its committed rendered/alerting/) read the same way.
 */

export interface CatalogueRule {
  rule: alerting.Rule;
  group: string;
  /** Folder title: the `grafana_folder` label of its alerts. */
  folder: string;
  intervalSeconds: number;
}

export interface Catalogue {
  /** Where it comes from: "working tree (Pulumi.example.yaml)" or "origin/main". */
  source: string;
  rules: CatalogueRule[];
  policy: alerting.NotificationPolicy;
  /** Mute timings by name. */
  muteTimings: Map<string, WireTimeInterval[]>;
}

interface ProvisioningDocument {
  groups?: RuleGroupDocumentGroup[];
  policies?: Array<alerting.NotificationPolicy & { orgId?: number }>;
  muteTimes?: Array<{ name: string; time_intervals?: WireTimeInterval[] }>;
}

export function readCatalogue(source: string, files: Iterable<[string, string]>): Catalogue {
  const rules: CatalogueRule[] = [];
  let policy: alerting.NotificationPolicy | undefined;
  const muteTimings = new Map<string, WireTimeInterval[]>();
  for (const [, text] of files) {
    const doc = parse(text) as ProvisioningDocument | null;
    for (const g of doc?.groups ?? []) {
      const intervalSeconds = durationSeconds(g.interval ?? "60s");
      // As the foundation SDK holds a rule (keepFiringFor, missing_series_evals_to_resolve read as the file spells them).
      for (const rule of ruleGroupOfDocument(g).rules ?? []) rules.push({ rule, group: g.name, folder: g.folder ?? "", intervalSeconds });
    }
    for (const m of doc?.muteTimes ?? []) muteTimings.set(m.name, m.time_intervals ?? []);
    if (doc?.policies?.length) {
      const { orgId: _orgId, ...tree } = doc.policies[0];
      policy = tree;
    }
  }
  if (!policy) throw new Error(`${source}: no notification policy tree in its alerting provisioning files`);
  return { source, rules: rules.sort((a, b) => (a.rule.uid ?? "").localeCompare(b.rule.uid ?? "")), policy, muteTimings };
}

function alertingFiles(files: Map<string, string>): Array<[string, string]> {
  return [...files].filter(([path]) => path.startsWith("alerting/") && path.endsWith(".yaml"));
}

/** The catalogue committed at a git ref: its rendered/alerting/ (rendered from Pulumi.example.yaml, kept fresh by a test). */
export function committedCatalogueAtRef(ref: string): Catalogue {
  return readCatalogue(ref, alertingFiles(committedRenderedFiles(ref)));
}

/** The catalogue of a git ref's definitions for a stack: the ref rendered with the given stack file (src/emit/files/ref.ts). */
export function catalogueAtRef(ref: string, stackFile: string): Catalogue {
  return readCatalogue(ref, alertingFiles(renderedFilesAtRef(ref, readFileSync(stackFile, "utf8"), stackFile)));
}

/** The working tree's catalogue, rendered in memory from a stack file's config. */
export function catalogueOfWorkingTree(rawConfig: Record<string, unknown>, source: string): Catalogue {
  const files = [...renderArtifacts(rawConfig)].filter(([path]) => path.startsWith("alerting/"));
  return readCatalogue(source, files);
}

export type QueryKind = "Prometheus" | "Loki";

/** The datasource kind of each query of a rule, from the stack's datasource uids; anything else is refused by name. */
export function queryKinds(rule: alerting.Rule, datasources: { loki: string; prometheus: string }): Map<string, QueryKind> {
  const kinds = new Map<string, QueryKind>();
  for (const q of rule.data) {
    if (q.datasourceUid === EXPRESSION_DATASOURCE) continue;
    if (q.datasourceUid === datasources.loki) kinds.set(q.refId ?? "", "Loki");
    else if (q.datasourceUid === datasources.prometheus) kinds.set(q.refId ?? "", "Prometheus");
    else
      throw new Error(
        `rule ${rule.uid}: query ${q.refId} reads datasource ${q.datasourceUid}, which is neither the stack's Loki (${datasources.loki}) nor its Prometheus (${datasources.prometheus})`,
      );
  }
  return kinds;
}
