import "./load-errors";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { defineCommand, parseCommandLine, processIO, runAsProcess, runCommand, UsageError, type CliIO, EXIT_CODES } from "./args";
import { readAlertingSnapshot } from "../review/alert-snapshot";
import { behaviourDiff, changedDashboards, type ReviewSnapshot } from "../review/behaviour-diff";
import { formatMarkdown, formatText } from "../review/changes";
import { credentialChanges, credentialDigests } from "../review/credentials";
import { readDashboardSnapshot } from "../review/dashboard-snapshot";
import { EXAMPLE_STACK_FILE, REPO_ROOT } from "../config/paths";
import { renderArtifacts } from "../emit/files/artifacts";
import { readStackFile } from "../config/stack-file";
import { fileAtRef, renderedFilesAtRef, repositoryOf, UnknownRefError, verifiedRef } from "../emit/files/ref";
import { configChanges } from "../review/config-changes";
import { parseStack } from "../config/stack-file";
import { parseConfig, type Config } from "../config/schema";
import { InvalidDefinitionError } from "../config/errors";
import { stackOfRenderedFiles } from "../replay/rendered-stack";
import { compareReplays, formatReplayComparison, type ReplayComparison, type ReplaySide } from "../replay/compare";
import { stackFixtures } from "../replay/run";
import { libraryPlan, SCENARIOS, scenarioOf } from "../replay/fixtures";
import { lokiCheckLines, readLokiRecording, stackLogQL } from "../replay/loki-recording";
import { routingTargets } from "../../contact-points/receivers";
import type { Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";
import type { PageTextEngines } from "../replay/page-text";
import { requireEngines } from "./engines/locate";
import { engines } from "./engines/pins";

/**
 * `npm run diff -- <git-ref> [--to <git-ref>] [--stack-file Pulumi.<stack>.yaml] [--format text|markdown] [--scenario NAME ...] [--no-replay]`:
 * what changes in behaviour (alerts, routing, contact points, mute timings, dashboards, stack
 * configuration, credentials) from <git-ref> to the working tree, or to the `--to` ref, for one stack,
 * and what that does to the incident replay's scenario library (src/replay/compare.ts: both sides'
 * rendered rules and routes, this checkout's scenarios and replay).
 * Each side is its definitions rendered from its own version of the stack file (src/emit/files/ref.ts;
 * a stack file the ref does not have: the given one), so an edit of the stack file alone shows the
 * behaviour it changes, and its keys are listed as config changes.
 */

const COMPARED_DIRS = ["alerting/", "dashboards/"];
export const DIFF = defineCommand({
  usage:
    "usage: npm run diff -- <git-ref> [--to <git-ref>] [--stack-file Pulumi.<stack>.yaml] [--format text|markdown] [--scenario NAME ...] [--no-replay] [--pictures DIR]\n" +
    "  --to <git-ref>: compare with that ref's definitions instead of the working tree",
  about:
    "What changes in behaviour (alerts, routing, contact points, mute timings, dashboards, stack configuration,\n" +
    "credentials) from the definitions at <git-ref> to the working tree, or to the --to ref, both rendered from the\n" +
    "same stack file. Credentials are named, never shown. Then the incident replay's scenario library on both sides:\n" +
    "every scenario whose outcome changes, with its timeline before and after (markdown).",
  positionals: { min: 1, max: 1, shown: "<git-ref>", explanation: "The base side: a branch, tag or commit (origin/main, HEAD~1)." },
  exitCodes: {
    ...EXIT_CODES,
    0: "the report was printed (a change in behaviour is not a failure)",
    1: "the diff could not be made",
    2: "invalid input: a bad command line, an unknown ref, or a stack file that does not parse",
  },
  options: {
    to: {
      type: "string",
      argument: "GIT-REF",
      explanation: "Compare with this ref's definitions (rendered from its version of the stack file) instead of the working tree.",
      example: "npm run diff -- HEAD~1 --to HEAD",
    },
    "stack-file": {
      type: "string",
      argument: "FILE",
      explanation:
        "The stack both sides are rendered from (each ref from its own version of the file), whose config and credentials are compared.",
      example: "npm run diff -- origin/main --stack-file Pulumi.staging.example.yaml",
      shownDefault: "Pulumi.example.yaml",
    },
    format: {
      type: "string",
      default: "text",
      argument: "text|markdown",
      explanation: "The report's format (markdown for a PR comment).",
      example: "npm run diff -- origin/main --format markdown",
    },
    scenario: {
      type: "string",
      multiple: true,
      argument: "NAME",
      explanation:
        "Replay only this scenario of the library (repeatable; names in docs/replay-scenarios.md): a quicker look while iterating. The pull-request workflow replays them all.",
      example: "npm run diff -- origin/main --scenario factory-5xx --scenario process-crash",
    },
    pictures: {
      type: "string",
      argument: "DIR",
      explanation:
        "Also write PNGs into DIR: each dashboard whose panels change, before and after, previewed during the first --scenario (factory-5xx by default), and the timelines of every scenario whose outcome changes (needs Debian's chromium and prometheus).",
      example: "npm run diff -- origin/main --format markdown --pictures /tmp/review-pictures",
    },
    "no-replay": {
      type: "boolean",
      explanation:
        "Skip the incident replay of both sides (the scenario library twice, about 40 s when rules or routes differ; nothing is replayed when they do not).",
      example: "npm run diff -- origin/main --no-replay",
    },
  },
});
const USAGE = DIFF.usage;
const FORMATS = ["text", "markdown"] as const;
type Format = (typeof FORMATS)[number];

function compared(files: Map<string, string>): Map<string, string> {
  return new Map([...files].filter(([path]) => COMPARED_DIRS.some((d) => path.startsWith(d))));
}

function refChecked(ref: string, repo: string): string {
  try {
    verifiedRef(ref, repo);
  } catch (e) {
    if (e instanceof UnknownRefError) throw new UsageError(e.message, USAGE);
    throw e;
  }
  return ref;
}

/** The provisioning files and dashboards a ref's definitions (of the repository `repo`) render from a stack file's text. */
export function renderedFilesAt(
  ref: string,
  stackText = readFileSync(EXAMPLE_STACK_FILE, "utf8"),
  stackName = "Pulumi.example.yaml",
  repo = REPO_ROOT,
): Map<string, string> {
  return compared(renderedFilesAtRef(refChecked(ref, repo), stackText, stackName, repo));
}

/** The working tree's provisioning files and dashboards, rendered in memory from a stack file. */
export function renderedFilesOfWorkingTree(stackFile: string): Map<string, string> {
  return compared(renderArtifacts(readStackFile(stackFile)));
}

/** Both kinds of rendered file read back. */
export function reviewSnapshot(files: Map<string, string>): ReviewSnapshot {
  const pick = (dir: string) => [...files].filter(([path]) => path.startsWith(dir));
  return { ...readAlertingSnapshot(pick("alerting/")), dashboards: readDashboardSnapshot(pick("dashboards/")) };
}

/** One side of the comparison: the stack file's text there and the files its definitions render from it. */
interface Side {
  stackText: string;
  files: Map<string, string>;
}

/** A ref's side: its own version of the stack file, or the given one when the ref does not have that file. */
function refSide(ref: string, stackFile: string, repo: string): Side {
  // The repository's path as git prints it (symbolic links resolved), and the stack file's likewise.
  const path = relative(repo, existsSync(stackFile) ? realpathSync(stackFile) : stackFile);
  const committed = path.startsWith("..") ? undefined : fileAtRef(refChecked(ref, repo), path, repo);
  const stackText = committed ?? readFileSync(stackFile, "utf8");
  return { stackText, files: renderedFilesAt(ref, stackText, path.startsWith("..") ? stackFile : path, repo) };
}

/** The command line; a relative --stack-file is read from `cwd` (the repository the diff runs in). */
export function diffArgs(
  argv: string[],
  cwd = REPO_ROOT,
): { ref: string; to?: string; stackFile: string; format: Format; replay: boolean; scenarios?: Set<string>; pictures?: string } {
  const { values, positionals } = parseCommandLine(argv, DIFF);
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be text or markdown (got "${values.format}")`, USAGE);
  const known = SCENARIOS.map((s) => s.name);
  const unknown = (values.scenario ?? []).find((name) => !known.includes(name));
  if (unknown !== undefined)
    throw new UsageError(`--scenario: no scenario "${unknown.slice(0, 100)}" in the library (${known.join(", ")})`, USAGE);
  return {
    ref: positionals[0],
    ...(values.to !== undefined ? { to: values.to } : {}),
    stackFile: resolve(cwd, values["stack-file"] ?? join(cwd, "Pulumi.example.yaml")),
    format,
    replay: values["no-replay"] !== true,
    ...(values.scenario?.length ? { scenarios: new Set(values.scenario) } : {}),
    ...(values.pictures !== undefined ? { pictures: resolve(cwd, values.pictures) } : {}),
  };
}

/** A side's stack config, read with this checkout's schema (the one the replay and its scenarios expect), or why it does not parse. */
function sideConfig(stackText: string, name: string): Config | { problem: string } {
  try {
    const { config, secrets } = parseStack(stackText, name);
    return parseConfig(config, secrets);
  } catch (e) {
    if (!(e instanceof InvalidDefinitionError)) throw e;
    return { problem: e.message.split("\n").slice(0, 2).join(" ") };
  }
}

/** A side as the report's sections read it: labelled, its stack config read once. */
type LabelledSide = Side & { label: string; cfg: ReturnType<typeof sideConfig> };

/** The incident replay of both sides, compared (undefined when a side's stack file does not parse); a side this checkout's schema refuses is named in one line. */
async function replaySection(
  before: LabelledSide,
  after: LabelledSide,
  stackName: string,
  format: Format,
  scenarios: Set<string> | undefined,
): Promise<{ text: string; comparison?: ReplayComparison }> {
  const sides: ReplaySide[] = [];
  for (const s of [before, after]) {
    if ("problem" in s.cfg) {
      const line = `not replayed: ${s.label}'s ${stackName} does not parse with this checkout's schema (${s.cfg.problem})`;
      return { text: format === "markdown" ? `### Incident replay\n\n${line}\n` : `Incident replay: ${line}\n` };
    }
    sides.push({ label: s.label, stack: stackOfRenderedFiles(s.files, s.label), cfg: s.cfg, pager: routingTargets(s.cfg).pager });
  }
  // One scenario library for both sides: the head's, with its stack's telemetry contract and probes,
  // built only when the sides' rules or routes differ.
  const wanted = (scenario: string) => scenarios === undefined || scenarios.has(scenario);
  const plan = libraryPlan({}).filter((p) => wanted(p.scenario));
  const library = {
    scenarios: new Set(plan.map((p) => p.scenario)).size,
    fixtures: plan.length,
    build: () => stackFixtures(sides[1].cfg).filter((f) => wanted(scenarioOf(f.name))),
  };
  const comparison = await compareReplays(sides[0], sides[1], library, pageTextEngines());
  return { text: formatReplayComparison(comparison, format), comparison };
}

