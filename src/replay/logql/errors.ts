import type { Labels } from "../../model/labels";
export type { Labels };
/** A log line: a fixture's LogLine, optionally with Loki structured metadata. */
export interface LogEntry {
  /** Milliseconds; lines are sorted by it. */
  ts: number;
  labels: Labels;
  line: string;
  metadata?: Labels;
}

export interface Sample {
  labels: Labels;
  value: number;
}

export class LogQLUnsupported extends Error {
  constructor(what: string, query: string) {
    super(`LogQL replay does not support ${what} (in ${query})`);
    this.name = "LogQLUnsupported";
  }
}

/** Loki fails a metric query whose pipeline leaves lines with an __error__ label. */
export class LogQLPipelineError extends Error {
  constructor(error: string, query: string) {
    super(`pipeline error ${error}: a metric query over lines Loki could not process (in ${query})`);
    this.name = "LogQLPipelineError";
  }
}

/** A query Loki rejects before running it (bad regex, template, literal, …). */
export class LogQLInvalid extends Error {
  constructor(what: string, query: string) {
    super(`${what} (in ${query})`);
    this.name = "LogQLInvalid";
  }
}
