import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { durationSeconds } from "../config/durations";
import { notifications, replayStates, type Episode, type ExecErrState, type NoDataState, type Notification } from "../replay/alert-state";
import { routedLabels } from "../review/routed-labels";
import { ruleRoutes, type TimedRoute } from "../review/route-timing";
import type { Catalogue } from "./catalogue";
import { evaluateCatalogue, type BacktestWindow, type Datasources, type EvaluatedBy, type RuleEvaluations } from "./evaluate";
import type { DatasourceClient } from "./http";
import { muteActive } from "./mute";

/** A notification and its receiver; `mutedBy`: the route's mute timing that was current then (nothing is sent). */
export type SentNotification = Notification & { receiver: string; mutedBy?: string };

/** What one alert rule would have done over the window. Times are Unix seconds. */
export interface AlertBacktest {
  uid: string;
  title: string;
  severity: string;
  evaluatedBy: EvaluatedBy;
  evaluations: number;
  /** Firing episodes of the alert itself (per instance), and of the DatasourceNoData/DatasourceError alerts it raised. */
  episodes: Episode[];
  noDataEpisodes: Episode[];
  errorEpisodes: Episode[];
  /** Notifications sent for the alert's own episodes, per receiver. */
  notifications: SentNotification[];
  /** Notifications of the DatasourceNoData/DatasourceError alerts the rule raised. */
  datasourceNotifications: SentNotification[];
  firstFiring?: number;
  lastFiring?: number;
  /** Seconds during which at least one instance was firing. */
  firingSeconds: number;
  /** Notifications of a severity=page alert. */
  pages: number;
}

export interface CatalogueBacktest {
  source: string;
  window: BacktestWindow;
  alerts: AlertBacktest[];
}

function keepFiringSeconds(rule: alerting.Rule): number {
  const raw =
    (rule as { keep_firing_for?: unknown; keepFiringFor?: unknown }).keep_firing_for ?? (rule as { keepFiringFor?: unknown }).keepFiringFor;
  if (typeof raw === "string") return durationSeconds(raw);
  if (typeof raw === "number") return raw / 1e9; // the foundation SDK's keepFiringFor takes nanoseconds
  return 0;
}

/** Union length of [start, end) intervals. */
function coveredSeconds(spans: Array<[number, number]>): number {
  let total = 0;
  let reach = -Infinity;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    const start = Math.max(s, reach);
    if (e > start) total += e - start;
    reach = Math.max(reach, e);
  }
  return total;
}

function groupKey(route: TimedRoute, labels: Record<string, string>): string {
  const keys = route.groupBy.includes("...") ? Object.keys(labels).sort() : route.groupBy;
  return `${route.id}${JSON.stringify(keys.map((k) => [k, labels[k] ?? ""]))}`;
}

/**
 * Notifications of every episode (all rules together: an aggregation group may hold several
 * alerts), attributed back to the rule whose episode a notification announces.
 */
function notify(
  perRule: Array<{ rule: alerting.Rule; folder: string; episodes: Episode[] }>,
  c: Catalogue,
  until: number,
): Map<string, AlertBacktest["notifications"]> {
  const groups = new Map<string, { route: TimedRoute; items: Array<{ uid: string; episode: Episode }> }>();
  for (const { rule, folder, episodes } of perRule) {
    for (const episode of episodes) {
      const labels = routedLabels({ title: episode.alertname, labels: episode.labels }, folder);
      for (const route of ruleRoutes(rule, labels, c.policy)) {
        const key = groupKey(route, labels);
        const g = groups.get(key) ?? { route, items: [] };
        groups.set(key, g);
        g.items.push({ uid: rule.uid ?? "", episode });
      }
    }
  }
  const out = new Map<string, AlertBacktest["notifications"]>();
  for (const { route, items } of groups.values()) {
    // A muted flush sends nothing and writes no notification-log entry (Alertmanager notify.go
    // TimeMuteStage), so the first flush after the window sends what was held back.
    const mutedBy = (t: number) => route.muteTimeIntervals.find((m) => muteActive(c.muteTimings.get(m) ?? [], t));
    const sent = notifications(
      items.map((i) => i.episode),
      route.timing,
      until,
      { muted: (t) => mutedBy(t) !== undefined },
    );
    // Firing notifications (and firing ones a mute held back); resolved notices are not counted here.
    for (const n of sent.filter((x) => x.kind !== "resolved" && x.alertnames.length > 0)) {
      // A notification is announced for the rules whose episodes were firing at that moment.
      const firing = items.filter(
        (i) =>
          i.episode.startSeconds <= n.atSeconds &&
          (i.episode.endSeconds === undefined || i.episode.endSeconds > n.atSeconds) &&
          n.alertnames.includes(i.episode.alertname),
      );
      for (const uid of new Set(firing.map((i) => `${i.uid}\u0000${i.episode.alertname}`))) {
        const [ruleUid, alertname] = uid.split("\u0000");
        const key = `${ruleUid}\u0000${alertname}`;
        const muting = n.kind === "muted" ? mutedBy(n.atSeconds) : undefined;
        out.set(key, [...(out.get(key) ?? []), { ...n, receiver: route.receiver, ...(muting ? { mutedBy: muting } : {}) }]);
      }
    }
  }
  return out;
}

