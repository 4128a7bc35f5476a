import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { mkdirSync, writeFileSync } from "node:fs";
import { InvalidDefinitionError } from "../config/errors";
import { outputFolderProblem } from "../config/paths";
import { join } from "node:path";
import { stringify } from "yaml";
import { fixtures as buildFixtures, type Fixture, type Series } from "./fixtures";
import type { Config } from "../config/schema";
import { singleThreshold, thresholdHolds, type SingleThreshold } from "../model/thresholds";
import { exprOf } from "../model/rules";
import { prometheusRuleFiles, ruleKind } from "../emit/files/prometheus-rules";
import { ruleRoutes, type RouteTiming } from "../review/route-timing";
import type { ReplayedStack } from "./rendered-stack";
import { evaluationTimes, logqlEvaluations, replayRecordingRules } from "./grafana-eval";
import type { Labels } from "../model/labels";
import { inParallel, PROMTOOL_CONCURRENCY } from "../emit/promtool";
import { observeFiringsAsync, reportedValues, valueRule, type Mismatch, type ObservedAnswers, type TestFileInput } from "./promtool-tests";
import { replayStates, type Episode, type Evaluation, type Notification } from "./alert-state";
import { episodeLabels, notificationGroups, pageWanted, ruleSettings, type NotificationGroup } from "./simulation";

/**
 * The replay: every alert rule's evaluations over a fixture, then Grafana's state machine
 * (alert-state.ts) for pending, keep_firing_for, NoData and errors, then the matched route's
 * Alertmanager timing for notifications.
 * - PromQL alerts: promtool evaluates, per evaluation, the rule's query A (which series exist, and
 *   their values) as a `for: 0` Prometheus alert; the threshold B is Grafana's own expression, applied
 *   here as Grafana's evaluator decides it (`thresholdHolds`); an empty A is NoData.
 *   `expectations.ts` cross-checks the state machine with promtool running the exported rules.
 * - LogQL alerts and Loki recording rules: the TS LogQL evaluator (grafana-eval.ts).
 */

export type EvaluatedBy = "promtool" | "logql-replay";

export interface AlertOutcome {
  uid: string;
  title: string;
  severity: string;
  category: string;
  evaluatedBy: EvaluatedBy;
  /** Evaluation times (seconds from the fixture's start) at which an instance of the rule was Alerting or Recovering. */
  firingSeconds: number[];
  /** Labels of the first firing instance as routed: series + rule labels, alertname, grafana_folder. */
  labels?: Labels;
  /** Receivers the first firing instance reaches. */
  receivers: string[];
  /** Firing episodes of the rule, DatasourceNoData/DatasourceError ones included. */
  episodes: Episode[];
  /** The rule's evaluations (query A's series, their condition and value, or the query error): what its annotations are expanded from. */
  evaluations: Evaluation[];
  /** Stretches during which an instance of the rule was Pending (end: the first evaluation it no longer was). */
  pendingSpans: Array<{ startSeconds: number; endSeconds?: number }>;
  /** Per alertname the rule raised (its title, DatasourceNoData, DatasourceError): route and notifications. */
  notified: NotifiedAlert[];
}

export interface NotifiedAlert {
  alertname: string;
  receiver: string;
  timing: RouteTiming;
  /** The notifications of the alert's aggregation group that carried this alert (firing or resolved). */
  notifications: Notification[];
}

export interface FixtureReplay {
  fixture: Fixture;
  alerts: AlertOutcome[];
  /** Time to detect: first firing (at or after the incident's start) of any alert but the watchdog. */
  detection?: { uid: string; atSeconds: number; ttdSeconds: number };
  /** Every aggregation group the fixture's alerts formed, in order of their first notification. */
  groups: NotificationGroup[];
  /** Alerts of severity page that fired where no page is wanted (or before the incident started). */
  falsePages: Array<{ uid: string; atSeconds: number }>;
  /** The exported rules with this fixture's series (recorded ones included), one per evaluation interval: the cross-check's input (expectations.ts). */
  promtoolInputs: TestFileInput[];
}

export interface ReplayContext {
  /** A built stack, or one read back from rendered files (rendered-stack.ts). */
  stack: ReplayedStack;
  cfg: Config;
  /** Where rule files and promtool test files are written. */
  dir: string;
}