/** `--pictures DIR`: the changed dashboards previewed on both sides, and the changed scenarios' timelines. */
async function picturesSection(
  sides: [LabelledSide, LabelledSide],
  stackName: string,
  comparison: ReplayComparison | undefined,
  scenarios: Set<string> | undefined,
  outDir: string,
  format: Format,
): Promise<string> {
  const config = (s: LabelledSide): Config | string =>
    "problem" in s.cfg ? `its ${stackName} does not parse with this checkout's schema` : s.cfg;
  const [beforeCfg, afterCfg] = [config(sides[0]), config(sides[1])];
  if (typeof afterCfg === "string") throw new InvalidDefinitionError("stack configuration", [`--pictures: the working side's ${afterCfg}`]);
  // Loaded only for --pictures: Chromium's driver and Grafana's formatters are most of a diff's start-up.
  // A require, not import(): the CLIs run as CommonJS under tsx, whose loader does not take import() of a .ts file.
  const { DEFAULT_PREVIEW_SCENARIO } = require("../preview") as typeof import("../preview");
  const { formatPictures, reviewPictures } = require("../preview/review-pictures") as typeof import("../preview/review-pictures");
  const scenario = [...(scenarios ?? [])][0] ?? DEFAULT_PREVIEW_SCENARIO;
  const fixture = stackFixtures(afterCfg, [0]).find((f) => scenarioOf(f.name) === scenario)!;
  const dashboards = changedDashboards(reviewSnapshot(sides[0].files).dashboards, reviewSnapshot(sides[1].files).dashboards);
  const pictures = await reviewPictures({
    sides: [
      { label: "before", files: sides[0].files, cfg: beforeCfg },
      { label: "after", files: sides[1].files, cfg: afterCfg },
    ],
    dashboards: dashboards.map((d) => d.uid),
    fixture,
    timelines: (comparison?.changed ?? []).map((c) => ({ fixture: c.fixture, ...c.timelines })),
    outDir,
  });
  return formatPictures(pictures, fixture.name, format === "markdown");
}