export function backtestFromEvaluations(c: Catalogue, evaluated: RuleEvaluations[], window: BacktestWindow): CatalogueBacktest {
  const states = evaluated.map((r) => {
    const rule = r.entry.rule;
    const a = rule.data.find((d) => d.refId === "A");
    const replay = replayStates(
      {
        title: rule.title,
        labels: rule.labels ?? {},
        forSeconds: durationSeconds(rule.for || "0s"),
        keepFiringForSeconds: keepFiringSeconds(rule),
        noDataState: (rule.noDataState ?? "NoData") as NoDataState,
        execErrState: (rule.execErrState ?? "Error") as ExecErrState,
        datasourceUid: a?.datasourceUid ?? "",
        refId: "A",
        // As Grafana's file provisioning spells it; unset: Grafana's default (2).
        missingSeriesEvalsToResolve: (rule as { missing_series_evals_to_resolve?: number }).missing_series_evals_to_resolve,
      },
      r.evaluations.map((e) => ({ atSeconds: e.at, series: e.series.map((s) => ({ labels: s.labels, condition: s.holds })) })),
    );
    return { r, rule, episodes: replay.episodes };
  });
  const sent = notify(
    states.map((s) => ({ rule: s.rule, folder: s.r.entry.folder, episodes: s.episodes })),
    c,
    window.to,
  );
  const alerts = states.map(({ r, rule, episodes }): AlertBacktest => {
    const own = episodes.filter((e) => e.alertname === rule.title);
    const ownNotifications = sent.get(`${rule.uid}\u0000${rule.title}`) ?? [];
    const lastEval = r.evaluations[r.evaluations.length - 1]?.at ?? window.to;
    const firingEvals = new Set(
      own.flatMap((e) =>
        r.evaluations.filter((ev) => ev.at >= e.startSeconds && (e.endSeconds === undefined || ev.at < e.endSeconds)).map((ev) => ev.at),
      ),
    );
    const severity = rule.labels?.severity ?? "";
    return {
      uid: rule.uid ?? "",
      title: rule.title,
      severity,
      evaluatedBy: r.evaluatedBy,
      evaluations: r.evaluations.length,
      episodes: own,
      noDataEpisodes: episodes.filter((e) => e.alertname === "DatasourceNoData"),
      errorEpisodes: episodes.filter((e) => e.alertname === "DatasourceError"),
      notifications: ownNotifications,
      datasourceNotifications: ["DatasourceNoData", "DatasourceError"].flatMap((name) => sent.get(`${rule.uid}\u0000${name}`) ?? []),
      firstFiring: own[0]?.startSeconds,
      lastFiring: firingEvals.size ? Math.max(...firingEvals) : undefined,
      // An episode still open at the end counts up to the last evaluation plus one interval.
      firingSeconds: coveredSeconds(own.map((e) => [e.startSeconds, e.endSeconds ?? lastEval + r.entry.intervalSeconds])),
      pages: severity === "page" ? ownNotifications.filter((n) => !n.mutedBy).length : 0,
    };
  });
  return { source: c.source, window, alerts };
}

export interface BacktestOptions {
  client: DatasourceClient;
  datasources: Datasources;
  window: BacktestWindow;
  computeRecorded: Set<string>;
  dir: string;
}

export async function backtestCatalogue(c: Catalogue, o: BacktestOptions): Promise<CatalogueBacktest> {
  const evaluated = await evaluateCatalogue(c, o);
  return backtestFromEvaluations(c, evaluated, o.window);
}
