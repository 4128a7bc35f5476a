import { parseArgs as parseNodeArgs, type ParseArgsConfig } from "node:util";
import { INVALID_INPUT_EXIT_CODE, InvalidDefinitionError } from "../config/errors";
import { redact } from "../config/secret";

/** A command line the CLI cannot act on: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string, readonly usage: string) {
    super(`${message}\n${usage}`);
    this.name = "UsageError";
  }
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * The one argv parser of the CLIs (node's own `parseArgs`, strict): a misspelt or unknown flag,
 * a flag without its value, or the wrong number of positionals is a UsageError naming it.
 */
export function parseCommandLine<O extends Options>(argv: string[], spec: { usage: string; options: O; positionals?: { min: number; max: number } }) {
  const { min, max } = spec.positionals ?? { min: 0, max: 0 };
  let parsed;
  try {
    parsed = parseNodeArgs({ args: argv, options: spec.options, strict: true, allowPositionals: max > 0 });
  } catch (e) {
    throw new UsageError((e as Error).message.split("\n")[0], spec.usage);
  }
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    throw new UsageError(`expected ${min === max ? min : `${min} to ${max}`} argument(s), got ${parsed.positionals.length}`, spec.usage);
  }
  return parsed;
}

/** Runs a CLI's main (sync or async): a UsageError or invalid input exits 2, any other failure 1, each with its message on stderr. */
export function runCli(name: string, main: (argv: string[]) => unknown, onFailure = ""): void {
  const fail = (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(`${name}: ${redact(e.message)}`);
      process.exit(2);
    }
    if (e instanceof InvalidDefinitionError) {
      console.error(`${name}: ${redact(e.message)}`);
      process.exit(INVALID_INPUT_EXIT_CODE);
    }
    // Every message passes the one redaction, whatever stage built it.
    console.error(`${name}: ${redact(e instanceof Error ? e.message : String(e))}${onFailure ? `\n${onFailure}` : ""}`);
    process.exit(1);
  };
  try {
    const done = main(process.argv.slice(2));
    if (done instanceof Promise) done.catch(fail);
  } catch (e) {
    fail(e);
  }
}
