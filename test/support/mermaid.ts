import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Mermaid's own gantt parser (the jison grammar mermaid ships, `src/diagrams/gantt/parser/gantt.jison`,
 * compiled in its dist). `mermaid.parse()` itself needs a browser (DOMPurify sanitises task text in
 * the diagram's db), so the parser runs with a db whose methods only record the calls: the grammar
 * decides what parses. `parse` returns the calls (`addSection`, `addTask`, ...) or throws.
 */
export async function ganttParser(): Promise<(text: string) => Array<[string, unknown[]]>> {
  const root = join(dirname(createRequire(__filename).resolve("mermaid")), "chunks", "mermaid.core");
  const file = readdirSync(root).find((f) => /^ganttDiagram-.*\.mjs$/.test(f));
  if (!file) throw new Error(`no gantt chunk of mermaid in ${root}`);
  type GanttParser = { parse: (text: string) => unknown; yy: Record<string, (...args: unknown[]) => void> };
  const mod = (await import(pathToFileURL(join(root, file)).href)) as { diagram: { parser: GanttParser; db: Record<string, unknown> } };
  const parser = mod.diagram.parser;
  let calls: Array<[string, unknown[]]> = [];
  parser.yy = Object.fromEntries(Object.keys(mod.diagram.db).map((k) => [k, (...args: unknown[]) => void calls.push([k, args])]));
  return (text) => {
    calls = [];
    parser.parse(text);
    return calls;
  };
}

/** The ```mermaid blocks of a markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]);
}
