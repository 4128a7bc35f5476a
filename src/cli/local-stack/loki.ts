import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { labelSetKey } from "../../model/labels";
import { freePort, stopProcess, waitReady } from "../../preview/processes";
import type { LogEntry } from "../../replay/logql";
import { prometheusNumber, type LokiAnswer } from "../../replay/loki-recording";

/**
 * A real Loki (the pinned single binary, `-target=all`) on loopback ports, filesystem storage in a
 * temp folder, one tenant per caller-chosen id so cases never see each other's lines. Settings that
 * would change what a query answers are turned off and named here: service-name and log-level
 * discovery (they add labels and structured metadata), the results cache, and the age limits
 * (the pushed lines carry the test's own timestamps).
 */

export interface Loki {
  url: string;
  push(tenant: string, lines: LogEntry[]): Promise<void>;
  /** An instant query at `atMs`, as Grafana's rule evaluation and the replay ask it. */
  instant(tenant: string, query: string, atMs: number): Promise<LokiAnswer>;
  /** Loki's log so far (for a failure message). */
  log(): string;
  stop(): Promise<void>;
}

function config(dir: string, httpPort: number, grpcPort: number): string {
  return `auth_enabled: true
server:
  http_listen_address: 127.0.0.1
  http_listen_port: ${httpPort}
  grpc_listen_address: 127.0.0.1
  grpc_listen_port: ${grpcPort}
  log_level: warn
common:
  instance_addr: 127.0.0.1
  path_prefix: ${dir}
  replication_factor: 1
  ring:
    kvstore:
      store: inmemory
  storage:
    filesystem:
      chunks_directory: ${dir}/chunks
      rules_directory: ${dir}/rules
schema_config:
  configs:
    - from: 2020-10-24
      store: tsdb
      object_store: filesystem
      schema: v13
      index:
        prefix: index_
        period: 24h
limits_config:
  reject_old_samples: false
  creation_grace_period: 1h
  allow_structured_metadata: true
  discover_service_name: []
  discover_log_levels: false
  max_query_series: 100000
  query_timeout: 1m
querier:
  query_ingesters_within: 0
query_range:
  cache_results: false
pattern_ingester:
  enabled: false
analytics:
  reporting_enabled: false
`;
}

function streamsOf(lines: LogEntry[]) {
  const byStream = new Map<
    string,
    { stream: Record<string, string>; values: Array<[string, string] | [string, string, Record<string, string>]> }
  >();
  for (const l of lines) {
    const k = labelSetKey(l.labels);
    if (!byStream.has(k)) byStream.set(k, { stream: l.labels, values: [] });
    const ns = `${BigInt(Math.round(l.ts)) * 1_000_000n}`;
    byStream.get(k)!.values.push(l.metadata && Object.keys(l.metadata).length ? [ns, l.line, l.metadata] : [ns, l.line]);
  }
  return [...byStream.values()];
}

export async function startLoki(binary: string): Promise<Loki> {
  const dir = mkdtempSync(join(tmpdir(), "pizza-loki-"));
  const [httpPort, grpcPort] = [await freePort(), await freePort()];
  writeFileSync(join(dir, "loki.yaml"), config(dir, httpPort, grpcPort));
  let output = "";
  const child = spawn(binary, [`-config.file=${join(dir, "loki.yaml")}`, "-target=all"], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (output = (output + d).slice(-20_000)));
  child.stderr!.on("data", (d) => (output = (output + d).slice(-20_000)));
  const url = `http://127.0.0.1:${httpPort}`;
  const stop = () => stopProcess(child, dir);
  try {
    await waitReady(
      "loki",
      `${url}/ready`,
      () => child.exitCode,
      () => output,
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    url,
    log: () => output,
    stop,
    async push(tenant, lines) {
      // Loki refuses a push that holds no line it would store (every line empty).
      if (!lines.some((l) => l.line !== "")) return;
      const r = await fetch(`${url}/loki/api/v1/push`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-scope-orgid": tenant },
        body: JSON.stringify({ streams: streamsOf(lines) }),
        signal: AbortSignal.timeout(120_000),
      });
      if (!r.ok) throw new Error(`loki push (${tenant}): ${r.status} ${(await r.text()).slice(0, 500)}`);
    },
    async instant(tenant, query, atMs) {
      const params = new URLSearchParams({ query, time: `${BigInt(Math.round(atMs)) * 1_000_000n}`, limit: "5000" });
      const r = await fetch(`${url}/loki/api/v1/query?${params}`, {
        headers: { "x-scope-orgid": tenant },
        signal: AbortSignal.timeout(60_000),
      });
      const text = await r.text();
      if (!r.ok) return { kind: "error", status: r.status, message: text.trim().slice(0, 500) };
      const body = JSON.parse(text) as { data: { resultType: string; result: unknown } };
      const { resultType, result } = body.data;
      if (resultType === "scalar") return { kind: "scalar", value: prometheusNumber((result as [number, string])[1]) };
      if (resultType === "vector") {
        const samples = (result as Array<{ metric: Record<string, string>; value: [number, string] }>).map((s) => ({
          labels: s.metric,
          value: prometheusNumber(s.value[1]),
        }));
        return { kind: "vector", samples };
      }
      return { kind: "error", status: r.status, message: `not a metric answer: resultType ${resultType}` };
    },
  };
}
