import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { expect } from "vitest";
import { EXAMPLE_STACK_FILE, REPO_ROOT } from "../../../src/config/paths";
import { readStackFile } from "../../../src/config/stack-file";
import { renderArtifacts } from "../../../src/emit/files/artifacts";
import { FACTORY_5XX, TELEMETRY_OUTAGE } from "../../../src/replay/fixtures";
import type { PageFigures, Stated } from "../figures";
import { proseOf } from "../prose";

const nodeMajor = (range: string) => /(\d+)/.exec(range)![1];
const packageJson = (dir: string) =>
  JSON.parse(readFileSync(join(REPO_ROOT, dir, "package.json"), "utf8")) as { engines: { node: string } };
const ourNode = nodeMajor(packageJson(".").engines.node);
const lezerLogqlNode = nodeMajor(packageJson("node_modules/@grafana/lezer-logql").engines.node);

/** The stages of .dependency-cruiser.cjs in order: its layering rules are named `<stage>-imports-a-later-stage`, the last stage (cli) has none. */
const STAGES = (
  createRequire(join(REPO_ROOT, "package.json"))("./.dependency-cruiser.cjs") as { forbidden: Array<{ name: string }> }
).forbidden
  .map((r) => /^(.+)-imports-a-later-stage$/.exec(r.name)?.[1])
  .filter((s): s is string => s !== undefined);
/** The Layout table numbers the stages of src/ (not the definition folders, which have no number). */
const NUMBERED = STAGES.filter((s) => s !== "definitions");
const FOLDERS: Record<string, string[]> = { emit: ["src/emit/pulumi/", "src/emit/files/"] };

const stageRows: Stated[] = NUMBERED.flatMap((stage, i) =>
  (FOLDERS[stage] ?? [`src/${stage}/`]).map((folder) => ({
    text: `| \`${folder}\` | ${i + 1} `,
    from: ".dependency-cruiser.cjs (the stages in order)",
  })),
);

export const readmePage: PageFigures = {
  page: "README.md",
  stated: [
    {
      text: `\`Failed to fulfill order at factory\` for ~${FACTORY_5XX.durationSeconds / 60} minutes`,
      from: "FACTORY_5XX (the seed incident's scenario)",
    },
    {
      text: `failed for ${TELEMETRY_OUTAGE.durationSeconds / 60} minutes while orders still worked`,
      from: "TELEMETRY_OUTAGE (the seed incident's scenario)",
    },
    { text: `On a fresh Debian machine (Node.js ${ourNode}+)`, from: "package.json engines" },
    { text: `which declares Node >= ${lezerLogqlNode}`, from: "@grafana/lezer-logql's package.json engines" },
    { text: `the whole suite passes on Node ${ourNode}`, from: "package.json engines" },
    ...stageRows,
    {
      text: "| `rendered/alerting/rule-group-<group>.yaml` |",
      from: "renderArtifacts of the example stack",
      holds: () => {
        const written = [...new Set([...renderArtifacts(readStackFile(EXAMPLE_STACK_FILE)).keys()].map((f) => f.split("/")[0]))].sort();
        const listed = [...new Set([...proseOf("README.md").text.matchAll(/^\| `rendered\/([\w-]+)\//gm)].map((m) => m[1]))].sort();
        expect(listed, "README's rendered/ table lists every folder render writes").toEqual(written);
      },
    },
  ],
};
