import "./load-errors";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { defineCommand, parseCommandLine, processIO, runAsProcess, runCommand, type CliIO, EXIT_CODES } from "./args";
import { EXAMPLE_STACK_FILE } from "../config/paths";
import { parseConfig } from "../config/schema";
import { readStack } from "../config/stack-file";
import { requireEngines } from "./engines/locate";
import { engines } from "./engines/pins";
import { startGrafana } from "./local-stack/grafana";
import { dashboardsYaml, datasourcesYaml, DOCKER_DASHBOARDS_DIR, DOCKER_URLS, PROVISIONING_PATHS } from "./local-stack/grafana-files";
import { startLoki } from "./local-stack/loki";
import { startPrometheus } from "./local-stack/prometheus";
import { startWebhookSink } from "./local-stack/webhook-sink";

export const LOCAL_STACK = defineCommand({
  usage: "usage: npm run local-stack [-- --stack-file Pulumi.e2e.yaml] | [-- --write-docker-provisioning]",
  about: `Starts, on loopback ports chosen free, the engines a stack needs to be tried locally: Loki, Prometheus
(remote-write receiver on) and a webhook sink that records every notification (GET /notifications);
Grafana OSS too when GRAFANA_BIN and GRAFANA_HOME name one (it cannot be built here: docs/engines.md),
with the stack's datasource uids provisioned. Runs until Ctrl-C, then stops everything it started.`,
  exitCodes: { ...EXIT_CODES, 0: "stopped by a signal, or docker/provisioning/ written", 1: "an engine failed to start or is missing" },
  options: {
    "stack-file": {
      type: "string",
      argument: "FILE",
      explanation: "The stack whose datasource uids and folder Grafana gets.",
      example: "npm run local-stack -- --stack-file Pulumi.e2e.yaml",
      shownDefault: "Pulumi.example.yaml",
    },
    "write-docker-provisioning": {
      type: "boolean",
      explanation: "Only write docker/provisioning/ (for docker/compose.yaml) from the stack, then exit.",
      example: "npm run local-stack -- --write-docker-provisioning",
    },
  },
});

/**
 * `npm run local-stack`: runs until a signal (0 after --write-docker-provisioning, 1 when an engine
 * fails to start, 2 a bad command line or stack file). `forever` is what it waits on once everything
 * runs (a test passes one that settles).
 */
export function main(argv: string[], io: CliIO = processIO(), forever: Promise<void> = new Promise(() => undefined)): Promise<number> {
  return runCommand("local-stack", () => run(argv, io, forever), io);
}

async function run(argv: string[], io: CliIO, forever: Promise<void>): Promise<void> {
  const { values } = parseCommandLine(argv, LOCAL_STACK);
  const root = resolve(__dirname, "..", "..");
  const { config, secrets } = readStack(values["stack-file"] ? resolve(io.cwd, values["stack-file"]) : EXAMPLE_STACK_FILE);
  const cfg = parseConfig(config, secrets);
  if (values["write-docker-provisioning"]) {
    // The compose services by name, and where compose mounts rendered/dashboards.
    const dir = join(root, "docker", "provisioning");
    writeFileSync(join(dir, PROVISIONING_PATHS.datasources), datasourcesYaml(cfg, DOCKER_URLS));
    writeFileSync(join(dir, PROVISIONING_PATHS.dashboards), dashboardsYaml(cfg, DOCKER_DASHBOARDS_DIR));
    io.stdout(
      `local-stack: wrote ${Object.values(PROVISIONING_PATHS)
        .map((p) => `docker/provisioning/${p}`)
        .join(", ")}\n`,
    );
    return;
  }
  const bins = requireEngines(engines(root), ["loki", "prometheus"], io.env);
  const stops: Array<() => Promise<void>> = [];
  const dir = mkdtempSync(join(tmpdir(), "pizza-local-stack-"));
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void stopAll().then(() => process.exit(130)));
  process.once("SIGTERM", () => void stopAll().then(() => process.exit(143)));
  try {
    io.stderr("local-stack: starting loki\n");
    const loki = await startLoki(bins.loki);
    stops.push(loki.stop);
    io.stderr("local-stack: starting prometheus\n");
    const prometheus = await startPrometheus(bins.prometheus);
    stops.push(prometheus.stop);
    const sink = await startWebhookSink();
    stops.push(sink.stop);
    const rows = [
      ["loki", loki.url],
      ["prometheus", prometheus.url],
      ["webhook sink", `${sink.url} (GET ${sink.url}/notifications)`],
    ];
    if (io.env.GRAFANA_BIN && io.env.GRAFANA_HOME) {
      io.stderr("local-stack: starting grafana\n");
      const grafana = await startGrafana(
        io.env.GRAFANA_BIN,
        io.env.GRAFANA_HOME,
        dir,
        cfg,
        { loki: loki.url, prometheus: prometheus.url },
        join(root, "rendered", "dashboards"),
      );
      stops.push(grafana.stop);
      // The token is a credential: written to a file only its owner reads, never printed.
      const tokenFile = join(dir, "grafana-token");
      writeFileSync(tokenFile, grafana.token, { mode: 0o600 });
      rows.push(["grafana", `${grafana.url} (admin token in ${tokenFile}: pulumi config set --secret grafana:auth "$(cat ${tokenFile})")`]);
    } else rows.push(["grafana", "not started: set GRAFANA_BIN and GRAFANA_HOME (docs/engines.md)"]);
    for (const [name, url] of rows) io.stdout(`${name.padEnd(13)} ${url}\n`);
    io.stderr("local-stack: running; Ctrl-C stops everything\n");
    await forever;
  } finally {
    await stopAll();
  }
}

if (require.main === module) runAsProcess(main);
