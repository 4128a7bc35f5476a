import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Config } from "../config/schema";
import type { Fixture } from "../replay/fixtures";
import { launchChromium } from "./browser";
import { previewDashboards } from "./index";
import { drawTimelines } from "./timeline-picture";

/**
 * The pictures of a review (`npm run diff -- <ref> --pictures DIR`): each dashboard whose panels
 * change, previewed before and after during one scenario, and the incident timelines of every
 * scenario whose outcome changes, both sides, drawn by Mermaid as the PR comment shows them.
 */

export interface PictureSide {
  label: "before" | "after";
  /** The side's rendered files (alerting/ and dashboards/). */
  files: Map<string, string>;
  /** Its config, or why this checkout cannot read it (its dashboards are then not previewed). */
  cfg: Config | string;
}

export interface ReviewPictures {
  files: string[];
  notes: string[];
}

export interface PictureRequest {
  sides: [PictureSide, PictureSide];
  /** Uids of the dashboards whose panels change. */
  dashboards: string[];
  fixture: Fixture;
  /** Changed scenarios' timelines (Mermaid text), one fixture each. */
  timelines: Array<{ fixture: string; before: string; after: string }>;
  outDir: string;
  progress?: (line: string) => void;
}

const safe = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 120);

export async function reviewPictures(req: PictureRequest): Promise<ReviewPictures> {
  const out: ReviewPictures = { files: [], notes: [] };
  if (req.dashboards.length === 0 && req.timelines.length === 0) return out;
  mkdirSync(req.outDir, { recursive: true });
  const browser = await launchChromium();
  try {
    for (const side of req.sides) {
      const present = new Set([...side.files.keys()].map((p) => /^dashboards\/(.+)\.json$/.exec(p)?.[1]));
      const uids = req.dashboards.filter((u) => present.has(u));
      if (uids.length === 0) continue;
      if (typeof side.cfg === "string") {
        out.notes.push(`${side.label}: dashboards not previewed: ${side.cfg}`);
        continue;
      }
      const drawn = await previewDashboards({
        side: { files: side.files, cfg: side.cfg },
        fixture: req.fixture,
        uids,
        outDir: req.outDir,
        prefix: `${side.label}-`,
        browser,
        ...(req.progress && { progress: req.progress }),
      });
      out.files.push(...drawn.map((d) => d.file));
      for (const d of drawn)
        if (d.consoleErrors.length) out.notes.push(`${basename(d.file)}: the page logged ${d.consoleErrors.join("; ")}`);
    }
    const charts = req.timelines.flatMap((t) => [
      { file: `timeline-${safe(t.fixture)}-before.png`, text: t.before },
      { file: `timeline-${safe(t.fixture)}-after.png`, text: t.after },
    ]);
    if (charts.length > 0) {
      req.progress?.(`pictures: drawing ${charts.length} timelines`);
      const pictures = await drawTimelines(
        browser,
        charts.map((c) => c.text),
      );
      pictures.forEach((p, i) => {
        const file = join(req.outDir, charts[i].file);
        writeFileSync(file, p.png);
        out.files.push(file);
      });
    }
    return out;
  } finally {
    await browser.close();
  }
}

/** The pictures as the diff's report lists them (the pull-request workflow links the folder's artifact). */
export function formatPictures(p: ReviewPictures, scenario: string, markdown: boolean): string {
  const names = p.files.map((f) => basename(f));
  const head = names.length
    ? `${names.length} pictures (dashboards whose panels change, before and after, during ${scenario}; the changed scenarios' timelines): ${names.join(", ")}`
    : "No pictures: no dashboard's panels and no scenario's outcome change.";
  const lines = [head, ...p.notes];
  return markdown ? `### Pictures\n\n${lines.join("\n\n")}\n` : `Pictures: ${lines.join("\n  ")}\n`;
}
