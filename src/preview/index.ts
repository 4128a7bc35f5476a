import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDuration } from "../config/durations";
import { InvalidDefinitionError } from "../config/errors";
import { outputFolderProblem } from "../config/paths";
import type { Config } from "../config/schema";
import type { Fixture } from "../replay/fixtures";
import { stackOfRenderedFiles } from "../replay/rendered-stack";
import { replayStack, type FixtureReplay } from "../replay/run";
import { launchChromium, type Chromium } from "./browser";
import type { DashboardModel, DrawnPanel } from "./model";
import { pageScript, uPlotStylesheet } from "./page-bundle";
import { dashboardModel, type PreviewWorld } from "./panel-data";
import { backfilledPrometheus, recordedSeries, type RunningPrometheus } from "./prometheus";
import { counted } from "../model/text";

/**
 * `npm run preview`: each dashboard as it would look during a scenario, one PNG per dashboard.
 * The scenario's series (and what the stack's Loki recording rules would have written) are
 * backfilled into a real Prometheus, as the backtest's test world does; LogQL panels run on the
 * replay's evaluator; the stack is replayed over the scenario for the alert list. The dashboards'
 * "now" is the incident's end (the scenario's end without one), their time range the dashboard's
 * own (now-3h) cut at the scenario's start. The page is drawn in Chromium (src/preview/page/).
 */

/** The scenario a preview is drawn during unless told otherwise: the seed incident. */
export const DEFAULT_PREVIEW_SCENARIO = "factory-5xx";

/** The scenario's time 0 on the preview's clock: midnight UTC, so the time axis reads as time into the scenario. */
export const PREVIEW_ORIGIN_SECONDS = Date.UTC(2025, 0, 1) / 1000;
/** The page's width (Grafana on a 1600 px wide screen without its side menu) and its padding around the grid. */
export const PAGE_WIDTH = 1600;
const PAGE_PADDING = 16;
const GRID_TOP = 72;

/** One side's definitions: its rendered files (alerting/ and dashboards/) and its config. */
export interface PreviewSide {
  files: Map<string, string>;
  cfg: Config;
}

/** The rendered dashboards of a side, by uid. */
export function renderedDashboards(files: Map<string, string>): dashboard.Dashboard[] {
  return [...files]
    .filter(([path]) => /^dashboards\/[^/]+\.json$/.test(path))
    .map(([path, text]) => {
      try {
        return JSON.parse(text) as dashboard.Dashboard;
      } catch (e) {
        throw new Error(`${path}: not JSON (${(e as Error).message.split("\n")[0]})`);
      }
    });
}

/** The rendered dashboards `uids` names (every one without it); an unknown uid is refused, naming the stack's. */
export function selectedDashboards(files: Map<string, string>, uids?: string[]): dashboard.Dashboard[] {
  const all = renderedDashboards(files);
  const unknown = (uids ?? []).filter((u) => !all.some((d) => d.uid === u));
  if (unknown.length > 0)
    throw new InvalidDefinitionError("command line", [
      `--dashboard: no dashboard ${unknown.map((u) => JSON.stringify(u.slice(0, 100))).join(", ")} (the stack has ${all.map((d) => d.uid).join(", ")})`,
    ]);
  return uids ? all.filter((d) => uids.includes(d.uid ?? "")) : all;
}

/** The dashboard's "now" (the incident's end, or the scenario's) and its time range cut at the scenario's start, in seconds into the scenario. */
export function previewWindow(fixture: Fixture, d: dashboard.Dashboard): { fromSeconds: number; toSeconds: number } {
  const toSeconds = fixture.incident?.endSeconds ?? fixture.durationSeconds;
  const relative = /^now-(.+)$/.exec(d.time?.from ?? "now-6h")?.[1];
  const parsed = relative ? parseDuration(relative) : undefined;
  const span = parsed?.ok ? parsed.milliseconds / 1000 : 6 * 3600;
  return { fromSeconds: Math.max(0, toSeconds - span), toSeconds };
}

function clock(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(11, 19);
}

export interface PreviewedDashboard {
  uid: string;
  title: string;
  file: string;
  model: DashboardModel;
  drawn: DrawnPanel[];
  /** Console errors of the page while it drew this dashboard (none expected). */
  consoleErrors: string[];
}

export interface PreviewRequest {
  side: PreviewSide;
  fixture: Fixture;
  /** Only these dashboards (uids); every one when absent. */
  uids?: string[];
  outDir: string;
  /** File names: `<prefix><uid>.png`. */
  prefix?: string;
  progress?: (line: string) => void;
  /** A running Chromium to draw with (the caller closes it); one is started otherwise. */
  browser?: Chromium;
}