/** `probe_success` labels of the Synthetic Monitoring check's probes (none when it is disabled). */
export function probeLabels(cfg: Config): Array<Record<string, string>> {
  const sm = cfg.syntheticMonitoring;
  return sm.enabled && sm.url ? sm.probes.map((probe) => ({ job: sm.job, instance: sm.url ?? "", probe })) : [];
}

export function stackFixtures(cfg: Config, phases?: number[]): Fixture[] {
  return buildFixtures(cfg.telemetry, {
    probes: probeLabels(cfg),
    probeEverySeconds: cfg.syntheticMonitoring.frequencySeconds,
    ...(phases && { phases }),
  });
}

interface RuleEntry {
  rule: alerting.Rule;
  interval: number;
  kind: ReturnType<typeof ruleKind>;
}

function rulesWithInterval(stack: ReplayedStack, cfg: Config): RuleEntry[] {
  return stack.ruleGroups.flatMap((g) =>
    (g.rules ?? []).map((rule) => ({ rule, interval: g.interval ?? cfg.alerting.evaluationIntervalSeconds, kind: ruleKind(rule, cfg) })),
  );
}

const QUERY_A_SUFFIX = "__A";

/** A PromQL rule's query A and threshold B, the [A: PromQL, B: threshold on A] shape the replay evaluates. */
function queryAndThreshold(rule: alerting.Rule): { a: string; threshold: SingleThreshold } {
  const a = exprOf(rule.data[0]?.model);
  const threshold = singleThreshold(rule.data[1]?.model);
  if (a === undefined || !threshold)
    throw new Error(`alert ${rule.uid}: not the [A: PromQL, B: threshold on A] shape the replay evaluates`);
  return { a, threshold };
}

/** The `for: 0` Prometheus alert that exposes a PromQL rule's query A at each evaluation: every series it returns, with its value. */
function queryARule(rule: alerting.Rule): ReturnType<typeof valueRule> {
  return valueRule(`${rule.uid}${QUERY_A_SUFFIX}`, queryAndThreshold(rule).a);
}

/** Prometheus rule files, by the evaluation interval of their groups (promtool runs one interval per test file). */
export type RuleFilesByInterval = Map<number, { exported: string[]; queryA: string }>;

/** One PromQL rule as evaluations: A's series as promtool returned them and, for each, whether threshold B holds on its value. */
function promqlEvaluations(rule: alerting.Rule, observed: Mismatch[], times: number[], failsAt: (t: number) => boolean): Evaluation[] {
  const { threshold } = queryAndThreshold(rule);
  const name = `${rule.uid}${QUERY_A_SUFFIX}`;
  const byTime = new Map(observed.filter((m) => m.alertname === name).map((m) => [m.evalSeconds, reportedValues(m)]));
  return times.map((t) => {
    if (failsAt(t)) return { atSeconds: t, error: "Prometheus query failed" };
    return {
      atSeconds: t,
      series: (byTime.get(t) ?? []).map(({ labels, value }) => ({
        labels,
        condition: thresholdHolds(threshold.op, value, threshold.value),
        value,
      })),
    };
  });
}

/** Whether a query to the datasource fails at a fixture time (the fixture's injected query errors). */
export function failureWindow(fixture: Fixture, datasource: "loki" | "prometheus"): (t: number) => boolean {
  const windows = (fixture.queryErrors ?? []).filter((w) => w.datasource === datasource);
  return (t) => windows.some((w) => t >= w.startSeconds && t < w.endSeconds);
}

/**
 * Alerts are evaluated from this far into a fixture (or from the incident's start, if earlier): a
 * fixture starts with empty Prometheus and Loki, while a deployed stack has history, and without
 * it the recorded series and rate windows read as "absent" in the first minutes.
 */
export const WARM_UP_SECONDS = 600;

export function warmUpSeconds(fixture: Fixture): number {
  return Math.min(WARM_UP_SECONDS, fixture.incident?.startSeconds ?? WARM_UP_SECONDS);
}

/** A fixture's series (recorded ones included) and its promtool runs, one per evaluation interval. */
interface PreparedFixture {
  fixture: Fixture;
  /** The exported rules over the fixture, for the cross-check (expectations.ts). */
  promtoolInputs: TestFileInput[];
  /** What each promtool run observes: the PromQL rules' queries A. */
  observe: TestFileInput[];
}

