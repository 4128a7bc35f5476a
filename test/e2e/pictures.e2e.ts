import { createTheme } from "@grafana/data";
import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectorsOf } from "../../src/backtest/evaluate-with-promtool";
import { RENDERED_DIR } from "../../src/config/paths";
import { parseConfig } from "../../src/config/schema";
import { renderArtifacts } from "../../src/emit/files/artifacts";
import { launchChromium, type Chromium } from "../../src/preview/browser";
import { previewDashboards, previewWindow, type PreviewedDashboard } from "../../src/preview";
import { gridRect, type GridPos } from "../../src/preview/layout";
import { drawTimelines } from "../../src/preview/timeline-picture";
import { compareReplays, type ReplaySide } from "../../src/replay/compare";
import { interpolateVariables, rangeQuery } from "../../src/replay/dashboards";
import type { Fixture } from "../../src/replay/fixtures";
import { stackOfRenderedFiles } from "../../src/replay/rendered-stack";
import { stackFixtures } from "../../src/replay/run";
import { mermaidTimeline } from "../../src/replay/timeline";
import { routingTargets } from "../../contact-points/receivers";
import { colourDistance, decodePng, type Pixels } from "../support/pixels";
import { scenarioReplay } from "../support/scenario-replay";
import { exampleConfig, setConfig } from "../support/stack";
import { expectTimelineGeometry } from "../support/timeline-geometry";

/**
 * The pictures, checked in the real browser (Debian's chromium) on data from a real Prometheus:
 * every dashboard previewed during factory-5xx and telemetry-outage, read back from the PNGs; one
 * PNG against its committed reference; every incident timeline of the scenario library and of a
 * whole-library review diff, bar by bar. Minutes of Chromium, Prometheus and promtool: here, not in
 * `npm test` (which draws one review diff's timelines: test/replay/compare.test.ts).
 *
 * The reference: test/e2e/reference/pizza-factory.factory-5xx.png. After a deliberate change to the
 * dashboards or the page, look at the new PNG, then update it with
 *   UPDATE_PREVIEW_REFERENCE=1 npm run e2e -- test/e2e/pictures.e2e.ts
 */

const REFERENCE = join(__dirname, "reference", "pizza-factory.factory-5xx.png");
/**
 * The pictures are compared in blocks of 4 x 4 pixels (their mean colour): glyph anti-aliasing and
 * hinting move single pixels, not blocks, while a moved or missing line, bar or label changes a run
 * of blocks. At most this share of blocks may differ by more than 32 in a channel's mean: 0.05% of
 * the dashboard's 160,000 blocks is 80, and a threshold line drawn where none belongs changed 108.
 */
const BLOCK = 4;
const REFERENCE_TOLERANCE = 0.0005;

const raw = exampleConfig();
const cfg = parseConfig(raw);
const files = renderArtifacts(raw);
const fixtures = stackFixtures(cfg, [0]);
const theme = createTheme();
const dir = mkdtempSync(join(tmpdir(), "pizza-pictures-e2e-"));

/** The dashboards as committed (rendered/dashboards), read independently of the preview. */
const committed = new Map(
  ["pizza-factory", "pizza-orders", "pizza-overview", "pizza-telemetry"].map((uid) => [
    uid,
    JSON.parse(readFileSync(join(RENDERED_DIR, "dashboards", `${uid}.json`), "utf8")) as dashboard.Dashboard,
  ]),
);

let browser: Chromium;
const previews = new Map<string, Array<PreviewedDashboard & { pixels: Pixels }>>();

