/** A label set: an alert's, a series', a log stream's. */
export type Labels = Record<string, string>;

/**
 * A label set's identity as text, the same whatever order its labels were added in: the pairs
 * sorted by name in code-unit order (Prometheus' order), as JSON. The one key function for
 * grouping series and alert instances by their labels.
 */
export function labelSetKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
