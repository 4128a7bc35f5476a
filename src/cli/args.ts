import { parseArgs as parseNodeArgs, type ParseArgsConfig } from "node:util";
import { INVALID_INPUT_EXIT_CODE, InvalidDefinitionError } from "../config/errors";
import { redact } from "../config/secret";

/** A command line the CLI cannot act on: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(`${message}\n${usage}`);
    this.name = "UsageError";
  }
}

/** `--help` or `-h` on the command line: the command's help goes to stdout, exit code 0. */
export class HelpRequested extends Error {
  constructor(readonly help: string) {
    super(help);
    this.name = "HelpRequested";
  }
}

type NodeOption = NonNullable<ParseArgsConfig["options"]>[string];

/** One row of a command's option table: how node parses it, and what `--help` says about it. */
export type OptionRow = NodeOption & {
  /** The option's argument as shown in the help (`FILE`, `DIR`); none for a boolean flag. */
  argument?: string;
  explanation: string;
  /** A whole example command line using the option. */
  example: string;
  /** The default as the help shows it, where the value itself is not for reading (an absolute path). */
  shownDefault?: string;
};

export type OptionTable = Record<string, OptionRow>;

/** What each exit code of a command means; every command's `--help` lists them. */
export type ExitCodes = { 0: string; 1: string; 2: string } & Partial<Record<number, string>>;

/** The contract every command keeps unless it says more precisely what its codes mean. */
export const EXIT_CODES: ExitCodes = {
  0: "it did what was asked",
  1: "a check failed, or the work did",
  2: "invalid input: a bad command line, stack file or definition (one line names it)",
};

/** A command: its usage lines, what it does, its positionals and its option table (the one source of `--help`). */
export interface CommandSpec<O extends OptionTable> {
  usage: string;
  about: string;
  options: O;
  positionals?: { min: number; max: number; shown: string; explanation: string };
  /** What its exit codes mean (default EXIT_CODES). */
  exitCodes?: ExitCodes;
}

/** A command spec with its option names and types kept literal (so parsed values are typed). */
export function defineCommand<const O extends OptionTable>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

/** `--help` of a command, generated from its option table. */
export function helpText(spec: CommandSpec<OptionTable>): string {
  const rows: Array<[string, string[]]> = [];
  if (spec.positionals) rows.push([spec.positionals.shown, [spec.positionals.explanation]]);
  for (const [name, o] of Object.entries(spec.options)) {
    const flag = `${o.short ? `-${o.short}, ` : ""}--${name}${o.argument ? ` ${o.argument}` : ""}`;
    const shown = o.shownDefault ?? (o.default === undefined ? undefined : String(o.default));
    const shownDefault = shown === undefined ? "" : ` (default: ${shown})`;
    rows.push([flag, [`${o.explanation}${shownDefault}`, `e.g. ${o.example}`]]);
  }
  rows.push(["-h, --help", ["Show this help and exit."]]);
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  const lines = rows.flatMap(([flag, text]) => text.map((t, i) => `  ${(i === 0 ? flag : "").padEnd(width)}${t}`));
  const codes = Object.entries(spec.exitCodes ?? EXIT_CODES).map(([code, meaning]) => `  ${code}  ${meaning}`);
  return `${spec.usage}\n\n${spec.about}\n\noptions:\n${lines.join("\n")}\n\nexit codes:\n${codes.join("\n")}\n`;
}

/**
 * The one argv parser of the CLIs (node's own `parseArgs`, strict): a misspelt or unknown flag,
 * a flag without its value, or the wrong number of positionals is a UsageError naming it;
 * `--help`/`-h` is a HelpRequested carrying the command's help.
 */
export function parseCommandLine<O extends OptionTable>(
  argv: string[],
  spec: CommandSpec<O> | (Pick<CommandSpec<O>, "usage" | "options"> & { positionals?: { min: number; max: number } }),
) {
  const { min, max } = spec.positionals ?? { min: 0, max: 0 };
  const nodeOptions = Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [
      name,
      {
        type: o.type,
        ...(o.multiple !== undefined && { multiple: o.multiple }),
        ...(o.short !== undefined && { short: o.short }),
        ...(o.default !== undefined && { default: o.default }),
      },
    ]),
  ) as unknown as O;
  if ("about" in spec && argv.some((a) => a === "--help" || a === "-h"))
    throw new HelpRequested(helpText(spec as CommandSpec<OptionTable>));
  let parsed;
  try {
    parsed = parseNodeArgs({ args: argv, options: nodeOptions, strict: true, allowPositionals: max > 0 });
  } catch (e) {
    throw new UsageError((e as Error).message.split("\n")[0], spec.usage);
  }
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    throw new UsageError(`expected ${min === max ? min : `${min} to ${max}`} argument(s), got ${parsed.positionals.length}`, spec.usage);
  }
  return parsed;
}

/** Where a CLI's output goes and what it runs in: the process's own, or a test's. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * Runs a CLI's command (sync or async) and returns its exit code: what the command returns (0 when
 * nothing), 0 after printing its help, 2 on a UsageError or invalid input, 1 on any other failure,
 * each failure as its redacted message on stderr (never a stack trace).
 */
export async function runCommand(name: string, command: () => unknown, io: CliIO, onFailure = ""): Promise<number> {
  try {
    const code = await command();
    return typeof code === "number" ? code : 0;
  } catch (e) {
    if (e instanceof HelpRequested) {
      io.stdout(e.help);
      return 0;
    }
    // Every message passes the one redaction, whatever stage built it.
    if (e instanceof UsageError) {
      io.stderr(`${name}: ${redact(e.message)}\n`);
      return 2;
    }
    if (e instanceof InvalidDefinitionError) {
      io.stderr(`${name}: ${redact(e.message)}\n`);
      return INVALID_INPUT_EXIT_CODE;
    }
    io.stderr(`${name}: ${redact(e instanceof Error ? e.message : String(e))}${onFailure ? `\n${onFailure}` : ""}\n`);
    return 1;
  }
}

/** The bottom of every CLI file: runs `main` on the process's own arguments and sets the exit code. */
export function runAsProcess(main: (argv: string[], io: CliIO) => Promise<number>): void {
  void main(process.argv.slice(2), processIO()).then((code) => {
    process.exitCode = code;
  });
}
