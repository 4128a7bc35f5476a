import { GRID_COLUMN_COUNT } from "../../../src/preview/layout";
import type { PageFigures } from "../figures";

export const contributingPage: PageFigures = {
  page: "docs/contributing.md",
  stated: [{ text: `so a row adds up to ${GRID_COLUMN_COUNT})`, from: "GRID_COLUMN_COUNT (Grafana's grid)" }],
  notFigures: [
    { text: "`UPDATE_GOLDEN=1 npx vitest run test/build`", why: "a command" },
    {
      text: "(`pulumi config set --path thresholds.cpu.percent 90`)",
      why: "an example command (test/docs/contributing.test.ts performs the recipe)",
    },
  ],
};
