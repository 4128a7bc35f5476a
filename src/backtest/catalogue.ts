import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { EXAMPLE_STACK_FILE, REPO_ROOT } from "../config/paths";
import { durationSeconds } from "../config/durations";
import { EXPRESSION_DATASOURCE } from "../model/rules";
import { renderArtifacts } from "../emit/files/artifacts";
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
  groups?: Array<{ name: string; folder?: string; interval?: string; rules?: alerting.Rule[] }>;
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
      for (const rule of g.rules ?? []) rules.push({ rule, group: g.name, folder: g.folder ?? "", intervalSeconds });
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

const ALERTING_DIR = "rendered/alerting/";

function git(args: string[]): string {
  return execFileSync("git", args, { cwd: REPO_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
}

function verifiedRef(ref: string): void {
  try {
    git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new Error(`unknown git ref "${ref}": expected a branch, tag or commit (e.g. origin/main, HEAD~1)`);
  }
}

/** The catalogue committed at a git ref: its rendered/alerting/ (rendered from Pulumi.example.yaml, kept fresh by a test). */
export function committedCatalogueAtRef(ref: string): Catalogue {
  verifiedRef(ref);
  const paths = git(["ls-tree", "-r", "--name-only", ref, "--", ALERTING_DIR]).split("\n").filter((p) => p.endsWith(".yaml"));
  if (paths.length === 0) throw new Error(`${ref} has no ${ALERTING_DIR}*.yaml to backtest`);
  return readCatalogue(ref, paths.map((p): [string, string] => [p, git(["show", `${ref}:${p}`])]));
}

/**
 * The catalogue of a git ref's definitions for a stack: the ref's tree (git archive) rendered with
 * its own `npm run render` from the given stack file. For the example stack, its committed rendered/.
 */
export function catalogueAtRef(ref: string, stackFile: string): Catalogue {
  if (resolve(stackFile) === resolve(EXAMPLE_STACK_FILE)) return committedCatalogueAtRef(ref);
  verifiedRef(ref);
  const dir = mkdtempSync(join(tmpdir(), "pizza-backtest-ref-"));
  try {
    const tree = join(dir, "tree");
    const out = join(dir, "rendered");
    execFileSync("sh", ["-c", 'mkdir -p "$1" && git archive --format=tar "$2" | tar -x -C "$1"', "sh", tree, ref], { cwd: REPO_ROOT, stdio: ["ignore", "ignore", "pipe"] });
    symlinkSync(join(REPO_ROOT, "node_modules"), join(tree, "node_modules"));
    const r = spawnSync(process.execPath, [require.resolve("tsx/cli"), "src/cli/render.ts", "--stack-file", resolve(stackFile), "--out", out], { cwd: tree, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`cannot render ${ref}'s definitions from ${stackFile}:\n${`${r.stdout}${r.stderr}`.trim().slice(0, 2000)}`);
    const alerting = join(out, "alerting");
    return readCatalogue(ref, readdirSync(alerting).filter((f) => f.endsWith(".yaml")).map((f): [string, string] => [f, readFileSync(join(alerting, f), "utf8")]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
    else throw new Error(`rule ${rule.uid}: query ${q.refId} reads datasource ${q.datasourceUid}, which is neither the stack's Loki (${datasources.loki}) nor its Prometheus (${datasources.prometheus})`);
  }
  return kinds;
}
