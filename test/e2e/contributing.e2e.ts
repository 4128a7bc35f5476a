import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO_ROOT } from "../../src/config/paths";

/**
 * docs/contributing.md, performed: each recipe's steps, exactly as the page lists them, on a
 * temporary copy of this checkout; then `npm run render` and `npm run docs` there, and the tests of
 * the catalogue, routing, generated docs and rendered/ run in the copy. A step the page forgets makes
 * one of them fail.
 */

const GUIDE = readFileSync(join(REPO_ROOT, "docs", "contributing.md"), "utf8");

/** A copy of this checkout (tracked and untracked files, as edited now), sharing node_modules. */
function repositoryCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "pizza-contributing-"));
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: REPO_ROOT, encoding: "utf8" })
    .split("\0")
    .filter((f) => f && f !== "node_modules" && existsSync(join(REPO_ROOT, f)));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    copyFileSync(join(REPO_ROOT, f), join(dir, f));
  }
  symlinkSync(realpathSync(join(REPO_ROOT, "node_modules")), join(dir, "node_modules"));
  return dir;
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, "utf8");
  const after = change(before);
  expect(after, `the recipe's edit of ${file} applies`).not.toBe(before);
  writeFileSync(path, after);
}

/** `npm run <script>` in the copy, as package.json runs it (the copy's own scripts and code). */
function npmRun(dir: string, script: string) {
  const command: string = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).scripts[script];
  const [, ...args] = command.split(/\s+/);
  const run = spawnSync(process.execPath, args, { cwd: dir, encoding: "utf8" });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

