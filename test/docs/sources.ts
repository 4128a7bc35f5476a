import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { EXAMPLE_STACK_FILE, REPO_ROOT } from "../../src/config/paths";
import { durationSeconds } from "../../src/config/durations";
import { parseConfig } from "../../src/config/schema";
import { readStackFile } from "../../src/config/stack-file";
import { SCENARIOS, type ScenarioSpec } from "../../src/replay/fixtures";
import { alertCatalogue, type CatalogueEntry } from "../../src/review/alert-catalogue";
import { setConfig } from "../support/stack";

/** The sources the docs' figures are stated from (test/docs/pages/), read once. */

/** The example stack as parsed: its choices and every default. */
export const cfg = parseConfig(readStackFile(EXAMPLE_STACK_FILE));

export const seconds = durationSeconds;

let catalogue: CatalogueEntry[] | undefined;
/** An alert of the example stack's catalogue, as docs/alerts.md's generated table shows it. */
export function alert(uid: string): CatalogueEntry {
  catalogue ??= alertCatalogue();
  const found = catalogue.find((a) => a.uid === uid);
  if (!found) throw new Error(`no alert ${uid} in the catalogue`);
  return found;
}

/** The group intervals of the catalogue's alerts, in seconds, ascending. */
export function alertIntervals(): number[] {
  catalogue ??= alertCatalogue();
  return [...new Set(catalogue.map((a) => seconds(a.interval)))].sort((a, b) => a - b);
}

export function scenario(name: string): ScenarioSpec {
  const found = SCENARIOS.find((s) => s.name === name);
  if (!found) throw new Error(`no scenario ${name} in SCENARIOS`);
  return found;
}

/** A number a scenario's title states (`/(\d+)-minute CPU spike/`): the title is the scenario's own account of its switches. */
export function inTitle(name: string, pattern: RegExp): string {
  const m = pattern.exec(scenario(name).title);
  if (!m) throw new Error(`scenario ${name}'s title does not match ${pattern}`);
  return m[1];
}

interface ScenarioRow {
  expected: string;
  notify: string;
  episodes: string;
  pages: string;
  result: string;
}

let rows: Map<string, ScenarioRow> | undefined;
/** A row of the generated docs/replay-scenarios.md (which test/e2e/scenario-library.e2e.ts holds to the replay, every phase). */
export function replayRow(name: string): ScenarioRow {
  rows ??= new Map(
    readFileSync(join(REPO_ROOT, "docs", "replay-scenarios.md"), "utf8")
      .split("\n")
      .filter((l) => /^\| [a-z0-9-]+ \|/.test(l) && !l.startsWith("| scenario |"))
      .map((l) => {
        const [scenarioName, expected, notify, episodes, pages, result] = l
          .slice(2, -2)
          .split(" | ")
          .map((c) => c.trim());
        return [scenarioName, { expected, notify, episodes, pages, result }];
      }),
  );
  const row = rows.get(name);
  if (!row) throw new Error(`no scenario ${name} in docs/replay-scenarios.md`);
  return row;
}

/** The time-to-notify cell of a scenario's row, as the table gives it. */
export const notify = (name: string) => replayRow(name).notify;

/** A scenario passed and opened no page. */
export function neverPages(...names: string[]): () => void {
  return () => {
    for (const n of names) expect([n, replayRow(n).pages, replayRow(n).result]).toEqual([n, "0", "pass"]);
  };
}

/** `0.5` as `50`, `0.002` as `0.2`: a share as the percent a page writes. */
export const percent = (share: number) => String(Number((share * 100).toFixed(4)));

/** Whether the example stack with `pizza-observability:<key>`'s `path` set to `value` is a valid stack. */
export function accepted(key: string, path: string, value: unknown): boolean {
  const raw = structuredClone(readStackFile(EXAMPLE_STACK_FILE));
  setConfig(`pizza-observability:${key}`, path, value)(raw);
  try {
    parseConfig(raw);
    return true;
  } catch {
    return false;
  }
}

/** The schema takes `ok` and refuses `bad` at that key: the limit a page states is the schema's. */
export function limit(key: string, path: string, ok: unknown, bad: unknown): () => void {
  return () =>
    expect([accepted(key, path, ok), accepted(key, path, bad)], `${key}.${path}: ${String(ok)} accepted, ${String(bad)} refused`).toEqual([
      true,
      false,
    ]);
}
