import { spawn, spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Fixture, Series } from "./fixtures";
import { durationSeconds, formatDuration } from "../config/durations";
import type { Labels } from "./logql";

/** promtool (Debian `prometheus`, 2.42): the real rule evaluation the replay relies on. */

/** The promtool to run: `PROMTOOL` (a path or name) when set, else `promtool` on PATH. */
export function promtoolBinary(env: NodeJS.ProcessEnv = process.env): string {
  return env.PROMTOOL ?? "promtool";
}

export const PROMTOOL = promtoolBinary();

export interface PromtoolResult {
  status: number;
  output: string;
}

/** Runs promtool; a missing binary throws, so a test needing it fails instead of passing vacuously. */
export function promtool(args: string[], binary = PROMTOOL): PromtoolResult {
  const r = spawnSync(binary, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new Error(`cannot run ${binary} (install Debian's prometheus package): ${r.error.message}`);
  return checkedResult(r.status ?? -1, `${r.stdout}${r.stderr}`);
}

/** `promtool` without blocking: several run at once (see `inParallel`). */
export function promtoolAsync(args: string[], binary = PROMTOOL): Promise<PromtoolResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", (e) => reject(new Error(`cannot run ${binary} (install Debian's prometheus package): ${e.message}`)));
    child.on("close", (status) => {
      try {
        resolvePromise(checkedResult(status ?? -1, `${Buffer.concat(out).toString("utf8")}${Buffer.concat(err).toString("utf8")}`));
      } catch (e) {
        reject(e as Error);
      }
    });
  });
}

function checkedResult(status: number, output: string): PromtoolResult {
  // promtool only warns about a rule file it cannot find, and then passes with no rules loaded.
  if (/no file match pattern/.test(output)) throw new Error(`promtool did not find a rule file:\n${output}`);
  return { status, output };
}

/** How many promtool runs the replay keeps going at once: one per core plus one (it also writes files), 2 to 4. */
export const PROMTOOL_CONCURRENCY = Math.min(4, Math.max(2, availableParallelism() + 1));

/** `work` over every item, at most `limit` at a time; results in the items' order. The first failure rejects. */
export async function inParallel<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface ExpectedAlert {
  labels: Labels;
  annotations: Labels;
}

export interface AlertCheck {
  evalSeconds: number;
  alertname: string;
  expAlerts: ExpectedAlert[];
}

function seriesSelector(s: Series): string {
  const labels = Object.entries(s.labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return `${s.metric}{${labels.join(", ")}}`;
}

/** promtool's expanding notation for one value per step: a number, or `_` for no sample. */
function seriesValues(s: Series): string {
  return s.values.map((v) => (v === undefined ? "_" : String(v))).join(" ");
}

export interface TestFileInput {
  ruleFiles: string[];
  evaluationIntervalSeconds: number;
  fixture: Fixture;
  /** Fixture series plus the series Loki recording rules derived from the fixture's log lines. */
  series: Series[];
  /** The alerts of these rule files. */
  alertnames: string[];
  /** Observe from this evaluation on (default: the first); promtool still evaluates every step before it. */
  firstCheckSeconds?: number;
}

/** A `promtool test rules` file: the fixture's series as input_series, one alert_rule_test per check. */
export function testFile(input: TestFileInput, checks: AlertCheck[]): string {
  const doc = {
    rule_files: input.ruleFiles.map((f) => resolve(f)),
    evaluation_interval: formatDuration(input.evaluationIntervalSeconds),
    tests: [
      {
        name: input.fixture.name,
        interval: formatDuration(input.fixture.sampleIntervalSeconds),
        input_series: input.series.map((s) => ({ series: seriesSelector(s), values: seriesValues(s) })),
        alert_rule_test: checks.map((c) => ({
          eval_time: formatDuration(c.evalSeconds),
          alertname: c.alertname,
          exp_alerts: c.expAlerts.map((a) => ({ exp_labels: a.labels, exp_annotations: a.annotations })),
        })),
      },
    ],
  };
  // JSON, which is YAML too (promtool reads it as such): a fixture's file is written in 0.2 ms instead of 8.5 ms as block YAML.
  return `# Generated by the incident replay (src/replay) from fixture ${input.fixture.name}, rule groups evaluated every ${input.evaluationIntervalSeconds}s.\n${JSON.stringify(doc, null, 2)}\n`;
}

/** `{a="b", c="d"}` as promtool prints labels (Go-quoted values). */
function parseLabelSet(text: string): Labels {
  const out: Labels = {};
  for (const m of text.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)=("(?:[^"\\]|\\.)*")/g)) out[m[1]] = JSON.parse(m[2]) as string;
  return out;
}

