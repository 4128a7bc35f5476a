import "./load-errors";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { defineCommand, parseCommandLine, processIO, runAsProcess, runCommand, UsageError, type CliIO, EXIT_CODES } from "./args";
import { parseConfig, type Config } from "../config/schema";
import { counted } from "../model/text";
import { EXAMPLE_STACK_FILE, outputFileProblem, REPO_ROOT } from "../config/paths";
import { crossCheckExported, verdict } from "../replay/expectations";
import { MAX_INCIDENT_DAYS, readFixtureFiles, writeFixtureFiles } from "../replay/fixtures/file";
import { formatReplay, formatScenarioTable, scenarioRows, type ReportFormat, type ScenarioRow } from "../replay/report";
import { replayStack, stackFixtures } from "../replay/run";
import { checkedStack } from "../checks";
import { readStackFile } from "../config/stack-file";
import { routingTargets } from "../../contact-points/receivers";
import { scenarioOf, type Fixture } from "../replay/fixtures";
import { formatPageText, pageTexts, type PageTextEngines } from "../replay/page-text";
import { requireEngines } from "./engines/locate";
import { engines as pinnedEngines } from "./engines/pins";

/** Where `npm run replay` (built-in scenarios, example stack) writes the docs' scenario table. */
export const SCENARIO_TABLE_FILE = join(REPO_ROOT, "docs", "replay-scenarios.md");

export const REPLAY = defineCommand({
  usage:
    "usage: npm run replay [-- [--fixture FILE ...] [--stack-file Pulumi.<stack>.yaml] [--format text|markdown] [--keep DIR] [--max-incident-days 7] [--page-text] [--cross-check] [--verdict FILE] [--write-docs]]\n" +
    "       npm run replay -- --export DIR\n" +
    "  --keep DIR: keep the promtool rule and test files in DIR; --export DIR: write the built-in scenarios as incident files",
  about:
    "Replays incidents (the built-in scenario library, or incident files) against a stack's alerts: PromQL through\n" +
    "`promtool test rules`, LogQL by the TS evaluator, then Grafana's state machine and the routes' timing. Prints who\n" +
    "would have been notified when, and exits 1 when a fixture's expectations fail. Progress goes to stderr.",
  exitCodes: { ...EXIT_CODES, 0: "every expectation met", 1: "a missed incident, an unwanted page or a failed expectation" },
  options: {
    fixture: {
      type: "string",
      multiple: true,
      argument: "FILE",
      explanation: "Replay this incident file (JSON, see docs/replay.md) instead of the built-in scenarios; repeatable.",
      example: "npm run replay -- --fixture incidents/2026-11-16-factory.json",
    },
    "stack-file": {
      type: "string",
      argument: "FILE",
      explanation: "The Pulumi stack file whose alerts and routes are replayed.",
      example: "npm run replay -- --stack-file Pulumi.staging.example.yaml",
      shownDefault: "Pulumi.example.yaml",
    },
    format: {
      type: "string",
      default: "text",
      argument: "text|markdown",
      explanation: "The report's format.",
      example: "npm run replay -- --format markdown",
    },
    keep: {
      type: "string",
      argument: "DIR",
      explanation: "Keep the generated promtool rule and test files in DIR (otherwise a temporary folder is removed).",
      example: "npm run replay -- --keep /tmp/replay",
    },
    export: {
      type: "string",
      argument: "DIR",
      explanation: "Write every built-in scenario as an incident file into DIR (a starting point for your own); replays nothing.",
      example: "npm run replay -- --export /tmp/scenarios",
    },
    "max-incident-days": {
      type: "string",
      argument: "DAYS",
      explanation:
        "Read incident files up to this many days long (7 by default; at most 366): the bound keeps a mistyped duration from exhausting memory.",
      example: "npm run replay -- --fixture long-incident.json --max-incident-days 30",
    },
    "page-text": {
      type: "boolean",
      explanation:
        "Also print the first page of each page-worthy fixture as on-call receives it: annotations expanded by the page-text helper (npm run engines -- --only page-text), the notification by amtool.",
      example: "npm run replay -- --page-text",
    },
    verdict: {
      type: "string",
      argument: "FILE",
      explanation:
        "Also write the verdict as JSON (passed, the failed fixtures, promtool's agreement, one row per scenario) for a machine to read, e.g. the pull-request workflow.",
      example: "npm run replay -- --verdict replay-verdict.json",
    },
    "cross-check": {
      type: "boolean",
      explanation:
        "Also run the exported rules (their own `for`) through promtool over every fixture and fail where a first firing or a silence differs from the replay's state machine: doubles the time; the pull-request workflow and npm run e2e do it.",
      example: "npm run replay -- --cross-check",
    },
    "write-docs": {
      type: "boolean",
      explanation: "Also rewrite docs/replay-scenarios.md from this run (built-in scenarios, example stack only).",
      example: "npm run replay -- --write-docs",
    },
  },
});