function prepareFixture(ctx: ReplayContext, fixture: Fixture, ruleFiles: RuleFilesByInterval): PreparedFixture {
  const rules = rulesWithInterval(ctx.stack, ctx.cfg);
  const lokiFails = failureWindow(fixture, "loki");
  const recorded: Series[] = rules
    .filter((r) => r.kind === "logql-recording")
    .flatMap((r) => replayRecordingRules([r.rule], fixture, r.interval, lokiFails));
  const series = [...fixture.series, ...recorded];
  const prepared: PreparedFixture = { fixture, promtoolInputs: [], observe: [] };
  for (const [interval, files] of ruleFiles) {
    const promql = rules.filter((r) => r.kind === "promql-alert" && r.interval === interval);
    const alertnames = promql.map((r) => r.rule.uid ?? "");
    const input: TestFileInput = { ruleFiles: files.exported, evaluationIntervalSeconds: interval, fixture, series, alertnames };
    prepared.promtoolInputs.push(input);
    prepared.observe.push({ ...input, ruleFiles: [files.queryA], alertnames: alertnames.map((a) => `${a}${QUERY_A_SUFFIX}`) });
  }
  return prepared;
}

/** A fixture's outcome from promtool's observations (one list per run of `prepared.observe`) and the LogQL evaluator. */
function finishFixture(ctx: ReplayContext, prepared: PreparedFixture, runs: Mismatch[][]): FixtureReplay {
  const { stack, cfg } = ctx;
  const { fixture, promtoolInputs } = prepared;
  const rules = rulesWithInterval(stack, cfg);
  const lokiFails = failureWindow(fixture, "loki");
  const promFails = failureWindow(fixture, "prometheus");
  const observed = runs.flat();

  const replayed = rules
    .filter((r) => r.kind === "promql-alert" || r.kind === "logql-alert")
    .map(({ rule, interval, kind }) => {
      const warm = warmUpSeconds(fixture);
      const times = evaluationTimes(fixture, interval).filter((t) => t >= warm);
      const evaluations =
        kind === "promql-alert"
          ? promqlEvaluations(rule, observed, times, promFails)
          : logqlEvaluations(rule, fixture, interval, lokiFails).filter((e) => e.atSeconds >= warm);
      return { rule, kind, evaluations, states: replayStates(ruleSettings(rule), evaluations) };
    });
  const groups = notificationGroups(
    replayed.map((r) => ({ rule: r.rule, folder: stack.folder.title, episodes: r.states.episodes })),
    stack.notificationPolicy,
    fixture.durationSeconds,
  );
  const alerts = replayed
    .map(({ rule, kind, evaluations, states }): AlertOutcome => {
      const firingSeconds = states.timeline
        .filter((s) => s.instances.some((i) => i.state === "Alerting" || i.state === "Recovering"))
        .map((s) => s.atSeconds);
      const first = states.episodes.find((e) => e.alertname === rule.title);
      const pendingSpans: AlertOutcome["pendingSpans"] = [];
      for (const s of states.timeline) {
        const pending = s.instances.some((i) => i.state === "Pending");
        const open = pendingSpans.at(-1);
        if (pending && (!open || open.endSeconds !== undefined)) pendingSpans.push({ startSeconds: s.atSeconds });
        else if (!pending && open && open.endSeconds === undefined) open.endSeconds = s.atSeconds;
      }
      const alertnames = [...new Set(states.episodes.map((e) => e.alertname))];
      const notified = alertnames.flatMap((alertname) =>
        groups
          .filter((g) => g.members.some((m) => m.uid === rule.uid && m.alertname === alertname))
          .map((g) => ({
            alertname,
            receiver: g.receiver,
            timing: g.timing,
            notifications: g.notifications.filter((n) => n.alertnames.includes(alertname) || n.resolved.includes(alertname)),
          })),
      );
      const firstRoutes = first ? ruleRoutes(rule, episodeLabels(first, stack.folder.title), stack.notificationPolicy) : [];
      return {
        uid: rule.uid ?? "",
        title: rule.title,
        severity: rule.labels?.severity ?? "",
        category: rule.labels?.category ?? "",
        evaluatedBy: kind === "promql-alert" ? "promtool" : "logql-replay",
        firingSeconds,
        labels: first ? episodeLabels(first, stack.folder.title) : undefined,
        receivers: firstRoutes.map((r) => r.receiver),
        episodes: states.episodes,
        evaluations,
        pendingSpans,
        notified,
      };
    })
    .sort((a, b) => a.uid.localeCompare(b.uid));

  const start = fixture.incident?.startSeconds;
  const detections =
    start === undefined
      ? []
      : alerts
          .filter((a) => a.category !== "watchdog")
          .flatMap((a) =>
            a.firingSeconds
              .filter((t) => t >= start)
              .slice(0, 1)
              .map((t) => ({ uid: a.uid, atSeconds: t, ttdSeconds: t - start })),
          )
          .sort((a, b) => a.atSeconds - b.atSeconds);
  const falsePages = alerts
    .filter((a) => a.severity === "page")
    .flatMap((a) =>
      a.firingSeconds
        .filter((t) => !pageWanted(fixture.incident, t))
        .slice(0, 1)
        .map((t) => ({ uid: a.uid, atSeconds: t })),
    );
  return { fixture, alerts, groups, detection: detections[0], falsePages, promtoolInputs };
}

