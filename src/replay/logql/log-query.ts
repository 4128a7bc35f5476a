import { syntaxTree } from "../../checks/grammar";
import { entryOf, type Context } from "./entry";
import { LogQLInvalid, LogQLUnsupported, type Labels, type LogEntry } from "./errors";
import { streamSelector } from "./metric";
import { pipelineStages } from "./pipeline";

/** A line a log query returns: its time, its labels after the pipeline, and the line as the pipeline left it. */
export interface LogResult {
  ts: number;
  labels: Labels;
  line: string;
}

export type LogQuery = (logs: readonly LogEntry[], fromMs: number, toMs: number, limit: number) => LogResult[];

/**
 * A LogQL log query (a stream selector and its pipeline, as a logs panel sends it) over fixture
 * lines: the lines in [fromMs, toMs) that pass the pipeline, newest first, at most `limit` of them
 * (Loki's query_range with direction=backward). The pipeline is the metric evaluator's, stage by stage.
 */
export function compileLogQuery(query: string): LogQuery {
  const tree = syntaxTree("logql", query);
  tree.iterate({
    enter: (n) => {
      if (n.type.isError) throw new LogQLInvalid(`LogQL does not parse at offset ${n.from} (syntax error)`, query);
    },
  });
  const log = tree.topNode.getChild("Expr")?.getChild("LogExpr");
  if (!log) throw new LogQLUnsupported("a metric query where a log query is expected", query);
  const ctx: Context = { query, text: (n) => query.slice(n.from, n.to), hints: { noLabels: false } };
  const matches = streamSelector(log.getChild("Selector")!, ctx);
  const stages = pipelineStages(log.getChild("PipelineExpr"), ctx);
  return (logs, fromMs, toMs, limit) => {
    const out: LogResult[] = [];
    for (let i = logs.length - 1; i >= 0 && out.length < limit; i--) {
      const l = logs[i];
      if (l.ts >= toMs) continue;
      if (l.ts < fromMs) break;
      if (!matches(l.labels)) continue;
      const e = entryOf(l);
      if (stages.every((s) => s(e))) out.push({ ts: l.ts, labels: e.labels, line: e.line });
    }
    return out;
  };
}