export function scenarioTableDoc(table: string): string {
  return (
    "# Replay scenarios\n\n" +
    "Generated by `npm run replay -- --write-docs` (built-in scenarios against `Pulumi.example.yaml`); do not edit by hand, a test fails\n" +
    "when it is stale. Time to notify counts from the incident's start to the notification (route group_wait included);\n" +
    "phased scenarios are replayed with the incident starting 0, 10, ... 50 s later. Episodes: the most separate\n" +
    "firing notifications any one alert sent. Pages per incident: on-call notification groups opened (a group's first\n" +
    "firing notification, or its first after everything resolved), the most over phases. See docs/replay.md.\n\n" +
    `${table}\n`
  );
}

export interface ReplayRun {
  output: string;
  failed: boolean;
}

const VERDICT_FORMAT = "pizza-observability/replay-verdict@1";

/** What `--verdict FILE` writes: the replay's outcome for a machine to read (the pull-request workflow's comment). */
export interface ReplayVerdict {
  format: typeof VERDICT_FORMAT;
  passed: boolean;
  /** The verdict in one line, as the report ends. */
  summary: string;
  fixtures: number;
  failedFixtures: Array<{ name: string; failures: string[] }>;
  /** The cross-check of the exported rules (--cross-check): how many promtool runs agree with the replay. */
  promtool: { crossChecked: boolean; agree: number; checked: number; disagreeing: Array<{ fixture: string; problems: string[] }> };
  scenarios: ScenarioRow[];
}

