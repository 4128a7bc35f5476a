import { tokenDiff, type Hunk, type Span } from "./token-diff";

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
  /** One line summing the section's changes up (printed above them when there are changes). */
  note?: string;
}

export const NO_CHANGES = "No behaviour changes.";

/** A field that differs, or nothing. */
export function field(name: string, before: string, after: string, block = false): FieldChange[] {
  return before === after ? [] : [{ field: name, before, after, ...(block ? { block } : {}) }];
}

/** Hunks shown per changed block value; the rest are counted. */
const SHOWN_HUNKS = 5;

/** A hunk in git's word-diff style, in its context: `…>= [-2-]{+6+} and on…`. */
function wordDiff(h: Hunk): string {
  const oneLine = (t: string) => t.replace(/\s+/g, " ");
  const removed = h.before ? `[-${oneLine(h.before)}-]` : "";
  const added = h.after ? `{+${oneLine(h.after)}+}` : "";
  return `…${oneLine(h.lead)}${removed}${added}${oneLine(h.tail)}…`;
}

function textChange(c: Change): string {
  const lines = [`${c.mark} ${c.subject}${c.summary ? ` ${c.summary}` : ""}`];
  for (const f of c.fields) {
    if (f.block) {
      lines.push(`    ${f.field}:`, `      - ${f.before}`, `      + ${f.after}`);
      // What changed inside: each changed stretch of tokens, in its context.
      const { hunks } = tokenDiff(f.before, f.after);
      lines.push(...hunks.slice(0, SHOWN_HUNKS).map((h) => `      ~ ${wordDiff(h)}`));
      if (hunks.length > SHOWN_HUNKS) lines.push(`      ~ (${hunks.length - SHOWN_HUNKS} more changes)`);
    } else lines.push(`    ${f.field}: ${f.before} -> ${f.after}`);
  }
  return lines.join("\n");
}

/** Terminal form: one block per change, `+` added, `-` removed, `~` changed; areas in a fixed order. */
export function formatText(sections: Section[]): string {
  const blocks = sections.flatMap((s) => [...(s.note && s.changes.length ? [s.note] : []), ...s.changes.map(textChange)]);
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

/**
 * Text inside an HTML tag of a table cell: markdown still reads it, so every character HTML or markdown
 * would interpret is an entity; `|` is `\|`, which GFM reads as the cell's own before anything else.
 */
function html(value: string): string {
  return value
    .replace(/[&<>*_[\]\\`~]/g, (ch) => `&#${ch.charCodeAt(0)};`)
    .replace(/\|/g, "\\|")
    .replace(/\n/g, "<br>");
}

/** A value with its changed stretches wrapped in `tag` (`del` before, `ins` after), as HTML code. */
function markedCell(value: string, marks: Span[], tag: "del" | "ins"): string {
  let out = "";
  let at = 0;
  for (const [start, end] of marks) {
    out += `${html(value.slice(at, start))}<${tag}><b>${html(value.slice(start, end))}</b></${tag}>`;
    at = end;
  }
  return `<code>${out}${html(value.slice(at))}</code>`;
}

/** The What cell of a changed block value: its name and, compactly, what changed inside it. */
function blockWhat(name: string, hunks: Hunk[]): string {
  const side = (t: string) => (t.trim() ? `<code>${html(t.trim())}</code>` : "(nothing)");
  const shown = hunks.slice(0, 3).map((h) => `${side(h.before)} → ${side(h.after)}`);
  if (hunks.length > 3) shown.push(`${hunks.length - 3} more`);
  return `${text(name)}<br>${shown.join(", ")}`;
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
    parts.push(`### ${s.title}`, "", ...(s.note ? [text(s.note), ""] : []), "| | What | Before | After |", "|---|---|---|---|");
    for (const c of s.changes) {
      const subject = `**${VERB[c.mark]}** ${text(c.subject)}`;
      if (c.fields.length === 0) parts.push(`| ${subject} | ${c.summary ? text(c.summary) : ""} | | |`);
      c.fields.forEach((f, i) => {
        const lead = i === 0 ? subject : "";
        if (!f.block) return parts.push(`| ${lead} | ${text(f.field)} | ${cell(f.before)} | ${cell(f.after)} |`);
        // A changed query or template: the changed tokens marked on each side, and listed in the What cell.
        const d = tokenDiff(f.before, f.after);
        parts.push(
          `| ${lead} | ${blockWhat(f.field, d.hunks)} | ${markedCell(f.before, d.before, "del")} | ${markedCell(f.after, d.after, "ins")} |`,
        );
      });
    }
    parts.push("");
  }
  return `${parts.join("\n")}`;
}
