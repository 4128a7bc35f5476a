import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { inParallel, PROMTOOL_CONCURRENCY, testRulesAsync } from "../emit/promtool";
import { reportedFirings, testFile, withoutAlertname, type AlertCheck, type TestFileInput } from "./promtool-tests";
import { warmUpSeconds, type FixtureReplay } from "./run";
import type { Notification } from "./alert-state";
import { pageWanted } from "./simulation";
import { formatOffset } from "../config/durations";

/** What the cross-check asks promtool of one input: where each exported alert must be silent, and where it must first fire. */
export interface ExpectationChecks {
  silent: AlertCheck[];
  /** One per alert the replay has firing, at its first firing (expAlerts empty: promtool's answer fills it). */
  firstFirings: AlertCheck[];
}

/**
 * The checks of the exported PromQL alerts of one promtool input against the replay: an alert that
 * never fires is silent at every evaluation; one that fires is silent at the evaluation before it
 * first fires and firing when it first fires; and a page is silent at every evaluation where no
 * page is wanted.
 */
export function expectationChecks(r: FixtureReplay, input: TestFileInput): ExpectationChecks {
  const interval = input.evaluationIntervalSeconds;
  // Only from the warm-up on: before it the replay does not evaluate alerts (run.ts WARM_UP_SECONDS).
  const warm = warmUpSeconds(r.fixture);
  const times: number[] = [];
  for (let t = interval; t <= r.fixture.durationSeconds; t += interval) if (t >= warm) times.push(t);
  const incident = r.fixture.incident;
  const checks: ExpectationChecks = { silent: [], firstFirings: [] };
  for (const a of r.alerts.filter((x) => x.evaluatedBy === "promtool" && input.alertnames.includes(x.uid))) {
    const first = a.firingSeconds[0];
    const silentAt = new Set<number>(first === undefined ? times : times.filter((t) => t === first - interval));
    if (a.severity === "page")
      for (const t of times.filter((x) => !pageWanted(incident, x) && !a.firingSeconds.includes(x))) silentAt.add(t);
    for (const t of [...silentAt].sort((x, y) => x - y)) checks.silent.push({ evalSeconds: t, alertname: a.uid, expAlerts: [] });
    if (first !== undefined) checks.firstFirings.push({ evalSeconds: first, alertname: a.uid, expAlerts: [] });
  }
  return checks;
}

/** One promtool test file of the cross-check: a fixture's exported rules of one evaluation interval. */
export interface CrossCheck {
  fixture: string;
  file: string;
  /** Where promtool and the replay disagree, one line each (none: they agree). */
  problems: string[];
}

/**
 * The state machine cross-checked by Prometheus itself: promtool runs the exported rules (with their
 * own `for`) over every fixture and must find each PromQL alert silent and first firing where the
 * replay does (`expectationChecks`). Each file is then left pinning what promtool saw fire (labels
 * and annotations), so that `promtool test rules` passes on it as kept (`npm run replay -- --keep`).
 */
export async function crossCheckExported(results: FixtureReplay[], dir: string, concurrency = PROMTOOL_CONCURRENCY): Promise<CrossCheck[]> {
  const jobs = results.flatMap((r) => r.promtoolInputs.map((input) => ({ r, input })));
  return inParallel(jobs, concurrency, async ({ r, input }) => {
    const file = join(dir, `${r.fixture.name}-${input.evaluationIntervalSeconds}s.test.yml`);
    const { silent, firstFirings } = expectationChecks(r, input);
    const byAlertThenTime = (a: AlertCheck, b: AlertCheck) => a.alertname.localeCompare(b.alertname) || a.evalSeconds - b.evalSeconds;
    writeFileSync(file, testFile(input, [...silent, ...firstFirings].sort(byAlertThenTime)));
    const fired = reportedFirings(file, await testRulesAsync(file));
    const firedAt = (c: AlertCheck) => fired.find((m) => m.alertname === c.alertname && m.evalSeconds === c.evalSeconds);
    const problems = [
      ...silent
        .filter(firedAt)
        .map((c) => `promtool: ${c.alertname} fires at ${formatOffset(c.evalSeconds)}, where the replay has it silent`),
      ...firstFirings
        .filter((c) => !firedAt(c))
        .map((c) => `promtool: ${c.alertname} is silent at ${formatOffset(c.evalSeconds)}, where the replay first fires it`),
    ];
    const pinned = firstFirings.map((c) => ({
      ...c,
      expAlerts: (firedAt(c)?.got ?? []).map((g) => ({
        labels: withoutAlertname(g.labels),
        annotations: g.annotations,
      })),
    }));
    writeFileSync(file, testFile(input, [...silent, ...pinned].sort(byAlertThenTime)));
    return { fixture: r.fixture.name, file, problems };
  });
}

