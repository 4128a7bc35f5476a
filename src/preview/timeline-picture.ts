/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { createRequire } from "node:module";
import type { Chromium } from "./browser";

/**
 * The replay's incident timelines (Mermaid gantt text, src/replay/timeline.ts) drawn as GitHub
 * draws them: by the project's own Mermaid in Chromium. Besides the PNG, what was drawn is read
 * back from the page: each task's box and the time axis' ticks (pixels from the picture's top left).
 */

/** A task as drawn: its Mermaid id (`incident`, `a0e1`, `n3`), box and whether it is a milestone (a diamond centred on its time). */
export interface DrawnTask {
  id: string;
  milestone: boolean;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** An axis tick: its label as drawn (`21.30`, `01:05:00`) and its x. */
export interface DrawnTick {
  label: string;
  x: number;
}

export interface TimelinePicture {
  png: Buffer;
  width: number;
  height: number;
  tasks: DrawnTask[];
  ticks: DrawnTick[];
}

const WIDTH = 1200;

function mermaidScript(): string {
  return createRequire(__filename).resolve("mermaid/dist/mermaid.min.js");
}

/** Draws each chart on one page, one after the other. Fails on a console error or a chart Mermaid cannot draw. */
export async function drawTimelines(browser: Chromium, charts: string[]): Promise<TimelinePicture[]> {
  const { page, errors } = await browser.newPage(WIDTH);
  try {
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:#fff"><div id="chart" style="width:${WIDTH}px"></div></body></html>`,
    );
    await page.addScriptTag({ path: mermaidScript() });
    const out: TimelinePicture[] = [];
    for (const [i, text] of charts.entries()) {
      const id = `timeline${i}`;
      const drawn = await page.evaluate(
        async ({ id, text }) => {
          const m = (
            window as unknown as { mermaid: { initialize(c: object): void; render(id: string, t: string): Promise<{ svg: string }> } }
          ).mermaid;
          m.initialize({ startOnLoad: false, theme: "default", securityLevel: "strict" });
          const chart = document.getElementById("chart")!;
          chart.innerHTML = (await m.render(id, text)).svg;
          const svg = chart.querySelector("svg")!;
          const origin = svg.getBoundingClientRect();
          const tasks = [...svg.querySelectorAll("rect.task")].map((r) => {
            const b = r.getBoundingClientRect();
            return {
              id: r.id.slice(id.length + 1),
              milestone: r.classList.contains("milestone"),
              left: b.left - origin.left,
              right: b.right - origin.left,
              top: b.top - origin.top,
              bottom: b.bottom - origin.top,
            };
          });
          const ticks = [...svg.querySelectorAll("g.tick")].map((t) => {
            const b = t.querySelector("line")!.getBoundingClientRect();
            return { label: t.textContent?.trim() ?? "", x: (b.left + b.right) / 2 - origin.left };
          });
          return { tasks, ticks, width: origin.width, height: origin.height };
        },
        { id, text },
      );
      if (errors.length > 0) throw new Error(`Mermaid failed on timeline ${i + 1}: ${errors.join("; ")}`);
      const png = await page.locator("#chart svg").screenshot({ type: "png" });
      out.push({ png, ...drawn });
    }
    return out;
  } finally {
    await page.close();
  }
}
