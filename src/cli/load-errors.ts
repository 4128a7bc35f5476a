import { relative } from "node:path";
import { INVALID_INPUT_EXIT_CODE } from "../config/errors";
import { REPO_ROOT } from "../config/paths";
import { redact } from "../config/secret";

/**
 * Imported first by every CLI: a definition that does not compile fails while the CLI's imports
 * load, before any main() runs, and would end the process with the compiler's stack trace and
 * kilobytes of minified source. Run as a command (not under a test runner), such a failure prints
 * one line naming the file, line and column, and exits 2 like any invalid input.
 */

/** The compiler's `file:line:column: ERROR: message` line of a failure to load, or the error's first line. */
export function loadFailureLine(error: unknown): string {
  const text =
    error instanceof Error
      ? `${error.message}\n${(error as { errors?: Array<{ text?: string; location?: { file?: string; line?: number; column?: number } }> }).errors?.map((e) => `${e.location?.file}:${e.location?.line}:${e.location?.column}: ERROR: ${e.text}`).join("\n") ?? ""}`
      : String(error);
  const located = text.split("\n").find((l) => /:\d+:\d+: ERROR: /.test(l));
  const line = located ?? text.split("\n").find((l) => l.trim() !== "") ?? "unknown error";
  return redact(
    line
      .replace(`${REPO_ROOT}/`, "")
      .replace(
        /^(\S+?):(\d+):(\d+): ERROR: /,
        (_, f: string, l: string, c: string) => `${relative(REPO_ROOT, f).startsWith("..") ? f : relative(REPO_ROOT, f)}:${l}:${c}: `,
      ),
  ).slice(0, 500);
}

const main = require.main?.filename ?? "";
if (/[\\/]src[\\/]cli[\\/][^\\/]+\.ts$/.test(main)) {
  const command = main.replace(/^.*[\\/]/, "").replace(/\.ts$/, "");
  const onLoadFailure = (error: Error) => {
    process.stderr.write(`${command}: cannot load the definitions: ${loadFailureLine(error)}\n`);
    process.exit(INVALID_INPUT_EXIT_CODE);
  };
  process.on("uncaughtException", onLoadFailure);
  // Loading is synchronous: once the command's module has evaluated, later failures are its own.
  setImmediate(() => process.removeListener("uncaughtException", onLoadFailure));
}
