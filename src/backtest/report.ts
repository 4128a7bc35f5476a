import type { AlertBacktest, CatalogueBacktest, SentNotification } from "./run";
import { formatDuration } from "../config/durations";
import { counted, renderTable, type TableFormat } from "../model/text";

/** `npm run backtest` output: one row per alert, or before -> after per alert with --ref; text or markdown. */

export type Format = TableFormat;

export function utc(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 19).replace("T", " ")}Z`;
}

function byReceiver(list: SentNotification[]): string {
  const sent = list.filter((n) => !n.mutedBy);
  const by = new Map<string, number>();
  for (const n of sent) by.set(n.receiver, (by.get(n.receiver) ?? 0) + 1);
  const muted = list.length - sent.length;
  const receivers = [...by].map(([r, n]) => `${r} ${n}`);
  return `${sent.length}${receivers.length ? ` (${receivers.join(", ")})` : ""}${muted ? ` + ${muted} muted` : ""}`;
}

function notificationsCell(a: AlertBacktest): string {
  const own = a.notifications.length === 0 ? "0" : byReceiver(a.notifications);
  return a.datasourceNotifications.length === 0 ? own : `${own}; NoData/Error ${byReceiver(a.datasourceNotifications)}`;
}

interface Column {
  title: string;
  cell: (a: AlertBacktest) => string;
}

const COLUMNS: Column[] = [
  { title: "evaluations", cell: (a) => String(a.evaluations) },
  { title: "episodes", cell: (a) => String(a.episodes.length) },
  { title: "NoData/Error episodes", cell: (a) => `${a.noDataEpisodes.length}/${a.errorEpisodes.length}` },
  { title: "notifications", cell: notificationsCell },
  { title: "pages", cell: (a) => String(a.pages) },
  { title: "first firing", cell: (a) => (a.firstFiring === undefined ? "-" : utc(a.firstFiring)) },
  { title: "last firing", cell: (a) => (a.lastFiring === undefined ? "-" : utc(a.lastFiring)) },
  { title: "firing time", cell: (a) => formatDuration(a.firingSeconds) },
];

function table(format: Format, header: string[], rows: string[][]): string {
  return renderTable(format, header, rows).join("\n");
}

function heading(format: Format, text: string): string {
  return format === "markdown" ? `### ${text}` : text;
}

function windowText(r: CatalogueBacktest): string {
  return `${utc(r.window.from)} to ${utc(r.window.to)} (${formatDuration(r.window.to - r.window.from)})`;
}

function totals(r: CatalogueBacktest): { episodes: number; notifications: number; pages: number } {
  return {
    episodes: r.alerts.reduce((n, a) => n + a.episodes.length, 0),
    notifications: r.alerts.reduce((n, a) => n + a.notifications.filter((x) => !x.mutedBy).length, 0),
    pages: r.alerts.reduce((n, a) => n + a.pages, 0),
  };
}

function mutedNote(results: CatalogueBacktest[]): string[] {
  const muted = results.flatMap((r) =>
    r.alerts.flatMap((a) => [...a.notifications, ...a.datasourceNotifications].filter((n) => n.mutedBy)),
  );
  if (muted.length === 0) return [];
  const names = [...new Set(muted.map((n) => n.mutedBy))].join(", ");
  return [
    `Muted: ${muted.length} notification(s) fell inside a mute timing (${names}) and were not sent then; Alertmanager sends a still-firing alert at the group's first flush after the window, which this report does not list.`,
  ];
}

export function formatBacktest(r: CatalogueBacktest, format: Format, requests?: number): string {
  const t = totals(r);
  const rows = r.alerts.map((a) => [a.uid, a.severity, ...COLUMNS.map((c) => c.cell(a)), a.evaluatedBy]);
  return [
    heading(format, `Backtest of ${r.source}: ${windowText(r)}`),
    "",
    table(format, ["alert", "severity", ...COLUMNS.map((c) => c.title), "evaluated by"], rows),
    "",
    `Total: ${counted(t.episodes, "firing episode")}, ${counted(t.notifications, "notification")} sent, ${counted(t.pages, "page")}.${requests === undefined ? "" : ` ${counted(requests, "datasource request")}.`}`,
    ...mutedNote([r]),
    "",
  ].join("\n");
}

function versus(before: string, after: string): string {
  return before === after ? after : `${before} → ${after}`;
}

export function formatComparison(before: CatalogueBacktest, after: CatalogueBacktest, format: Format, requests?: number): string {
  const uids = [...new Set([...before.alerts, ...after.alerts].map((a) => a.uid))].sort();
  const shown = COLUMNS.filter((c) => c.title !== "evaluations");
  const rows = uids.map((uid) => {
    const b = before.alerts.find((a) => a.uid === uid);
    const a = after.alerts.find((x) => x.uid === uid);
    const cells = shown.map((c) => versus(b ? c.cell(b) : "(absent)", a ? c.cell(a) : "(absent)"));
    const changed = !b || !a || shown.some((c) => c.cell(b) !== c.cell(a));
    return [`${changed ? "* " : ""}${uid}`, (a ?? b)!.severity, ...cells];
  });
  const tb = totals(before);
  const ta = totals(after);
  return [
    heading(format, `Backtest: ${before.source} → ${after.source}, ${windowText(after)}`),
    "",
    table(format, ["alert", "severity", ...shown.map((c) => c.title)], rows),
    "",
    `Total (* = changed): firing episodes ${versus(String(tb.episodes), String(ta.episodes))}, notifications ${versus(String(tb.notifications), String(ta.notifications))}, pages ${versus(String(tb.pages), String(ta.pages))}.${requests === undefined ? "" : ` ${requests} datasource requests.`}`,
    ...mutedNote([before, after]),
    "",
  ].join("\n");
}
