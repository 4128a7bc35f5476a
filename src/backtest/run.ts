import { replayStates, type Episode, type Notification } from "../replay/alert-state";
import { notificationGroups, ruleSettings, type RuleEpisodes } from "../replay/simulation";
import type { TimedRoute } from "../review/route-timing";
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

/**
 * Notifications of every episode (all rules together: an aggregation group may hold several
 * alerts), attributed back to the rule whose episode a notification announces.
 */
function notify(perRule: RuleEpisodes[], c: Catalogue, until: number): Map<string, AlertBacktest["notifications"]> {
  // A muted flush sends nothing and writes no notification-log entry (Alertmanager notify.go
  // TimeMuteStage), so the first flush after the window sends what was held back.
  const mutedBy = (route: TimedRoute, t: number) => route.muteTimeIntervals.find((m) => muteActive(c.muteTimings.get(m) ?? [], t));
  const out = new Map<string, AlertBacktest["notifications"]>();
  for (const g of notificationGroups(perRule, c.policy, until, { mutedAt: (route, t) => mutedBy(route, t) !== undefined })) {
    // Firing notifications (and firing ones a mute held back); resolved notices are not counted here.
    for (const n of g.notifications.filter((x) => x.kind !== "resolved" && x.alertnames.length > 0)) {
      // A notification is announced for the rules whose episodes were firing at that moment.
      const firing = g.alerts.filter(
        ({ episode: e }) =>
          e.startSeconds <= n.atSeconds && (e.endSeconds === undefined || e.endSeconds > n.atSeconds) && n.alertnames.includes(e.alertname),
      );
      for (const key of new Set(firing.map((a) => `${a.uid}\u0000${a.episode.alertname}`))) {
        const muting = n.kind === "muted" ? mutedBy(g.route, n.atSeconds) : undefined;
        out.set(key, [...(out.get(key) ?? []), { ...n, receiver: g.receiver, ...(muting ? { mutedBy: muting } : {}) }]);
      }
    }
  }
  return out;
}

export function backtestFromEvaluations(c: Catalogue, evaluated: RuleEvaluations[], window: BacktestWindow): CatalogueBacktest {
  const states = evaluated.map((r) => {
    const rule = r.entry.rule;
    const replay = replayStates(
      ruleSettings(rule),
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