/** One alert's notification record in a replay: what on-call, the team and the ticket channel received. */
export interface AlertVerdict {
  /** `uid` of the rule, with ` (DatasourceNoData)`/` (DatasourceError)` for those alerts. */
  alert: string;
  severity: string;
  receiver: string;
  /** Seconds from the incident's start (or the fixture's start) to the first firing notification. */
  timeToNotifySeconds?: number;
  /** Seconds from the incident's start to the first notification announcing it resolved. */
  resolvedSeconds?: number;
  /** Separate firing notifications announcing the alert (it was not firing in the group's previous one; repeats not counted). */
  episodes: number;
  /** Notifications a mute timing held back. */
  muted: number;
}

export interface FixtureVerdict {
  name: string;
  alerts: AlertVerdict[];
  /** The first page's time to notify, if on-call was notified at or after the incident's start. */
  pageSeconds?: number;
  /** The first notification of any alert but the watchdog at or after the incident's start. */
  detectSeconds?: number;
  /** Firing notifications to on-call (new and repeats). */
  pages: number;
  /** Pages per incident: on-call notification groups opened (a first firing notification, or one after everything resolved) from the incident's start. */
  pageIncidents: number;
  maxEpisodes: number;
  failures: string[];
}

const firing = (n: Notification) => n.kind === "new" || n.kind === "repeat";

/** Firing notifications announcing the alert while the previous sent notification of its group did not carry it firing. */
function episodesOf(list: Notification[], alertname: string): number {
  let count = 0;
  let wasFiring = false;
  for (const n of list.filter((x) => x.kind !== "muted")) {
    const now = n.alertnames.includes(alertname);
    if (now && !wasFiring) count++;
    wasFiring = now;
  }
  return count;
}

/**
 * Checks a replay against its fixture's `expect` and the implicit rules: a page-worthy incident (or
 * one with detectWithinSeconds) must notify someone, and on-call must not be notified where the
 * fixture wants no page (no incident, an incident that is not page-worthy, or before it starts).
 */
