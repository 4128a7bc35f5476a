import type { PageFigures } from "../figures";

/** No figure in its prose but HTTP status classes: the page is held so that none is added. */
export const deployingPage: PageFigures = { page: "docs/deploying.md", stated: [] };
