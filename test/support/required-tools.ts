import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/**
 * vitest globalSetup: the suite runs promtool and amtool (the real engines) and draws pictures in
 * Chromium, so on a machine without them it stops at once with one line saying what to install,
 * instead of dozens of failures. Still a failure, never a skip.
 */

const TOOLS = [
  { binary: "promtool", env: "PROMTOOL", debianPackage: "prometheus" },
  { binary: "amtool", env: undefined, debianPackage: "prometheus-alertmanager" },
  // src/preview/browser.ts: CHROMIUM_BIN names another build (the CI runner's Chrome).
  { binary: "chromium", env: "CHROMIUM_BIN", debianPackage: "chromium" },
] as const;

/** `a`, `a and b`, `a, b and c`. */
const listed = (xs: string[]) => (xs.length < 2 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`);

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(binary: string, path: string): boolean {
  return path.split(delimiter).some((dir) => dir !== "" && executable(join(dir, binary)));
}

/** The one line to print when a tool is missing, or undefined when all are there. */
export function missingToolsMessage(env: NodeJS.ProcessEnv): string | undefined {
  const missing = TOOLS.filter((t) => {
    // The replay honours PROMTOOL=<path or name>, the pictures CHROMIUM_BIN; amtool is always looked up on PATH.
    const override = t.env && env[t.env];
    return override ? !executable(override) && !onPath(override, env.PATH ?? "") : !onPath(t.binary, env.PATH ?? "");
  });
  if (missing.length === 0) return undefined;
  return `npm test needs ${listed(missing.map((t) => t.binary))} on PATH: sudo apt-get install ${missing.map((t) => t.debianPackage).join(" ")}`;
}

export default function setup(): void {
  const message = missingToolsMessage(process.env);
  if (message) {
    // The stack trace would only bury the one line that matters.
    const error = new Error(message);
    error.stack = message;
    throw error;
  }
}