export function verdict(r: FixtureReplay, pager: string): FixtureVerdict {
  const f = r.fixture;
  const from = f.incident?.startSeconds ?? 0;
  const watched = r.alerts.filter((a) => a.category !== "watchdog");
  const alerts: AlertVerdict[] = watched.flatMap((a) =>
    a.notified
      .filter((n) => n.notifications.some(firing))
      .map((n) => {
        const sent = n.notifications.filter(firing);
        const first = sent.find((x) => x.atSeconds >= from) ?? sent[0];
        const resolved = n.notifications.find(
          (x) => x.kind !== "muted" && x.atSeconds > first.atSeconds && x.resolved.includes(n.alertname),
        );
        return {
          alert: n.alertname === a.title ? a.uid : `${a.uid} (${n.alertname})`,
          severity: a.severity,
          receiver: n.receiver,
          timeToNotifySeconds: first.atSeconds - from,
          ...(resolved ? { resolvedSeconds: resolved.atSeconds - from } : {}),
          episodes: episodesOf(n.notifications, n.alertname),
          muted: n.notifications.filter((x) => x.kind === "muted").length,
        };
      }),
  );
  const isWatched = (uid: string) => watched.some((a) => a.uid === uid);
  const pagerGroups = r.groups.filter((g) => g.receiver === pager && g.members.some((m) => isWatched(m.uid)));
  const pageNotes = pagerGroups.flatMap((g) =>
    g.notifications.filter(firing).map((x) => ({
      uid: g.members
        .filter((m) => x.alertnames.includes(m.alertname))
        .map((m) => m.uid)
        .join(", "),
      at: x.atSeconds,
      opens: x.opensIncident === true,
    })),
  );
  const after = (xs: number[]) => xs.filter((t) => t >= from).sort((a, b) => a - b)[0];
  const pageAt = f.incident ? after(pageNotes.map((p) => p.at)) : undefined;
  const watchedGroups = r.groups.filter((g) => g.members.some((m) => isWatched(m.uid)));
  const detectAt = f.incident ? after(watchedGroups.flatMap((g) => g.notifications.filter(firing).map((x) => x.atSeconds))) : undefined;
  const pageIncidents = pageNotes.filter((p) => p.opens && p.at >= from).length;
  const failures: string[] = [];
  const e = f.expect ?? {};
  if (e.pageWithinSeconds !== undefined && (pageAt === undefined || pageAt - from > e.pageWithinSeconds)) {
    failures.push(
      `pageWithinSeconds ${e.pageWithinSeconds}: ${pageAt === undefined ? "on-call was never notified" : `on-call notified after ${pageAt - from} s`}`,
    );
  }
  if (e.detectWithinSeconds !== undefined && (detectAt === undefined || detectAt - from > e.detectWithinSeconds)) {
    failures.push(
      `detectWithinSeconds ${e.detectWithinSeconds}: ${detectAt === undefined ? "no alert notified" : `first notification after ${detectAt - from} s`}`,
    );
  }
  if (e.noPage && pageNotes.length > 0)
    failures.push(
      `noPage: on-call notified by ${[...new Set(pageNotes.map((p) => p.uid))].join(", ")} at ${formatOffset(pageNotes[0].at)}`,
    );
  if (e.quiet) {
    const fired = watched.filter((a) => a.episodes.length > 0).map((a) => a.uid);
    if (fired.length > 0) failures.push(`quiet: ${fired.join(", ")} fired`);
  }
  const maxEpisodes = Math.max(0, ...alerts.map((a) => a.episodes));
  if (e.maxEpisodes !== undefined && maxEpisodes > e.maxEpisodes) {
    failures.push(
      `maxEpisodes ${e.maxEpisodes}: ${alerts
        .filter((a) => a.episodes > e.maxEpisodes!)
        .map((a) => `${a.alert} notified ${a.episodes} times`)
        .join(", ")}`,
    );
  }
  if (e.maxPages !== undefined && pageIncidents > e.maxPages) {
    const opened = pageNotes.filter((p) => p.opens && p.at >= from);
    failures.push(
      `maxPages ${e.maxPages}: on-call incidents opened ${pageIncidents} times (${opened.map((p) => `${p.uid} at ${formatOffset(p.at)}`).join(", ")})`,
    );
  }
  if (f.incident && (f.incident.pageWorthy || e.detectWithinSeconds !== undefined) && detectAt === undefined)
    failures.push("incident NOT DETECTED: no alert notified after it started");
  const known = new Set(r.alerts.map((a) => a.uid));
  for (const uid of [...(e.notifies ?? []), ...(e.silent ?? [])].filter((u) => !known.has(u)))
    failures.push(`${uid}: no such alert in the stack`);
  // The alert itself, not its DatasourceError/NoData: those blame the datasource, not a cause.
  const notified = (uid: string) => alerts.find((a) => a.alert === uid);
  for (const uid of (e.notifies ?? []).filter((u) => known.has(u) && !((notified(u)?.timeToNotifySeconds ?? -1) >= 0)))
    failures.push(`notifies: ${uid} never notified after the incident started`);
  for (const uid of (e.silent ?? []).filter((u) => known.has(u) && notified(u))) failures.push(`silent: ${uid} notified`);
  if (e.datasourceErrorTicketOnce) {
    // Blames the datasource, not the service: a ticket, once per incident; on-call is never woken by it.
    const datasource = alerts.filter((a) => /\((DatasourceError|DatasourceNoData)\)$/.test(a.alert));
    for (const a of datasource.filter((x) => x.receiver === pager)) failures.push(`datasourceErrorTicketOnce: ${a.alert} paged ${pager}`);
    for (const a of datasource.filter((x) => x.episodes > 1))
      failures.push(`datasourceErrorTicketOnce: ${a.alert} notified ${a.receiver} ${a.episodes} times`);
  }
  const unwanted = pageNotes.filter((p) => !pageWanted(f.incident, p.at));
  if (!e.noPage && unwanted.length > 0) failures.push(`page where none is wanted: ${unwanted[0].uid} at ${formatOffset(unwanted[0].at)}`);
  return {
    name: f.name,
    alerts,
    pageSeconds: pageAt === undefined ? undefined : pageAt - from,
    detectSeconds: detectAt === undefined ? undefined : detectAt - from,
    pages: pageNotes.length,
    pageIncidents,
    maxEpisodes,
    failures,
  };
}
