import { EXAMPLE_STACK_FILE } from "../../../src/config/paths";
import { parseConfig } from "../../../src/config/schema";
import { readStack } from "../../../src/config/stack-file";
import { checkedStack } from "../../../src/checks";
import { expandGrafanaMacros } from "../../../src/checks/grammar";
import { exprOf } from "../../../src/model/rules";
import { interpolateVariables } from "../../../src/replay/dashboards";
import { keptFixtures } from "../../support/fixtures";
import type { DifferentialCase } from "./differential";

/** Seconds between the instants each stack query is compared at, over every scenario's span. */
const STEP_SECONDS = 120;

/** Every LogQL query of the example stack (rules, recording rules, dashboard targets as Grafana sends them). */
export function stackLogQL(): Array<{ where: string; query: string }> {
  const { config, secrets } = readStack(EXAMPLE_STACK_FILE);
  const cfg = parseConfig(config, secrets);
  const stack = checkedStack(cfg);
  const rules = stack.ruleGroups.flatMap((g) =>
    (g.rules ?? []).flatMap((r) =>
      r.data.flatMap((q) => {
        const expr = exprOf(q.model);
        return q.datasourceUid === cfg.datasources.loki && expr !== undefined ? [{ where: `rule ${r.uid} ${q.refId}`, query: expr }] : [];
      }),
    ),
  );
  const panels = stack.dashboards.flatMap((d) =>
    (d.panels ?? []).flatMap((p) => {
      if (!("targets" in p)) return [];
      return ((p.targets ?? []) as Array<{ refId?: string; expr?: unknown; datasource?: { type?: string } }>).flatMap((t) => {
        const expr = exprOf(t);
        const type = (t.datasource ?? (p as { datasource?: { type?: string } }).datasource)?.type;
        return type === "loki" && expr !== undefined
          ? [{ where: `dashboard ${d.uid} "${p.title}" ${t.refId}`, query: interpolateVariables(expr, d) }]
          : [];
      });
    }),
  );
  return [...rules, ...panels].map((q) => ({ ...q, query: expandGrafanaMacros(q.query) }));
}

/** Each stack query over each scenario's logs (one group, so one tenant, per scenario), compared every STEP_SECONDS. */
export function stackQueryCases(): DifferentialCase[] {
  const { config, secrets } = readStack(EXAMPLE_STACK_FILE);
  const cfg = parseConfig(config, secrets);
  const queries = stackLogQL();
  return keptFixtures(cfg, [0]).flatMap((f) => {
    const times: number[] = [];
    for (let t = STEP_SECONDS; t <= f.durationSeconds; t += STEP_SECONDS) times.push(t * 1000);
    return queries.map((q) => ({ name: `${f.name} ${q.where}`, group: f.name, query: q.query, lines: f.logs, times }));
  });
}
