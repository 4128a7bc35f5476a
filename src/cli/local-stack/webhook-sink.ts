import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A webhook receiver on loopback that records every notification Grafana sends: when, to which
 * path (one per contact point), and per alert its name and status. Bodies are read up to a cap and
 * never stored whole: a notification can carry log lines, and log lines can carry JWTs.
 */

export interface Notification {
  at: number;
  path: string;
  status: string;
  alerts: Array<{ alertname: string; status: string }>;
}

export interface WebhookSink {
  url: string;
  notifications: Notification[];
  stop(): Promise<void>;
}

const MAX_BODY = 1 << 20;

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        req.destroy();
        reject(new Error(`body over ${MAX_BODY} bytes`));
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export async function startWebhookSink(port = 0): Promise<WebhookSink> {
  const notifications: Notification[] = [];
  const server = createServer(async (req, res) => {
    if (req.method === "GET" && req.url === "/notifications") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(notifications));
      return;
    }
    if (req.method !== "POST") {
      res.writeHead(405).end();
      return;
    }
    try {
      const payload = JSON.parse(await body(req)) as {
        status?: string;
        alerts?: Array<{ status?: string; labels?: Record<string, string> }>;
      };
      notifications.push({
        at: Date.now(),
        path: (req.url ?? "/").split("?")[0],
        status: String(payload.status ?? ""),
        alerts: (payload.alerts ?? []).map((a) => ({ alertname: String(a.labels?.alertname ?? ""), status: String(a.status ?? "") })),
      });
      res.writeHead(200).end();
    } catch {
      res.writeHead(400).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    notifications,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
