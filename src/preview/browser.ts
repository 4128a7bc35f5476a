import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/**
 * Debian's Chromium driven by playwright-core: no browser download works on these machines, so the
 * binary is the system's (`CHROMIUM_BIN` overrides the path). Each launch gets a fresh profile folder
 * (removed on close) and the flags that keep a headless Chromium from reaching the network.
 */

export const CHROMIUM_BIN = process.env.CHROMIUM_BIN ?? "/usr/bin/chromium";

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A page and what it said on its console: errors (console.error and uncaught exceptions) are collected, never ignored. */
export interface WatchedPage {
  page: Page;
  errors: string[];
}

export interface Chromium {
  /** A new page of `width` CSS pixels, drawing at 1 device pixel per CSS pixel, in UTC. */
  newPage(width: number, height?: number): Promise<WatchedPage>;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Chromium> {
  if (!existsSync(CHROMIUM_BIN))
    throw new Error(`no Chromium at ${CHROMIUM_BIN}: install Debian's chromium package (or set CHROMIUM_BIN to its path)`);
  const profile = mkdtempSync(join(tmpdir(), "pizza-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_BIN,
      headless: true,
      args: FLAGS,
      timezoneId: "UTC",
      locale: "en-US",
      deviceScaleFactor: 1,
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`cannot start ${CHROMIUM_BIN}: ${(e as Error).message.split("\n")[0]}`);
  }
  return {
    async newPage(width, height = 800) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      return { page, errors };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
