import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { REPO_ROOT } from "../../../src/config/paths";
import type { PageFigures } from "../figures";

interface Step {
  uses?: string;
  with?: { name?: string; "retention-days"?: number };
}
const workflow = parse(readFileSync(join(REPO_ROOT, ".github", "workflows", "pull-request.yml"), "utf8")) as {
  jobs: Record<string, { steps?: Step[] }>;
};
const kept = Object.values(workflow.jobs)
  .flatMap((j) => j.steps ?? [])
  .find((s) => s.with?.name === "review-pictures")?.with?.["retention-days"];

export const reviewingPage: PageFigures = {
  page: "docs/reviewing.md",
  stated: [{ text: `the artifact \`review-pictures\` (kept ${kept} days)`, from: ".github/workflows/pull-request.yml" }],
  notFigures: [
    { text: "An unknown ref, flag or format exits with status 2", why: "an exit code of the one CLI contract (src/cli/args.ts)" },
    {
      text: /Raising `thresholds\.orderFailures\.minFailures` from \d+ to \d+ changes two queries of over [\d,]+ characters each/,
      why: "held by test/review/token-diff.test.ts, which makes that change",
    },
    { text: "(`Panels change on 2 dashboards: pizza-orders (JWT Pizza: orders), ...`)", why: "an example line" },
    { text: "commit `506c54d`", why: "a commit id" },
    { text: "`npm run diff -- 506c54d^ --to 506c54d --format markdown`", why: "a commit id" },
  ],
};
