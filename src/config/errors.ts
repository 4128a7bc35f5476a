/**
 * Invalid input: the stack configuration, the definitions built from it, an incident file or a
 * command line's folder. Lists one line per problem, each naming the key, file or flag; whoever
 * catches it deploys and writes nothing. The CLIs exit with INVALID_INPUT_EXIT_CODE on it.
 */
export class InvalidDefinitionError extends Error {
  constructor(
    readonly subject: "stack configuration" | "definitions" | "command line" | "incident file",
    readonly problems: string[],
    /** A last line, after the problems (e.g. "Nothing was rendered; rendered/ is unchanged."). */
    readonly footer?: string,
  ) {
    super(`Invalid ${subject}:\n${problems.map((p) => `  ${p}`).join("\n")}${footer ? `\n${footer}` : ""}`);
    this.name = "InvalidDefinitionError";
  }
}

/** Exit code of a CLI refusing its input (as for a usage error). */
export const INVALID_INPUT_EXIT_CODE = 2;
