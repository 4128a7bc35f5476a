/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { colorManipulator, createTheme, formattedValueToString, getActiveThreshold, getValueFormat, type Threshold } from "@grafana/data";
import uPlot from "uplot";
import type {
  AlertListPanel,
  DashboardModel,
  DrawnPanel,
  FieldOptions,
  LogsPanel,
  PanelModel,
  Rect,
  SeriesData,
  StatPanel,
  ThresholdStep,
  TimeSeriesPanel,
} from "../model";

/**
 * Runs in Chromium (bundled with uPlot and @grafana/data by ../page-bundle.ts): draws a dashboard
 * model the way Grafana's dark theme shows it. Time series are uPlot charts; units are formatted by
 * Grafana's own value formatters and colours come from its theme (`createTheme`): the classic
 * palette for series, named colours for thresholds. Stat, gauge, logs and alert list panels are
 * drawn plainly. Returns, per panel, what it drew (read back by the tests).
 */

const theme = createTheme();
const FONT = `'Inter', 'DejaVu Sans', sans-serif`;
const HEADER = theme.spacing.gridSize * theme.components.panel.headerHeight;
const PADDING = theme.spacing.gridSize * theme.components.panel.padding;
/** Grafana's bar defaults (timeseries barWidthFactor, barMaxWidth). */
const BAR_WIDTH_FACTOR = 0.6;
const BAR_MAX_WIDTH = 200;
/** Grafana's threshold area fill (timeseries thresholdsStyle area modes). */
const AREA_ALPHA = 0.15;

const colour = (name: string) => theme.visualization.getColorByName(name);
const seriesColour = (i: number) => colour(theme.visualization.palette[i % theme.visualization.palette.length]);

function format(field: FieldOptions, value: number): string {
  return formattedValueToString(getValueFormat(field.unit ?? "short")(value, field.decimals));
}

function thresholdColour(steps: ThresholdStep[], value: number): string {
  const thresholds: Threshold[] = steps.map((s) => ({ value: s.value ?? -Infinity, color: s.color }));
  return colour(getActiveThreshold(value, thresholds).color);
}

/** `c` at `alpha` over the panel's background, opaque: stacked bars must not show each other through. */
function over(c: string, alpha: number): string {
  return colorManipulator.onBackground(colorManipulator.alpha(colour(c), alpha), theme.components.panel.background).toString();
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, style: Partial<CSSStyleDeclaration>, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  Object.assign(e.style, style);
  if (text !== undefined) e.textContent = text;
  return e;
}

function relative(b: DOMRect, root: DOMRect): Rect {
  return { x: b.left - root.left, y: b.top - root.top, width: b.width, height: b.height };
}

/** A text centred over the whole of a panel's content. */
function centred(text: string, style: Partial<CSSStyleDeclaration>): HTMLDivElement {
  return el("div", { position: "absolute", inset: "0", display: "flex", alignItems: "center", justifyContent: "center", ...style }, text);
}

function noData(content: HTMLElement, text = "No data"): void {
  content.append(centred(text, { color: theme.colors.text.secondary, fontSize: "14px" }));
}

const measure = document.createElement("canvas").getContext("2d")!;

/** The y axis is as wide as its longest label (uPlot calls this with the labels it will draw). */
function axisWidth(_u: uPlot, values: string[] | null): number {
  measure.font = `12px ${FONT}`;
  return Math.ceil(Math.max(24, ...(values ?? []).map((v) => measure.measureText(v).width))) + 14;
}

interface Drawn {
  report: Partial<DrawnPanel>;
  /** Filled once the chart has drawn (uPlot commits on a microtask). */
  after?: () => void;
}

