/**
 * Invalid input: the stack configuration or the definitions built from it. Lists one line per
 * problem, each naming the key or definition; whoever catches it deploys and writes nothing.
 */
export class InvalidDefinitionError extends Error {
  constructor(
    readonly subject: "stack configuration" | "definitions",
    readonly problems: string[],
  ) {
    super(`Invalid ${subject}:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "InvalidDefinitionError";
  }
}
