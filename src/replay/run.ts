import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fixtures as buildFixtures, type Fixture, type Series } from "./fixtures";
import type { Config } from "../config/schema";
import { prometheusRuleFiles, ruleKind } from "../emit/files/prometheus-rules";
import { receiversFor } from "../review/routing-match";
import type { StackDefinition } from "../build/stack";
import { replayLogqlAlert, replayRecordingRules } from "./grafana-eval";
import type { Labels } from "./logql";
import { observeFirings, type Mismatch, type TestFileInput } from "./promtool";

export type EvaluatedBy = "promtool" | "logql-replay";

export interface AlertOutcome {
  uid: string;
  title: string;
  severity: string;
  category: string;
  evaluatedBy: EvaluatedBy;
  /** Evaluation times (seconds from the fixture's start) at which at least one instance fired. */
  firingSeconds: number[];
  /** Labels of the first firing instance as routed: series + rule labels, alertname, grafana_folder. */
  labels?: Labels;
  /** Receivers the first firing instance reaches. */
  receivers: string[];
}

export interface FixtureReplay {
  fixture: Fixture;
  alerts: AlertOutcome[];
  /** Time to detect: first firing (at or after the incident's start) of any alert but the watchdog. */
  detection?: { uid: string; atSeconds: number; ttdSeconds: number };
  /** Alerts of severity page that fired where no page is wanted (or before the incident started). */
  falsePages: Array<{ uid: string; atSeconds: number }>;
  /** Input handed to promtool for this fixture, one per evaluation interval (rule files, fixture + recorded series). */
  promtoolInputs: TestFileInput[];
  /** What promtool reported firing (alert, evaluation time, labels and annotations). */
  observations: Mismatch[];
}

export interface ReplayContext {
  stack: StackDefinition;
  cfg: Config;
  /** Where rule files and promtool test files are written. */
  dir: string;
}

function rulesOf(stack: StackDefinition): alerting.Rule[] {
  return stack.ruleGroups.flatMap((g) => g.rules ?? []);
}

/** Labels an alert instance carries in Grafana's Alertmanager: alertname is the rule title. */
function routedLabels(rule: alerting.Rule, series: Labels, stack: StackDefinition): Labels {
  return { ...series, ...(rule.labels ?? {}), alertname: rule.title, grafana_folder: stack.folder.title };
}

function routeOf(rule: alerting.Rule, labels: Labels, stack: StackDefinition): string[] {
  // A rule with its own contact point bypasses the policy tree (Grafana's simplified routing).
  const direct = rule.notification_settings?.receiver;
  return direct ? [direct] : receiversFor(stack.notificationPolicy, labels);
}

/** `probe_success` labels of the Synthetic Monitoring check's probes (none when it is disabled). */
export function probeLabels(cfg: Config): Array<Record<string, string>> {
  const sm = cfg.syntheticMonitoring;
  return sm.enabled && sm.url ? sm.probes.map((probe) => ({ job: sm.job, instance: sm.url ?? "", probe })) : [];
}

export function stackFixtures(cfg: Config): Fixture[] {
  return buildFixtures(cfg.telemetry, { probes: probeLabels(cfg), probeEverySeconds: cfg.syntheticMonitoring.frequencySeconds });
}

function outcome(rule: alerting.Rule, evaluatedBy: EvaluatedBy, firings: Array<{ atSeconds: number; labels: Labels }>, stack: StackDefinition): AlertOutcome {
  const sorted = [...firings].sort((a, b) => a.atSeconds - b.atSeconds);
  const labels = sorted[0] ? routedLabels(rule, sorted[0].labels, stack) : undefined;
  return {
    uid: rule.uid ?? "",
    title: rule.title,
    severity: rule.labels?.severity ?? "",
    category: rule.labels?.category ?? "",
    evaluatedBy,
    firingSeconds: [...new Set(sorted.map((f) => f.atSeconds))],
    labels,
    receivers: labels ? routeOf(rule, labels, stack) : [],
  };
}

