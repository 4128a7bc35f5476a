import { createTheme } from "@grafana/data";
import type { Rect } from "./model";
import { GRID_COLUMN_COUNT } from "../model/dashboard-blocks";

/**
 * Grafana's dashboard grid: 24 columns, rows of 30 px with 8 px between cells
 * (public/app/core/constants.ts: GRID_COLUMN_COUNT, GRID_CELL_HEIGHT, GRID_CELL_VMARGIN), laid out
 * by react-grid-layout (x = column * (column width + margin); a height of h rows spans h cells and
 * the h - 1 margins between them). A panel's chrome (header, padding) is the dark theme's
 * (`theme.components.panel`, in grid units of `theme.spacing.gridSize`).
 */

export const GRID_CELL_HEIGHT = 30;
export const GRID_CELL_VMARGIN = 8;

export const theme = createTheme();

/** A panel's padding, in pixels. */

export const PANEL_PADDING = theme.spacing.gridSize * theme.components.panel.padding;
const PANEL_BORDER = 1;

export interface GridPos {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where a gridPos lands on a grid `width` pixels wide. */
export function gridRect(pos: GridPos, width: number): Rect {
  const column = (width - GRID_CELL_VMARGIN * (GRID_COLUMN_COUNT - 1)) / GRID_COLUMN_COUNT;
  return {
    x: Math.round(pos.x * (column + GRID_CELL_VMARGIN)),
    y: pos.y * (GRID_CELL_HEIGHT + GRID_CELL_VMARGIN),
    width: Math.round(pos.w * column + Math.max(0, pos.w - 1) * GRID_CELL_VMARGIN),
    height: pos.h * GRID_CELL_HEIGHT + Math.max(0, pos.h - 1) * GRID_CELL_VMARGIN,
  };
}

/** The width a panel's visualisation gets: Grafana asks its queries for this many data points at most. */
export function contentWidth(rect: Rect): number {
  return Math.max(1, rect.width - 2 * (PANEL_PADDING + PANEL_BORDER));
}
