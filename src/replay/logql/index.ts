import type { SyntaxNode } from "@lezer/common";
import { syntaxTree } from "../../checks/grammar";
import { LogQLInvalid, LogQLUnsupported } from "./errors";
import { compileMetric, type InstantQuery } from "./metric";
import type { Context } from "./entry";

/**
 * An evaluator for LogQL metric queries over fixture log lines, built on the official grammar's
 * syntax tree and held to Loki's own engine tests (test/replay/loki-conformance; docs/replay.md
 * "LogQL conformance" lists what it covers). `entry.ts` holds a line's state and Loki's parser
 * hints, `pipeline.ts` the stage order, `parsers.ts` / `label-filters.ts` / `json.ts` / `logfmt.ts`
 * / `template.ts` / `pattern.ts` / `ip.ts` the stages, `metric.ts` range and vector aggregations,
 * `binop.ts` binary operations. Regexes run on re2js (Go's RE2). What it does not implement throws
 * LogQLUnsupported naming the construct; a query Loki would reject throws LogQLInvalid.
 */

export { LogQLInvalid, LogQLPipelineError, LogQLUnsupported, type Labels, type LogEntry, type Sample } from "./errors";
export { storedByLoki } from "./ingest";
export type { InstantQuery } from "./metric";

function context(query: string): Context {
  return { query, text: (n: SyntaxNode) => query.slice(n.from, n.to), hints: { noLabels: false } };
}

function parse(query: string) {
  const tree = syntaxTree("logql", query);
  let error: number | undefined;
  tree.iterate({
    enter: (n) => {
      if (n.type.isError && error === undefined) error = n.from;
    },
  });
  if (error !== undefined) throw new LogQLInvalid(`LogQL does not parse at offset ${error} (syntax error)`, query);
  return tree;
}

/** A compiled query; `resultType` "scalar" answers one sample without labels. */
export type CompiledQuery = InstantQuery & { resultType: "scalar" | "vector" };

/** Compiles a LogQL metric query into an instant query over fixture log lines. */
export function compileLogQL(query: string): CompiledQuery {
  const tree = parse(query);
  const metric = tree.topNode.getChild("Expr")?.getChild("MetricExpr");
  if (!metric) throw new LogQLUnsupported("a log (non-metric) query", query);
  const c = compileMetric(metric, context(query));
  if (c.kind === "vector") return Object.assign(c.eval, { resultType: "vector" as const });
  return Object.assign((logs: Parameters<InstantQuery>[0], at: number) => [{ labels: {}, value: c.eval(logs, at) }], {
    resultType: "scalar" as const,
  });
}
export { compileLogQuery } from "./log-query";