/** The replay command without process side effects (tested directly); progress lines go to `progress`. */
export async function replayCommand(argv: string[], progress: (line: string) => void = () => {}): Promise<ReplayRun> {
  const { values } = parseCommandLine(argv, REPLAY);
  const format = values.format as ReportFormat;
  if (format !== "text" && format !== "markdown")
    throw new UsageError(`--format must be text or markdown, got ${values.format}`, REPLAY.usage);
  const stackFile = values["stack-file"] ?? EXAMPLE_STACK_FILE;
  if (values["write-docs"] && (values.fixture || resolve(stackFile) !== resolve(EXAMPLE_STACK_FILE))) {
    throw new UsageError(
      "--write-docs writes the built-in scenarios against Pulumi.example.yaml; it takes no --fixture or other --stack-file",
      REPLAY.usage,
    );
  }
  const cfg: Config = parseConfig(readStackFile(stackFile));
  if (values.export) {
    if (values.fixture) throw new UsageError("--export writes the built-in scenarios; it takes no --fixture", REPLAY.usage);
    const files = writeFixtureFiles(stackFixtures(cfg, [0]), values.export);
    return {
      output: `Wrote ${files.length} incident files (the built-in scenarios) to ${values.export}:\n${files.map((f) => `  ${f}`).join("\n")}\n`,
      failed: false,
    };
  }
  // Every file is read and validated before anything is replayed.
  const maxDays = values["max-incident-days"] === undefined ? MAX_INCIDENT_DAYS : Number(values["max-incident-days"]);
  if (!Number.isInteger(maxDays) || maxDays < 1 || maxDays > 366)
    throw new UsageError(`--max-incident-days: expected whole days from 1 to 366, got ${values["max-incident-days"]}`, REPLAY.usage);
  const fixtures: Fixture[] | undefined = values.fixture ? readFixtureFiles(values.fixture, { maxDays }) : undefined;
  // Located before the replay runs: a missing helper is one line, not a report without pages.
  const pageEngines: PageTextEngines | undefined = values["page-text"]
    ? { pageText: requireEngines(pinnedEngines(REPO_ROOT), ["page-text"])["page-text"], amtool: "amtool" }
    : undefined;
  const verdictFile = values.verdict;
  const verdictProblem =
    verdictFile === undefined ? undefined : outputFileProblem(verdictFile, "--verdict", (text) => text.includes(VERDICT_FORMAT));
  if (verdictProblem) throw new UsageError(verdictProblem, REPLAY.usage);
  const keep = values.keep;
  const dir = keep ?? mkdtempSync(join(tmpdir(), "pizza-replay-"));
  const out: string[] = [];
  let failed = false;
  try {
    const started = Date.now();
    const results = await replayStack({ stack: checkedStack(cfg), cfg, dir }, fixtures, {
      onFixture: (done, total, name) =>
        progress(`replay: ${done}/${total} fixtures (${name}), ${Math.round((Date.now() - started) / 1000)}s`),
    });
    const verdicts = results.map((r) => verdict(r, routingTargets(cfg).pager));
    out.push(
      format === "markdown"
        ? "## Incident replay\n\nPromQL through `promtool test rules`, LogQL by the TS evaluator; Grafana's state machine and the routes' timing in `src/replay/alert-state.ts`.\n"
        : "Incident replay: PromQL through promtool test rules, LogQL by the TS evaluator; Grafana's state machine and route timing in src/replay/alert-state.ts.\n",
    );
    out.push(formatReplay(results, verdicts, format));
    const rows = scenarioRows(results, verdicts);
    out.push(format === "markdown" ? "### Summary\n" : "Summary:");
    out.push(formatScenarioTable(rows, format));
    const failures = verdicts.filter((v) => v.failures.length > 0);
    failed ||= failures.length > 0;
    let checks: Awaited<ReturnType<typeof crossCheckExported>> = [];
    if (values["cross-check"]) {
      progress(`replay: promtool cross-checks the exported rules over every fixture`);
      checks = await crossCheckExported(results, dir);
    }
    const disagreeing = checks.filter((c) => c.problems.length > 0);
    failed ||= disagreeing.length > 0;
    // The disagreements first: the report ends with its verdict (machines read --verdict's JSON instead).
    if (disagreeing.length > 0)
      out.push(`\npromtool disagrees with the replay:\n${disagreeing.map((c) => `  ${c.fixture}: ${c.problems.join("; ")}`).join("\n")}`);
    out.push(
      values["cross-check"]
        ? `\npromtool test rules (the exported rules' first firings and silences, per fixture): ${checks.length - disagreeing.length}/${checks.length} agree with the replay`
        : "\nThe exported rules were not cross-checked with promtool (--cross-check does; the pull-request workflow and npm run e2e do).",
    );
    const summary =
      failures.length === 0
        ? `${counted(verdicts.length, "fixture")}: every expectation met.`
        : `${failures.length} of ${verdicts.length} fixtures FAILED: ${failures.map((v) => v.name).join(", ")}`;
    out.push(summary);
    if (verdictFile !== undefined) {
      const written: ReplayVerdict = {
        format: VERDICT_FORMAT,
        passed: !failed,
        summary: disagreeing.length ? `${summary} promtool disagrees with the replay on ${disagreeing.length} fixtures.` : summary,
        fixtures: verdicts.length,
        failedFixtures: failures.map((v) => ({ name: v.name, failures: v.failures })),
        promtool: {
          crossChecked: values["cross-check"] === true,
          agree: checks.length - disagreeing.length,
          checked: checks.length,
          disagreeing: disagreeing.map((c) => ({ fixture: c.fixture, problems: c.problems })),
        },
        scenarios: rows,
      };
      writeFileSync(verdictFile, `${JSON.stringify(written, null, 2)}\n`);
    }
    if (values["page-text"]) {
      // Before the verdict: a reader of the report finds the verdict at its end.
      const worthy = results.filter((r) => r.fixture.incident?.pageWorthy && scenarioOf(r.fixture.name) === r.fixture.name);
      const pages = pageTexts(worthy, checkedStack(cfg), routingTargets(cfg).pager, pageEngines!, cfg.grafanaUrl);
      const verdictLines = out.splice(-2);
      out.push(format === "markdown" ? "\n### What each page says\n" : "\nWhat each page says (first page of each page-worthy scenario):");
      for (const p of pages) out.push(format === "markdown" ? `\`\`\`\n${formatPageText(p)}\n\`\`\`` : formatPageText(p), "");
      out.push(...verdictLines);
    }
    if (values["write-docs"]) {
      writeFileSync(SCENARIO_TABLE_FILE, scenarioTableDoc(formatScenarioTable(rows, "markdown")));
      out.push(`Scenario table written to ${SCENARIO_TABLE_FILE}`);
    }
    if (keep) out.push(`promtool rule and test files kept in ${dir}`);
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
  return { output: `${out.join("\n")}\n`, failed };
}

/** `npm run replay`: the exit code (0 every expectation met, 1 a failure, 2 a bad command line). */
export function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  return runCommand(
    "replay",
    async () => {
      const r = await replayCommand(argv, (line) => io.stderr(`${line}\n`));
      io.stdout(r.output);
      return r.failed ? 1 : 0;
    },
    io,
  );
}

if (require.main === module) runAsProcess(main);
