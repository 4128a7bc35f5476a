import type { SyntaxNode } from "@lezer/common";
import { unquote } from "../../checks/grammar";
import { LogQLInvalid, LogQLUnsupported, type Labels } from "./errors";
import { children, ERROR, ERROR_DETAILS, ip, labelMatcher, regex, type Context, type Entry, type Stage } from "./entry";
import { containsMatchingIp } from "./ip";
import { labelFilterStage } from "./label-filters";
import { jsonStage, logfmtStage, pattern, patternStage, regexpStage, unpackStage } from "./parsers";
import { patternLineFilter } from "./pattern";
import { compileTemplate, TemplateInvalid, TemplateUnsupported, type Template } from "./template";

function template(text: string, ctx: Context): Template {
  try {
    return compileTemplate(text);
  } catch (err) {
    if (err instanceof TemplateUnsupported) throw new LogQLUnsupported(err.message, ctx.query);
    if (err instanceof TemplateInvalid) throw new LogQLInvalid(`template: ${err.message}`, ctx.query);
    throw err;
  }
}

/** `trailing`: OrFilter nodes the grammar leaves beside the LineFilter (after an ip() operand). */
function lineFilter(node: SyntaxNode, ctx: Context, trailing: SyntaxNode[] = []): Stage {
  const op = node.getChild("Filter")?.firstChild?.name;
  const regexFilter = op === "PipeMatch" || op === "Nre";
  const patternFilter = op === "PipePattern" || op === "Npa";
  if (op !== "PipeExact" && op !== "Neq" && !regexFilter && !patternFilter)
    throw new LogQLUnsupported(`the line filter ${ctx.text(node)}`, ctx.query);
  // Each or operand inherits the filter's type; an ip("…") operand matches addresses (|= and != only).
  const operands: Array<(line: string) => boolean> = [];
  const collect = (n: SyntaxNode) => {
    let isIp = false;
    for (const c of children(n)) {
      if (c.name === "FilterOp") isIp = true;
      else if (c.name === "OrFilter") collect(c);
      else if (c.name === "String") {
        const text = unquote(ctx.text(c));
        if (isIp) {
          if (regexFilter || patternFilter) throw new LogQLInvalid("ip: invalid operation", ctx.query);
          const m = ip(text, ctx);
          operands.push((line) => containsMatchingIp(line, m));
        } else if (regexFilter) {
          const r = regex(text, ctx);
          operands.push((line) => r.find(line));
        } else if (patternFilter) {
          operands.push(pattern(() => patternLineFilter(text), ctx));
        } else operands.push((line) => line.includes(text));
        isIp = false;
      }
    }
  };
  collect(node);
  trailing.forEach(collect);
  const positive = op === "PipeExact" || op === "PipeMatch" || op === "PipePattern";
  return (e) => operands.some((o) => o(e.line)) === positive;
}

function lineFormatStage(node: SyntaxNode, ctx: Context): Stage {
  const t = template(unquote(ctx.text(node.getChild("String")!)), ctx);
  return (e) => {
    e.line = t(e.labels, e.line);
    return true;
  };
}

function labelFormatStage(node: SyntaxNode, ctx: Context): Stage {
  const ops: Array<(e: Entry, before: Labels) => void> = [];
  const visit = (n: SyntaxNode) => {
    for (const c of children(n)) {
      if (c.name === "LabelsFormat") visit(c);
      else if (c.name === "LabelFormatMatcher") {
        const [dst, , src] = children(c);
        const target = ctx.text(dst);
        if (src.name === "Identifier") {
          const from = ctx.text(src);
          ops.push((e, before) => {
            const v = before[from];
            delete e.labels[from];
            if (v !== undefined) e.labels[target] = v;
          });
        } else {
          const t = template(unquote(ctx.text(src)), ctx);
          ops.push((e, before) => {
            e.labels[target] = t(before, e.line);
          });
        }
      }
    }
  };
  visit(node);
  return (e) => {
    const before = { ...e.labels };
    for (const op of ops) op(e, before);
    return true;
  };
}

