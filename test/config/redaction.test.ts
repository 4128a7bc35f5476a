import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/schema";
import { REDACTED, redact, Secret } from "../../src/config/secret";
import { hasUserinfo } from "../../src/config/values";
import { exampleConfig } from "../support/stack";

/** The one redaction: canaries in every spelling of URL userinfo never reach a message. */

const CANARY = "S3CRET";
const SPELLINGS: Array<[string, string]> = [
  ["user and password", "https://bot:S3CRET@grafana.example.net/"],
  ["password only", "https://:S3CRET@grafana.example.net/"],
  ["user only (a token as the user)", "https://S3CRET@grafana.example.net/"],
  ["no slashes after the scheme", "https:bot:S3CRET@grafana.example.net/"],
  ["one slash after the scheme", "https:/bot:S3CRET@grafana.example.net/"],
  ["three slashes", "https:///bot:S3CRET@grafana.example.net/"],
  ["backslashes (read as slashes)", "https:\\\\bot:S3CRET@grafana.example.net/"],
  ["scheme in capitals", "HTTPS://bot:S3CRET@grafana.example.net/"],
  ["http", "http://bot:S3CRET@grafana.example.net/"],
  ["another scheme", "ftp://bot:S3CRET@files.example.net/"],
  ["scheme-relative", "//bot:S3CRET@grafana.example.net/"],
  ["the colon percent-encoded", "https://bot%3AS3CRET@grafana.example.net/"],
  ["the at sign percent-encoded", "https://bot:S3CRET%40grafana.example.net/"],
  ["the whole URL percent-encoded", "https%3A%2F%2Fbot%3AS3CRET%40grafana.example.net%2F"],
  ["the whole URL double-encoded", "https%253A%252F%252Fbot%253AS3CRET%2540grafana.example.net"],
  ["an at sign inside the userinfo", "https://bot@team:S3CRET@grafana.example.net/"],
  ["a port after the host", "https://bot:S3CRET@grafana.example.net:8443/x"],
  ["an IPv6 host", "https://bot:S3CRET@[::1]:3000/"],
  ["a query after the host", "https://bot:S3CRET@grafana.example.net?x=1"],
  ["inside JSON quotes", '"https://bot:S3CRET@grafana.example.net/"'],
  ["in parentheses", "(https://bot:S3CRET@grafana.example.net/)"],
  ["after an equals sign", "url=https://bot:S3CRET@grafana.example.net/"],
  ["with a JSON-escaped tab inside", "https://bot:S3C\\tRET@grafana.example.net/"],
  ["with a raw tab inside (WHATWG drops it)", "https://bot:S3C\tRET@grafana.example.net/"],
  ["two URLs in one line", "from https://a:S3CRET@x.example to https://b:S3CRET@y.example"],
  ["a websocket URL", "wss://bot:S3CRET@stream.example.net/"],
];

describe("redact", () => {
  it.each(SPELLINGS)("%s", (_, text) => {
    const out = redact(text);
    expect(out).not.toContain("S3C");
    expect(out).toContain(REDACTED);
  });

  it("leaves text without credentials as it was", () => {
    for (const text of ["https://grafana.example.net/d/x?from=now-1h", "pizza-team@example.com", "expected a duration such as 5m", "a: b"])
      expect(redact(text)).toBe(text);
  });

  it("removes a known secret in plain, percent-encoded and base64 form", () => {
    const token = new Secret("glsa_T0KEN/with+chars");
    const text = `Bearer glsa_T0KEN/with+chars; q=${encodeURIComponent("glsa_T0KEN/with+chars")}; Basic ${Buffer.from("glsa_T0KEN/with+chars").toString("base64")}`;
    expect(redact(text, [token])).not.toMatch(/T0KEN|Z2xzYV9UMEtF/);
  });
});

describe("URLs with credentials in any spelling are refused, and the message never echoes them", () => {
  const parsable = SPELLINGS.filter(([, url]) => /^https?:/i.test(url) && !url.includes(" ") && !url.includes("%3A%2F"));
  it.each(parsable)("syntheticMonitoring.url %s", (_, url) => {
    expect(hasUserinfo(url) || !URL.canParse(url)).toBe(true);
    const config = exampleConfig();
    config["pizza-observability:syntheticMonitoring"] = { ...(config["pizza-observability:syntheticMonitoring"] as object), url };
    let message = "";
    try {
      parseConfig(config);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/pizza-observability:syntheticMonitoring\.url: /);
    expect(message).not.toContain(CANARY);
  });

  it.each(parsable.slice(0, 8))("grafana:url %s", (_, url) => {
    let message = "";
    try {
      parseConfig({ ...exampleConfig(), "grafana:url": url });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/grafana:url: /);
    expect(message).not.toContain(CANARY);
  });
});
