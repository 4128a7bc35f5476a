import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { EXAMPLE_STACK_FILE } from "../../src/config/paths";
import { parseConfig } from "../../src/config/schema";
import { readStack } from "../../src/config/stack-file";
import { engines, GRAFANA_RELEASE, LOKI_VERSION } from "../../src/cli/engines/pins";
import {
  dashboardsYaml,
  datasourcesYaml,
  DOCKER_DASHBOARDS_DIR,
  DOCKER_URLS,
  PROVISIONING_PATHS,
} from "../../src/cli/local-stack/grafana-files";

const ROOT = resolve(__dirname, "../..");
const { config, secrets } = readStack(EXAMPLE_STACK_FILE);
const cfg = parseConfig(config, secrets);
const compose = parse(readFileSync(join(ROOT, "docker", "compose.yaml"), "utf8")) as {
  services: Record<string, { image: string; ports?: string[]; volumes?: string[] }>;
};
const COMPOSE_URLS = DOCKER_URLS;
const DASHBOARDS_IN_CONTAINER = DOCKER_DASHBOARDS_DIR;

describe("docker/compose.yaml and the binary launcher provision Grafana alike", () => {
  it("holds the launcher's datasources file for the example stack, with the compose services' URLs (npm run local-stack -- --write-docker-provisioning)", () => {
    const file = readFileSync(join(ROOT, "docker", "provisioning", PROVISIONING_PATHS.datasources), "utf8");
    expect(file).toBe(datasourcesYaml(cfg, COMPOSE_URLS));
    const uids = (parse(file) as { datasources: Array<{ uid: string }> }).datasources.map((d) => d.uid).sort();
    expect(uids).toEqual([cfg.datasources.loki, cfg.datasources.prometheus].sort());
  });

  it("holds the launcher's dashboards provider, pointing where compose mounts rendered/dashboards", () => {
    expect(readFileSync(join(ROOT, "docker", "provisioning", PROVISIONING_PATHS.dashboards), "utf8")).toBe(
      dashboardsYaml(cfg, DASHBOARDS_IN_CONTAINER),
    );
    expect(compose.services.grafana.volumes).toContain(`../rendered/dashboards:${DASHBOARDS_IN_CONTAINER}:ro`);
  });

  it("mounts each provisioning folder the launcher writes, and rendered/alerting as Grafana's alerting provisioning", () => {
    const volumes = compose.services.grafana.volumes ?? [];
    for (const rel of Object.values(PROVISIONING_PATHS)) {
      const folder = rel.split("/")[0];
      expect(volumes).toContain(`./provisioning/${folder}:/etc/grafana/provisioning/${folder}:ro`);
    }
    expect(volumes).toContain("../rendered/alerting:/etc/grafana/provisioning/alerting:ro");
  });

  it("runs the engine versions npm run engines pins, on loopback ports only", () => {
    expect(engines(ROOT).map((e) => e.name)).toContain("loki");
    expect(compose.services.loki.image).toBe(`grafana/loki:${LOKI_VERSION.slice(1)}`);
    expect(compose.services.grafana.image).toBe(`grafana/grafana:${GRAFANA_RELEASE}`);
    for (const s of Object.values(compose.services)) for (const p of s.ports ?? []) expect(p.startsWith("127.0.0.1:")).toBe(true);
  });
});
