import type { LogEntry } from "./errors";

/**
 * What Loki stores of pushed lines, which is what its queries read: an empty line is dropped, and
 * of lines identical in stream, timestamp, text and structured metadata one copy is kept. Checked against Loki 3.7.6
 * by test/e2e/logql-differential.e2e.ts. Sorted by time, as the evaluator reads them.
 */
export function storedByLoki<T extends LogEntry>(lines: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const l of [...lines].sort((a, b) => a.ts - b.ts)) {
    if (l.line === "") continue;
    const sorted = (labels: Record<string, string> = {}) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const k = `${sorted(l.labels)}\u0000${l.ts}\u0000${l.line}\u0000${sorted(l.metadata)}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(l);
  }
  return out;
}
