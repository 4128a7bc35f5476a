import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../src/config/paths";

/**
 * A docs page as the figures test reads it: its prose, without what `npm run docs` generates
 * (`<!-- generated: NAME ... -->` to `<!-- end generated: NAME -->`), fenced code blocks, HTML
 * comments, link targets and list numbers; every run of white space one space, so that a phrase
 * reads the same however the page wraps it. Table rows stay one line each.
 */
export interface Prose {
  page: string;
  text: string;
  /** The page's line of a character of `text`. */
  lineOf(at: number): number;
}

function blank(text: string, pattern: RegExp): string {
  return text.replace(pattern, (m) => m.replace(/[^\n]/g, " "));
}

export function proseOf(page: string): Prose {
  let raw = readFileSync(join(REPO_ROOT, page), "utf8");
  raw = blank(raw, /<!-- generated: ([^(\n]+?) \([\s\S]*?<!-- end generated: \1 -->/g);
  raw = blank(raw, /^```[\s\S]*?^```/gm);
  raw = blank(raw, /<!--[\s\S]*?-->/g);
  raw = blank(raw, /\]\([^)\s]*\)/g);
  raw = blank(raw, /^\s*\d+\. /gm);
  const lines = raw.split("\n");
  let text = "";
  const lineAt: number[] = [];
  lines.forEach((line, i) => {
    const trimmed = line.trim().replace(/\s+/g, " ");
    if (trimmed === "") return;
    // A table row is its own line; other lines continue their paragraph.
    const row = trimmed.startsWith("|");
    const previousRow = text.endsWith("|");
    const glue = text === "" ? "" : row || previousRow ? "\n" : " ";
    for (let k = 0; k < glue.length + trimmed.length; k++) lineAt.push(i + 1);
    text += glue + trimmed;
  });
  return { page, text, lineOf: (at) => lineAt[at] ?? lines.length };
}

/**
 * Numbers of a text: a digit run (with its decimal point or thousands separators) that does not
 * continue a word (`RE2`, `count1m`, `v3`, `UTF-16` are names, not figures).
 */
const NUMBER = /(?<![A-Za-z_\d.]|[A-Za-z]-)\d+(?:[.,]\d+)*/g;

/** Numbers that are never figures of this project, whatever the page. */
const NEVER_FIGURES: Array<{ pattern: RegExp; why: string }> = [
  { pattern: /\b[1-5]xx\b/g, why: "an HTTP status class" },
  { pattern: /\b(?:200|400|401|403|404|429|500|502|503|504)\b(?![ ]?(?:s|ms|m|h|x|%)\b)/g, why: "an HTTP status code" },
  { pattern: /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?/g, why: "a date (an example or a record's date)" },
  { pattern: /#\d+/g, why: "an issue number" },
  { pattern: /U\+[0-9A-F]{4}/g, why: "a Unicode code point" },
  { pattern: /\b\d+\.\d+\.\d+\b/g, why: "a version" },
];

/** The numbers of `text` that are left once `covered` spans are taken out, with their offsets. */
export function figuresIn(text: string, covered: Array<string | RegExp>): Array<{ at: number; figure: string }> {
  let rest = text;
  const take = (pattern: string | RegExp) => {
    const re =
      typeof pattern === "string"
        ? new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g")
        : new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
    rest = rest.replace(re, (m) => " ".repeat(m.length));
  };
  covered.forEach(take);
  NEVER_FIGURES.forEach((n) => take(n.pattern));
  return [...rest.matchAll(NUMBER)].map((m) => ({ at: m.index, figure: m[0] }));
}
