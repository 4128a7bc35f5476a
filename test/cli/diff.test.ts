import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { behaviourDiff } from "../../src/review/behaviour-diff";
import { formatText } from "../../src/review/changes";
import { main, renderedFilesAt, renderedFilesOfWorkingTree, reviewSnapshot } from "../../src/cli/diff";
import { EXAMPLE_STACK_FILE, REPO_ROOT } from "../../src/config/paths";
import { renderArtifacts, writeArtifacts } from "../../src/emit/files/artifacts";
import { readStackFile } from "../../src/config/stack-file";
import { runMain, runScript } from "../support/cli";
import { ganttParser, mermaidBlocks } from "../support/mermaid";
import { SCENARIOS } from "../../src/replay/fixtures";
import { keptFixtures } from "../support/fixtures";
import { parseConfig } from "../../src/config/schema";
import { exampleConfig } from "../support/stack";

/** The scenario library's size as the diff's replay section words it. */
const LIBRARY = `${SCENARIOS.length} scenarios (${keptFixtures(parseConfig(exampleConfig())).length} fixtures with phases and seeds)`;
/** What the diff says of the replay when neither side's rules or routes differ. */
const UNCHANGED_REPLAY = `Incident replay: No alert rule or route differs: the outcome of all ${LIBRARY} is unchanged (not replayed).\n`;

/** Runs `npm run diff -- <args>` in `cwd` as a real process (the copy's own code): the smoke test. */
function diffCli(cwd: string, args: string[]) {
  return runScript("diff", args, cwd);
}

/** The diff's entry point in this process, in `cwd`: refs are those of the git repository `cwd` is in. */
function diffHere(args: string[], cwd = REPO_ROOT) {
  return runMain(main, args, { cwd });
}

function git(cwd: string, args: string[]): string {
  return execFileSync(
    "git",
    ["-c", "user.name=diff test", "-c", "user.email=diff-test@example.com", "-c", "commit.gpgsign=false", ...args],
    {
      cwd,
      encoding: "utf8",
    },
  );
}

/**
 * This checkout (tracked and untracked files, freshly rendered) committed as HEAD of a repository
 * of its own: made once, then cloned for each test.
 */
function snapshotRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), "diff-cli-base-"));
  const files = git(REPO_ROOT, ["ls-files", "-z", "--cached", "--others", "--exclude-standard"])
    .split("\0")
    .filter((f) => f && f !== "node_modules" && !f.startsWith("rendered/") && existsSync(join(REPO_ROOT, f)));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    copyFileSync(join(REPO_ROOT, f), join(dir, f));
  }
  writeArtifacts(join(dir, "rendered"), renderArtifacts(readStackFile(EXAMPLE_STACK_FILE)));
  git(dir, ["init", "--quiet"]);
  git(dir, ["add", "--all"]);
  git(dir, ["commit", "--quiet", "--no-verify", "-m", "snapshot"]);
  return dir;
}

let snapshot: string | undefined;

/**
 * A repository whose HEAD is a snapshot of this checkout (a clone of snapshotRepository's): its
 * definitions are exactly those of its HEAD, whatever is being edited here, and it runs this
 * checkout's diff code.
 */
function committedCopy(): string {
  snapshot ??= snapshotRepository();
  const dir = mkdtempSync(join(tmpdir(), "diff-cli-"));
  git(dir, ["clone", "--quiet", "--shared", snapshot, "."]);
  symlinkSync(realpathSync(join(REPO_ROOT, "node_modules")), join(dir, "node_modules"));
  return dir;
}

