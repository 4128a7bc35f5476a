import { labelSetKey } from "../../model/labels";
import { LogQLUnsupported, type LogEntry } from "./errors";

/**
 * What Loki's queries read of pushed lines: of lines identical in stream, timestamp, text and
 * structured metadata one copy is kept (seen of Loki 3.7.6 by test/e2e/logql-differential.e2e.ts).
 * Sorted by time, as the evaluator reads them. An empty line is refused: Loki 3.7.6 stores or drops
 * it depending on its place in the push, which the replay does not model.
 */
export function storedByLoki<T extends LogEntry>(lines: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  const sorted = (labels: Record<string, string> = {}) => labelSetKey(labels);
  for (const l of [...lines].sort((a, b) => a.ts - b.ts)) {
    if (l.line === "")
      throw new LogQLUnsupported(
        `an empty log line (at ${l.ts} ms in ${sorted(l.labels)}), which Loki stores or drops depending on its place in the push`,
        "ingestion",
      );
    const k = `${sorted(l.labels)}\u0000${l.ts}\u0000${l.line}\u0000${sorted(l.metadata)}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(l);
  }
  return out;
}
