import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { inject } from "vitest";
import { checkedStack } from "../../src/checks";
import { parseConfig, type Config } from "../../src/config/schema";
import { DEFAULT_PHASES, type Fixture } from "../../src/replay/fixtures";
import { replayStack, type FixtureReplay } from "../../src/replay/run";
import { keptFixtures } from "./fixtures";
import { exampleConfig } from "./stack";

/**
 * The scenario library replayed once per `npm test`, for every test file that needs it (the replay
 * tests, the backtest's test world): this globalSetup only makes a folder; the first test file to
 * ask replays (promtool runs in parallel) and leaves the results there, the others wait and read them.
 */

declare module "vitest" {
  export interface ProvidedContext {
    scenarioReplayDir: string;
  }
}

export default function setup(project: { provide(key: "scenarioReplayDir", value: string): void }): () => void {
  const dir = mkdtempSync(join(tmpdir(), "pizza-scenario-replay-"));
  project.provide("scenarioReplayDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

export interface ScenarioReplay {
  /** The example stack (with test credentials) replayed over the library's libraryFixtures(). */
  results: FixtureReplay[];
  /** Where its rule and promtool files are. */
  dir: string;
}

/**
 * The library as this run replays it: `npm test` each scenario once (its first phase and first
 * seed), `npm run e2e` every phase and seed (vitest.e2e.config.mts sets PIZZA_LIBRARY=all).
 */
export function libraryIsWhole(): boolean {
  return process.env.PIZZA_LIBRARY === "all";
}

export function libraryFixtures(cfg: Config): Fixture[] {
  if (libraryIsWhole()) return keptFixtures(cfg);
  return keptFixtures(cfg, [DEFAULT_PHASES[0]]).filter((f) => !/\.seed\d+$/.test(f.name));
}

let cached: ScenarioReplay | undefined;

/** The replay of the scenario library: computed by the first caller of this `npm test`, read by the rest. */
export async function scenarioReplay(): Promise<ScenarioReplay> {
  if (cached) return cached;
  const root = inject("scenarioReplayDir");
  const dir = join(root, "replay");
  const file = join(root, "results.v8");
  const failed = join(root, "failed.txt");
  let owner = false;
  try {
    mkdirSync(join(root, "lock"));
    owner = true;
  } catch {
    // Another test file is replaying: wait for its results.
  }
  if (owner) {
    try {
      const cfg = parseConfig(exampleConfig());
      const results = await replayStack({ stack: checkedStack(cfg), cfg, dir }, libraryFixtures(cfg));
      writeFileSync(`${file}.tmp`, serialize(results));
      renameSync(`${file}.tmp`, file);
    } catch (e) {
      writeFileSync(failed, e instanceof Error ? e.message : String(e));
      throw e;
    }
  } else {
    while (!existsSync(file)) {
      if (existsSync(failed)) throw new Error(`the scenario replay failed in another test file: ${readFileSync(failed, "utf8")}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  cached = { results: deserialize(readFileSync(file)) as FixtureReplay[], dir };
  return cached;
}