/** The environment without this vitest run's own variables, for a vitest run in the copy. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST") && k !== "NODE_OPTIONS" && k !== "TEST"));
}

describe("docs/contributing.md, performed on a copy of the repository", () => {
  const dir = repositoryCopy();

  it("has the four checklists", () => {
    expect(GUIDE.match(/^## .+$/gm)).toEqual([
      "## Change a threshold",
      "## Add an alert",
      "## Add a contact point",
      "## Add a dashboard panel",
    ]);
  });

  it("changes a threshold for every stack with one edit of the schema's default", () => {
    expect(GUIDE).toContain(
      "change the `.default(...)` of the key in the schema, for thresholds and the SLO\n   [`src/config/thresholds-schema.ts`]",
    );
    edit(dir, "src/config/thresholds-schema.ts", (t) =>
      t.replace("percent: percentOfGauge.default(80)", "percent: percentOfGauge.default(90)"),
    );
  });

  it("adds an alert by copying factory-latency, listing it and writing its runbook", () => {
    expect(GUIDE).toContain("`cp alerts/factory-latency.ts alerts/<name>.ts`");
    writeFileSync(
      join(dir, "alerts", "request-latency.ts"),
      readFileSync(join(dir, "alerts", "factory-latency.ts"), "utf8")
        .replace('uid: "pizza-factory-latency"', 'uid: "pizza-request-latency"')
        .replace('title: "JWT Pizza factory responding slowly"', 'title: "JWT Pizza API responding slowly"')
        .replace("export default function factoryLatency", "export default function requestLatency")
        .replace('metricSeries(cfg.telemetry, "factoryLatency")', 'metricSeries(cfg.telemetry, "requestLatency")')
        .replace('severity: "page"', 'severity: "ticket"'),
    );
    edit(dir, "alerts/index.ts", (t) =>
      t
        .replace(
          'import watchdog from "./watchdog";',
          'import requestLatency from "./request-latency";\nimport watchdog from "./watchdog";',
        )
        .replace("  factoryLatency,\n", "  factoryLatency,\n  requestLatency,\n"),
    );
    expect(GUIDE).toContain("`cp runbooks/pizza-factory-latency.md runbooks/<uid>.md`");
    writeFileSync(
      join(dir, "runbooks", "pizza-request-latency.md"),
      readFileSync(join(dir, "runbooks", "pizza-factory-latency.md"), "utf8").replace(/factory-latency/g, "request-latency"),
    );
  });

  it("adds a contact point: a secret key, a definition taking its credential from it, listed, the secret set", () => {
    expect(GUIDE).toContain("the name to `SECRET_KEYS` in [`src/config/keys.ts`]");
    edit(dir, "src/config/keys.ts", (t) =>
      t.replace('"slackWebhookUrl", "heartbeatUrl"] as const;', '"slackWebhookUrl", "heartbeatUrl", "teamWebhookUrl"] as const;'),
    );
    edit(dir, "src/config/schema.ts", (t) =>
      t.replace(
        "  heartbeatUrl: secretUrl",
        '  teamWebhookUrl: secretUrl.optional().describe("chat webhook of the team channel, beside Slack or the team email"),\n  heartbeatUrl: secretUrl',
      ),
    );
    expect(GUIDE).toContain("`cp contact-points/team-slack.ts contact-points/<name>.ts`");
    writeFileSync(
      join(dir, "contact-points", "team-webhook.ts"),
      readFileSync(join(dir, "contact-points", "team-slack.ts"), "utf8")
        .replace('import { isTargeted, TEAM_SLACK_RECEIVER } from "./receivers";', 'import { routingTargets } from "./receivers";')
        .replace("export default function teamSlack", "export default function teamWebhook")
        .replace("if (!isTargeted(cfg, TEAM_SLACK_RECEIVER)) return undefined;", "if (!cfg.teamWebhookUrl) return undefined;")
        .replace(".name(TEAM_SLACK_RECEIVER)", ".name(routingTargets(cfg).teamChannel)")
        .replace('.uid("pizza-team-slack")', '.uid("pizza-team-webhook")')
        .replace('.type("slack")', '.type("webhook")')
        .replace(
          "{ url: cfg.slackWebhookUrl, recipient: cfg.contacts.slackChannel, title: TITLE, text: MESSAGE }",
          '{ url: cfg.teamWebhookUrl, httpMethod: "POST", title: TITLE, message: MESSAGE }',
        ),
    );
    edit(dir, "contact-points/index.ts", (t) =>
      t
        .replace(
          'import teamSlack from "./team-slack";',
          'import teamSlack from "./team-slack";\nimport teamWebhook from "./team-webhook";',
        )
        .replace("teamSlack, teamEmail", "teamSlack, teamWebhook, teamEmail"),
    );
    // `pulumi config set --secret teamWebhookUrl ...` writes the ciphertext into the stack file.
    edit(
      dir,
      "Pulumi.example.yaml",
      (t) => `${t}  pizza-observability:teamWebhookUrl:\n    secure: v1:EXAMPLE-ciphertext-of-the-team-webhook-url\n`,
    );
  });

  it("adds a dashboard panel: a new id, the panel beside its neighbours, placed in its dashboard", () => {
    expect(GUIDE).toContain("Give it a new id in [`dashboards/panel-ids.ts`]");
    expect(GUIDE).toContain("a time series starts from `timeSeriesPanel()`");
    edit(dir, "dashboards/panel-ids.ts", (t) =>
      t.replace("  causeRow: 13,\n} as const;", "  causeRow: 13,\n  pizzasPerMinute: 14,\n} as const;"),
    );
    edit(dir, "dashboards/panels/factory.ts", (t) =>
      t
        .replace(
          "  const latency = timeSeriesPanel()",
          [
            "  const pizzasPerMinute = timeSeriesPanel()",
            "    .id(FACTORY_PANELS.pizzasPerMinute)",
            '    .title("Pizzas made per minute")',
            `    .description("Pizzas the factory made, from the service's metrics.")`,
            "    .datasource(prometheusDatasource)",
            "    .unit(units.Short)",
            '    .interval("1m")',
            '    .withTarget(promTarget("A", sold("1m"), "pizzas"));',
            "",
            "  const latency = timeSeriesPanel()",
          ].join("\n"),
        )
        .replace("    failureRatio,\n    latency,\n", "    failureRatio,\n    pizzasPerMinute,\n    latency,\n"),
    );
    edit(dir, "dashboards/factory.ts", (t) =>
      t.replace(
        "    .withPanel(factory.failureRatio)\n",
        "    .withPanel(factory.failureRatio)\n    .withPanel(factory.pizzasPerMinute.span(24))\n",
      ),
    );
  });

  it("renders and regenerates the docs with what the four recipes changed", () => {
    const render = npmRun(dir, "render");
    expect(render.code, render.output).toBe(0);
    const docs = npmRun(dir, "docs");
    expect(docs.code, docs.output).toBe(0);
    expect(docs.output).toContain("Rewrote docs/configuration.md, docs/alerts.md");

    const saturation = readFileSync(join(dir, "rendered/alerting/rule-group-saturation.yaml"), "utf8");
    expect(saturation).toMatch(/params:\n\s+- 90\n/);
    expect(readFileSync(join(dir, "docs/configuration.md"), "utf8")).toContain("| `thresholds.cpu.percent` |  | `90` |");

    const latency = parse(readFileSync(join(dir, "rendered/alerting/rule-group-latency.yaml"), "utf8"));
    expect(latency.groups[0].rules.map((r: { uid: string }) => r.uid)).toEqual(["pizza-factory-latency", "pizza-request-latency"]);
    expect(readFileSync(join(dir, "docs/alerts.md"), "utf8")).toContain(
      "| `pizza-request-latency` (latency, every 60s) | `max(request_latency_milliseconds{",
    );

    const contactPoints = parse(readFileSync(join(dir, "rendered/alerting/contact-points.yaml"), "utf8"));
    const team = contactPoints.contactPoints.find((c: { name: string }) => c.name === "pizza-team-slack");
    expect(team.receivers.map((r: { uid: string; type: string }) => `${r.uid}/${r.type}`)).toEqual([
      "pizza-team-slack/slack",
      "pizza-team-webhook/webhook",
    ]);
    expect(team.receivers[1].settings.url).toBe("[REDACTED]");
    expect(readFileSync(join(dir, "docs/configuration.md"), "utf8")).toContain("| `teamWebhookUrl` (secret) |");

    const factory = JSON.parse(readFileSync(join(dir, "rendered/dashboards/pizza-factory.json"), "utf8"));
    expect(factory.panels.find((p: { id: number }) => p.id === 14)?.title).toBe("Pizzas made per minute");
  }, 120_000);

  it("refuses a contact point whose webhook URL is written in its definition, naming the setting", () => {
    const file = join(dir, "contact-points", "team-webhook.ts");
    const recipe = readFileSync(file, "utf8");
    try {
      writeFileSync(file, recipe.replace("url: cfg.teamWebhookUrl,", 'url: "https://chat.example.com/hooks/T0/B0/literal-token",'));
      const render = npmRun(dir, "render");
      // Invalid input exits 2, as every CLI's refusals do.
      expect(render.code).toBe(2);
      expect(render.output).toContain(
        "[contact-point/literal-credential] contact point pizza-team-slack: setting url is written in the definition; a credential must come from a Pulumi secret",
      );
      expect(render.output).not.toContain("literal-token");
    } finally {
      writeFileSync(file, recipe);
    }
  });

  it("passes the catalogue, routing, generated-docs and rendered/ tests without any other edit", () => {
    const tests = [
      "test/emit/pulumi/catalogue.test.ts",
      "test/definitions/routing.test.ts",
      "test/definitions/alerts.test.ts",
      "test/definitions/dashboards.test.ts",
      "test/checks/definitions.test.ts",
      "test/config/example-stacks.test.ts",
      "test/review/generated-docs.test.ts",
      "test/emit/files/rendered.test.ts",
    ];
    const run = spawnSync(process.execPath, [join(dir, "node_modules", "vitest", "vitest.mjs"), "run", "--reporter=dot", ...tests], {
      cwd: dir,
      encoding: "utf8",
      env: cleanEnv(),
    });
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output.slice(-4000)).toBe(0);
    expect(output).toMatch(new RegExp(`Test Files\\s+.*${tests.length} passed`));
  }, 300_000);
});
