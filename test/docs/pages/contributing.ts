import { GRID_COLUMN_COUNT } from "../../../src/model/dashboard-blocks";
import type { PageFigures } from "../figures";

export const contributingPage: PageFigures = {
  page: "docs/contributing.md",
  stated: [{ text: `so a row adds up to ${GRID_COLUMN_COUNT})`, from: "GRID_COLUMN_COUNT (Grafana's grid)" }],
};