function dropKeepStage(node: SyntaxNode, ctx: Context, keep: boolean): Stage {
  const rules: Array<{ name: string; matches?: (v: string) => boolean }> = [];
  const visit = (n: SyntaxNode) => {
    for (const c of children(n)) {
      if (c.name === "DropLabels" || c.name === "KeepLabels") visit(c);
      else if (c.name === "DropLabel" || c.name === "KeepLabel") {
        const m = c.getChild("Matcher");
        if (m) {
          const [id, op, str] = children(m);
          rules.push({ name: ctx.text(id), matches: labelMatcher(op.name, unquote(ctx.text(str)), ctx) });
        } else rules.push({ name: ctx.text(c.getChild("Identifier")!) });
      }
    }
  };
  visit(node);
  if (rules.length === 0) throw new LogQLInvalid("syntax error: expecting IDENTIFIER", ctx.query);
  return (e) => {
    if (!keep) {
      for (const r of rules) if (r.name in e.labels && (!r.matches || r.matches(e.labels[r.name]))) delete e.labels[r.name];
      // Loki 3.7.6 leaves empty-valued labels out after a drop (seen by test/e2e/logql-differential.e2e.ts).
      for (const [name, value] of Object.entries(e.labels)) if (value === "") delete e.labels[name];
      return true;
    }
    for (const name of Object.keys(e.labels)) {
      if (name === ERROR || name === ERROR_DETAILS) continue;
      const kept = rules.some((r) => r.name === name && (!r.matches || r.matches(e.labels[name])));
      if (!kept) delete e.labels[name];
    }
    return true;
  };
}

function stage(node: SyntaxNode, ctx: Context): Stage {
  switch (node.name) {
    case "LineFilter":
      return lineFilter(node, ctx);
    case "LabelFilter":
      return labelFilterStage(node, ctx);
    case "LabelParser": {
      const kind = node.firstChild?.name;
      if (kind === "Json") return jsonStage(node, ctx);
      if (kind === "Logfmt") return logfmtStage(node, ctx);
      if (kind === "Regexp") return regexpStage(node, ctx);
      if (kind === "Unpack") return unpackStage(ctx);
      if (kind === "Pattern") return patternStage(node, ctx);
      throw new LogQLUnsupported(`the ${ctx.text(node).split(" ")[0]} parser`, ctx.query);
    }
    case "JsonExpressionParser":
      return jsonStage(node, ctx);
    case "LogfmtParser":
    case "LogfmtExpressionParser":
      return logfmtStage(node, ctx);
    case "LineFormatExpr":
      return lineFormatStage(node, ctx);
    case "LabelFormatExpr":
      return labelFormatStage(node, ctx);
    case "DropLabelsExpr":
      return dropKeepStage(node, ctx, false);
    case "KeepLabelsExpr":
      return dropKeepStage(node, ctx, true);
    case "DecolorizeExpr":
      // ANSI CSI sequences, as Loki's decolorize removes them.
      return (e) => {
        e.line = e.line.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "");
        return true;
      };
    default:
      throw new LogQLUnsupported(`the pipeline stage ${ctx.text(node)}`, ctx.query);
  }
}

/** The stages of a PipelineExpr, in order. */
export function pipelineStages(node: SyntaxNode | null, ctx: Context): Stage[] {
  if (!node) return [];
  const stages: Stage[] = [];
  const visit = (n: SyntaxNode) => {
    const cs = children(n);
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      if (c.name === "PipelineExpr" || c.name === "LineFilters" || c.name === "PipelineStage") visit(c);
      else if (c.name === "Pipe") continue;
      else if (c.name === "LineFilter") {
        const trailing: SyntaxNode[] = [];
        while (cs[i + 1]?.name === "Or" && cs[i + 2]?.name === "OrFilter") {
          trailing.push(cs[i + 2]);
          i += 2;
        }
        stages.push(lineFilter(c, ctx, trailing));
      } else stages.push(stage(c, ctx));
    }
  };
  visit(node);
  return stages;
}

/**
 * The labels a log range expression's stages read (Loki's RequiredLabelNames): label filters,
 * template fields, label_format sources, the unwrapped label; each `x_extracted` also as `x`.
 */
export function requiredLabelNames(node: SyntaxNode, ctx: Context): string[] {
  const names = new Set<string>();
  node.cursor().iterate((c) => {
    const n = c.node;
    if (
      ["Matcher", "NumberFilter", "DurationFilter", "BytesFilter"].includes(c.name) &&
      n.parent?.name !== "Matchers" &&
      !hasAncestor(n, ["DropLabel", "KeepLabel"])
    ) {
      const id = n.getChild("Identifier");
      if (id) names.add(ctx.text(id));
    } else if (c.name === "LineFormatExpr" || c.name === "LabelFormatMatcher") {
      for (const m of ctx.text(n).matchAll(/\.([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]);
      const ids = n.getChildren("Identifier");
      if (c.name === "LabelFormatMatcher" && ids.length === 2) names.add(ctx.text(ids[1]));
    } else if (c.name === "UnwrapExpr" && n.getChild("Unwrap")) {
      names.add(ctx.text(n.getChild("Identifier")!));
    }
  });
  for (const n of [...names]) if (n.endsWith("_extracted")) names.add(n.slice(0, -"_extracted".length));
  return [...names];
}

function hasAncestor(n: SyntaxNode, names: string[]): boolean {
  for (let p = n.parent; p; p = p.parent) if (names.includes(p.name)) return true;
  return false;
}
