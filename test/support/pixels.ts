/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Chromium } from "../../src/preview/browser";

/**
 * A PNG's pixels, decoded by Chromium itself (an <img> drawn on a canvas): tests read the picture a
 * user gets, not the page that drew it.
 */
export interface Pixels {
  width: number;
  height: number;
  /** [r, g, b, a] at (x, y), 0-255. */
  at(x: number, y: number): [number, number, number, number];
}

export async function decodePng(browser: Chromium, png: Buffer): Promise<Pixels> {
  const { page } = await browser.newPage(200, 200);
  try {
    const { width, height, base64 } = await page.evaluate(async (data) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(img, 0, 0);
      const rgba = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let binary = "";
      for (let i = 0; i < rgba.length; i += 0x8000) binary += String.fromCharCode(...rgba.subarray(i, i + 0x8000));
      return { width: canvas.width, height: canvas.height, base64: btoa(binary) };
    }, png.toString("base64"));
    const rgba = Buffer.from(base64, "base64");
    return {
      width,
      height,
      at(x, y) {
        const i = (Math.round(y) * width + Math.round(x)) * 4;
        return [rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]];
      },
    };
  } finally {
    await page.close();
  }
}

/** Largest difference of one channel between two colours. */
export function colourDistance(a: number[], b: number[]): number {
  return Math.max(...a.slice(0, 3).map((v, i) => Math.abs(v - b[i])));
}
