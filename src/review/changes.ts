/**
 * The behaviour diff's result, one area (alerts, routing, contact points, ...) per section, and its
 * two forms: text for terminals, markdown for the pull-request comment.
 */

export interface FieldChange {
  field: string;
  before: string;
  after: string;
  /** Long values (queries, templates) read better on their own lines than as `a -> b`. */
  block?: boolean;
}

export interface Change {
  mark: "+" | "-" | "~";
  /** What changed: `pizza-order-5xx (JWT Pizza API answering 5xx)`, `contact point pizza-on-call`. */
  subject: string;
  /** One line describing an added object. */
  summary?: string;
  fields: FieldChange[];
}

export interface Section {
  title: string;
  changes: Change[];
}

export const NO_CHANGES = "No behaviour changes.";

/** A field that differs, or nothing. */
export function field(name: string, before: string, after: string, block = false): FieldChange[] {
  return before === after ? [] : [{ field: name, before, after, ...(block ? { block } : {}) }];
}

function textChange(c: Change): string {
  const lines = [`${c.mark} ${c.subject}${c.summary ? ` ${c.summary}` : ""}`];
  for (const f of c.fields) {
    if (f.block) lines.push(`    ${f.field}:`, `      - ${f.before}`, `      + ${f.after}`);
    else lines.push(`    ${f.field}: ${f.before} -> ${f.after}`);
  }
  return lines.join("\n");
}

/** Terminal form: one block per change, `+` added, `-` removed, `~` changed; areas in a fixed order. */
export function formatText(sections: Section[]): string {
  const blocks = sections.flatMap((s) => s.changes.map(textChange));
  return blocks.length ? `${blocks.join("\n")}\n` : `${NO_CHANGES}\n`;
}

/** A table cell: code spans keep queries and templates literal; `|` would end the cell. */
function cell(value: string): string {
  if (value === "") return "";
  return value
    .split("\n")
    .map((line) => (line.includes("`") ? line.replace(/[\\|<>*_[\]]/g, (ch) => `\\${ch}`) : `\`${line.replace(/\|/g, "\\|")}\``))
    .join("<br>");
}

/** Prose cell (subjects, field names): escapes what markdown would interpret. */
function text(value: string): string {
  return value.replace(/[\\|<*_[\]`]/g, (ch) => `\\${ch}`);
}

const VERB: Record<Change["mark"], string> = { "+": "added", "-": "removed", "~": "changed" };

/** Pull-request form: a heading per area with changes, one table row per changed field. */
export function formatMarkdown(sections: Section[], heading: string): string {
  const parts = [`## ${heading}`, ""];
  const changed = sections.filter((s) => s.changes.length > 0);
  if (changed.length === 0) return `${parts.join("\n")}\n${NO_CHANGES}\n`;
  for (const s of changed) {
    parts.push(`### ${s.title}`, "", "| | What | Before | After |", "|---|---|---|---|");
    for (const c of s.changes) {
      const subject = `**${VERB[c.mark]}** ${text(c.subject)}`;
      if (c.fields.length === 0) parts.push(`| ${subject} | ${c.summary ? text(c.summary) : ""} | | |`);
      c.fields.forEach((f, i) => parts.push(`| ${i === 0 ? subject : ""} | ${text(f.field)} | ${cell(f.before)} | ${cell(f.after)} |`));
    }
    parts.push("");
  }
  return `${parts.join("\n")}`;
}
