import "./load-errors";
import { resolve } from "node:path";
import { defineCommand, EXIT_CODES, parseCommandLine, processIO, runAsProcess, runCommand, UsageError, type CliIO } from "./args";
import { InvalidDefinitionError } from "../config/errors";
import { EXAMPLE_STACK_FILE, outputFolderProblem } from "../config/paths";
import { parseConfig } from "../config/schema";
import { readStackFile } from "../config/stack-file";
import { renderArtifacts } from "../emit/files/artifacts";
import { scenarioOf, SCENARIOS, type Fixture } from "../replay/fixtures";
import { readFixtureFiles } from "../replay/fixtures/file";
import { stackFixtures } from "../replay/run";
import { DEFAULT_PREVIEW_SCENARIO, previewDashboards, selectedDashboards, type PreviewedDashboard } from "../preview";

/**
 * `npm run preview -- [--scenario NAME | --fixture FILE] [--dashboard UID ...] [--out DIR] [--stack-file F]`:
 * one PNG per dashboard as it would look during an incident of the scenario library (or an incident
 * file), drawn in Chromium from real query results (src/preview/).
 */

export const PREVIEW = defineCommand({
  usage:
    "usage: npm run preview -- [--scenario NAME | --fixture FILE] [--dashboard UID ...] [--out DIR] [--stack-file Pulumi.<stack>.yaml]",
  about:
    "Writes one PNG per dashboard as it would look during an incident: Grafana's grid, rows, titles, units, thresholds\n" +
    "and legends; time series drawn with uPlot; PromQL panels answered by a real Prometheus holding the scenario's series,\n" +
    "LogQL panels by the replay's LogQL evaluator, each with its own query, interval and legend format; the alert list\n" +
    "from the replay. The dashboards' now is the incident's end. Needs Debian's chromium and prometheus.",
  exitCodes: {
    ...EXIT_CODES,
    0: "every dashboard was drawn and written",
    1: "a query failed other than by the scenario's own datasource outage, the page logged an error, or an engine failed",
    2: "invalid input: a bad command line, stack file or incident file, an unknown scenario or dashboard (one line names it)",
  },
  options: {
    scenario: {
      type: "string",
      argument: "NAME",
      explanation: `The built-in scenario to preview during (names in docs/replay-scenarios.md; default ${DEFAULT_PREVIEW_SCENARIO}).`,
      example: "npm run preview -- --scenario telemetry-outage",
    },
    fixture: {
      type: "string",
      argument: "FILE",
      explanation: "Preview during this incident file (JSON, see docs/replay.md) instead of a built-in scenario.",
      example: "npm run preview -- --fixture incidents/2026-11-16-factory.json",
    },
    dashboard: {
      type: "string",
      multiple: true,
      argument: "UID",
      explanation: "Only this dashboard (repeatable); every dashboard of the stack by default.",
      example: "npm run preview -- --dashboard pizza-orders --dashboard pizza-factory",
    },
    out: {
      type: "string",
      default: "previews",
      argument: "DIR",
      explanation: "Where the PNGs go, one <dashboard uid>.png each (created if missing).",
      example: "npm run preview -- --out /tmp/previews",
    },
    "stack-file": {
      type: "string",
      argument: "FILE",
      explanation: "The Pulumi stack file whose dashboards and alerts are previewed.",
      example: "npm run preview -- --stack-file Pulumi.staging.example.yaml",
      shownDefault: "Pulumi.example.yaml",
    },
  },
});

/** `--scenario NAME` refused unless the library has it (a scenario, or one of its seeds: `name.seed37`); checked before the library is built. */
function knownScenario(name: string): string {
  if (!SCENARIOS.some((s) => s.name === scenarioOf(name)))
    throw new UsageError(
      `--scenario: no scenario "${name.slice(0, 100)}" in the library (${SCENARIOS.map((s) => s.name).join(", ")})`,
      PREVIEW.usage,
    );
  return name;
}

/** The fixture of `--scenario NAME`: the fixture of that exact name, else the scenario's first phase and seed. */
function scenarioFixture(fixtures: Fixture[], name: string): Fixture {
  const found = fixtures.find((f) => f.name === name) ?? fixtures.find((f) => scenarioOf(f.name) === name);
  if (!found) throw new UsageError(`--scenario: the library has no fixture "${name.slice(0, 100)}"`, PREVIEW.usage);
  return found;
}

/** One line per dashboard, and a line for each problem: a failed query, a console error. */
export function previewSummary(results: PreviewedDashboard[]): { text: string; failed: boolean } {
  const lines: string[] = [];
  let failed = false;
  for (const d of results) {
    const panels = d.drawn.filter((p) => p.kind !== "row");
    const empty = panels.filter((p) => p.noData);
    lines.push(
      `${d.file}: ${d.title}, ${panels.length} panels drawn${empty.length ? `, ${empty.length} showing no data (${empty.map((p) => `panel ${p.id}`).join(", ")})` : ""}`,
    );
    for (const p of d.model.panels)
      for (const t of "targets" in p ? p.targets : [])
        if (t.error) {
          failed ||= !t.outage;
          lines.push(`  ${t.outage ? "as in Grafana" : "FAILED"}: panel ${p.id} (${p.title}) query ${t.refId}: ${t.error}`);
        }
    for (const e of d.consoleErrors) {
      failed = true;
      lines.push(`  console error: ${e.slice(0, 300)}`);
    }
  }
  return { text: `${lines.join("\n")}\n`, failed };
}

/** `npm run preview`: 0 every dashboard drawn, 1 a query or the page failed, 2 a bad command line or stack file. */
export function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  return runCommand(
    "preview",
    async () => {
      const { values } = parseCommandLine(argv, PREVIEW);
      if (values.scenario !== undefined && values.fixture !== undefined)
        throw new UsageError("--scenario and --fixture both name what to preview during; give one", PREVIEW.usage);
      // The cheap refusals first: the output folder, the scenario's name, the stack file, the dashboards; then the library is built.
      const outDir = resolve(io.cwd, values.out);
      const refused = outputFolderProblem(outDir, "--out", "preview");
      if (refused) throw new InvalidDefinitionError("command line", [refused]);
      const scenario = knownScenario(values.scenario ?? DEFAULT_PREVIEW_SCENARIO);
      const raw = readStackFile(resolve(io.cwd, values["stack-file"] ?? EXAMPLE_STACK_FILE));
      const cfg = parseConfig(raw);
      const files = renderArtifacts(raw);
      selectedDashboards(files, values.dashboard);
      const fixture = values.fixture
        ? readFixtureFiles([resolve(io.cwd, values.fixture)])[0]
        : scenarioFixture(stackFixtures(cfg, [0]), scenario);
      const results = await previewDashboards({
        side: { files, cfg },
        fixture,
        ...(values.dashboard && { uids: values.dashboard }),
        outDir,
        progress: (line) => io.stderr(`${line}\n`),
      });
      const summary = previewSummary(results);
      io.stdout(summary.text);
      return summary.failed ? 1 : 0;
    },
    io,
  );
}

if (require.main === module) runAsProcess(main);
