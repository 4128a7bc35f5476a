import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { build } from "esbuild";

/**
 * The preview page's script: page/dashboard-page.ts with uPlot and @grafana/data, bundled by esbuild
 * into one script for Chromium (built once per process), and uPlot's stylesheet.
 */

let bundled: Promise<string> | undefined;

export function pageScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [join(__dirname, "page", "dashboard-page.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "chrome120",
    minify: true,
    write: false,
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"', global: "globalThis" },
  }).then((r) => r.outputFiles[0].text);
  return bundled;
}

export function uPlotStylesheet(): string {
  return readFileSync(createRequire(__filename).resolve("uplot/dist/uPlot.min.css"), "utf8");
}