beforeAll(async () => {
  browser = await launchChromium();
  for (const scenario of ["factory-5xx", "telemetry-outage"]) {
    const fixture = fixtures.find((f) => f.name === scenario)!;
    const drawn = await previewDashboards({ side: { files, cfg }, fixture, outDir: join(dir, scenario), browser });
    previews.set(scenario, await Promise.all(drawn.map(async (d) => ({ ...d, pixels: await decodePng(browser, readFileSync(d.file)) }))));
  }
}, 300_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Colour = [number, number, number];
function colour(css: string): Colour {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(css);
  if (hex) return [1, 2, 3].map((i) => parseInt(hex[i], 16)) as Colour;
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  expect(rgb, `a colour: ${css}`).not.toBeNull();
  return [1, 2, 3].map((i) => Number(rgb![i])) as Colour;
}

/** Pixels of `c` (within `tolerance` per channel) inside a box of the picture. */
function countColour(p: Pixels, box: { x: number; y: number; width: number; height: number }, c: Colour, tolerance = 24): number {
  let n = 0;
  for (let y = Math.ceil(box.y); y < box.y + box.height; y++)
    for (let x = Math.ceil(box.x); x < box.x + box.width; x++) if (colourDistance(p.at(x, y), c) <= tolerance) n++;
  return n;
}

const flat = (d: dashboard.Dashboard) => (d.panels ?? []) as Array<dashboard.Panel | dashboard.RowPanel>;

describe.each(["factory-5xx", "telemetry-outage"])("the four dashboards previewed during %s", (scenario) => {
  const fixture = fixtures.find((f) => f.name === scenario)!;
  const all = () => previews.get(scenario)!;

  it("every panel of every dashboard is drawn where Grafana's grid puts it, over the panel's own background", () => {
    expect(
      all()
        .map((d) => d.uid)
        .sort(),
    ).toEqual([...committed.keys()].sort());
    for (const d of all()) {
      const json = committed.get(d.uid)!;
      const panels = flat(json);
      expect(
        d.drawn.map((p) => p.id),
        d.uid,
      ).toEqual(panels.map((p) => p.id));
      for (const [i, p] of panels.entries()) {
        const drawn = d.drawn[i];
        const rect = gridRect(p.gridPos as GridPos, d.model.width - 2 * d.model.gridLeft);
        const where = `${d.uid} panel ${p.id} (${p.title})`;
        expect(drawn.kind, where).not.toBe("unsupported");
        expect(Math.abs(drawn.box.x - (d.model.gridLeft + rect.x)), where).toBeLessThanOrEqual(1);
        expect(Math.abs(drawn.box.y - (d.model.gridTop + rect.y)), where).toBeLessThanOrEqual(1);
        expect(Math.abs(drawn.box.width - rect.width), where).toBeLessThanOrEqual(1);
        expect(Math.abs(drawn.box.height - rect.height), where).toBeLessThanOrEqual(1);
        if (p.type !== "row")
          expect(
            colourDistance(d.pixels.at(drawn.box.x + 4, drawn.box.y + 4), colour(theme.components.panel.background)),
            where,
          ).toBeLessThan(8);
      }
      expect(d.pixels.height, d.uid).toBe(Math.round(d.model.height));
    }
  });

  it("series are drawn where the scenario has data, in their own colour; a panel whose every query is empty says No data", () => {
    let checked = 0;
    for (const d of all()) {
      const json = committed.get(d.uid)!;
      const { fromSeconds, toSeconds } = previewWindow(fixture, json);
      for (const p of flat(json).filter((x): x is dashboard.Panel => x.type === "timeseries")) {
        const drawn = d.drawn.find((x) => x.id === p.id)!;
        const where = `${d.uid} panel ${p.id} (${p.title}) during ${scenario}`;
        const withData = (p.targets ?? []).filter((t) => hasData(t as never, p, json, fixture, fromSeconds, toSeconds));
        if (withData.length === 0) {
          expect(drawn.noData, `${where}: no query has data, so No data`).toBe(true);
          continue;
        }
        expect(drawn.noData, where).toBe(false);
        for (const t of withData) {
          const refId = (t as unknown as { refId: string }).refId;
          const series = (drawn.series ?? []).filter((s) => s.refId === refId);
          expect(series.length, `${where}: query ${refId} is drawn`).toBeGreaterThan(0);
          for (const s of series) {
            expect(s.points, `${where}: ${s.name}`).toBeGreaterThan(0);
            // Its colour in the plot; where another series covers it exactly, in its legend.
            const inPlot = countColour(d.pixels, drawn.plot!.box, colour(s.paint));
            const inPanel = countColour(d.pixels, drawn.box, colour(s.color));
            expect(inPlot > 0 || inPanel > 0, `${where}: ${s.name} (${s.paint}) in the picture`).toBe(true);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
    console.info(`${scenario}: ${checked} series found in the pictures`);
  });

  it("threshold lines sit at the configured values: a dashed line of the step's colour on the y the axis gives the value", () => {
    let lines = 0;
    for (const d of all()) {
      for (const p of flat(committed.get(d.uid)!).filter((x): x is dashboard.Panel => x.type === "timeseries")) {
        const custom = (p.fieldConfig?.defaults?.custom ?? {}) as { thresholdsStyle?: { mode?: string } };
        const mode = custom.thresholdsStyle?.mode ?? "off";
        const steps = (p.fieldConfig?.defaults?.thresholds?.steps ?? []).filter((s) => s.value !== null && s.value !== undefined);
        const drawn = d.drawn.find((x) => x.id === p.id)!;
        if (mode === "off" || steps.length === 0 || !drawn.plot) continue;
        const { box, yMin, yMax } = drawn.plot;
        const { min, max } = p.fieldConfig?.defaults ?? {};
        if (min !== undefined) expect(yMin, `${d.uid} panel ${p.id}: the axis starts at the field's min`).toBe(min);
        if (max !== undefined) expect(yMax, `${d.uid} panel ${p.id}: the axis ends at the field's max`).toBe(max);
        for (const s of steps) {
          const value = s.value as number;
          if (value < yMin || value > yMax) continue;
          const y = box.y + (1 - (value - yMin) / (yMax - yMin)) * box.height;
          const c = colour(theme.visualization.getColorByName(s.color));
          // The rows of the plot holding the step's colour: the most of it lies on the value's y (a series
          // drawn over the line may hide parts of it, as in Grafana), and it is dashed, never solid.
          const rows = Array.from({ length: Math.floor(box.height) }, (_, i) => ({
            y: Math.ceil(box.y) + i,
            n: countColour(d.pixels, { x: box.x, y: Math.ceil(box.y) + i, width: box.width, height: 1 }, c, 40),
          }));
          const line = rows.reduce((a, b) => (b.n > a.n ? b : a));
          const where = `${d.uid} panel ${p.id} (${p.title}): threshold ${value} at y ${y.toFixed(1)}`;
          expect(line.n, `${where}: drawn`).toBeGreaterThanOrEqual(8);
          expect(Math.abs(line.y - y), `${where}: drawn at y ${line.y}`).toBeLessThanOrEqual(1.5);
          expect(line.n / box.width, `${where}: dashed, not solid`).toBeLessThan(0.8);
          lines++;
        }
      }
    }
    expect(lines).toBeGreaterThanOrEqual(4);
    console.info(`${scenario}: ${lines} threshold lines found at their values`);
  });

  it("the page logged no error", () => {
    for (const d of all()) expect(d.consoleErrors, d.uid).toEqual([]);
  });
});

/** Whether a target's query has data in the window, asked of the scenario directly (not of the preview). */
function hasData(
  t: { expr?: string; datasource?: { type?: string } },
  p: dashboard.Panel,
  d: dashboard.Dashboard,
  fixture: Fixture,
  from: number,
  to: number,
): boolean {
  const expr = interpolateVariables(t.expr ?? "", d);
  const type = t.datasource?.type ?? p.datasource?.type;
  if (type === "loki") {
    const r = rangeQuery(expr, fixture, 60, Math.ceil(from / 60) * 60);
    return r.series.some((s) => s.values.some((v, i) => v !== undefined && r.times[i] <= to));
  }
  // PromQL: a series of each metric the query reads, with a sample in the window (a counter's increase needs two).
  const step = fixture.sampleIntervalSeconds;
  return selectorsOf(expr).every(({ metric }) =>
    fixture.series.some(
      (s) => s.metric === metric && s.values.filter((v, i) => v !== undefined && i * step >= from && i * step <= to).length >= 2,
    ),
  );
}

describe("one dashboard's PNG against its committed reference", () => {
  it(`pizza-factory during factory-5xx differs from ${REFERENCE.slice(REFERENCE.indexOf("test/"))} in at most ${REFERENCE_TOLERANCE * 100}% of its 4x4 blocks`, async () => {
    const drawn = previews.get("factory-5xx")!.find((d) => d.uid === "pizza-factory")!;
    const png = readFileSync(drawn.file);
    if (process.env.UPDATE_PREVIEW_REFERENCE === "1") {
      mkdirSync(dirname(REFERENCE), { recursive: true });
      writeFileSync(REFERENCE, png);
      console.warn(`UPDATE_PREVIEW_REFERENCE=1: wrote ${REFERENCE}`);
    }
    expect(existsSync(REFERENCE), `${REFERENCE} (UPDATE_PREVIEW_REFERENCE=1 npm run e2e -- test/e2e/pictures.e2e.ts writes it)`).toBe(true);
    const reference = await decodePng(browser, readFileSync(REFERENCE));
    expect([drawn.pixels.width, drawn.pixels.height]).toEqual([reference.width, reference.height]);
    const mean = (p: Pixels, bx: number, by: number) => {
      const sum = [0, 0, 0];
      for (let y = by; y < by + BLOCK; y++)
        for (let x = bx; x < bx + BLOCK; x++)
          p.at(x, y)
            .slice(0, 3)
            .forEach((v, i) => (sum[i] += v));
      return sum.map((v) => v / (BLOCK * BLOCK));
    };
    let blocks = 0;
    let differing = 0;
    for (let by = 0; by + BLOCK <= reference.height; by += BLOCK)
      for (let bx = 0; bx + BLOCK <= reference.width; bx += BLOCK) {
        blocks++;
        if (colourDistance(mean(drawn.pixels, bx, by), mean(reference, bx, by)) > 32) differing++;
      }
    const share = differing / blocks;
    console.info(
      `pizza-factory.png: ${differing} of ${blocks} blocks of ${BLOCK}x${BLOCK} pixels (${(share * 100).toFixed(3)}%) differ from the reference`,
    );
    expect(share).toBeLessThanOrEqual(REFERENCE_TOLERANCE);
  });
});

describe("incident timelines, drawn by Mermaid in Chromium", () => {
  it("every fixture of the scenario library: bars and milestones where the replay puts them (past an hour too)", async () => {
    const { results } = await scenarioReplay();
    const drawn = results.filter((r) => r.fixture.incident || r.alerts.some((a) => a.category !== "watchdog" && a.episodes.length));
    expect(drawn.some((r) => r.fixture.durationSeconds > 3600)).toBe(true);
    const pictures = await drawTimelines(
      browser,
      drawn.map((r) => mermaidTimeline(r)),
    );
    for (const [i, p] of pictures.entries()) expectTimelineGeometry(p, drawn[i], await decodePng(browser, p.png));
    console.info(`${pictures.length} timelines, ${pictures.reduce((n, p) => n + p.tasks.length, 0)} bars and milestones, each within 2 px`);
  }, 600_000);

  it("every timeline of the review diff that raises orderFailures.minFailures from 2 to 6, over the whole library", async () => {
    const side = (label: string, raw: Record<string, unknown>): ReplaySide => {
      const c = parseConfig(raw);
      return { label, stack: stackOfRenderedFiles(renderArtifacts(raw), label), cfg: c, pager: routingTargets(c).pager };
    };
    const after = exampleConfig();
    setConfig("pizza-observability:thresholds", "orderFailures.minFailures", 6)(after);
    const comparison = await compareReplays(side("main", exampleConfig()), side("working tree", after), stackFixtures(cfg));
    expect(comparison.changed.length).toBeGreaterThan(0);
    const charts = comparison.changed.flatMap((c) => [
      { text: c.timelines.before, replay: c.replays.before },
      { text: c.timelines.after, replay: c.replays.after },
    ]);
    const pictures = await drawTimelines(
      browser,
      charts.map((c) => c.text),
    );
    for (const [i, p] of pictures.entries()) expectTimelineGeometry(p, charts[i].replay, await decodePng(browser, p.png));
    console.info(
      `${comparison.changed.length} scenarios change (${comparison.changed.map((c) => c.fixture).join(", ")}): ${pictures.length} timelines, ${pictures.reduce((n, p) => n + p.tasks.length, 0)} bars and milestones, each within 2 px`,
    );
  }, 900_000);
});