/** Each rule with the evaluation interval of its group. */
function rulesWithInterval(stack: StackDefinition, cfg: Config): Array<{ rule: alerting.Rule; interval: number }> {
  return stack.ruleGroups.flatMap((g) => (g.rules ?? []).map((rule) => ({ rule, interval: g.interval ?? cfg.alerting.evaluationIntervalSeconds })));
}

/** Prometheus rule files, by the evaluation interval of their groups (promtool runs one interval per test file). */
export type RuleFilesByInterval = Map<number, string[]>;

export function replayFixture(ctx: ReplayContext, fixture: Fixture, ruleFiles: RuleFilesByInterval): FixtureReplay {
  const { stack, cfg } = ctx;
  const rules = rulesWithInterval(stack, cfg).map((r) => ({ ...r, kind: ruleKind(r.rule, cfg) }));
  const recorded: Series[] = rules
    .filter((r) => r.kind === "logql-recording")
    .flatMap((r) => replayRecordingRules([r.rule], fixture, r.interval));
  const series = [...fixture.series, ...recorded];

  const promtoolInputs: TestFileInput[] = [];
  const observed: Mismatch[] = [];
  for (const [interval, files] of ruleFiles) {
    const alertnames = rules.filter((r) => r.kind === "promql-alert" && r.interval === interval).map((r) => r.rule.uid ?? "");
    const input: TestFileInput = { ruleFiles: files, evaluationIntervalSeconds: interval, fixture, series, alertnames };
    promtoolInputs.push(input);
    observed.push(...observeFirings(input, ctx.dir));
  }
  const alerts = [
    ...rules.filter((r) => r.kind === "promql-alert").map(({ rule }) =>
      outcome(rule, "promtool", observed.filter((m) => m.alertname === rule.uid).flatMap((m) => m.got.map((g) => ({ atSeconds: m.evalSeconds, labels: g.labels })))
        // promtool adds alertname (the Prometheus rule name, our uid); Grafana's is the title.
        .map((f) => ({ ...f, labels: Object.fromEntries(Object.entries(f.labels).filter(([k]) => k !== "alertname")) })), stack),
    ),
    ...rules.filter((r) => r.kind === "logql-alert").map(({ rule, interval }) => outcome(rule, "logql-replay", replayLogqlAlert(rule, fixture, interval), stack)),
  ].sort((a, b) => a.uid.localeCompare(b.uid));

  const start = fixture.incident?.startSeconds;
  const detections = start === undefined ? [] : alerts
    .filter((a) => a.category !== "watchdog")
    .flatMap((a) => a.firingSeconds.filter((t) => t >= start).slice(0, 1).map((t) => ({ uid: a.uid, atSeconds: t, ttdSeconds: t - start })))
    .sort((a, b) => a.atSeconds - b.atSeconds);
  const pageWanted = (t: number) => fixture.incident?.pageWorthy === true && t >= fixture.incident.startSeconds;
  const falsePages = alerts
    .filter((a) => a.severity === "page")
    .flatMap((a) => a.firingSeconds.filter((t) => !pageWanted(t)).slice(0, 1).map((t) => ({ uid: a.uid, atSeconds: t })));
  return { fixture, alerts, detection: detections[0], falsePages, promtoolInputs, observations: observed };
}

/** Replays every fixture against the stack: PromQL alerts through promtool, LogQL alerts in TS. */
export function replayStack(ctx: ReplayContext, fixtures: Fixture[] = stackFixtures(ctx.cfg)): FixtureReplay[] {
  mkdirSync(ctx.dir, { recursive: true });
  const intervals = new Map(ctx.stack.ruleGroups.map((g) => [g.title, g.interval ?? ctx.cfg.alerting.evaluationIntervalSeconds]));
  const ruleFiles: RuleFilesByInterval = new Map();
  for (const [name, content] of prometheusRuleFiles(ctx.stack, ctx.cfg)) {
    const path = join(ctx.dir, name);
    writeFileSync(path, content);
    const interval = intervals.get(name.replace(/\.rules\.yml$/, "")) ?? ctx.cfg.alerting.evaluationIntervalSeconds;
    ruleFiles.set(interval, [...(ruleFiles.get(interval) ?? []), path]);
  }
  return fixtures.map((f) => replayFixture(ctx, f, ruleFiles));
}
