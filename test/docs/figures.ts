/**
 * What a docs page says in figures, page by page (test/docs/pages/): test/docs/figures.test.ts holds
 * each page to it. A figure in a page's prose is either generated (`npm run docs`, or the replay's
 * `--write-docs`), stated here from its source, or listed here as no figure of this project.
 */

/** A phrase of the page holding figures, built from their source: the page must say exactly this. */
export interface Stated {
  text: string;
  /** Where the figures come from, for the reader of a failure. */
  from: string;
  /** A fact the phrase relies on beyond its figures (e.g. a scenario's pages), asserted too. */
  holds?: () => void;
}

/** Numbers that are not figures of this project (an example value, a quoted query, a version), or are held by another test. */
export interface NotAFigure {
  text: string | RegExp;
  why: string;
}

/** A rule about the page's figures as a whole (e.g. every measurement record states its date, machine and load). */
export interface PageCheck {
  name: string;
  holds: () => void;
}

export interface PageFigures {
  page: string;
  stated: Stated[];
  notFigures: NotAFigure[];
  checks?: PageCheck[];
}
