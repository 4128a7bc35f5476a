import { redact, type Secret } from "../config/secret";

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
  /** Time one request may take, answer included (default 60 s). */
  timeoutMs?: number;
  /** Longest wait a Retry-After header may ask for (default 60 s); a longer one gives up. */
  maxRetryAfterMs?: number;
  /** Longest time one request may spend waiting between its retries (default 5 minutes). */
  maxRetryTotalMs?: number;
  /** Largest answer read (default 64 MiB); a larger one is refused before it is buffered whole. */
  maxAnswerBytes?: number;
}

/** The defaults of ClientOptions (docs/backtest.md "What it costs" states them; a test holds it to these). */
export const CLIENT_LIMITS = {
  concurrency: 4,
  maxAttempts: 5,
  backoffMs: 500,
  timeoutMs: 60_000,
  maxRetryAfterMs: 60_000,
  maxRetryTotalMs: 300_000,
  maxAnswerBytes: 64 * 1024 * 1024,
};

/** The body of an answer, read up to `max` bytes; undefined when it is larger. */
async function boundedText(res: Response, max: number): Promise<string | undefined> {
  const declared = Number(res.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel();
    return undefined;
  }
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export class BacktestHttpError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
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
  const limit = limiter(opts.concurrency ?? CLIENT_LIMITS.concurrency);
  const maxAttempts = opts.maxAttempts ?? CLIENT_LIMITS.maxAttempts;
  const backoff = opts.backoffMs ?? CLIENT_LIMITS.backoffMs;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const { timeoutMs, maxRetryAfterMs, maxRetryTotalMs, maxAnswerBytes } = { ...CLIENT_LIMITS, ...opts };
  /** The one redaction, with the token itself among the secrets. */
  const shown = (text: string) => redact(text, [target.auth]);
  const base = target.url.replace(/\/+$/, "");
  let requests = 0;

  async function once(
    ds: Datasource,
    url: string,
  ): Promise<{ retry: false; body: unknown } | { retry: true; why: string; waitMs?: number }> {
    requests++;
    let res: Response;
    let text: string | undefined;
    try {
      const signal = AbortSignal.timeout(timeoutMs);
      res = await fetch(url, { headers: { Authorization: authorization(target.auth), Accept: "application/json" }, signal });
      text = await boundedText(res, maxAnswerBytes);
    } catch (e) {
      const err = e as Error;
      if (err.name === "TimeoutError" || err.name === "AbortError")
        return { retry: true, why: `no answer within ${timeoutMs / 1000} s (the request timeout; --request-timeout raises it)` };
      return { retry: true, why: `network error: ${shown(err.message)}` };
    }
    if (text === undefined) {
      throw new BacktestHttpError(
        `${describeDatasource(ds)}: answer larger than ${maxAnswerBytes / 1024 / 1024} MiB (the answer size limit); shorten the window with --from/--to or raise it with --max-answer-mib`,
        res.status,
      );
    }
    if (res.ok) {
      try {
        return { retry: false, body: JSON.parse(text) };
      } catch {
        throw new BacktestHttpError(
          `${describeDatasource(ds)}: answer is not JSON (HTTP ${res.status}): ${shown(text.slice(0, 200))}`,
          res.status,
        );
      }
    }
    if (res.status === 429 || res.status >= 500) {
      const after = Number(res.headers.get("retry-after"));
      return { retry: true, why: `HTTP ${res.status}`, waitMs: Number.isFinite(after) && after > 0 ? after * 1000 : undefined };
    }
    const hint = WHAT_TO_CHECK[res.status];
    const detail = shown(errorText(text));
    throw new BacktestHttpError(
      `${describeDatasource(ds)}: HTTP ${res.status} from ${shown(base)}${hint ? ` — ${hint}` : ""}${detail ? `\n  server said: ${detail}` : ""}`,
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
        let waited = 0;
        for (let attempt = 1; attempt <= maxAttempts; attempt++) {
          const r = await once(ds, url);
          if (!r.retry) {
            opts.onRequestDone?.();
            return r.body;
          }
          last = r.why;
          if (attempt === maxAttempts) break;
          if ((r.waitMs ?? 0) > maxRetryAfterMs) {
            throw new BacktestHttpError(
              `${describeDatasource(ds)}: ${r.why} asked to retry after ${Math.round(r.waitMs! / 1000)} s, more than the ${maxRetryAfterMs / 1000} s limit on Retry-After; try again later (${path})`,
            );
          }
          const wait = Math.max(r.waitMs ?? 0, backoff * 2 ** (attempt - 1));
          if (waited + wait > maxRetryTotalMs) {
            throw new BacktestHttpError(
              `${describeDatasource(ds)}: gave up after ${attempt} attempts (${last}): retrying would wait more than ${maxRetryTotalMs / 1000} s in all, the limit per request (${path})`,
            );
          }
          waited += wait;
          await sleep(wait);
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
