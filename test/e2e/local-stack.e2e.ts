import { describe, expect, it } from "vitest";
import { startLoki } from "../../src/cli/local-stack/loki";
import { startPrometheus } from "../../src/cli/local-stack/prometheus";
import { startWebhookSink } from "../../src/cli/local-stack/webhook-sink";
import { engineCheck } from "./support/engine-check";

const check = engineCheck(__filename);

describe("npm run local-stack's parts, started for real", () => {
  it.skipIf(check.skip)(
    "starts Loki and Prometheus on loopback, ready, and stops them (the port is free again)",
    async () => {
      const bins = check.binaries;
      const [loki, prometheus] = [await startLoki(bins.loki), await startPrometheus(bins.prometheus)];
      try {
        expect((await fetch(`${loki.url}/ready`)).status).toBe(200);
        const build = (await (await fetch(`${prometheus.url}/api/v1/status/flags`)).json()) as { data: Record<string, string> };
        expect(build.data["web.enable-remote-write-receiver"]).toBe("true");
      } finally {
        await loki.stop();
        await prometheus.stop();
      }
      await expect(fetch(`${prometheus.url}/-/ready`, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
    },
    180_000,
  );

  it("records a notification's path, status and alert names, and keeps no body", async () => {
    const sink = await startWebhookSink();
    try {
      const payload = {
        status: "firing",
        alerts: [
          { status: "firing", labels: { alertname: "pizza-order-failures" }, annotations: { description: "jwt eyJhbGciOi.S3CRET" } },
        ],
      };
      const r = await fetch(`${sink.url}/pizza-on-call`, { method: "POST", body: JSON.stringify(payload) });
      expect(r.status).toBe(200);
      expect(sink.notifications).toEqual([
        {
          at: expect.any(Number),
          path: "/pizza-on-call",
          status: "firing",
          alerts: [{ alertname: "pizza-order-failures", status: "firing" }],
        },
      ]);
      const listed = await (await fetch(`${sink.url}/notifications`)).text();
      expect(listed).not.toContain("S3CRET");
      expect((await fetch(`${sink.url}/x`, { method: "POST", body: "not json" })).status).toBe(400);
    } finally {
      await sink.stop();
    }
  });
});
