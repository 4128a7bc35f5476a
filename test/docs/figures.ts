import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { REPO_ROOT } from "../../src/config/paths";

/**
 * What a docs page says in figures: test/docs/figures.test.ts holds each page to it. A figure in a
 * page's prose is either generated (`npm run docs`, or the replay's `--write-docs`), stated from its
 * source (test/docs/pages/), or listed in test/docs/not-figures.yaml as no figure of this project.
 */

/** A phrase of the page holding figures, built from their source: the page must say exactly this. */
export interface Stated {
  text: string;
  /** Where the figures come from, for the reader of a failure. */
  from: string;
  /** A fact the phrase relies on beyond its figures (e.g. a scenario's pages), asserted too. */
  holds?: () => void;
}

export interface PageFigures {
  page: string;
  stated: Stated[];
}

/** An entry of test/docs/not-figures.yaml: numbers that are no figure of this project, or that another test holds. */
export interface NotAFigure {
  text?: string;
  pattern?: string;
  /** A measurement: each place it matches states its date, machine and load. */
  record?: boolean;
  why: string;
}

export const NOT_FIGURES = parse(readFileSync(join(REPO_ROOT, "test", "docs", "not-figures.yaml"), "utf8")) as Record<string, NotAFigure[]>;

/** What an entry takes out of a page's prose. */
export function covered(n: NotAFigure): string | RegExp {
  return n.text ?? new RegExp(n.pattern ?? "", "m");
}
