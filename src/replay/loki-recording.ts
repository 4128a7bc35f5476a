import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { z } from "zod";
import type { StackDefinition } from "../build/stack";
import { expandGrafanaMacros } from "../checks/grammar";
import { REPO_ROOT } from "../config/paths";
import type { Config } from "../config/schema";
import { stackQueries } from "../checks/queries";
import { interpolateVariables } from "./dashboards";
import type { LogEntry } from "./logql";

/**
 * What the real Loki answered, recorded as data (recorded/loki-answers.json.gz) so that every clone
 * checks the replay's LogQL evaluator against it, not only a machine where Loki runs:
 * `npm run e2e -- --record` (test/e2e/logql-differential.e2e.ts) writes it where the hand-built Loki
 * is present; `npm test` (test/replay/loki-recording.test.ts) evaluates the replay on the same lines
 * at the same instants and compares; `npm run render`, `npm run diff` and the PR comment name every
 * LogQL query the stack renders that has no recorded answer as "not yet checked against Loki".
 * Recorded answers come from Loki itself, never from the replay.
 */

export const LOKI_RECORDING_FILE = join(REPO_ROOT, "recorded", "loki-answers.json.gz");

/** One instant's answer, as Loki gave it: a vector, a scalar, or an error (HTTP status and message). */
export type LokiAnswer =
  | { kind: "vector"; samples: Array<{ labels: Record<string, string>; value: number }> }
  | { kind: "scalar"; value: number }
  | { kind: "error"; status: number; message: string };

/** JSON has no NaN or infinities: they are kept as Prometheus writes them. */
const number = z.union([z.number(), z.enum(["NaN", "+Inf", "-Inf"])]);
const storedAnswer = z.union([
  z.strictObject({ v: z.array(z.tuple([z.record(z.string(), z.string()), number])) }),
  z.strictObject({ s: number }),
  z.strictObject({ e: z.tuple([z.number().int(), z.string()]) }),
]);
const recordedCase = z.strictObject({
  name: z.string(),
  /** The logs' key in its section's `logs` (cases of one group share their lines). */
  logs: z.string(),
  query: z.string(),
  /** Milliseconds, as the case gives them (before the section's `baseMs` shift). */
  times: z.array(z.number()),
  answers: z.array(storedAnswer),
});
const section = z.strictObject({
  name: z.enum(["stack", "loki-cases", "generated"]),
  /** Loki keeps recent lines in its ingester: each section's lines and instants were shifted by this many ms. */
  baseMs: z.number().int(),
  /** Each logs key's content hash (logsHash): a case whose logs changed since is not checked by its answers. */
  logs: z.record(z.string(), z.string()),
  cases: z.array(recordedCase),
});
const recording = z.strictObject({
  engine: z.literal("loki"),
  version: z.string(),
  commit: z.string(),
  recordedAt: z.string(),
  /** How the engine was had (built by hand from its repository at the tag). */
  built: z.string(),
  sections: z.array(section),
});

export type LokiRecording = z.infer<typeof recording>;
export type RecordedSection = z.infer<typeof section>;
export type SectionName = RecordedSection["name"];

function storedNumber(v: number): number | "NaN" | "+Inf" | "-Inf" {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "+Inf";
  if (v === -Infinity) return "-Inf";
  return v;
}

/** A number as Prometheus and Loki write it in JSON: decimals, and "+Inf", "-Inf" and "NaN" as text. */
export function prometheusNumber(v: number | string): number {
  if (typeof v === "number") return v;
  if (v === "+Inf") return Infinity;
  if (v === "-Inf") return -Infinity;
  return Number(v);
}

export function storeAnswer(a: LokiAnswer): z.infer<typeof storedAnswer> {
  if (a.kind === "error") return { e: [a.status, a.message] };
  if (a.kind === "scalar") return { s: storedNumber(a.value) };
  return { v: a.samples.map((s) => [s.labels, storedNumber(s.value)]) };
}

export function answerOf(stored: z.infer<typeof storedAnswer>): LokiAnswer {
  if ("e" in stored) return { kind: "error", status: stored.e[0], message: stored.e[1] };
  if ("s" in stored) return { kind: "scalar", value: prometheusNumber(stored.s) };
  return { kind: "vector", samples: stored.v.map(([labels, value]) => ({ labels, value: prometheusNumber(value) })) };
}

/** A content hash of log lines as pushed (time, stream labels, text, structured metadata), in push order. */
export function logsHash(lines: readonly LogEntry[]): string {
  const h = createHash("sha256");
  for (const l of lines) h.update(JSON.stringify([l.ts, l.labels, l.line, l.metadata ?? null])).update("\n");
  return h.digest("hex").slice(0, 16);
}

/** The recording as committed; `undefined` when there is none. A malformed file is an error naming it. */
export function readLokiRecording(file = LOKI_RECORDING_FILE): LokiRecording | undefined {
  if (!existsSync(file)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(gunzipSync(readFileSync(file), { maxOutputLength: 256 << 20 }).toString("utf8"));
  } catch (e) {
    throw new Error(`${file}: not a gzipped JSON recording (${(e as Error).message.split("\n")[0]})`);
  }
  const parsed = recording.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue.path.join(".") || "(top)"}: ${issue.message}`);
  }
  return parsed.data;
}

/** The recording's bytes: gzip of its JSON (no time in the gzip header), so the same answers give the same file. */
export function recordingBytes(r: LokiRecording): Buffer {
  return gzipSync(JSON.stringify(recording.parse(r)), { level: 9 });
}

/** Every LogQL query a stack renders (rules, recording rules, dashboard targets), as Grafana sends it. */
export function stackLogQL(
  stack: Pick<StackDefinition, "ruleGroups" | "dashboards">,
  cfg: Pick<Config, "datasources">,
): Array<{ where: string; query: string }> {
  return stackQueries(stack, cfg)
    .filter((q) => q.language === "logql")
    .map((q) => ({ where: q.where, query: expandGrafanaMacros(q.dashboard ? interpolateVariables(q.expr, q.dashboard) : q.expr) }));
}

/** The queries of `queries` the recording's stack section holds no answer for: each "not yet checked against Loki". */
export function notYetChecked(
  queries: Array<{ where: string; query: string }>,
  rec: LokiRecording | undefined,
): Array<{ where: string; query: string }> {
  const recorded = new Set(rec?.sections.find((s) => s.name === "stack")?.cases.map((c) => c.query));
  return queries.filter((q) => !recorded.has(q.query));
}

/** A long query's start and end (a range or grouping often sits at the end). */
const shortened = (query: string) => (query.length > 160 ? `${query.slice(0, 110)} ... ${query.slice(-45)}` : query);

/** The lines a command prints: one per query not yet checked, or one saying every query was. */
export function lokiCheckLines(queries: Array<{ where: string; query: string }>, rec: LokiRecording | undefined): string[] {
  const unchecked = notYetChecked(queries, rec);
  const by = rec ? `Loki ${rec.version} (recorded ${rec.recordedAt.slice(0, 10)})` : "Loki (no recording in recorded/)";
  if (unchecked.length === 0) return [`LogQL: all ${queries.length} queries the stack renders have answers recorded from ${by}.`];
  return [
    `LogQL: ${unchecked.length} of ${queries.length} queries the stack renders are not yet checked against Loki (a warning: \`npm run e2e -- --record\` where Loki runs records them, docs/engines.md):`,
    ...unchecked.map((q) => `  not yet checked against Loki: ${q.where}: ${shortened(q.query)}`),
  ];
}
