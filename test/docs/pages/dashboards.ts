import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DashboardBuilder } from "@grafana/grafana-foundation-sdk/dashboard";
import * as timeseries from "@grafana/grafana-foundation-sdk/timeseries";
import { expect } from "vitest";
import { REPO_ROOT } from "../../../src/config/paths";
import { GRID_CELL_HEIGHT, GRID_CELL_VMARGIN } from "../../../src/preview/layout";
import { GRID_COLUMN_COUNT } from "../../../src/model/dashboard-blocks";
import { DEFAULT_SCRAPE_INTERVAL_MS } from "../../../src/preview/queries";
import type { PageFigures } from "../figures";

const packageJson = (dir: string) => JSON.parse(readFileSync(join(REPO_ROOT, dir, "package.json"), "utf8"));
const nodeMajor = /(\d+)/.exec(packageJson(".").engines.node as string)![1];
const grafanaDataMajor = (packageJson("node_modules/@grafana/data").version as string).split(".")[0];

export const dashboardsPage: PageFigures = {
  page: "docs/dashboards.md",
  stated: [
    {
      text: "wrapping at 24 columns (default size 12 x 9)",
      from: "the foundation SDK's DashboardBuilder, asked",
      holds: () => {
        const panel = () => new timeseries.PanelBuilder();
        const built = new DashboardBuilder("grid").withPanel(panel()).withPanel(panel()).withPanel(panel()).build();
        expect(built.panels?.map((p) => (p as { gridPos?: unknown }).gridPos)).toEqual([
          { x: 0, y: 0, w: 12, h: 9 },
          { x: 12, y: 0, w: 12, h: 9 },
          { x: 0, y: 9, w: 12, h: 9 },
        ]);
        expect(GRID_COLUMN_COUNT).toBe(24);
      },
    },
    { text: `a grid position inside the ${GRID_COLUMN_COUNT} columns`, from: "GRID_COLUMN_COUNT" },
    { text: `(Grafana's ${DEFAULT_SCRAPE_INTERVAL_MS / 1000} s default)`, from: "DEFAULT_SCRAPE_INTERVAL_MS" },
    {
      text: `Grafana's ${GRID_COLUMN_COUNT}-column grid from each panel's \`gridPos\` (rows of ${GRID_CELL_HEIGHT} px, ${GRID_CELL_VMARGIN} px apart)`,
      from: "src/preview/layout.ts",
    },
    {
      text: `\`@grafana/data\` ${grafanaDataMajor} does not run on Node ${nodeMajor} for its value formatters`,
      from: "the installed @grafana/data; package.json engines",
    },
  ],
};
