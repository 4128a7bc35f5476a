import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import type { Config } from "../../config/schema";
import { dashboardsYaml, datasourcesYaml, grafanaIni, PROVISIONING_PATHS, type EngineUrls } from "./grafana-files";
import { freePort, stopProcess, waitReady } from "../../preview/processes";

/**
 * Grafana OSS from a binary the user has (GRAFANA_BIN, with GRAFANA_HOME its home path holding
 * conf/defaults.ini). This machine cannot build Grafana (docs/engines.md), so this code has not run
 * here; the e2e checks do not use it.
 */
export interface Grafana {
  url: string;
  /** A service account token with the Admin role, for the provider's grafana:auth. */
  token: string;
  stop(): Promise<void>;
}

export async function startGrafana(
  binary: string,
  home: string,
  dir: string,
  cfg: Config,
  urls: EngineUrls,
  dashboardsDir: string,
): Promise<Grafana> {
  const port = await freePort();
  const provisioning = join(dir, "provisioning");
  for (const rel of Object.values(PROVISIONING_PATHS)) mkdirSync(join(provisioning, rel, ".."), { recursive: true });
  for (const sub of ["alerting", "plugins", "notifiers"]) mkdirSync(join(provisioning, sub), { recursive: true });
  writeFileSync(join(provisioning, PROVISIONING_PATHS.datasources), datasourcesYaml(cfg, urls));
  writeFileSync(join(provisioning, PROVISIONING_PATHS.dashboards), dashboardsYaml(cfg, dashboardsDir));
  writeFileSync(
    join(dir, "grafana.ini"),
    grafanaIni({ port, dataDir: join(dir, "data"), logsDir: join(dir, "logs"), provisioningDir: provisioning }),
  );
  const password = randomBytes(12).toString("hex");
  let output = "";
  const child = spawn(binary, ["server", `--homepath=${home}`, `--config=${join(dir, "grafana.ini")}`], {
    env: { ...process.env, GF_SECURITY_ADMIN_USER: "admin", GF_SECURITY_ADMIN_PASSWORD: password },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output = (output + d).slice(-50_000)));
  child.stderr!.on("data", (d) => (output = (output + d).slice(-50_000)));
  const url = `http://127.0.0.1:${port}`;
  // Its folder is the caller's (it holds the token file), so only the process is stopped here.
  const stop = () => stopProcess(child, undefined, 15_000);
  try {
    await waitReady(
      "grafana",
      `${url}/api/health`,
      () => child.exitCode,
      () => output,
      120_000,
    );
    const auth = { authorization: `Basic ${Buffer.from(`admin:${password}`).toString("base64")}`, "content-type": "application/json" };
    const sa = (await (
      await fetch(`${url}/api/serviceaccounts`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ name: "pizza-observability", role: "Admin" }),
      })
    ).json()) as { id: number };
    const tok = (await (
      await fetch(`${url}/api/serviceaccounts/${sa.id}/tokens`, { method: "POST", headers: auth, body: JSON.stringify({ name: "pulumi" }) })
    ).json()) as { key: string };
    return { url, token: tok.key, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
