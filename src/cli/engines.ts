import "./load-errors";
import { resolve } from "node:path";
import { defineCommand, parseCommandLine, runCli } from "./args";
import { buildFromProxy, buildRepositoryModule } from "./engines/build";
import { locate } from "./engines/locate";
import { cacheDir, engines, type Engine } from "./engines/pins";

export const ENGINES = defineCommand({
  usage: "usage: npm run engines [-- --check]",
  about: `Builds, or reuses from the cache, the real engines the e2e tests run: the Pulumi CLI, its Node.js
language host, the Grafana provider (the version package-lock.json gives @pulumiverse/grafana),
Loki and Prometheus, then prints a table. Cache: ${cacheDir()} (PIZZA_ENGINES_DIR moves it).
A binary you already have wins over the cache: PULUMI_BIN, PULUMI_LANGUAGE_NODEJS_BIN,
PULUMI_RESOURCE_GRAFANA_BIN, LOKI_BIN, PROMETHEUS, GRAFANA_BIN. docs/engines.md tells what each is for.`,
  options: {
    check: { type: "boolean", explanation: "Only report what is there; build nothing.", example: "npm run engines -- --check" },
    only: {
      type: "string",
      explanation: "Only this engine (by name), e.g. the page-text helper npm test needs.",
      example: "npm run engines -- --only page-text",
    },
  },
});

interface Row {
  engine: Engine;
  status: string;
  path: string;
  seconds: number;
}

function table(rows: Row[]): string {
  const cells = [
    ["engine", "version", "status", "seconds", "path"],
    ...rows.map((r) => [r.engine.name, r.engine.version, r.status, r.seconds.toFixed(1), r.path]),
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

function main(argv: string[]): void {
  const { values } = parseCommandLine(argv, ENGINES);
  const root = resolve(__dirname, "..", "..");
  const rows: Row[] = [];
  const failures: string[] = [];
  const all = engines(root);
  if (values.only !== undefined && !all.some((e) => e.name === values.only))
    throw new Error(`--only ${values.only}: no such engine (${all.map((e) => e.name).join(", ")})`);
  for (const engine of all.filter((e) => values.only === undefined || e.name === values.only)) {
    const started = Date.now();
    const found = locate(engine);
    const seconds = () => (Date.now() - started) / 1000;
    if ("path" in found) {
      rows.push({
        engine,
        status: found.from === "cache" ? "reused" : `from ${found.from === "env" ? engine.env : "system"}`,
        path: found.path,
        seconds: seconds(),
      });
      continue;
    }
    const s = engine.source;
    if ((s.kind === "go-proxy" || s.kind === "repository-module") && !values.check) {
      console.error(`engines: ${found.missing}; building`);
      try {
        const progress = (line: string) => console.error(`engines: ${line}`);
        const path =
          s.kind === "go-proxy"
            ? buildFromProxy(engine, process.env, progress)
            : buildRepositoryModule(engine, root, process.env, progress);
        rows.push({ engine, status: "built", path, seconds: seconds() });
      } catch (e) {
        failures.push((e as Error).message);
        rows.push({ engine, status: "FAILED", path: "-", seconds: seconds() });
      }
      continue;
    }
    if (s.kind === "unavailable") {
      rows.push({ engine, status: "unavailable here", path: `- (${found.missing})`, seconds: seconds() });
      continue;
    }
    failures.push(found.missing);
    rows.push({ engine, status: "MISSING", path: "-", seconds: seconds() });
  }
  console.log(table(rows));
  if (failures.length) {
    for (const f of failures) console.error(`engines: ${f}`);
    process.exitCode = 1;
  }
}

runCli("engines", main);