/** Values of every series on the union of their times, for uPlot (seconds on x). */
function aligned(series: SeriesData[]): { xs: number[]; ys: Array<Array<number | null>> } {
  const xs = [...new Set(series.flatMap((s) => s.times))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const ys = series.map((s) => {
    const v: Array<number | null> = new Array(xs.length).fill(null);
    s.times.forEach((t, i) => (v[index.get(t)!] = s.values[i]));
    return v;
  });
  return { xs: xs.map((x) => x / 1000), ys };
}

function timeSeries(p: TimeSeriesPanel, content: HTMLElement, root: HTMLElement, model: DashboardModel): Drawn {
  const visible = p.series.filter((s) => s.values.some((v) => v !== null));
  if (visible.length === 0) {
    noData(content);
    return { report: { noData: true, series: [] } };
  }
  const colours = visible.map((_, i) => seriesColour(i));
  const legendHeight = p.legend.show ? 22 * Math.ceil(visible.length / 4) : 0;
  const legend = el("div", {
    position: "absolute",
    left: "0",
    right: "0",
    bottom: "0",
    height: `${legendHeight}px`,
    display: p.legend.show ? "flex" : "none",
    flexWrap: "wrap",
    gap: "0 16px",
    fontSize: "12px",
    color: theme.colors.text.primary,
  });
  visible.forEach((s, i) => {
    const item = el("span", { display: "inline-flex", alignItems: "center", gap: "6px", height: "22px" });
    item.append(el("span", { width: "14px", height: "4px", borderRadius: "2px", background: colours[i] }), el("span", {}, s.name));
    legend.append(item);
  });
  content.append(legend);
  const { xs, ys } = aligned(visible);
  // Stacked series draw cumulative values, the last on top of the stack first so the ones below paint over it.
  const plotted = p.stacked
    ? ys.map((_, i) => xs.map((__, j) => (ys[i][j] === null ? null : ys.slice(0, i + 1).reduce((a, y) => a + (y[j] ?? 0), 0))))
    : ys;
  const order = p.stacked ? [...plotted.keys()].reverse() : [...plotted.keys()];
  const values = plotted.flat().filter((v): v is number => v !== null);
  const dataMin = Math.min(...values, p.drawStyle === "bars" ? 0 : Infinity);
  const dataMax = Math.max(...values, p.drawStyle === "bars" ? 0 : -Infinity);
  const [autoMin, autoMax] = uPlot.rangeNum(dataMin, dataMax, 0.1, true);
  const yMin = p.field.min ?? (dataMin >= 0 && (autoMin ?? 0) < 0 ? 0 : (autoMin ?? dataMin));
  const yMax = p.field.max ?? autoMax ?? dataMax;
  const fill = p.fillOpacity > 0 ? p.fillOpacity / 100 : 0;
  const thresholds = p.thresholdsStyle === "off" ? [] : p.field.thresholds;
  const dashed = p.thresholdsStyle.startsWith("dashed");
  const area = p.thresholdsStyle.endsWith("area");
  const drawnThresholds: NonNullable<DrawnPanel["thresholds"]> = [];
  const axis = {
    stroke: theme.colors.text.secondary,
    font: `12px ${FONT}`,
    grid: { stroke: theme.colors.border.weak, width: 1 },
    ticks: { show: false },
  };
  const opts: uPlot.Options = {
    width: content.clientWidth,
    height: content.clientHeight - legendHeight,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: true, range: [model.from / 1000, model.to / 1000] }, y: { range: [yMin, yMax] } },
    axes: [
      { ...axis, values: (_u, splits) => splits.map((v) => uPlot.fmtDate("{HH}:{mm}")(new Date(v * 1000))) },
      { ...axis, size: axisWidth, values: (_u, splits) => splits.map((v) => format(p.field, v)) },
    ],
    series: [
      {},
      ...order.map((i) => ({
        label: visible[i].name,
        stroke: colours[i],
        width: p.drawStyle === "bars" ? 0 : p.lineWidth,
        ...(p.drawStyle === "bars"
          ? {
              paths: uPlot.paths.bars!({ size: [BAR_WIDTH_FACTOR, BAR_MAX_WIDTH] }),
              fill: p.stacked ? over(colours[i], fill || 1) : colorManipulator.alpha(colours[i], fill || 1),
            }
          : fill > 0
            ? { fill: colorManipulator.alpha(colours[i], fill) }
            : {}),
        // Grafana's showPoints "auto" is uPlot's own: points appear where samples are sparse (an isolated sample stays visible).
        points: p.drawStyle === "bars" ? { show: false } : p.drawStyle === "points" ? { show: true } : { size: 5 },
        spanGaps: false,
      })),
    ],
    hooks: {
      drawAxes: [
        (u) => {
          const ctx = u.ctx;
          const { left, top, width, height } = u.bbox;
          const steps = [...thresholds].sort((a, b) => (a.value ?? -Infinity) - (b.value ?? -Infinity));
          ctx.save();
          ctx.beginPath();
          ctx.rect(left, top, width, height);
          ctx.clip();
          steps.forEach((s, i) => {
            const from = s.value === null ? top + height : u.valToPos(s.value, "y", true);
            const next = steps[i + 1];
            const to = next?.value === undefined || next.value === null ? top : u.valToPos(next.value, "y", true);
            if (area) {
              ctx.fillStyle = colorManipulator.alpha(colour(s.color), AREA_ALPHA);
              ctx.fillRect(left, Math.min(from, to), width, Math.abs(from - to));
            }
            if (s.value !== null && s.value >= yMin && s.value <= yMax) {
              ctx.strokeStyle = colour(s.color);
              ctx.lineWidth = 1 * devicePixelRatio;
              ctx.setLineDash(dashed ? [10 * devicePixelRatio, 10 * devicePixelRatio] : []);
              ctx.beginPath();
              // On a whole pixel, inside the plot: a threshold at the axis' end stays visible.
              const y = Math.min(Math.max(Math.round(from), top), top + height - 1) + 0.5;
              ctx.moveTo(left, y);
              ctx.lineTo(left + width, y);
              ctx.stroke();
            }
          });
          ctx.restore();
        },
      ],
    },
  };
  const u = new uPlot(opts, [xs, ...order.map((i) => plotted[i])] as uPlot.AlignedData, content);
  return {
    report: {
      noData: false,
      series: visible.map((s, i) => ({
        name: s.name,
        refId: s.refId,
        color: colours[i],
        paint: p.drawStyle === "bars" ? over(colours[i], fill || 1) : colours[i],
        points: s.values.filter((v) => v !== null).length,
      })),
      thresholds: drawnThresholds,
    },
    after: () => {
      const over = u.over.getBoundingClientRect();
      const origin = root.getBoundingClientRect();
      for (const s of thresholds)
        if (s.value !== null && s.value >= yMin && s.value <= yMax)
          drawnThresholds.push({ value: s.value, color: colour(s.color), y: over.top - origin.top + u.valToPos(s.value, "y") });
      plotBoxes.set(p.id, { box: relative(over, origin), yMin, yMax, xMin: model.from / 1000, xMax: model.to / 1000 });
    },
  };
}

