import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO_ROOT } from "../../src/config/paths";
import { E2E_CHECKS } from "../../src/cli/engines/checks";
import { engines } from "../../src/cli/engines/pins";

const WORKFLOWS = join(REPO_ROOT, ".github", "workflows");
const VALIDATOR = join(REPO_ROOT, "node_modules", ".bin", "action-validator");
const workflowFiles = readdirSync(WORKFLOWS)
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => join(WORKFLOWS, f));

/** @action-validator/cli: the workflow JSON schema (SchemaStore's) plus its glob checks; exit 0 when valid. */
function validate(file: string) {
  const run = spawnSync(VALIDATOR, [file], { encoding: "utf8", cwd: REPO_ROOT });
  expect(run.error?.message, "action-validator must be installed (npm ci installs @action-validator/cli)").toBeUndefined();
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  permissions?: unknown;
  jobs: Record<string, { permissions?: Record<string, string>; steps?: Step[]; environment?: string; needs?: string }>;
}
const workflows = workflowFiles.map((f) => ({ file: f, doc: parse(readFileSync(f, "utf8")) as Workflow }));

describe("GitHub workflows", () => {
  it("has the pull-request and the deploy workflow", () => {
    expect(workflowFiles.map((f) => f.slice(WORKFLOWS.length + 1)).sort()).toEqual(["deploy.yml", "pull-request.yml"]);
  });

  it.each(workflowFiles)("%s passes action-validator", (file) => {
    const { status, output } = validate(file);
    expect(output).toBe("");
    expect(status).toBe(0);
  });

  it("action-validator rejects a broken workflow (so the check above can fail)", () => {
    const dir = mkdtempSync(join(tmpdir(), "workflow-"));
    const broken = join(dir, "broken.yml");
    writeFileSync(
      broken,
      "on: [push]\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    permissions:\n      contents: reed\n    stepz:\n      - run: npm test\n",
    );
    const { status, output } = validate(broken);
    expect(status).not.toBe(0);
    expect(output).toContain("Additional property 'stepz' is not allowed");
  });

  it("pins every action to a full version or a commit SHA", () => {
    const uses = workflows.flatMap(({ doc }) =>
      Object.values(doc.jobs).flatMap((j) => (j.steps ?? []).flatMap((s) => (s.uses ? [s.uses] : []))),
    );
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) expect(u, u).toMatch(/^[\w.-]+\/[\w./-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$/);
  });

  it("grants nothing at workflow level and least privilege per job: only the comment job may write, and only to pull requests", () => {
    for (const { file, doc } of workflows) {
      expect(doc.permissions, file).toEqual({});
      for (const [name, job] of Object.entries(doc.jobs)) {
        expect(job.permissions, `${file} ${name}`).toBeDefined();
        const writes = Object.entries(job.permissions ?? {}).filter(([, level]) => level === "write");
        expect(writes, `${file} ${name}`).toEqual(name === "comment" ? [["pull-requests", "write"]] : []);
      }
    }
  });

  it("tests a pull request with npm test and the e2e files that need only Debian's packages (the ones npm test leaves out for time)", () => {
    const pr = workflows.find((w) => w.file.endsWith("pull-request.yml"))!.doc;
    const runs = (pr.jobs.test.steps ?? []).flatMap((s) => (s.run ? [s.run.trim()] : []));
    expect(runs).toContain("npm test");
    const e2e = runs.find((r) => r.startsWith("npm run e2e -- "))!;
    const files = e2e.split(/\s+/).slice(4);
    expect(files.sort()).toEqual([
      "test/e2e/backtest-agreement.e2e.ts",
      "test/e2e/contributing.e2e.ts",
      "test/e2e/exported-rules.e2e.ts",
      "test/e2e/pictures.e2e.ts",
      "test/e2e/scenario-library.e2e.ts",
    ]);
    // Exactly the e2e checks that need only Debian's packages (src/cli/engines/checks.ts, pins.ts): no by-hand engine, no Pulumi CLI build.
    const debian = new Set(engines(REPO_ROOT).flatMap((e) => (e.source.kind === "debian" ? [e.name] : [])));
    const debianOnly = E2E_CHECKS.filter((c) => c.needs.every((n) => debian.has(n))).map((c) => c.file);
    expect(debianOnly.sort()).toEqual(files);
    expect(E2E_CHECKS.length).toBeGreaterThan(debianOnly.length);
  });

  it("previews only when Pulumi credentials are configured, with a visible notice otherwise", () => {
    const pr = workflows.find((w) => w.file.endsWith("pull-request.yml"))!.doc;
    const steps = pr.jobs.review.steps ?? [];
    const preview = steps.find((s) => s.uses?.startsWith("pulumi/actions@"));
    expect(preview?.with).toMatchObject({ command: "preview", diff: true });
    expect(preview?.if).toBe("steps.credentials.outputs.configured == 'true'");
    expect(steps.find((s) => s.run?.includes("::notice title=pulumi preview skipped::"))).toBeDefined();
  });

  it.each([
    ["the verdict it wrote as JSON (npm run replay --verdict), whatever lines its report ends with", true],
    ["a line saying it wrote none when it stopped before replaying", false],
  ])(
    "comments the replay's verdict only (the diff carries the comparison with the base): %s, its whole report going to the job summary",
    (_name, writesVerdict) => {
      const pr = workflows.find((w) => w.file.endsWith("pull-request.yml"))!.doc;
      const step = (pr.jobs.review.steps ?? []).find((s) => s.run?.includes("npm run --silent replay -- --format markdown"));
      expect(step?.id).toBe("replay");
      expect(step?.run).not.toMatch(/\btail\b/);
      const dir = mkdtempSync(join(tmpdir(), "pr-replay-step-"));
      const bin = join(dir, "bin");
      mkdirSync(bin);
      mkdirSync(join(dir, "comment"));
      const report = ["## Incident replay", "", "### factory-5xx: the seed incident", "| alert | ... |", "", "Scenario table written to x"];
      const verdict = { summary: "1 of 42 fixtures FAILED: factory-5xx", promtool: { agree: 126, checked: 126 } };
      // An npm that prints the report and, given --verdict FILE, writes the verdict there.
      writeFileSync(
        join(bin, "npm"),
        `#!/bin/sh\nprintf '%s\\n' ${report.map((l) => `'${l}'`).join(" ")}\n` +
          (writesVerdict
            ? `while [ $# -gt 0 ]; do [ "$1" = --verdict ] && printf '%s' '${JSON.stringify(verdict)}' > "$2"; shift; done\n`
            : "") +
          "exit 1\n",
        { mode: 0o755 },
      );
      const [output, summary] = [join(dir, "output"), join(dir, "summary")];
      const run = spawnSync("bash", ["-e", "-c", step?.run ?? ""], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary },
      });
      expect(run.status, run.stderr).toBe(0);
      expect(readFileSync(output, "utf8")).toBe("status=1\n");
      expect(readFileSync(summary, "utf8")).toBe(`${report.join("\n")}\n`);
      const comment = readFileSync(join(dir, "comment", "2-replay.md"), "utf8");
      expect(comment).toContain(
        writesVerdict
          ? "1 of 42 fixtures FAILED: factory-5xx\n\npromtool test rules (the exported rules, cross-checked): 126/126 runs agree with the replay.\n"
          : "The replay wrote no verdict (exit 1): it stopped before replaying",
      );
      expect(comment).not.toContain("### factory-5xx");
      expect(comment).not.toContain("Scenario table written");
    },
  );

  it("diffs every Pulumi.<stack>.yaml of the repository against the base branch, each from its own stack file", () => {
    const pr = workflows.find((w) => w.file.endsWith("pull-request.yml"))!.doc;
    const step = (pr.jobs.review.steps ?? []).find((s) => s.run?.includes("npm run --silent diff"));
    expect(step?.run).toBeDefined();
    // Run the step's script with an npm that records its arguments, in a tree with three stack files.
    const dir = mkdtempSync(join(tmpdir(), "pr-diff-step-"));
    const bin = join(dir, "bin");
    const tree = join(dir, "tree");
    mkdirSync(bin);
    mkdirSync(tree);
    writeFileSync(join(bin, "npm"), '#!/bin/sh\necho "diff of $*"\n', { mode: 0o755 });
    for (const f of ["Pulumi.yaml", "Pulumi.example.yaml", "Pulumi.staging.example.yaml", "Pulumi.prod.yaml"])
      writeFileSync(join(tree, f), "config: {}\n");
    const run = spawnSync("bash", ["-e", "-c", step?.run ?? ""], {
      cwd: tree,
      encoding: "utf8",
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, BASE_REF: "main" },
    });
    expect(run.status, run.stderr).toBe(0);
    const comment = readFileSync(join(tree, "comment", "1-diff.md"), "utf8");
    expect(comment.split("\n").filter(Boolean)).toEqual(
      ["Pulumi.example.yaml", "Pulumi.prod.yaml", "Pulumi.staging.example.yaml"].map(
        (f) =>
          `diff of run --silent diff -- origin/main --stack-file ${f} --format markdown --pictures pictures/${f.replace(/\.yaml$/, "")}`,
      ),
    );
  });

  it("uploads the review's pictures (each diff's --pictures folder) as an artifact and links it from the sticky comment", () => {
    const pr = workflows.find((w) => w.file.endsWith("pull-request.yml"))!.doc;
    const steps = pr.jobs.review.steps ?? [];
    const diff = steps.findIndex((s) => s.run?.includes("npm run --silent diff"));
    expect(steps[diff].run).toContain('--pictures "pictures/${stack%.yaml}"');
    const upload = steps.findIndex((s) => s.id === "pictures");
    expect(steps[upload].uses).toMatch(/^actions\/upload-artifact@/);
    expect(steps[upload].with).toMatchObject({ name: "review-pictures", path: "pictures/", "if-no-files-found": "ignore" });
    const link = steps.findIndex((s) => s.run?.includes("comment/1-pictures.md"));
    const assemble = steps.findIndex((s) => s.run?.includes("review-comment.md"));
    expect(diff < upload && upload < link && link < assemble).toBe(true);
    expect(steps[link].if).toBe("steps.pictures.outputs.artifact-url != ''");
    // Run the link step as the runner would: the comment part links the artifact.
    const dir = mkdtempSync(join(tmpdir(), "pr-pictures-step-"));
    mkdirSync(join(dir, "comment"));
    const url = "https://github.com/jwt-pizza/pizza-observability/actions/runs/1/artifacts/2";
    const run = spawnSync("bash", ["-e", "-c", steps[link].run ?? ""], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, PICTURES_URL: url },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(dir, "comment", "1-pictures.md"), "utf8")).toContain(`[review-pictures](${url})`);
  });

  it("points the browser tests and the pictures at the runner image's Chrome (no browser download works)", () => {
    const pr = workflows.find((w) => w.file.endsWith("pull-request.yml"))!.doc as Workflow & {
      jobs: Record<string, { env?: Record<string, string> }>;
    };
    expect(pr.jobs.test.env?.CHROMIUM_BIN).toBe("/usr/bin/google-chrome");
    expect(pr.jobs.review.env?.CHROMIUM_BIN).toBe("/usr/bin/google-chrome");
  });

  it("deploys to production only behind the production environment, after staging", () => {
    const deploy = workflows.find((w) => w.file.endsWith("deploy.yml"))!.doc;
    expect(deploy.jobs.production.environment).toBe("production");
    expect(deploy.jobs.production.needs).toBe("staging");
    expect(deploy.jobs.staging.environment).toBe("staging");
  });
});
