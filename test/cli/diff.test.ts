import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { readAlertingSnapshot } from "../../src/review/alert-snapshot";
import { behaviourDiff, formatBehaviourDiff } from "../../src/review/behaviour-diff";
import { alertingFilesAt, alertingFilesOfWorkingTree } from "../../src/cli/diff";
import { EXAMPLE_STACK_FILE, REPO_ROOT } from "../../src/config/paths";
import { renderArtifacts, writeArtifacts } from "../../src/emit/files/artifacts";
import { readStackFile } from "../../src/config/stack-file";
import { runScript } from "../support/cli";

/** Runs `npm run diff -- <args>` in `cwd`. */
function diffCli(cwd: string, args: string[]) {
  return runScript("diff", args, cwd);
}

function git(cwd: string, args: string[]): string {
  return execFileSync("git", ["-c", "user.name=diff test", "-c", "user.email=diff-test@example.com", "-c", "commit.gpgsign=false", ...args], {
    cwd,
    encoding: "utf8",
  });
}

/**
 * A copy of this checkout (tracked and untracked files, freshly rendered) committed as HEAD of its
 * own repository: its definitions are exactly those of its HEAD, whatever is being edited here,
 * and it runs this checkout's diff code.
 */
function committedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "diff-cli-"));
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
  symlinkSync(realpathSync(join(REPO_ROOT, "node_modules")), join(dir, "node_modules"));
  return dir;
}

describe("npm run diff -- <git-ref>", () => {
  const head = committedCopy();

  it("reports no behaviour changes and exits 0 when the definitions are those of the ref", () => {
    const { code, stdout } = diffCli(head, ["HEAD"]);
    expect(code).toBe(0);
    expect(stdout).toBe("Alert behaviour: HEAD -> working tree (Pulumi.example.yaml)\nno behaviour changes\n");
  });

  it("shows what a changed stack file changes, against the committed rendered/ of the ref", () => {
    const example = readFileSync(join(head, "Pulumi.example.yaml"), "utf8");
    const tuned = example.replace(/count: 2 #/, "count: 7 #").replace(/pendingPeriod: 0s #/, "pendingPeriod: 3m #");
    expect(tuned).not.toBe(example);
    writeFileSync(join(head, "Pulumi.tuned.yaml"), tuned);
    const { code, stdout } = diffCli(head, ["HEAD", "--stack-file", "Pulumi.tuned.yaml"]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        "Alert behaviour: HEAD -> working tree (Pulumi.tuned.yaml)",
        "~ pizza-order-5xx (JWT Pizza API answering 5xx)",
        "    threshold: > 2 -> > 7",
        "    pending period: 0s -> 3m",
        "",
      ].join("\n"),
    );
  });

  it("runs against HEAD of this repository, printing what the in-process comparison finds", () => {
    const { code, stdout } = diffCli(REPO_ROOT, ["HEAD"]);
    const expected = formatBehaviourDiff(
      behaviourDiff(readAlertingSnapshot(alertingFilesAt("HEAD")), readAlertingSnapshot(alertingFilesOfWorkingTree(EXAMPLE_STACK_FILE))),
    );
    expect(code).toBe(0);
    expect(stdout).toBe(`Alert behaviour: HEAD -> working tree (Pulumi.example.yaml)\n${expected}`);
  });

  it("fails with a clear message on an unknown ref", () => {
    const { code, stdout, stderr } = diffCli(REPO_ROOT, ["no-such-branch-or-tag"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain('diff: unknown git ref "no-such-branch-or-tag"');
  });

  it("fails with its usage when no ref is given", () => {
    const { code, stderr } = diffCli(REPO_ROOT, []);
    expect(code).toBe(2);
    expect(stderr).toContain("usage: npm run diff -- <git-ref>");
  });
});