/**
 * The LogQL queries the compared side renders that Loki's recorded answers do not cover, each "not
 * yet checked against Loki" (a warning, src/replay/loki-recording.ts); nothing when all are, or when
 * its stack file does not parse (the replay section names that).
 */
function lokiSection(side: LabelledSide, format: Format): string {
  const cfg = side.cfg;
  if ("problem" in cfg) return "";
  const dashboards = [...side.files].filter(([path]) => path.startsWith("dashboards/")).map(([, text]) => JSON.parse(text) as Dashboard);
  const queries = stackLogQL({ ruleGroups: stackOfRenderedFiles(side.files, "the compared side").ruleGroups, dashboards }, cfg);
  const [head, ...rest] = lokiCheckLines(queries, readLokiRecording());
  // Only a warning is worth a reviewer's line: a diff whose queries all have recorded answers says nothing.
  if (rest.length === 0) return "";
  if (format === "markdown") return `### LogQL against Loki\n\n${head}\n${rest.map((l) => `- ${l.trim()}\n`).join("")}`;
  return `${[head, ...rest].join("\n")}\n`;
}

/** The diff's report; a relative --stack-file is read from `cwd`; refs are those of the git repository `cwd` is in. */
export async function runDiff(argv: string[], cwd = REPO_ROOT): Promise<string> {
  const { ref, to, stackFile, format, replay, scenarios, pictures } = diffArgs(argv, cwd);
  const repo = repositoryOf(cwd);
  const before = refSide(ref, stackFile, repo);
  const after: Side =
    to === undefined
      ? { stackText: readFileSync(stackFile, "utf8"), files: renderedFilesOfWorkingTree(stackFile) }
      : refSide(to, stackFile, repo);
  const sections = [
    ...behaviourDiff(reviewSnapshot(before.files), reviewSnapshot(after.files)),
    { title: "Stack configuration", changes: configChanges(before.stackText, after.stackText) },
    { title: "Credentials", changes: credentialChanges(credentialDigests(before.stackText), credentialDigests(after.stackText)) },
  ];
  const shown = relative(cwd, stackFile) || stackFile;
  const target = to === undefined ? `working tree (${shown})` : to;
  const sides: [LabelledSide, LabelledSide] = [
    { ...before, label: ref, cfg: sideConfig(before.stackText, shown) },
    { ...after, label: to ?? "working tree", cfg: sideConfig(after.stackText, shown) },
  ];
  const checked = lokiSection(sides[1], format);
  const replayed = replay ? await replaySection(...sides, shown, format, scenarios) : { text: "" };
  const drawn = pictures ? await picturesSection(sides, shown, replayed.comparison, scenarios, pictures, format) : "";
  if (format === "markdown")
    return `${formatMarkdown(sections, `Behaviour diff: \`${ref}\` → ${to === undefined ? `working tree (\`${shown}\`)` : `\`${to}\``}`)}${checked ? `\n${checked}` : ""}${replayed.text ? `\n${replayed.text}` : ""}${drawn ? `\n${drawn}` : ""}`;
  return `Behaviour: ${ref} -> ${target}\n${formatText(sections)}${checked}${replayed.text}${drawn}`;
}

/** `npm run diff`: the exit code (0 the report was printed, 1 a failure, 2 a bad command line or ref). */
export function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  return runCommand("diff", async () => io.stdout(await runDiff(argv, io.cwd)), io);
}

if (require.main === module) runAsProcess(main);

/** The page-text helper and amtool for the page words, or the one line saying how to get the helper. */
function pageTextEngines(): { engines: PageTextEngines } | { missing: string } {
  try {
    return { engines: { pageText: requireEngines(engines(REPO_ROOT), ["page-text"])["page-text"], amtool: "amtool" } };
  } catch (e) {
    return { missing: (e as Error).message };
  }
}
