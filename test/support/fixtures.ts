import type { Config } from "../../src/config/schema";
import type { Fixture } from "../../src/replay/fixtures";
import { stackFixtures } from "../../src/replay/run";

/**
 * Test machinery: the scenario library built once per worker process and shared, frozen. The
 * fixtures are a pure function of the telemetry names and options, and simulating the 43 fixtures
 * takes about half a second, which the test files would otherwise pay some fifteen times; a command
 * builds them once (src/replay/run.ts stackFixtures).
 */

const kept = new Map<string, readonly Fixture[]>();
const KEPT_LIBRARIES = 4;

/** Freezes a value and everything it holds: a shared fixture cannot be changed by one of its readers. */
function deepFrozen<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFrozen(v);
  }
  return value;
}

/** `stackFixtures(cfg, phases)`, built once per worker for the same telemetry and options. */
export function keptFixtures(cfg: Config, phases?: number[]): Fixture[] {
  const key = JSON.stringify([cfg.telemetry, cfg.syntheticMonitoring, phases]);
  let library = kept.get(key);
  if (!library) {
    library = deepFrozen(stackFixtures(cfg, phases));
    if (kept.size >= KEPT_LIBRARIES) kept.delete(kept.keys().next().value!);
    kept.set(key, library);
  }
  return [...library];
}