export interface ReplayOptions {
  /** promtool runs at once (default PROMTOOL_CONCURRENCY). */
  concurrency?: number;
  /** Called as each fixture's replay completes (for a progress line). */
  onFixture?: (done: number, total: number, fixture: string) => void;
  /** promtool's answers shared with another replay of the same fixtures (the review diff's other side). */
  answers?: ObservedAnswers;
}

/**
 * Replays every fixture against the stack: PromQL through promtool (several runs at once), LogQL in
 * TS, states and notifications in alert-state.ts. Results in the fixtures' order.
 */
export async function replayStack(
  ctx: ReplayContext,
  fixtures: Fixture[] = stackFixtures(ctx.cfg),
  options: ReplayOptions = {},
): Promise<FixtureReplay[]> {
  // The folder is a temporary one or the user's --keep.
  const folder = outputFolderProblem(ctx.dir, "--keep", "replay");
  if (folder) throw new InvalidDefinitionError("command line", [folder]);
  mkdirSync(ctx.dir, { recursive: true });
  const rules = rulesWithInterval(ctx.stack, ctx.cfg);
  const intervals = new Map(ctx.stack.ruleGroups.map((g) => [g.title, g.interval ?? ctx.cfg.alerting.evaluationIntervalSeconds]));
  const ruleFiles: RuleFilesByInterval = new Map();
  for (const [name, content] of prometheusRuleFiles(ctx.stack, ctx.cfg)) {
    const path = join(ctx.dir, name);
    writeFileSync(path, content);
    const interval = intervals.get(name.replace(/\.rules\.yml$/, "")) ?? ctx.cfg.alerting.evaluationIntervalSeconds;
    const queryA = join(ctx.dir, `replay-query-a-${interval}s.rules.yml`);
    ruleFiles.set(interval, { exported: [...(ruleFiles.get(interval)?.exported ?? []), path], queryA });
  }
  for (const [interval, files] of ruleFiles) {
    const promql = rules.filter((r) => r.kind === "promql-alert" && r.interval === interval);
    const group = { name: `replay-query-a-${interval}s`, interval: `${interval}s`, rules: promql.map((r) => queryARule(r.rule)) };
    writeFileSync(
      files.queryA,
      `# The incident replay's view of each PromQL rule's query A (its series and their values), per evaluation.\n${stringify({ groups: [group] }, { lineWidth: 0 })}`,
    );
  }
  const prepared = fixtures.map((f) => prepareFixture(ctx, f, ruleFiles));
  let done = 0;
  return inParallel(prepared, options.concurrency ?? PROMTOOL_CONCURRENCY, async (p) => {
    const runs: Mismatch[][] = [];
    for (const input of p.observe) runs.push(await observeFiringsAsync(input, ctx.dir, options.answers));
    const result = finishFixture(ctx, p, runs);
    options.onFixture?.(++done, prepared.length, p.fixture.name);
    return result;
  });
}
