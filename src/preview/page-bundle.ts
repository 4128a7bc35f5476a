import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { build } from "esbuild";
import { REPO_ROOT } from "../config/paths";

/**
 * The preview page's script: page/dashboard-page.ts with uPlot and @grafana/data, bundled by esbuild
 * into one script for Chromium, and uPlot's stylesheet. The bundle (about 1 MB, 1.5 s of CPU) is kept
 * in node_modules/.cache/ under the hash of what it is built from: the page's sources and the lockfile.
 */

const PAGE = join(__dirname, "page", "dashboard-page.ts");
const CACHE = join(REPO_ROOT, "node_modules", ".cache", "pizza-preview");

function sourceHash(): string {
  const h = createHash("sha256");
  for (const f of [PAGE, join(__dirname, "model.ts"), join(REPO_ROOT, "package-lock.json")]) h.update(readFileSync(f));
  return h.digest("hex").slice(0, 16);
}

async function bundle(): Promise<string> {
  const cached = join(CACHE, `dashboard-page-${sourceHash()}.js`);
  try {
    return readFileSync(cached, "utf8");
  } catch {
    // Not built yet for these sources.
  }
  const result = await build({
    entryPoints: [PAGE],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "chrome120",
    minify: true,
    write: false,
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"', global: "globalThis" },
  });
  const text = result.outputFiles[0].text;
  try {
    mkdirSync(CACHE, { recursive: true });
    // Written whole, then renamed: a concurrent reader never sees half a script.
    writeFileSync(`${cached}.${process.pid}`, text);
    renameSync(`${cached}.${process.pid}`, cached);
  } catch {
    // A read-only checkout: the next run bundles again.
  }
  return text;
}

let bundled: Promise<string> | undefined;

/** The page's script, built once per process (and once per source version on this machine). */
export function pageScript(): Promise<string> {
  bundled ??= bundle();
  return bundled;
}

export function uPlotStylesheet(): string {
  return readFileSync(createRequire(__filename).resolve("uplot/dist/uPlot.min.css"), "utf8");
}
