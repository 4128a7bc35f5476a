import { EXAMPLE_STACK_FILE } from "../config/paths";
import { parseConfig } from "../config/schema";
import { readStackFile } from "../config/stack-file";
import { renderArtifacts } from "../emit/files/artifacts";
import { type AlertSummary, readAlertingSnapshot } from "./alert-snapshot";
import { routeOf } from "./behaviour-diff";

/**
 * The alert catalogue as the example stack builds it, read back from its rendered provisioning
 * files: the generated table of docs/alerts.md (`npm run docs`), and the catalogue the tests of
 * routing and of the Pulumi program derive their cases from. Adding an alert file adds its row.
 */

export interface CatalogueEntry extends AlertSummary {
  /** Its contact point in the stack that declares it. */
  route: string;
  /** Set when only a stack variant declares it (e.g. the fallback without Synthetic Monitoring). */
  onlyWhen?: string;
}

function snapshotOf(raw: Record<string, unknown>) {
  return readAlertingSnapshot([...renderArtifacts(raw)].filter(([path]) => path.startsWith("alerting/")));
}

function alertsOf(raw: Record<string, unknown>): CatalogueEntry[] {
  const snapshot = snapshotOf(raw);
  return snapshot.alerts.filter((a) => a.record === undefined).map((a) => ({ ...a, route: routeOf(a, snapshot.policy) }));
}

/** Stack variants that declare alerts the example does not. */
const VARIANTS: Array<{ when: string; override: Record<string, unknown> }> = [
  { when: "syntheticMonitoring.enabled is false", override: { "pizza-observability:syntheticMonitoring": { enabled: false } } },
];

/** Every alerting rule a stack file can declare: its own, then those only a variant of it declares. Sorted by uid. */
export function alertCatalogue(raw: Record<string, unknown> = readStackFile(EXAMPLE_STACK_FILE)): CatalogueEntry[] {
  const entries = alertsOf(raw);
  for (const v of VARIANTS) {
    for (const a of alertsOf({ ...raw, ...v.override })) {
      if (!entries.some((e) => e.uid === a.uid)) entries.push({ ...a, onlyWhen: v.when });
    }
  }
  return entries.sort((a, b) => a.uid.localeCompare(b.uid));
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function code(text: string): string {
  return `\`${cell(text)}\``;
}

/** The markdown table of docs/alerts.md. */
export function alertCatalogueTable(entries: CatalogueEntry[] = alertCatalogue()): string {
  const lines = [
    "| alert (uid, group, interval) | query | condition | pending / keep firing | severity | category | contact point | runbook |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const a of entries) {
    const queries = Object.entries(a.queries);
    const query = queries.length === 1 ? code(queries[0][1]) : queries.map(([ref, q]) => `${ref}: ${code(q)}`).join("<br>");
    const only = a.onlyWhen ? `; only when ${a.onlyWhen}` : "";
    lines.push(
      [
        `\`${a.uid}\` (${a.group}, every ${a.interval}${only})`,
        query,
        cell(a.threshold),
        `${a.pending} / ${a.keepFiringFor === "0s" ? "–" : a.keepFiringFor}`,
        a.labels.severity ?? "",
        a.labels.category ?? "",
        a.route,
        `[runbook](../runbooks/${a.uid}.md)`,
      ]
        .join(" | ")
        .replace(/^/, "| ")
        .replace(/$/, " |"),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** The markdown table of docs/alerts.md's recording rules: each series, the key naming it, its rule, interval and query. */
export function recordingRulesTable(raw: Record<string, unknown> = readStackFile(EXAMPLE_STACK_FILE)): string {
  const recorded = Object.entries(parseConfig(raw).telemetry.recorded);
  const lines = ["| series | named by | rule (every) | LogQL |", "|---|---|---|---|"];
  for (const r of snapshotOf(raw).alerts.filter((a) => a.record !== undefined)) {
    const key = recorded.find(([, metric]) => metric === r.record)?.[0];
    const queries = Object.values(r.queries);
    lines.push(
      `| \`${r.record}\` | ${key ? `\`telemetry.recorded.${key}\`` : ""} | \`${r.uid}\` (${r.interval}) | ${queries.map(code).join("<br>")} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}
