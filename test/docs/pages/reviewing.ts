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
};
