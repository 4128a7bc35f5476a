import type { Secret } from "../config/secret";

/**
 * Queries through the stack's Grafana: its datasource proxy `/api/datasources/proxy/uid/<uid>/...`
 * forwards to the Prometheus and Loki HTTP APIs with the service account token the provider uses.
 * Bounded: a fixed number of requests in flight, a bounded number of retries with backoff on
 * 429/5xx (and network errors). The token goes into the Authorization header only: no message
 * built here ever contains it.
 */

export interface Datasource {
  /** What the user calls it in errors: "Loki datasource grafanacloud-logs". */
  kind: "Prometheus" | "Loki";
  uid: string;
}

export function describeDatasource(ds: Datasource): string {
  return `${ds.kind} datasource ${ds.uid}`;
}

export interface GrafanaTarget {
  /** The stack's Grafana URL (`grafana:url`). */
  url: string;
  /** `grafana:auth`: a service account token, or `user:password` for basic auth (as the provider reads it). */
  auth: Secret;
}

export interface ClientOptions {
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Attempts per request, the first included (default 5). */
  maxAttempts?: number;
  /** First backoff in ms, doubled per retry (default 500); a Retry-After header wins when longer. */
  backoffMs?: number;
  /** Called when a request is queued and when it completes (for the progress line). */
  onRequestQueued?: () => void;
  onRequestDone?: () => void;
  /** For tests: a sleep that does not wait. */
  sleep?: (ms: number) => Promise<void>;
}

export class BacktestHttpError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = "BacktestHttpError";
  }
}

function authorization(auth: Secret): string {
  const value = auth.reveal();
  // The provider's `grafana:auth` is either a token or `user:password` (basic auth).
  return value.includes(":") ? `Basic ${Buffer.from(value).toString("base64")}` : `Bearer ${value}`;
}

const WHAT_TO_CHECK: Record<number, string> = {
  401: "the token in grafana:auth (or GRAFANA_AUTH) was rejected: check it is a current service account token of this stack",
  403: "the token may not query this datasource: its service account needs the Viewer role (or datasources:query on this datasource)",
  404: "no such datasource uid in this Grafana (pizza-observability:datasources), or the API path is not served by it",
};

/** A limiter: at most `n` tasks running at once. */
function limiter(n: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // A finishing task hands its slot straight to the next waiting one, so no newcomer slips in between.
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

export interface DatasourceClient {
  get(ds: Datasource, path: string, params: Record<string, string>): Promise<unknown>;
  /** Requests sent, retries included. */
  readonly requests: number;
}

export function datasourceClient(target: GrafanaTarget, opts: ClientOptions = {}): DatasourceClient {
  const limit = limiter(opts.concurrency ?? 4);
  const maxAttempts = opts.maxAttempts ?? 5;
  const backoff = opts.backoffMs ?? 500;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const base = target.url.replace(/\/+$/, "");
  let requests = 0;

  async function once(ds: Datasource, url: string): Promise<{ retry: false; body: unknown } | { retry: true; why: string; waitMs?: number }> {
    requests++;
    let res: Response;
    try {
      res = await fetch(url, { headers: { Authorization: authorization(target.auth), Accept: "application/json" } });
    } catch (e) {
      return { retry: true, why: `network error: ${(e as Error).message}` };
    }
    const text = await res.text();
    if (res.ok) {
      try {
        return { retry: false, body: JSON.parse(text) };
      } catch {
        throw new BacktestHttpError(`${describeDatasource(ds)}: answer is not JSON (HTTP ${res.status}): ${text.slice(0, 200)}`, res.status);
      }
    }
    if (res.status === 429 || res.status >= 500) {
      const after = Number(res.headers.get("retry-after"));
      return { retry: true, why: `HTTP ${res.status}`, waitMs: Number.isFinite(after) && after > 0 ? after * 1000 : undefined };
    }
    const hint = WHAT_TO_CHECK[res.status];
    const detail = errorText(text);
    throw new BacktestHttpError(
      `${describeDatasource(ds)}: HTTP ${res.status} from ${base}${hint ? ` — ${hint}` : ""}${detail ? `\n  server said: ${detail}` : ""}`,
      res.status,
    );
  }

  return {
    get requests() {
      return requests;
    },
    get(ds, path, params) {
      const url = `${base}/api/datasources/proxy/uid/${encodeURIComponent(ds.uid)}${path}?${new URLSearchParams(params)}`;
      opts.onRequestQueued?.();
      return limit(async () => {
        let last = "";
        for (let attempt = 1; attempt <= maxAttempts; attempt++) {
          const r = await once(ds, url);
          if (!r.retry) {
            opts.onRequestDone?.();
            return r.body;
          }
          last = r.why;
          if (attempt < maxAttempts) await sleep(Math.max(r.waitMs ?? 0, backoff * 2 ** (attempt - 1)));
        }
        throw new BacktestHttpError(`${describeDatasource(ds)}: gave up after ${maxAttempts} attempts (${last}) on ${path}`);
      });
    },
  };
}

/** The `error` of a Prometheus/Loki JSON error body, or the start of a text body. */
function errorText(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: string; message?: string };
    return (body.error ?? body.message ?? "").slice(0, 300);
  } catch {
    return text.trim().slice(0, 300);
  }
}
