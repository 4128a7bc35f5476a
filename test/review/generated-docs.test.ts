import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { referenceRows } from "../../src/config/reference";
import { configSchema } from "../../src/config/schema";
import { alertCatalogue } from "../../src/review/alert-catalogue";
import { runDocs } from "../../src/cli/docs";
import { GENERATED_SECTIONS, generatedDocs } from "../../src/cli/docs/sections";

describe("generated docs (npm run docs)", () => {
  const generated = generatedDocs();

  it.each(GENERATED_SECTIONS.map((s) => [s.name, s.file] as const))(
    "keep the %s in %s as generated (run npm run docs when this fails)",
    (_name, file) => {
      expect(readFileSync(file, "utf8")).toBe(generated.get(file));
    },
  );

  it("are up to date for npm run docs -- --check, which writes nothing", () => {
    expect(runDocs(["--check"])).toEqual(["Generated docs are up to date."]);
  });

  it("name the page and the missing markers when a page lost them", () => {
    const file = join(mkdtempSync(join(tmpdir(), "pizza-docs-")), "page.md");
    writeFileSync(file, "# A page without markers\n");
    expect(() => generatedDocs([{ file, name: "alert catalogue", content: () => "" }])).toThrow(
      `${file}: no "<!-- generated: alert catalogue`,
    );
  });
});

describe("the configuration reference", () => {
  const rows = referenceRows();

  it("gives every key a meaning", () => {
    expect(rows.filter((r) => r.meaning.trim() === "").map((r) => r.key)).toEqual([]);
  });

  it("shows each default as the schema applies it to a stack that sets nothing optional", () => {
    const applied = configSchema.safeParse({
      grafanaUrl: "https://grafana.example.com",
      datasources: { loki: "l", prometheus: "p" },
      alerting: { runbookBaseUrl: "https://example.com/runbooks" },
      syntheticMonitoring: { url: "https://service.example.com/" },
      contacts: { teamEmail: "team@example.com", onCall: "none" },
      heartbeatUrl: "https://heartbeat.example.com/",
    });
    expect(applied.success).toBe(true);
    const at = (key: string) => key.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], applied.data);
    const withDefaults = rows.filter((r) => r.default !== undefined);
    expect(withDefaults.length).toBeGreaterThan(60);
    for (const r of withDefaults) expect(at(r.key), r.key).toEqual(JSON.parse(r.default ?? ""));
  });

  it("marks as required exactly the keys a stack cannot leave out", () => {
    expect(rows.filter((r) => r.required).map((r) => r.key)).toEqual([
      "grafana:url",
      "datasources.loki",
      "datasources.prometheus",
      "alerting.runbookBaseUrl",
      "contacts.teamEmail",
      "contacts.onCall",
      "heartbeatUrl",
    ]);
  });
});

describe("the alert catalogue", () => {
  const catalogue = alertCatalogue();

  it("lists every alert file's rule once, the variant-only fallback marked as such", () => {
    expect(new Set(catalogue.map((a) => a.uid)).size).toBe(catalogue.length);
    expect(catalogue.filter((a) => a.onlyWhen).map((a) => a.uid)).toEqual(["pizza-api-traffic-absent"]);
  });

  it("gives every alert a contact point and a runbook link named by its uid", () => {
    for (const a of catalogue) {
      expect(a.route, a.uid).not.toBe("");
      expect(a.annotations?.runbook_url, a.uid).toMatch(new RegExp(`/${a.uid}\\.md$`));
    }
  });
});
