import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, stopProcess, waitReady } from "../../preview/processes";

/** A real Prometheus on a loopback port with its remote-write receiver on (the drill writes samples there) and no scrape jobs. */
export interface Prometheus {
  url: string;
  stop(): Promise<void>;
}

export async function startPrometheus(binary: string): Promise<Prometheus> {
  const dir = mkdtempSync(join(tmpdir(), "pizza-prometheus-"));
  const port = await freePort();
  writeFileSync(join(dir, "prometheus.yml"), "global:\n  scrape_interval: 15s\n  evaluation_interval: 15s\n");
  let output = "";
  const child = spawn(
    binary,
    [
      `--config.file=${join(dir, "prometheus.yml")}`,
      `--storage.tsdb.path=${join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--web.enable-remote-write-receiver",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout!.on("data", (d) => (output = (output + d).slice(-20_000)));
  child.stderr!.on("data", (d) => (output = (output + d).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopProcess(child, dir);
  try {
    await waitReady(
      "prometheus",
      `${url}/-/ready`,
      () => child.exitCode,
      () => output,
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, stop };
}