const plotBoxes = new Map<number, NonNullable<DrawnPanel["plot"]>>();

function reduce(values: Array<number | null>, reducer: StatPanel["reducer"]): number | null {
  const present = values.filter((v): v is number => v !== null && !Number.isNaN(v));
  switch (reducer) {
    case "last":
      return values.length ? values[values.length - 1] : null;
    case "lastNotNull":
      return present.length ? present[present.length - 1] : null;
    case "mean":
      return present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
    case "max":
      return present.length ? Math.max(...present) : null;
    case "min":
      return present.length ? Math.min(...present) : null;
    case "sum":
      return present.reduce((a, b) => a + b, 0);
  }
}

function sparkline(canvas: HTMLCanvasElement, values: Array<number | null>, stroke: string): void {
  const ctx = canvas.getContext("2d")!;
  const present = values.filter((v): v is number => v !== null);
  if (present.length < 2) return;
  const [lo, hi] = [Math.min(...present), Math.max(...present)];
  const x = (i: number) => (i / (values.length - 1)) * canvas.width;
  const y = (v: number) => canvas.height - (hi === lo ? 0.5 : (v - lo) / (hi - lo)) * canvas.height * 0.9;
  ctx.beginPath();
  let started = false;
  values.forEach((v, i) => {
    if (v === null) return;
    if (started) ctx.lineTo(x(i), y(v));
    else ctx.moveTo(x(i), y(v));
    started = true;
  });
  ctx.strokeStyle = stroke;
  ctx.lineWidth = 1;
  ctx.stroke();
}

function stat(p: StatPanel, content: HTMLElement): Drawn {
  const first = p.series[0];
  const value = first ? reduce(first.values, p.reducer) : null;
  if (value === null && p.field.noValue === undefined) {
    noData(content);
    return { report: { noData: true } };
  }
  const text = value === null ? p.field.noValue! : format(p.field, value);
  const c = value === null ? theme.colors.text.primary : thresholdColour(p.field.thresholds, value);
  if (p.kind === "gauge") return gauge(p, content, value, text, c);
  const background = p.colorMode === "background";
  content.style.background = background ? c : "transparent";
  content.style.borderRadius = "2px";
  if (p.graphMode === "area" && first) {
    const canvas = el("canvas", { position: "absolute", left: "0", bottom: "0", width: "100%", height: "40%" });
    canvas.width = content.clientWidth;
    canvas.height = Math.round(content.clientHeight * 0.4);
    content.append(canvas);
    sparkline(canvas, first.values, background ? "rgba(255,255,255,0.6)" : c);
  }
  // As large as fits: about 0.6 em per character of DejaVu Sans.
  const size = Math.max(12, Math.min(content.clientHeight * 0.4, (content.clientWidth * 0.85) / (0.62 * Math.max(2, text.length))));
  content.append(centred(text, { fontSize: `${Math.round(size)}px`, fontWeight: "500", color: background ? "#ffffff" : c }));
  return { report: { noData: false, text, color: c } };
}

