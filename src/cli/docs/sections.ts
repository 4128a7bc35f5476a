import { readFileSync } from "node:fs";
import { join } from "node:path";
import { catalogueOfWorkingTree } from "../../backtest/catalogue";
import { backtestCostTable } from "../../backtest/cost";
import { checkedStack } from "../../checks";
import { checksReference } from "../../checks/findings";
import { logqlCostTable } from "../../checks/logql-cost";
import { EXAMPLE_STACK_FILE, REPO_ROOT } from "../../config/paths";
import { configurationReferenceTable } from "../../config/reference";
import { parseConfig } from "../../config/schema";
import { readStackFile } from "../../config/stack-file";
import { alertCatalogueTable, recordingRulesTable } from "../../review/alert-catalogue";

/**
 * The generated sections of the docs (`npm run docs`): each between `<!-- generated: NAME` and
 * `<!-- end generated: NAME -->` on its page, computed from the source of its figures. A test fails
 * when one is stale; test/docs/figures.test.ts holds the pages' other figures to their sources.
 */

/** A generated section of a docs page. */
export interface GeneratedSection {
  file: string;
  name: string;
  content: () => string;
}

const page = (name: string) => join(REPO_ROOT, ...name.split("/"));

function exampleStack() {
  const raw = readStackFile(EXAMPLE_STACK_FILE);
  return { raw, cfg: parseConfig(raw) };
}

export const GENERATED_SECTIONS: GeneratedSection[] = [
  { file: page("docs/configuration.md"), name: "configuration reference", content: configurationReferenceTable },
  { file: page("docs/alerts.md"), name: "alert catalogue", content: () => alertCatalogueTable() },
  {
    file: page("docs/alerts.md"),
    name: "LogQL cost",
    content: () => {
      const { cfg } = exampleStack();
      return logqlCostTable(checkedStack(cfg), cfg);
    },
  },
  { file: page("docs/alerts.md"), name: "recording rules", content: () => recordingRulesTable() },
  {
    file: page("docs/backtest.md"),
    name: "request cost",
    content: () => {
      const { raw, cfg } = exampleStack();
      return backtestCostTable(catalogueOfWorkingTree(raw, "example stack"), cfg.datasources);
    },
  },
  { file: page("docs/reviewing.md"), name: "checks", content: checksReference },
];

function markers(name: string): [string, string] {
  return [`<!-- generated: ${name} (npm run docs; edit the source, not this table) -->\n`, `<!-- end generated: ${name} -->`];
}

/** Each docs page with its generated sections brought up to date: file -> text. Throws naming a page without its markers. */
export function generatedDocs(sections: GeneratedSection[] = GENERATED_SECTIONS): Map<string, string> {
  const pages = new Map<string, string>();
  for (const s of sections) {
    const text = pages.get(s.file) ?? readFileSync(s.file, "utf8");
    const [start, end] = markers(s.name);
    const from = text.indexOf(start);
    const to = text.indexOf(end, from);
    if (from < 0 || to < 0) throw new Error(`${s.file}: no "${start.trim()}" ... "${end}" markers around its ${s.name}`);
    pages.set(s.file, `${text.slice(0, from + start.length)}${s.content()}${text.slice(to)}`);
  }
  return pages;
}
