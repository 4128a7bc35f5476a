import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, PREVIEW, previewSummary } from "../../src/cli/preview";
import { RENDERED_DIR } from "../../src/config/paths";
import type { PreviewedDashboard } from "../../src/preview";
import { runMain } from "../support/cli";

/**
 * `npm run preview`'s command line, in-process. What it draws is checked in the browser by
 * test/e2e/pictures.e2e.ts (Chromium and Prometheus, minutes): these refusals happen before either starts.
 */

// Under the run's own temporary folder, which the test setup removes (test/support/temp-root.ts).
const tmp = () => mkdtempSync(join(tmpdir(), "preview-cli-"));

describe("npm run preview: the command line", () => {
  it("--help lists every option with an example, from the option table", async () => {
    const run = await runMain(main, ["--help"]);
    expect(run.code).toBe(0);
    for (const name of Object.keys(PREVIEW.options)) expect(run.stdout).toContain(`--${name}`);
    expect(run.stdout).toContain("e.g. npm run preview -- --scenario telemetry-outage");
  });

  it.each([
    ["an unknown flag", ["--scenaro", "factory-5xx"], /Unknown option '--scenaro'/],
    ["both --scenario and --fixture", ["--scenario", "factory-5xx", "--fixture", "x.json"], /--scenario and --fixture both name/],
    [
      "a scenario the library does not have",
      ["--scenario", "no-such-incident"],
      /--scenario: no scenario "no-such-incident" in the library \(factory-5xx, /,
    ],
    [
      "a dashboard the stack does not have",
      ["--dashboard", "pizza-nope"],
      /--dashboard: no dashboard "pizza-nope" \(the stack has pizza-factory, /,
    ],
    ["rendered/ as the output folder", ["--out", RENDERED_DIR], /--out: .* is render's output folder rendered\/ or inside it/],
    ["an incident file that does not exist", ["--fixture", "/nonexistent/incident.json"], /incident\.json/],
  ])("refuses %s with exit 2, naming it, and writes nothing", async (_name, args, message) => {
    const out = tmp();
    const run = await runMain(main, [...args, ...(args.includes("--out") ? [] : ["--out", join(out, "pngs")])]);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
    expect(existsSync(join(out, "pngs"))).toBe(false);
  });
});

describe("npm run preview: its summary and exit code", () => {
  const dashboard = (targets: Array<{ error?: string; outage?: boolean }>, consoleErrors: string[] = []): PreviewedDashboard =>
    ({
      uid: "d",
      title: "D",
      file: "/out/d.png",
      consoleErrors,
      drawn: [
        { id: 1, kind: "timeseries", noData: true, box: { x: 0, y: 0, width: 1, height: 1 } },
        { id: 2, kind: "row", noData: false, box: { x: 0, y: 0, width: 1, height: 1 } },
      ],
      model: { panels: [{ id: 1, title: "P", kind: "timeseries", targets: targets.map((t) => ({ refId: "A", ...t })) }] },
    }) as unknown as PreviewedDashboard;

  it.each([
    ["every query answered: exit 0", [{}], [], false, "/out/d.png: D, 1 panels drawn, 1 showing no data (panel 1)\n"],
    [
      "a query failing because the scenario's Loki is down, as Grafana would show it: exit 0",
      [{ error: "the scenario's Loki fails every query at this time", outage: true }],
      [],
      false,
      "as in Grafana: panel 1 (P) query A",
    ],
    ["a query the engines refuse: exit 1", [{ error: "parse error" }], [], true, "FAILED: panel 1 (P) query A: parse error"],
    ["an error on the page's console: exit 1", [{}], ["TypeError: x is undefined"], true, "console error: TypeError"],
  ] as const)("%s", (_name, targets, errors, failed, line) => {
    const s = previewSummary([dashboard([...targets], [...errors])]);
    expect(s.failed).toBe(failed);
    expect(s.text).toContain(line);
  });
});
