/** Small text helpers shared by the query builders and the reports. */

/** A string literal as PromQL and LogQL read it (double-quoted, JSON escapes). */
export function quote(value: string): string {
  return JSON.stringify(value);
}

/** A count with its noun, plural unless it is one: `counted(1, "page")` is "1 page", `counted(2, "page")` "2 pages". */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

export type TableFormat = "text" | "markdown";

/**
 * A table as markdown (`|` in cells escaped) or as aligned text columns two spaces apart, each
 * line prefixed with `indent`. Returns its lines.
 */
export function renderTable(format: TableFormat, head: string[], rows: string[][], indent = ""): string[] {
  if (format === "markdown") {
    const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
    return [line(head), `|${head.map(() => "---").join("|")}|`, ...rows.map(line)];
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `${indent}${cells.map((c, i) => c.padEnd(widths[i])).join("  ")}`.trimEnd();
  return [line(head), ...rows.map(line)];
}