export interface Mismatch {
  alertname: string;
  evalSeconds: number;
  /** The alerts firing at that time according to promtool. */
  got: ExpectedAlert[];
}

/** The failed alert_rule_test entries of a promtool run, with what promtool saw firing. */
export function parseMismatches(output: string): Mismatch[] {
  const blocks = output.split(/\n\s*alertname: /).slice(1);
  return blocks.map((block) => {
    const head = block.match(/^(.*?), time: (\S+?),/);
    if (!head) throw new Error(`cannot read promtool output: ${block.slice(0, 200)}`);
    const got = block.split(/got:\[/)[1] ?? "";
    const labels = [...got.matchAll(/Labels:(\{.*\})\n/g)].map((m) => parseLabelSet(m[1]));
    const annotations = [...got.matchAll(/Annotations:(\{.*\})\n/g)].map((m) => parseLabelSet(m[1]));
    return {
      alertname: head[1],
      evalSeconds: durationSeconds(head[2]),
      got: labels.map((l, i) => ({ labels: l, annotations: annotations[i] ?? {} })),
    };
  });
}

/** The `promtool test rules` file asking, for every alert and every evaluation, that nothing fires. */
function observationFile(input: TestFileInput, dir: string): string {
  const checks: AlertCheck[] = [];
  for (
    let t = input.firstCheckSeconds ?? input.evaluationIntervalSeconds;
    t <= input.fixture.durationSeconds;
    t += input.evaluationIntervalSeconds
  ) {
    for (const alertname of input.alertnames) checks.push({ evalSeconds: t, alertname, expAlerts: [] });
  }
  const file = join(dir, `observe-${input.fixture.name}-${input.evaluationIntervalSeconds}s.test.yml`);
  writeFileSync(file, testFile(input, checks));
  return file;
}

/** Each failing check (expecting silence) of a `promtool test rules` run is an alert firing at that time, with the labels promtool printed. */
export function reportedFirings(file: string, r: PromtoolResult): Mismatch[] {
  if (r.status === 0) return [];
  // A rule that fails to evaluate must not read as "silent".
  const evalError = r.output.match(/^\s*rule: .*, time: .*, err: .*$/m);
  if (evalError) throw new Error(`promtool could not evaluate a rule (${file}): ${evalError[0].trim()}`);
  const mismatches = parseMismatches(r.output);
  if (mismatches.length === 0) throw new Error(`promtool test rules ${file} failed without alert mismatches:\n${r.output.slice(0, 2000)}`);
  return mismatches;
}

/**
 * What promtool says fires: for every alert and every evaluation, a check expecting nothing to
 * fire. Each failing check is an alert firing at that time, with the labels promtool printed.
 * Without blocking, so that several fixtures' promtool runs overlap.
 */
export async function observeFiringsAsync(input: TestFileInput, dir: string): Promise<Mismatch[]> {
  const file = observationFile(input, dir);
  return reportedFirings(file, await testRulesAsync(file));
}

/**
 * Where `testRulesAsync` keeps promtool's answers by the content of what it was asked, when set: the
 * test suite points it into the run's own temporary folder (test/support/temp-root.ts), so that a
 * question asked again within one run (the same rules over the same fixture, e.g. a built stack and
 * the same stack read back from its rendered files) is answered by the run that asked it first.
 */
export const PROMTOOL_CACHE_ENV = "PIZZA_PROMTOOL_CACHE_DIR";

/**
 * The content a `promtool test rules` file asks about (our JSON files only): its tests and the text of
 * each rule file it names, wherever those are.
 */
function questionKey(text: string, binary: string): string | undefined {
  let doc: { rule_files?: unknown };
  try {
    doc = JSON.parse(text.slice(text.indexOf("\n") + 1)) as { rule_files?: unknown };
  } catch {
    return undefined;
  }
  const ruleFiles = doc.rule_files;
  if (!Array.isArray(ruleFiles) || !ruleFiles.every((f) => typeof f === "string")) return undefined;
  const hash = createHash("sha256")
    .update(binary)
    .update("\0")
    .update(JSON.stringify({ ...doc, rule_files: ruleFiles.length }));
  for (const rules of ruleFiles) hash.update("\0").update(readFileSync(rules));
  return hash.digest("hex");
}

/** `promtool test rules FILE`, answered from PROMTOOL_CACHE_ENV's folder when the same question was asked before in it. */
export async function testRulesAsync(file: string, binary = PROMTOOL, env: NodeJS.ProcessEnv = process.env): Promise<PromtoolResult> {
  const cache = env[PROMTOOL_CACHE_ENV];
  const key = cache ? questionKey(readFileSync(file, "utf8"), binary) : undefined;
  if (!cache || !key) return promtoolAsync(["test", "rules", file], binary);
  const entry = join(cache, `${key}.json`);
  // The answer names the file it was asked about: kept with a placeholder, given back with this file's name.
  const PLACEHOLDER = "\u0000file\u0000";
  if (existsSync(entry)) {
    const { status, output } = JSON.parse(readFileSync(entry, "utf8")) as PromtoolResult;
    return { status, output: output.split(PLACEHOLDER).join(file) };
  }
  const r = await promtoolAsync(["test", "rules", file], binary);
  mkdirSync(cache, { recursive: true });
  const partial = `${entry}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify({ status: r.status, output: r.output.split(file).join(PLACEHOLDER) }));
  renameSync(partial, entry);
  return r;
}

/**
 * The annotation through which a valueRule exposes each series' value: Prometheus expands `$value`
 * with Go's `%v`, the shortest text that reads back as the same float64 (`+Inf`, `-Inf` and `NaN`
 * spelled Go's way).
 */
const VALUE_ANNOTATION = { value: "{{ $value }}" } as const;

/** A `for: 0`, threshold-free alert rule: every series `expr` returns at an evaluation fires, its value in an annotation (reportedValues). */
export function valueRule(alert: string, expr: string): { alert: string; expr: string; annotations: Record<string, string> } {
  return { alert, expr, annotations: { ...VALUE_ANNOTATION } };
}

/** A value printed through VALUE_ANNOTATION, as the float64 it was; anything else throws. */
function annotatedValue(text: string | undefined): number {
  if (text === "+Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  if (text === "NaN") return NaN;
  const v = text !== undefined && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(v)) throw new Error(`promtool printed a value that is not a number: ${JSON.stringify(text)}`);
  return v;
}

/** The labels of an alert promtool reported, without the `alertname` promtool adds: the series' own and the rule's. */
export function withoutAlertname(labels: Labels): Labels {
  return Object.fromEntries(Object.entries(labels).filter(([k]) => k !== "alertname"));
}

/** The series a valueRule returned at one evaluation, as promtool reported them firing: labels and value. */
export function reportedValues(m: Mismatch): Array<{ labels: Labels; value: number }> {
  return m.got.map((g) => ({ labels: withoutAlertname(g.labels), value: annotatedValue(g.annotations.value) }));
}