describe("npm run diff -- <git-ref>", () => {
  const head = committedCopy();

  it("reports no behaviour changes and exits 0 when the definitions are those of the ref", () => {
    const { code, stdout } = diffCli(head, ["HEAD"]);
    expect(code).toBe(0);
    expect(stdout).toBe(`Behaviour: HEAD -> working tree (Pulumi.example.yaml)\nNo behaviour changes.\n${UNCHANGED_REPLAY}`);
  });

  it("prints No behaviour changes for another stack file of the repository when nothing changed (both sides rendered from it)", async () => {
    const { code, stdout, stderr } = await diffHere(["HEAD", "--stack-file", "Pulumi.staging.example.yaml"], head);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toBe(`Behaviour: HEAD -> working tree (Pulumi.staging.example.yaml)\nNo behaviour changes.\n${UNCHANGED_REPLAY}`);
  });

  it("shows the behaviour a pull request changes by editing only a stack file, and the keys it set", async () => {
    const dir = committedCopy();
    const file = join(dir, "Pulumi.staging.example.yaml");
    const staging = readFileSync(file, "utf8");
    writeFileSync(file, `${staging}\n  pizza-observability:thresholds:\n    order5xx: { count: 7, pendingPeriod: 3m }\n`);
    const { code, stdout } = await diffHere(["HEAD", "--stack-file", "Pulumi.staging.example.yaml", "--no-replay"], dir);
    expect(code).toBe(0);
    expect(stdout.split("\n")).toEqual([
      "Behaviour: HEAD -> working tree (Pulumi.staging.example.yaml)",
      "~ pizza-order-5xx (JWT Pizza API answering 5xx)",
      "    threshold: > 2 -> > 7",
      "    pending period: 0s -> 3m",
      "    annotation description:",
      expect.stringMatching(/^      - More than 2 HTTP 5xx responses in 2m /),
      expect.stringMatching(/^      \+ More than 7 HTTP 5xx responses in 2m /),
      "      ~ …More than [-2-]{+7+} HTTP 5xx responses in 2…",
      "+ config pizza-observability:thresholds.order5xx.count",
      "    value: (default) -> 7",
      "+ config pizza-observability:thresholds.order5xx.pendingPeriod",
      '    value: (default) -> "3m"',
      "",
    ]);
  });

  it("compares a stack file new since the ref with the ref's definitions rendered from that same file", async () => {
    const staging = readFileSync(join(head, "Pulumi.staging.example.yaml"), "utf8");
    writeFileSync(join(head, "Pulumi.qa.yaml"), staging.replace("JWT Pizza Service (staging)", "JWT Pizza Service (qa)"));
    const { code, stdout } = await diffHere(["HEAD", "--stack-file", "Pulumi.qa.yaml"], head);
    expect(code).toBe(0);
    expect(stdout).toBe(`Behaviour: HEAD -> working tree (Pulumi.qa.yaml)\nNo behaviour changes.\n${UNCHANGED_REPLAY}`);
  });

  it("runs against HEAD of this repository, printing what the in-process comparison finds", async () => {
    const { code, stdout } = await diffHere(["HEAD", "--no-replay"]);
    const expected = formatText(
      behaviourDiff(reviewSnapshot(renderedFilesAt("HEAD")), reviewSnapshot(renderedFilesOfWorkingTree(EXAMPLE_STACK_FILE))),
    );
    expect(code).toBe(0);
    expect(stdout).toBe(`Behaviour: HEAD -> working tree (Pulumi.example.yaml)\n${expected}`);
  });

  it("shows the contact point of a rule with its own notification_settings.receiver, not the policy tree's", async () => {
    const dir = committedCopy();
    const file = join(dir, "rendered/alerting/rule-group-errors.yaml");
    const rendered = readFileSync(file, "utf8");
    // Rules carry their route as notification settings (routingMode rule-settings): send this one elsewhere.
    const direct = rendered.replace(
      /(\n\s+title: JWT Pizza API answering 5xx\n[\s\S]*?\n\s+notification_settings:\n\s+receiver: )pizza-team-slack\n/,
      "$1pizza-heartbeat\n",
    );
    expect(direct).not.toBe(rendered);
    writeFileSync(file, direct);
    git(dir, ["commit", "--quiet", "--no-verify", "-am", "route pizza-order-5xx to its own contact point"]);
    const { code, stdout } = await diffHere(["HEAD", "--no-replay"], dir);
    expect(code).toBe(0);
    expect(stdout).toContain("~ pizza-order-5xx (JWT Pizza API answering 5xx)\n    route: pizza-heartbeat -> pizza-team-slack\n");
  });

  it("shows switching the on-call contact point from webhook to PagerDuty, never showing a credential", async () => {
    const dir = committedCopy();
    const example = readFileSync(join(dir, "Pulumi.example.yaml"), "utf8");
    const pagerDuty = example
      .replace(/onCall: webhook #/, "onCall: pagerduty #")
      .replace(
        / {2}# pizza-observability:pagerDutyIntegrationKey:\n {2}# {3}secure: v1:\.\.\./,
        "  pizza-observability:pagerDutyIntegrationKey:\n    secure: v1:EXAMPLE-ciphertext-of-the-pagerduty-key",
      );
    expect(pagerDuty).toContain("pizza-observability:pagerDutyIntegrationKey:\n    secure:");
    writeFileSync(join(dir, "Pulumi.example.yaml"), pagerDuty);
    const { code, stdout } = await diffHere(["HEAD"], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('~ config pizza-observability:contacts.onCall\n    value: "webhook" -> "pagerduty"\n');
    expect(stdout).toContain("+ credential pizza-observability:pagerDutyIntegrationKey set (value not shown)\n");
    expect(stdout).toContain(
      [
        "~ contact point pizza-on-call",
        "    type: webhook -> pagerduty",
        "    setting httpMethod: POST -> (none)",
        "    setting integrationKey: (not set) -> (set, not shown)",
      ].join("\n"),
    );
    expect(stdout).toContain("    setting url: (set, not shown) -> (not set)\n");
    expect(stdout).not.toMatch(/EXAMPLE-ciphertext|REDACTED|encrypted in stack file/);
  });

  it("shows a mute timing change and the routes it applies to, in markdown with a heading per area", async () => {
    const dir = committedCopy();
    const example = readFileSync(join(dir, "Pulumi.example.yaml"), "utf8");
    const muted = example.replace('weekdays: ["tuesday"]', 'weekdays: ["thursday"]').replace("routes: [ticket]", "routes: [page]");
    expect(muted).not.toBe(example);
    writeFileSync(join(dir, "Pulumi.example.yaml"), muted);
    const { code, stdout } = await diffHere(["HEAD", "--format", "markdown", "--no-replay"], dir);
    expect(code).toBe(0);
    expect(stdout.split("\n")).toEqual([
      "## Behaviour diff: `HEAD` → working tree (`Pulumi.example.yaml`)",
      "",
      "### Routing",
      "",
      "| | What | Before | After |",
      "|---|---|---|---|",
      '| **changed** route root > severity="page" | mute timings | `(none)` | `chaos-testing` |',
      '| **changed** route root > severity=~"ticket\\|warning" | mute timings | `chaos-testing` | `(none)` |',
      "",
      "### Mute timings",
      "",
      "| | What | Before | After |",
      "|---|---|---|---|",
      "| **changed** mute timing chaos-testing | intervals | `times 14:00-16:00; weekdays tuesday; location Europe/Berlin` | `times 14:00-16:00; weekdays thursday; location Europe/Berlin` |",
      "",
      "### Stack configuration",
      "",
      "| | What | Before | After |",
      "|---|---|---|---|",
      '| **changed** config pizza-observability:routing.muteTimings\\[0\\].intervals\\[0\\].weekdays | value | `["tuesday"]` | `["thursday"]` |',
      '| **changed** config pizza-observability:routing.muteTimings\\[0\\].routes | value | `["ticket"]` | `["page"]` |',
      "",
    ]);
  });

  it("names a changed LogQL rule as not yet checked against Loki in the PR comment, and says nothing of Loki when every query has recorded answers", async () => {
    const dir = committedCopy();
    const file = join(dir, "Pulumi.example.yaml");
    writeFileSync(file, `${readFileSync(file, "utf8")}\n  pizza-observability:thresholds:\n    order5xx: { window: 90s }\n`);
    const { code, stdout } = await diffHere(["HEAD", "--format", "markdown", "--no-replay"], dir);
    expect(code).toBe(0);
    const section = stdout.slice(stdout.indexOf("### LogQL against Loki"));
    expect(section.split("\n").slice(0, 4)).toEqual([
      "### LogQL against Loki",
      "",
      expect.stringMatching(/^LogQL: 1 of \d+ queries the stack renders are not yet checked against Loki \(a warning/),
      expect.stringMatching(/^- not yet checked against Loki: alert pizza-order-5xx query A: sum by .*\[90s\]\)\)$/),
    ]);
    const unchanged = await diffHere(["HEAD", "--format", "markdown", "--no-replay"], head);
    expect(unchanged.stdout).not.toContain("Loki");
  });

  it("says a credential was re-set in the stack file, by key only", async () => {
    const dir = committedCopy();
    const file = join(dir, "Pulumi.example.yaml");
    const example = readFileSync(file, "utf8");
    const reset = example.replace("v1:EXAMPLE-ciphertext-of-the-heartbeat-url", "v1:OTHER-ciphertext-of-the-heartbeat-url");
    expect(reset).not.toBe(example);
    writeFileSync(file, reset);
    const { code, stdout } = await diffHere(["HEAD", "--no-replay"], dir);
    expect(code).toBe(0);
    expect(stdout).toBe(
      "Behaviour: HEAD -> working tree (Pulumi.example.yaml)\n~ credential pizza-observability:heartbeatUrl\n    value: (not shown) -> changed (not shown)\n",
    );
  });

  it("compares two refs with --to, reading both sides from their committed rendered/", async () => {
    const dir = committedCopy();
    const file = join(dir, "rendered/alerting/rule-group-errors.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n(\s+)for: 0s\n/, "\n$1for: 2m\n"));
    git(dir, ["commit", "--quiet", "--no-verify", "-am", "order 5xx pending 2m"]);
    const { code, stdout } = await diffHere(["HEAD~1", "--to", "HEAD", "--no-replay"], dir);
    expect(code).toBe(0);
    expect(stdout).toBe("Behaviour: HEAD~1 -> HEAD\n~ pizza-order-5xx (JWT Pizza API answering 5xx)\n    pending period: 0s -> 2m\n");
  });

  it("replays the scenario library on both sides: a page delayed by 3 minutes changes the busy-traffic factory incident's row, drawn before and after", async () => {
    const dir = committedCopy();
    const file = join(dir, "rendered/alerting/rule-group-orders.yaml");
    const rendered = readFileSync(file, "utf8");
    const delayed = rendered.replace(/(\n\s+title: JWT Pizza orders failing\n[\s\S]*?\n\s+)for: 10s\n/, "$1for: 3m10s\n");
    expect(delayed).not.toBe(rendered);
    writeFileSync(file, delayed);
    git(dir, ["commit", "--quiet", "--no-verify", "-am", "order-failure page pending 3m10s"]);
    // Two one-phase scenarios, not the library: the CLI's wiring; compareReplays is tested in test/replay/compare.test.ts.
    const { code, stdout, stderr } = await diffHere(
      ["HEAD~1", "--to", "HEAD", "--format", "markdown", "--scenario", "factory-5xx-busy", "--scenario", "normal-hour"],
      dir,
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const replay = stdout.slice(stdout.indexOf("### Incident replay"));
    expect(replay).toMatch(
      /^### Incident replay\n\nThe scenario library replayed against both sides \(\d+ s\): 1 of 2 scenarios \(2 fixtures with phases and seeds\) change\.\n/,
    );
    expect(replay).toMatch(/\n\| factory-5xx-busy \| 1 \| page \+35s → page \+\d+s \|/);
    expect(replay).toMatch(/\n1 scenario unchanged\.\n/);
    // The delayed page reads differently (more failed orders by then): its words before and after.
    expect(replay).toMatch(
      /\n#### What the page says\n\nfactory-5xx-busy, before:\n```\nfactory-5xx-busy: page to pizza-on-call at \+\d+s\n/,
    );
    const parse = await ganttParser();
    const blocks = mermaidBlocks(replay);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const b of blocks) expect(parse(b).filter(([k]) => k === "addTask").length).toBeGreaterThan(1);
    expect(blocks[0]).toContain("title factory-5xx-busy before (HEAD~1) - alerts and notifications");
    expect(blocks[1]).toContain("title factory-5xx-busy after (HEAD) - alerts and notifications");
  }, 600_000);

  it("refuses a --scenario the library does not have, naming it", async () => {
    const { code, stderr } = await diffHere(["HEAD", "--scenario", "no-such-scenario"], head);
    expect(code).toBe(2);
    expect(stderr).toContain('--scenario: no scenario "no-such-scenario" in the library (factory-5xx, ');
  });

  it("refuses an unknown --format", async () => {
    const { code, stderr } = await diffHere(["HEAD", "--format", "html"], head);
    expect(code).toBe(2);
    expect(stderr).toContain('--format must be text or markdown (got "html")');
  });

  it("fails with a clear message on an unknown ref", async () => {
    const { code, stdout, stderr } = await diffHere(["no-such-branch-or-tag"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain('diff: unknown git ref "no-such-branch-or-tag"');
  });

  it("run outside a git repository, says so in one line", async () => {
    const outside = mkdtempSync(join(tmpdir(), "diff-no-repo-"));
    writeFileSync(join(outside, "Pulumi.example.yaml"), readFileSync(EXAMPLE_STACK_FILE, "utf8"));
    const { code, stdout, stderr } = await diffHere(["HEAD"], outside);
    expect([code, stdout]).toEqual([1, ""]);
    expect(stderr).toBe(`diff: ${outside} is not inside a git repository: run the command from your checkout of pizza-observability\n`);
  });

  it("fails with its usage when no ref is given", async () => {
    const { code, stderr } = await diffHere([]);
    expect(code).toBe(2);
    expect(stderr).toContain("usage: npm run diff -- <git-ref>");
  });
});
