import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseConfig } from "../config/schema";
import { InvalidDefinitionError } from "../config/errors";
import { formatDuration, parseDuration } from "../config/durations";
import { redact } from "../config/secret";
import { readStackFile } from "../config/stack-file";
import { exprOf } from "../model/rules";
import { catalogueAtRef, catalogueOfWorkingTree, queryKinds, type Catalogue } from "./catalogue";
import { lookbackSeconds, recordingRules, type BacktestWindow } from "./evaluate";
import {
  BacktestHttpError,
  datasourceClient,
  describeDatasource,
  type ClientOptions,
  type Datasource,
  type DatasourceClient,
} from "./http";
import { progress as progressLine, type ProgressOptions } from "./progress";
import { formatBacktest, formatComparison, type Format } from "./report";
import { backtestCatalogue, type CatalogueBacktest } from "./run";
import { grafanaTarget } from "./target";

export interface BacktestRequest {
  window: BacktestWindow;
  stackFile: string;
  ref?: string;
  format: Format;
  env?: NodeJS.ProcessEnv;
  client?: Omit<ClientOptions, "onRequestQueued" | "onRequestDone">;
  progress?: ProgressOptions;
  /** Keep promtool's files here instead of a temporary directory. */
  keep?: string;
  /** The longest window backtested (`--max-window`, default MAX_BACKTEST_WINDOW). */
  maxWindow?: string;
}

/** The longest backtest window by default: the SLO's 30 days and a day of margin. */
export const MAX_BACKTEST_WINDOW = "31d";

/** Why the window may not be backtested, or undefined: it is bounded so a typo cannot plan thousands of requests. */
export function windowProblem(window: BacktestWindow, maxWindow = MAX_BACKTEST_WINDOW): string | undefined {
  const max = parseDuration(maxWindow);
  if (!max.ok || max.milliseconds < 1000)
    return `--max-window: expected a duration such as 31d or 90d (${max.ok ? "at least 1s" : max.problem})`;
  const seconds = window.to - window.from;
  if (seconds * 1000 > max.milliseconds) {
    return `--from/--to: the window is ${formatDuration(seconds)}, longer than the limit of ${maxWindow} (each day costs hundreds of datasource requests); narrow it, or raise the limit with --max-window ${formatDuration(Math.ceil(seconds / 86400) * 86400)}`;
  }
  return undefined;
}

export interface BacktestResult {
  after: CatalogueBacktest;
  before?: CatalogueBacktest;
  /** Requests sent to the datasources, retries included. */
  requests: number;
  report: string;
}

/**
 * Recorded metrics Prometheus holds no series of over the window and the history before it that
 * the alerts read (their longest range plus lookback): their recording rules are new.
 */
async function absentMetrics(client: DatasourceClient, ds: Datasource, metrics: string[], w: BacktestWindow): Promise<Set<string>> {
  const absent = new Set<string>();
  await Promise.all(
    metrics.map(async (m) => {
      const body = (await client.get(ds, "/api/v1/series", { "match[]": m, start: String(w.from), end: String(w.to) })) as {
        status?: string;
        data?: unknown;
        error?: unknown;
      } | null;
      if (body === null || typeof body !== "object")
        throw new BacktestHttpError(`${describeDatasource(ds)}: series of ${m}: the answer is not a JSON object`);
      if (body.status !== "success")
        throw new BacktestHttpError(`${describeDatasource(ds)}: series of ${m}: ${redact(String(body.error ?? "failed")).slice(0, 300)}`);
      if (body.data !== undefined && !Array.isArray(body.data))
        throw new BacktestHttpError(`${describeDatasource(ds)}: series of ${m}: data is not a list`);
      if ((body.data ?? []).length === 0) absent.add(m);
    }),
  );
  return absent;
}

/** The longest range back from an evaluation that the catalogue's PromQL alerts read. */
function promqlLookbackSeconds(c: Catalogue, datasources: { loki: string; prometheus: string }): number {
  const exprs = c.rules
    .filter((r) => !r.rule.record && queryKinds(r.rule, datasources).get("A") === "Prometheus")
    .map((r) => exprOf(r.rule.data.find((d) => d.refId === "A")?.model));
  return Math.max(0, ...exprs.filter((e): e is string => e !== undefined).map(lookbackSeconds));
}

/** A recording rule as Loki would compute it: a change in any of these makes its history in Prometheus stale. */
function recordingIdentity(c: Catalogue, metric: string): string | undefined {
  const r = recordingRules(c).get(metric);
  if (!r) return undefined;
  const q = r.rule.data.find((d) => d.refId === r.rule.record?.from);
  return JSON.stringify([q ? exprOf(q.model) : "", q?.datasourceUid, r.rule.labels ?? {}, r.intervalSeconds]);
}

/**
 * Backtests the working tree's alert catalogue (and with `ref`, the catalogue committed there)
 * over a window of the stack's real history, through its Grafana.
 */
export async function runBacktest(req: BacktestRequest): Promise<BacktestResult> {
  if (!(req.window.to > req.window.from))
    throw new Error(
      `--to (${new Date(req.window.to * 1000).toISOString()}) must be after --from (${new Date(req.window.from * 1000).toISOString()})`,
    );
  const tooLong = windowProblem(req.window, req.maxWindow);
  if (tooLong) throw new InvalidDefinitionError("command line", [tooLong]);
  const raw = readStackFile(req.stackFile);
  const cfg = parseConfig(raw);
  const target = grafanaTarget(cfg.grafanaUrl, raw, req.stackFile, req.env);
  const after = catalogueOfWorkingTree(raw, `working tree (${basename(req.stackFile)})`);
  const before = req.ref ? catalogueAtRef(req.ref, req.stackFile) : undefined;

  const bar = progressLine("backtest", req.progress);
  const client = datasourceClient(target, { ...req.client, onRequestQueued: bar.queued, onRequestDone: bar.done });
  const prometheus: Datasource = { kind: "Prometheus", uid: cfg.datasources.prometheus };
  const dir = req.keep ?? mkdtempSync(join(tmpdir(), "pizza-backtest-"));
  try {
    const metrics = [...new Set([...recordingRules(after).keys(), ...(before ? recordingRules(before).keys() : [])])];
    const lookback = Math.max(...[after, ...(before ? [before] : [])].map((c) => promqlLookbackSeconds(c, cfg.datasources)));
    const absent = await absentMetrics(client, prometheus, metrics, { from: req.window.from - lookback, to: req.window.to });
    // Prometheus holds what the deployed rules wrote: a recording rule the working tree adds or changes is computed from Loki.
    const changed = before
      ? [...recordingRules(after).keys()].filter((m) => recordingIdentity(after, m) !== recordingIdentity(before, m))
      : [];
    const options = { client, datasources: cfg.datasources, window: req.window };
    const afterResult = await backtestCatalogue(after, {
      ...options,
      computeRecorded: new Set([...absent, ...changed]),
      dir: join(dir, "after"),
    });
    const beforeResult = before
      ? await backtestCatalogue(before, { ...options, computeRecorded: absent, dir: join(dir, "before") })
      : undefined;
    bar.finish();
    const report = beforeResult
      ? formatComparison(beforeResult, afterResult, req.format, client.requests)
      : formatBacktest(afterResult, req.format, client.requests);
    return { after: afterResult, before: beforeResult, requests: client.requests, report };
  } finally {
    if (!req.keep) rmSync(dir, { recursive: true, force: true });
  }
}