function gauge(p: StatPanel, content: HTMLElement, value: number | null, text: string, c: string): Drawn {
  const canvas = el("canvas", { position: "absolute", inset: "0" });
  canvas.width = content.clientWidth;
  canvas.height = content.clientHeight;
  content.append(canvas);
  const ctx = canvas.getContext("2d")!;
  const min = p.field.min ?? 0;
  const max = p.field.max ?? 100;
  const cx = canvas.width / 2;
  const r = Math.min(canvas.width / 2, canvas.height * 0.75) * 0.85;
  const cy = canvas.height / 2 + r * 0.35;
  const angle = (v: number) => Math.PI * (0.75 + 1.5 * Math.min(1, Math.max(0, (v - min) / (max - min))));
  const steps = [...p.field.thresholds].sort((a, b) => (a.value ?? -Infinity) - (b.value ?? -Infinity));
  steps.forEach((s, i) => {
    const next = steps[i + 1];
    ctx.beginPath();
    ctx.arc(cx, cy, r, angle(s.value ?? min), angle(next?.value ?? max));
    ctx.strokeStyle = colour(s.color);
    ctx.lineWidth = Math.max(3, r * 0.06);
    ctx.stroke();
  });
  ctx.beginPath();
  ctx.arc(cx, cy, r * 0.82, angle(min), angle(max));
  ctx.strokeStyle = theme.colors.background.secondary;
  ctx.lineWidth = r * 0.2;
  ctx.stroke();
  if (value !== null) {
    ctx.beginPath();
    ctx.arc(cx, cy, r * 0.82, angle(min), angle(value));
    ctx.strokeStyle = c;
    ctx.stroke();
  }
  ctx.fillStyle = c;
  ctx.font = `500 ${Math.round(r * 0.35)}px ${FONT}`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(text, cx, cy);
  return { report: { noData: false, text, color: c } };
}

function logs(p: LogsPanel, content: HTMLElement): Drawn {
  if (p.rows.length === 0) {
    noData(content, p.hidden ?? "No data");
    return { report: { noData: true, rows: 0 } };
  }
  const list = el("div", {
    position: "absolute",
    inset: "0",
    overflow: "hidden",
    fontFamily: "'DejaVu Sans Mono', monospace",
    fontSize: "12px",
  });
  for (const r of p.rows) {
    const row = el("div", {
      display: "flex",
      gap: "12px",
      lineHeight: "18px",
      whiteSpace: p.wrap ? "normal" : "nowrap",
      color: theme.colors.text.primary,
    });
    if (p.showTime)
      row.append(
        el("span", { color: theme.colors.text.secondary, flex: "none" }, new Date(r.time).toISOString().replace("T", " ").slice(0, 23)),
      );
    row.append(el("span", {}, r.line));
    list.append(row);
  }
  content.append(list);
  return { report: { noData: false, rows: p.rows.length } };
}

const STATE_COLOURS: Record<AlertListPanel["alerts"][number]["state"], string> = {
  Firing: "red",
  Error: "red",
  NoData: "blue",
  Pending: "orange",
};

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const parts = [
    Math.floor(s / 3600) && `${Math.floor(s / 3600)}h`,
    Math.floor((s % 3600) / 60) && `${Math.floor((s % 3600) / 60)}m`,
    s % 60 && `${s % 60}s`,
  ];
  return parts.filter(Boolean).join(" ") || "0s";
}

