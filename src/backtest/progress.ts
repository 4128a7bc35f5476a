/**
 * Progress of the datasource requests on stderr, shown only once a run has taken a few seconds:
 * a redrawn bar on a terminal, a plain line every few seconds otherwise (CI logs).
 */
export interface Progress {
  queued(): void;
  done(): void;
  finish(): void;
}

export interface ProgressOptions {
  stream?: NodeJS.WriteStream | { isTTY?: boolean; write(text: string): boolean };
  /** Quiet for this long (ms) before showing anything (default 3000). */
  afterMs?: number;
  /** Plain lines at most this often (ms, default 5000). */
  everyMs?: number;
  now?: () => number;
}

/** The defaults of ProgressOptions (docs/backtest.md states them; a test holds it to these). */
export const PROGRESS_DEFAULTS = { afterMs: 3000, everyMs: 5000 };

export function progress(label: string, opts: ProgressOptions = {}): Progress {
  const stream = opts.stream ?? process.stderr;
  const now = opts.now ?? Date.now;
  const started = now();
  const afterMs = opts.afterMs ?? PROGRESS_DEFAULTS.afterMs;
  const everyMs = opts.everyMs ?? PROGRESS_DEFAULTS.everyMs;
  let total = 0;
  let finished = 0;
  let lastLine = -Infinity;
  let drawn = false;
  const text = () => `${label}: ${finished}/${total} requests`;
  const draw = (force = false) => {
    const t = now();
    if (t - started < afterMs && !force) return;
    if (stream.isTTY) {
      const width = 30;
      const filled = total ? Math.round((finished / total) * width) : 0;
      stream.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${text()}`);
      drawn = true;
    } else if (t - lastLine >= everyMs || force) {
      stream.write(`${text()}\n`);
      lastLine = t;
      drawn = true;
    }
  };
  return {
    queued() {
      total++;
    },
    done() {
      finished++;
      draw();
    },
    finish() {
      if (drawn) {
        draw(true);
        if (stream.isTTY) stream.write("\n");
      }
    },
  };
}
