import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { Secret } from "../../src/config/secret";
import { datasourceClient, type Datasource } from "../../src/backtest/http";

/** The backtest's HTTP client against servers that hang, stall, flood or echo secrets: bounded and redacted. */

const TOKEN = "glsa_S3CRET-hostile-token";
const DS: Datasource = { kind: "Prometheus", uid: "prom" };
const servers: Server[] = [];
afterAll(() => servers.forEach((s) => s.closeAllConnections?.() ?? s.close()));

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected a failure");
}

describe("a hostile datasource", () => {
  it("a server that accepts and never answers: the request times out, naming the timeout", async () => {
    const url = await serve(() => {});
    const client = datasourceClient({ url, auth: new Secret(TOKEN) }, { timeoutMs: 200, maxAttempts: 2, sleep: async () => {} });
    expect(await failure(client.get(DS, "/api/v1/series", {}))).toMatch(
      /gave up after 2 attempts \(no answer within 0\.2 s \(the request timeout; --request-timeout raises it\)\)/,
    );
  });

  it("a server that sends headers and stalls the body: the same timeout", async () => {
    const url = await serve((_, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"status":');
    });
    const client = datasourceClient({ url, auth: new Secret(TOKEN) }, { timeoutMs: 200, maxAttempts: 1 });
    expect(await failure(client.get(DS, "/api/v1/series", {}))).toMatch(/no answer within 0\.2 s/);
  });

  it("Retry-After: 999999 is not slept: it gives up naming the limit", async () => {
    const url = await serve((_, res) => {
      res.writeHead(503, { "retry-after": "999999" });
      res.end();
    });
    const slept: number[] = [];
    const client = datasourceClient({ url, auth: new Secret(TOKEN) }, { sleep: async (ms) => void slept.push(ms) });
    expect(await failure(client.get(DS, "/api/v1/series", {}))).toMatch(
      /asked to retry after 999999 s, more than the 60 s limit on Retry-After/,
    );
    expect(slept).toEqual([]);
  });

  it("endless 503s stop at the total retry time", async () => {
    const url = await serve((_, res) => {
      res.writeHead(503);
      res.end();
    });
    const slept: number[] = [];
    const client = datasourceClient(
      { url, auth: new Secret(TOKEN) },
      { maxAttempts: 50, backoffMs: 1000, maxRetryTotalMs: 10_000, sleep: async (ms) => void slept.push(ms) },
    );
    expect(await failure(client.get(DS, "/api/v1/series", {}))).toMatch(/retrying would wait more than 10 s in all, the limit per request/);
    expect(slept.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10_000);
  });

  it("an answer larger than the limit is refused, not buffered whole", async () => {
    const url = await serve((_, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 32);
      let sent = 0;
      const push = () => {
        while (sent < 200 && res.write(chunk)) sent++;
        if (sent < 200) res.once("drain", push);
        else res.end();
      };
      push();
    });
    const client = datasourceClient({ url, auth: new Secret(TOKEN) }, { maxAnswerBytes: 1024 * 1024 });
    expect(await failure(client.get(DS, "/api/v1/series", {}))).toMatch(
      /answer larger than 1 MiB \(the answer size limit\); shorten the window with --from\/--to or raise it with --max-answer-mib/,
    );
  });

  it("an answer declaring a huge Content-Length is refused before reading", async () => {
    const url = await serve((_, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(768 * 1024 * 1024) });
      res.write("{");
    });
    const client = datasourceClient({ url, auth: new Secret(TOKEN) }, { timeoutMs: 2000 });
    expect(await failure(client.get(DS, "/api/v1/series", {}))).toMatch(/answer larger than 64 MiB/);
  });

  it("an error body echoing the bearer token and a URL with credentials is redacted", async () => {
    const url = await serve((req, res) => {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          status: "error",
          error: `bad request with ${req.headers.authorization} from https://admin:S3CRET@grafana.example.net`,
        }),
      );
    });
    const message = await failure(datasourceClient({ url, auth: new Secret(TOKEN) }).get(DS, "/api/v1/series", {}));
    expect(message).toMatch(
      /HTTP 400 .*\n {2}server said: bad request with Bearer \[REDACTED\] from https:\/\/\[REDACTED\]@grafana\.example\.net/,
    );
    expect(message).not.toContain("S3CRET");
  });

  it("a non-JSON answer echoing a Basic credential is redacted", async () => {
    const url = await serve((req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<html>${req.headers.authorization}</html>`);
    });
    const message = await failure(datasourceClient({ url, auth: new Secret("admin:S3CRET") }).get(DS, "/api/v1/series", {}));
    expect(message).toMatch(/answer is not JSON/);
    expect(message).not.toContain(Buffer.from("admin:S3CRET").toString("base64"));
  });
});