/** Draws each model on one page and writes its PNG. */
async function drawAll(
  browser: Chromium,
  models: DashboardModel[],
  outDir: string,
  prefix: string,
): Promise<Array<Omit<PreviewedDashboard, "uid" | "title">>> {
  const { page, errors } = await browser.newPage(PAGE_WIDTH);
  try {
    const script = await pageScript();
    const out: Array<Omit<PreviewedDashboard, "uid" | "title">> = [];
    for (const model of models) {
      await page.setViewportSize({ width: PAGE_WIDTH, height: model.height });
      await page.setContent(
        `<!doctype html><html><head><meta charset="utf-8"><style>${uPlotStylesheet()}</style></head><body></body></html>`,
      );
      await page.addScriptTag({ content: script });
      const before = errors.length;
      const drawn = await page.evaluate(
        (m) => (window as unknown as { previewDashboard(m: DashboardModel): Promise<DrawnPanel[]> }).previewDashboard(m),
        model,
      );
      const file = join(outDir, `${prefix}${model.uid}.png`);
      writeFileSync(file, await page.locator("#dashboard").screenshot({ type: "png" }));
      out.push({ file, model, drawn, consoleErrors: errors.slice(before) });
    }
    return out;
  } finally {
    await page.close();
  }
}

/** Previews the side's dashboards during the fixture: one PNG each in `outDir`. */
export async function previewDashboards(req: PreviewRequest): Promise<PreviewedDashboard[]> {
  const refused = outputFolderProblem(req.outDir, "--out", "preview");
  if (refused) throw new InvalidDefinitionError("command line", [refused]);
  const progress = req.progress ?? (() => {});
  const dashboards = selectedDashboards(req.side.files, req.uids);
  mkdirSync(req.outDir, { recursive: true });
  const stack = stackOfRenderedFiles(req.side.files, "preview");
  const dir = mkdtempSync(join(tmpdir(), "pizza-preview-"));
  const started = Date.now();
  const since = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  let prometheus: RunningPrometheus | undefined;
  // Chromium and the page's script get ready while the stack is replayed and Prometheus starts.
  const launching = req.browser ? Promise.resolve(req.browser) : launchChromium();
  const bundling = pageScript();
  launching.catch(() => {});
  bundling.catch(() => {});
  try {
    progress(`preview: replaying the stack over ${req.fixture.name} and backfilling Prometheus`);
    const replaying: Promise<FixtureReplay> = replayStack({ stack, cfg: req.side.cfg, dir: join(dir, "replay") }, [req.fixture]).then(
      (r) => r[0],
    );
    const booting = backfilledPrometheus(req.fixture, recordedSeries(stack, req.side.cfg, req.fixture), PREVIEW_ORIGIN_SECONDS, dir);
    const [replay, running] = await Promise.all([replaying, booting]).catch(async (e) => {
      await booting.then((p) => p.stop()).catch(() => {});
      throw e;
    });
    prometheus = running;
    progress(`preview: ${since()} Prometheus ready, replay done; querying ${dashboards.length} dashboards`);
    const models = await Promise.all(
      dashboards.map((d) => {
        const { fromSeconds, toSeconds } = previewWindow(req.fixture, d);
        const world: PreviewWorld = {
          fixture: req.fixture,
          replay,
          originSeconds: PREVIEW_ORIGIN_SECONDS,
          prometheusUrl: running.url,
          from: (PREVIEW_ORIGIN_SECONDS + fromSeconds) * 1000,
          to: (PREVIEW_ORIGIN_SECONDS + toSeconds) * 1000,
        };
        const subtitle =
          `Preview during ${req.fixture.name}: ${clock(fromSeconds)} to ${clock(toSeconds)} into the scenario` +
          `${req.fixture.incident ? ` (incident ${clock(req.fixture.incident.startSeconds)} to ${clock(req.fixture.incident.endSeconds)})` : ""}` +
          ` · now = ${clock(toSeconds)} · ${variablesText(d)}`;
        return dashboardModel(d, world, { width: PAGE_WIDTH, gridLeft: PAGE_PADDING, gridTop: GRID_TOP, subtitle });
      }),
    );
    progress(`preview: ${since()} queries done; drawing in Chromium`);
    const drawn = await drawAll(await launching, models, req.outDir, req.prefix ?? "");
    progress(`preview: ${since()} wrote ${counted(drawn.length, "PNG")} to ${req.outDir}`);
    return drawn.map((x, i) => ({ uid: dashboards[i].uid ?? "", title: dashboards[i].title ?? "", ...x }));
  } finally {
    await prometheus?.stop();
    if (!req.browser) await launching.then((b) => b.close()).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The dashboard's variables at their current values, as its variable bar shows them. */
function variablesText(d: dashboard.Dashboard): string {
  return (d.templating?.list ?? [])
    .map((v) => `${v.label ?? v.name}: ${String((v.current as { text?: unknown } | undefined)?.text ?? "")}`)
    .join(" · ");
}