function alertList(p: AlertListPanel, content: HTMLElement, model: DashboardModel): Drawn {
  if (p.alerts.length === 0) {
    noData(content, "No alerts matching filters");
    return { report: { noData: true, rows: 0 } };
  }
  const list = el("div", { position: "absolute", inset: "0", overflow: "hidden", fontSize: "13px" });
  for (const a of p.alerts) {
    const row = el("div", {
      display: "flex",
      alignItems: "center",
      gap: "8px",
      lineHeight: "28px",
      borderBottom: `1px solid ${theme.colors.border.weak}`,
    });
    row.append(
      el("span", { width: "10px", height: "10px", borderRadius: "50%", background: colour(STATE_COLOURS[a.state]), flex: "none" }),
      el(
        "span",
        { color: theme.colors.text.primary, flex: "1", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
        a.name,
      ),
      el("span", { color: colour(STATE_COLOURS[a.state]), flex: "none" }, a.state),
      el("span", { color: theme.colors.text.secondary, flex: "none" }, `for ${duration(model.to - a.since)}`),
    );
    list.append(row);
  }
  content.append(list);
  return { report: { noData: false, rows: p.alerts.length } };
}

function panelBox(p: PanelModel, model: DashboardModel, root: HTMLElement): { box: HTMLElement; content: HTMLElement } {
  const left = model.gridLeft + p.rect.x;
  const top = model.gridTop + p.rect.y;
  const box = el("div", {
    position: "absolute",
    left: `${left}px`,
    top: `${top}px`,
    width: `${p.rect.width}px`,
    height: `${p.rect.height}px`,
    boxSizing: "border-box",
    background: theme.components.panel.background,
    border: `1px solid ${theme.components.panel.borderColor}`,
    borderRadius: `${theme.shape.radius.default}`,
  });
  box.dataset.panelId = String(p.id);
  const header = el("div", {
    height: `${HEADER}px`,
    display: "flex",
    alignItems: "center",
    gap: "8px",
    padding: `0 ${PADDING}px`,
    color: theme.colors.text.primary,
    fontSize: "14px",
    fontWeight: "500",
    whiteSpace: "nowrap",
    overflow: "hidden",
  });
  header.append(el("span", { overflow: "hidden", textOverflow: "ellipsis" }, p.title));
  const errors = "targets" in p ? p.targets.filter((t) => t.error) : [];
  if (errors.length > 0) {
    const note = el("span", { color: colour("red"), fontSize: "11px", fontWeight: "400", overflow: "hidden", textOverflow: "ellipsis" });
    note.textContent = `\u26a0 ${errors.map((t) => `${t.refId}: ${t.error}`).join("; ")}`;
    header.append(note);
  }
  const content = el("div", {
    position: "absolute",
    left: `${PADDING}px`,
    right: `${PADDING}px`,
    top: `${HEADER}px`,
    bottom: `${PADDING}px`,
  });
  box.append(header, content);
  root.append(box);
  return { box, content };
}

function row(p: PanelModel, model: DashboardModel, root: HTMLElement): HTMLElement {
  const box = el(
    "div",
    {
      position: "absolute",
      left: `${model.gridLeft + p.rect.x}px`,
      top: `${model.gridTop + p.rect.y}px`,
      width: `${p.rect.width}px`,
      height: `${p.rect.height}px`,
      display: "flex",
      alignItems: "center",
      color: theme.colors.text.primary,
      fontSize: "16px",
      fontWeight: "500",
    },
    `\u2304  ${p.title}`,
  );
  box.dataset.panelId = String(p.id);
  root.append(box);
  return box;
}

async function previewDashboard(model: DashboardModel): Promise<DrawnPanel[]> {
  document.body.style.margin = "0";
  document.body.style.background = theme.colors.background.canvas;
  document.body.style.fontFamily = FONT;
  const root = el("div", {
    position: "relative",
    width: `${model.width}px`,
    height: `${model.height}px`,
    background: theme.colors.background.canvas,
  });
  root.id = "dashboard";
  root.append(
    el(
      "div",
      {
        position: "absolute",
        left: `${model.gridLeft}px`,
        top: "12px",
        color: theme.colors.text.primary,
        fontSize: "20px",
        fontWeight: "500",
      },
      model.title,
    ),
    el(
      "div",
      { position: "absolute", left: `${model.gridLeft}px`, top: "44px", color: theme.colors.text.secondary, fontSize: "12px" },
      model.subtitle,
    ),
  );
  document.body.append(root);
  const drawn: Array<{ panel: PanelModel; box: HTMLElement; d: Drawn }> = [];
  for (const p of model.panels) {
    if (p.kind === "row") {
      drawn.push({ panel: p, box: row(p, model, root), d: { report: { noData: false } } });
      continue;
    }
    const { box, content } = panelBox(p, model, root);
    let d: Drawn;
    switch (p.kind) {
      case "timeseries":
        d = timeSeries(p, content, root, model);
        break;
      case "stat":
      case "gauge":
        d = stat(p, content);
        break;
      case "logs":
        d = logs(p, content);
        break;
      case "alertlist":
        d = alertList(p, content, model);
        break;
      case "unsupported":
        noData(content, `panel type ${p.type}: not previewed`);
        d = { report: { noData: true } };
    }
    drawn.push({ panel: p, box, d });
  }
  // uPlot draws on a microtask; two frames later every chart is on screen.
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const origin = root.getBoundingClientRect();
  return drawn.map(({ panel, box, d }) => {
    d.after?.();
    const plot = plotBoxes.get(panel.id);
    return {
      id: panel.id,
      kind: panel.kind,
      box: relative(box.getBoundingClientRect(), origin),
      noData: false,
      ...d.report,
      ...(plot && { plot }),
    } as DrawnPanel;
  });
}

(window as unknown as { previewDashboard: typeof previewDashboard }).previewDashboard = previewDashboard;
