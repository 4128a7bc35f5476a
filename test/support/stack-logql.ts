import { EXAMPLE_STACK_FILE } from "../../src/config/paths";
import { parseConfig } from "../../src/config/schema";
import { readStack } from "../../src/config/stack-file";
import { checkedStack } from "../../src/checks";
import { stackLogQL } from "../../src/replay/loki-recording";
import { keptFixtures } from "./fixtures";
import type { DifferentialCase } from "./loki-differential";

/** Seconds between the instants each stack query is compared at, over every scenario's span. */
export const STEP_SECONDS = 120;

/** Each stack query over each scenario's logs (one group, so one tenant, per scenario), compared every STEP_SECONDS. */
export function stackQueryCases(): DifferentialCase[] {
  const { config, secrets } = readStack(EXAMPLE_STACK_FILE);
  const cfg = parseConfig(config, secrets);
  const queries = stackLogQL(checkedStack(cfg), cfg);
  return keptFixtures(cfg, [0]).flatMap((f) => {
    const times: number[] = [];
    for (let t = STEP_SECONDS; t <= f.durationSeconds; t += STEP_SECONDS) times.push(t * 1000);
    return queries.map((q) => ({ name: `${f.name} ${q.where}`, group: f.name, query: q.query, lines: f.logs, times }));
  });
}
