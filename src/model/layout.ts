import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";

/** Grafana's dashboard grid is 24 columns wide. */
export const GRID_COLUMNS = 24;

interface Placeable {
  gridPos(pos: dashboard.GridPos): unknown;
}

/** A row of panels; `widths` (summing to at most 24) defaults to equal shares. */
export interface Row {
  panels: Placeable[];
  height?: number;
  widths?: number[];
}

/**
 * Lays rows of panels out on the grid top to bottom, so positions are stable between renders.
 * A bare array is a row of equal-width panels of the default height.
 */
export function layoutRows(rows: Array<Row | Placeable[]>, defaultHeight = 8): void {
  let y = 0;
  for (const entry of rows) {
    const row: Row = Array.isArray(entry) ? { panels: entry } : entry;
    const h = row.height ?? defaultHeight;
    const equal = Math.floor(GRID_COLUMNS / row.panels.length);
    let x = 0;
    row.panels.forEach((panel, i) => {
      const w = row.widths?.[i] ?? equal;
      panel.gridPos({ x, y, w, h });
      x += w;
    });
    y += h;
  }
}

export interface PlacedPanel {
  id?: number;
  title?: string;
  gridPos?: dashboard.GridPos;
}

function name(p: PlacedPanel): string {
  return `panel ${p.id ?? "?"} "${p.title ?? ""}"`;
}

function overlap(a: dashboard.GridPos, b: dashboard.GridPos): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Panels without a position, outside the 24-column grid, or overlapping another panel. */
export function layoutProblems(panels: PlacedPanel[]): string[] {
  const problems: string[] = [];
  panels.forEach((p, i) => {
    const g = p.gridPos;
    if (!g) {
      problems.push(`${name(p)}: has no grid position`);
      return;
    }
    if (g.x < 0 || g.y < 0 || g.w < 1 || g.h < 1 || g.x + g.w > GRID_COLUMNS) {
      problems.push(`${name(p)}: x=${g.x} y=${g.y} w=${g.w} h=${g.h} is outside the ${GRID_COLUMNS}-column grid`);
    }
    for (const q of panels.slice(i + 1)) {
      if (q.gridPos && overlap(g, q.gridPos)) problems.push(`${name(p)} overlaps ${name(q)}`);
    }
  });
  return problems;
}
