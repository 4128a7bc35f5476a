import "./load-errors";
import { resolve } from "node:path";
import { defineCommand, parseCommandLine, processIO, runAsProcess, runCommand, UsageError, type CliIO, EXIT_CODES } from "./args";
import { buildFromProxy, buildRepositoryModule } from "./engines/build";
import { locate } from "./engines/locate";
import { cacheDir, engines, supplyOf, type Engine, type Supply } from "./engines/pins";

export const ENGINES = defineCommand({
  usage: "usage: npm run engines [-- --check] [--only ENGINE]",
  about: `Finds the real engines the tests run, builds the missing ones a registry supplies, and prints a table with
each engine's kind:
  registry       Debian's prometheus, prometheus-alertmanager and chromium (.ci/run installs them) and the
                 Pulumi CLI from the Go module proxy (built here when missing, several minutes);
  by hand        Loki and the Pulumi Node.js language host: built by a person from their repositories, found
                 through their *_BIN variable or the cache, never built by a script here (docs/engines.md);
  not available  Grafana and its Pulumi provider: nothing on these machines can provide them.
Exits 1 exactly when an engine a registry supplies cannot be had; a missing by-hand engine only makes
\`npm run e2e\` skip the checks that need it, each named in a skipped: line.
Cache: ${cacheDir()} (PIZZA_ENGINES_DIR moves it).
A binary you already have wins over the cache: PULUMI_BIN, PULUMI_LANGUAGE_NODEJS_BIN, LOKI_BIN,
PROMETHEUS, AMTOOL, CHROMIUM_BIN, PULUMI_RESOURCE_GRAFANA_BIN, GRAFANA_BIN.`,
  exitCodes: {
    ...EXIT_CODES,
    0: "every engine a registry supplies is there (by-hand ones may be absent)",
    1: "an engine a registry supplies cannot be had",
  },
  options: {
    check: { type: "boolean", explanation: "Only report what is there; build nothing.", example: "npm run engines -- --check" },
    only: {
      type: "string",
      argument: "ENGINE",
      explanation: "Only this engine (by name), e.g. the page-text helper npm test needs.",
      example: "npm run engines -- --only page-text",
    },
  },
});

interface Row {
  engine: Engine;
  kind: Supply;
  status: string;
  path: string;
  seconds: number;
}

function table(rows: Row[]): string {
  const cells = [
    ["engine", "version", "kind", "status", "seconds", "path"],
    ...rows.map((r) => [r.engine.name, r.engine.version, r.kind, r.status, r.seconds.toFixed(1), r.path]),
  ];
  const widths = cells[0].map((_, i) => Math.max(...cells.map((c) => c[i].length)));
  return cells
    .map((c) =>
      c
        .map((v, i) => v.padEnd(widths[i]))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** One engine's row: found, built (a registry engine not found, unless `check`), or why it is not there. */
function row(engine: Engine, check: boolean, root: string, io: CliIO): Row & { failure?: string } {
  const started = Date.now();
  const kind = supplyOf(engine);
  const done = (status: string, path: string, failure?: string) => ({
    engine,
    kind,
    status,
    path,
    seconds: (Date.now() - started) / 1000,
    ...(failure !== undefined && { failure }),
  });
  const found = locate(engine, io.env);
  if ("path" in found) return done(found.from === "cache" ? "reused" : `from ${found.from === "env" ? engine.env : "system"}`, found.path);
  if (kind === "not available") return done("unavailable here", "-");
  if (kind === "by hand") return done("not present", "-");
  const s = engine.source;
  if ((s.kind !== "go-proxy" && s.kind !== "repository-module") || check) return done("MISSING", "-", found.missing);
  io.stderr(`engines: ${found.missing}; building\n`);
  const progress = (line: string) => io.stderr(`engines: ${line}\n`);
  try {
    return done(
      "built",
      s.kind === "go-proxy" ? buildFromProxy(engine, io.env, progress) : buildRepositoryModule(engine, root, io.env, progress),
    );
  } catch (e) {
    return done("FAILED", "-", (e as Error).message);
  }
}

/** `npm run engines`: 0 when every engine a registry supplies is there, 1 when one cannot be had, 2 a bad command line. */
export function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  return runCommand(
    "engines",
    () => {
      const { values } = parseCommandLine(argv, ENGINES);
      const root = resolve(__dirname, "..", "..");
      const all = engines(root);
      if (values.only !== undefined && !all.some((e) => e.name === values.only))
        throw new UsageError(`--only ${values.only.slice(0, 60)}: no such engine (${all.map((e) => e.name).join(", ")})`, ENGINES.usage);
      const rows = all
        .filter((e) => values.only === undefined || e.name === values.only)
        .map((engine) => row(engine, values.check === true, root, io));
      io.stdout(`${table(rows)}\n`);
      for (const r of rows.filter((x) => x.kind === "by hand" && x.status === "not present"))
        io.stdout(
          `${r.engine.name} ${r.engine.version} (by hand) is not present: npm run e2e skips the checks that need it (docs/engines.md)\n`,
        );
      const failures = rows.flatMap((r) => (r.failure === undefined ? [] : [r.failure]));
      for (const f of failures) io.stderr(`engines: ${f}\n`);
      return failures.length ? 1 : 0;
    },
    io,
  );
}

if (require.main === module) runAsProcess(main);
