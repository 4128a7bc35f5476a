import type { PageFigures } from "../figures";

export const deployingPage: PageFigures = { page: "docs/deploying.md", stated: [], notFigures: [] };
