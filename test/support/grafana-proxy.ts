import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Fixture } from "../../src/replay/fixtures";
import { compileLogQL, type InstantQuery } from "../../src/replay/logql";
import { labelSetKey } from "../../src/model/labels";

/**
 * Grafana's datasource proxy as the backtest meets it: `/api/datasources/proxy/uid/<uid>/...`
 * behind `Authorization: Bearer <token>` (401 otherwise, 404 for an unknown uid). The Prometheus
 * uid forwards to a real Prometheus. Loki is not installable here: the Loki uid answers with
 * RECORDED RESPONSES in Loki's documented query_range JSON (resultType matrix), recorded from a
 * fixture's log lines by the replay's LogQL evaluator — in this test support only; the backtest
 * itself never evaluates LogQL.
 */

export interface ProxyOptions {
  token: string;
  prometheus: { uid: string; url: string };
  loki: { uid: string; fixtures: Array<{ fixture: Fixture; startSeconds: number }> };
  /** Answer the first `count` requests with this status (429, 503, ...) before serving normally. */
  failFirst?: { status: number; count: number; retryAfterSeconds?: number };
}

export interface RunningProxy {
  url: string;
  /** Paths (with query strings) of every request received, in order. */
  requests: string[];
  /** Authorization headers seen (to check the token is sent, and only there). */
  stop(): Promise<void>;
}

/** Loki's query_range answer for a metric query, recorded from the fixtures' log lines. */
function recordedLokiResponse(
  query: InstantQuery,
  fixtures: ProxyOptions["loki"]["fixtures"],
  start: number,
  end: number,
  step: number,
): unknown {
  const series = new Map<string, { metric: Record<string, string>; values: Array<[number, string]> }>();
  for (let t = start; t <= end; t += step) {
    // The fixture whose time range holds t (log lines at fixture time (t - startSeconds)).
    const f = fixtures.find((x) => t >= x.startSeconds - 12 * 3600 && t <= x.startSeconds + x.fixture.durationSeconds + 3600);
    if (!f) continue;
    for (const s of query(f.fixture.logs, (t - f.startSeconds) * 1000)) {
      const key = labelSetKey(s.labels);
      const entry = series.get(key) ?? { metric: s.labels, values: [] };
      series.set(key, entry);
      entry.values.push([t, String(s.value)]);
    }
  }
  return { status: "success", data: { resultType: "matrix", result: [...series.values()], stats: {} } };
}

export async function startGrafanaProxy(opts: ProxyOptions): Promise<RunningProxy> {
  const requests: string[] = [];
  let failuresLeft = opts.failFirst?.count ?? 0;
  const compiled = new Map<string, InstantQuery>();
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "Content-Type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://proxy");
    requests.push(`${url.pathname}${url.search}`);
    if (req.headers.authorization !== `Bearer ${opts.token}`) return send(res, 401, { message: "Unauthorized" });
    if (failuresLeft > 0 && opts.failFirst) {
      failuresLeft--;
      return send(
        res,
        opts.failFirst.status,
        { message: "rate limited" },
        opts.failFirst.retryAfterSeconds ? { "Retry-After": String(opts.failFirst.retryAfterSeconds) } : {},
      );
    }
    const m = /^\/api\/datasources\/proxy\/uid\/([^/]+)(\/.*)$/.exec(url.pathname);
    if (!m) return send(res, 404, { message: "Not found" });
    const [, uid, rest] = m;
    if (uid === opts.prometheus.uid) {
      const upstream = await fetch(`${opts.prometheus.url}${rest}${url.search}`);
      res.writeHead(upstream.status, { "Content-Type": upstream.headers.get("content-type") ?? "application/json" });
      return res.end(await upstream.text());
    }
    if (uid === opts.loki.uid && rest === "/loki/api/v1/query_range") {
      const q = url.searchParams.get("query") ?? "";
      // The backtest sends RFC 3339 times (Loki reads them in every version).
      const start = Date.parse(url.searchParams.get("start") ?? "") / 1000;
      const end = Date.parse(url.searchParams.get("end") ?? "") / 1000;
      if (!Number.isFinite(start) || !Number.isFinite(end))
        return send(res, 400, { status: "error", error: "could not parse 'start' or 'end' as RFC 3339" });
      const step = Number(url.searchParams.get("step"));
      if ((end - start) / step + 1 > 11_000)
        return send(res, 400, { status: "error", error: "exceeded maximum resolution of 11,000 points per timeseries" });
      if (!compiled.has(q)) compiled.set(q, compileLogQL(q));
      return send(res, 200, recordedLokiResponse(compiled.get(q)!, opts.loki.fixtures, start, end, step));
    }
    return send(res, 404, { message: "Data source not found" });
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: Error) => send(res, 500, { message: e.message }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
