import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";

/**
 * The real Pulumi CLI on a throw-away copy of the project: a temp folder holding Pulumi.yaml and
 * the stack file, with links to the program's folders, a local file backend, its own PULUMI_HOME
 * (so no plugin of the user's is picked up) and the pinned binaries first on PATH. Pulumi finds
 * the language host and the provider there ("ambient" plugins) and may download nothing.
 */

export interface PulumiRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface PulumiWorkspace {
  dir: string;
  env: NodeJS.ProcessEnv;
  run(args: string[], options?: { timeoutMs?: number; input?: string }): Promise<PulumiRun>;
  dispose(): void;
}

const LINKED = [
  "src",
  "alerts",
  "dashboards",
  "contact-points",
  "recording-rules",
  "runbooks",
  "node_modules",
  "package.json",
  "tsconfig.json",
];

export function pulumiWorkspace(root: string, stackFile: string, binaries: Record<string, string>): PulumiWorkspace {
  const dir = mkdtempSync(join(tmpdir(), "pizza-pulumi-"));
  const project = join(dir, "project");
  mkdirSync(project);
  for (const name of LINKED) symlinkSync(join(root, name), join(project, name));
  copyFileSync(join(root, "Pulumi.yaml"), join(project, "Pulumi.yaml"));
  copyFileSync(join(root, stackFile), join(project, "Pulumi.e2e.yaml"));
  mkdirSync(join(dir, "state"));
  const path = [...new Set(Object.values(binaries).map((b) => dirname(b)))].join(delimiter);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${path}${delimiter}${process.env.PATH ?? ""}`,
    PULUMI_HOME: join(dir, "home"),
    PULUMI_BACKEND_URL: `file://${join(dir, "state")}`,
    PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase-not-a-secret",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
    NO_COLOR: "1",
  };
  return {
    dir: project,
    env,
    run(args, options = {}) {
      return new Promise((resolve) => {
        const child = spawn(binaries.pulumi, ["--non-interactive", "--cwd", project, ...args], { env, stdio: ["pipe", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 600_000);
        child.on("close", (code) => {
          clearTimeout(timer);
          resolve({ code, stdout, stderr });
        });
        child.stdin.end(options.input ?? "");
      });
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
