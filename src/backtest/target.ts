import { spawnSync } from "node:child_process";
import { basename, dirname } from "node:path";
import { ENCRYPTED_PLACEHOLDER, Secret } from "../config/secret";
import type { GrafanaTarget } from "./http";

export const GRAFANA_AUTH_KEY = "grafana:auth";
/** The provider reads its credential from this variable too. */
export const GRAFANA_AUTH_ENV = "GRAFANA_AUTH";

/**
 * The Grafana the backtest queries, with the provider's own credential: `GRAFANA_AUTH` when set,
 * else `grafana:auth` of the stack (decrypted by `pulumi config get`, as the stack file holds only
 * its ciphertext). The value only ever lives in a Secret; no message here contains it.
 */
export function grafanaTarget(
  url: string,
  raw: Record<string, unknown>,
  stackFile: string,
  env: NodeJS.ProcessEnv = process.env,
): GrafanaTarget {
  const fromEnv = env[GRAFANA_AUTH_ENV];
  if (fromEnv) return { url, auth: new Secret(fromEnv) };
  const value = raw[GRAFANA_AUTH_KEY];
  if (typeof value === "string" && value !== ENCRYPTED_PLACEHOLDER && value !== "") return { url, auth: new Secret(value) };
  if (value === undefined)
    throw new Error(
      `${GRAFANA_AUTH_KEY} is not set in ${stackFile}: set it with \`pulumi config set --secret ${GRAFANA_AUTH_KEY} <token>\`, or export ${GRAFANA_AUTH_ENV}`,
    );
  const stack = /^Pulumi\.(.+)\.ya?ml$/.exec(basename(stackFile))?.[1];
  if (!stack)
    throw new Error(
      `${GRAFANA_AUTH_KEY} is encrypted in ${stackFile}, whose name does not say its stack (Pulumi.<stack>.yaml): export ${GRAFANA_AUTH_ENV} instead`,
    );
  const r = spawnSync("pulumi", ["config", "get", GRAFANA_AUTH_KEY, "--stack", stack], { cwd: dirname(stackFile), encoding: "utf8" });
  if (r.error || r.status !== 0 || !r.stdout.trim()) {
    // pulumi's own stderr names the problem (not logged in, no passphrase); it never holds the value.
    throw new Error(
      `cannot decrypt ${GRAFANA_AUTH_KEY} of stack ${stack} with \`pulumi config get\` (${r.error?.message ?? r.stderr.trim().split("\n")[0] ?? "no output"}): export ${GRAFANA_AUTH_ENV} instead`,
    );
  }
  return { url, auth: new Secret(r.stdout.trim()) };
}
