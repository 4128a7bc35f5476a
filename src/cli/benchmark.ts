import "./load-errors";
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../config/paths";
import { defineCommand, EXIT_CODES, parseCommandLine, processIO, runAsProcess, runCommand, UsageError, type CliIO } from "./args";

const KINDS = ["render", "replay", "test", "diff", "preview"] as const;
type Kind = (typeof KINDS)[number];
const DEFAULT_RUNS: Record<Kind, number> = { render: 7, replay: 3, test: 3, diff: 3, preview: 3 };

export const BENCHMARK = defineCommand({
  usage: `usage: npm run benchmark [-- --only ${KINDS.join(",")}] [--runs N]`,
  about: `Wall and CPU time (user + system of every process started, promtool and Prometheus included) of the
project's commands, each run N times, with the median, the range, the date, the machine and its load
average before and after each run: other work on a shared machine slows every run, the CPU time less so.
  render  npm run render into a temporary folder (one warm-up run first, not counted; default 7 runs)
  replay  npm run replay, the built-in scenario library (default 3 runs)
  test    npm test (default 3 runs)
  diff    npm run diff -- HEAD on a temporary clone whose stack file changes one threshold (default 3 runs)
  preview npm run preview: the four dashboards during factory-5xx, into a temporary folder; each run replays the
          scenario and starts its own Prometheus and Chromium (default 3 runs)
The figures go into docs/performance.md, each with its date, machine and load.`,
  exitCodes: { ...EXIT_CODES, 0: "every run succeeded and was timed", 1: "a timed command failed (run it alone to see why)" },
  options: {
    only: {
      type: "string",
      default: KINDS.join(","),
      argument: "KIND,...",
      explanation: "Which commands to time.",
      example: "npm run benchmark -- --only test,replay",
    },
    runs: {
      type: "string",
      argument: "N",
      explanation: "Runs of each command (1 to 50), instead of its default.",
      example: "npm run benchmark -- --only render --runs 3",
    },
  },
});

interface Run {
  wall: number;
  cpu: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/** A command line timed through bash's `time`, so the CPU time of every process it started counts. */
function timed(command: string, cwd: string): Run {
  const start = process.hrtime.bigint();
  const run = spawnSync("bash", ["-c", `TIMEFORMAT='%U %S'; time (${command} >/dev/null 2>&1)`], {
    cwd,
    encoding: "utf8",
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`${command} failed (exit ${run.status}); run it alone to see why`);
  const [user, system] = run.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
  return { wall, cpu: user + system };
}

/** An npm script's command as package.json gives it, run without npm's own start-up (node_modules/.bin first on PATH). */
function script(name: string, args = ""): string {
  const command = (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts[name];
  return `PATH="${join(REPO_ROOT, "node_modules", ".bin")}:$PATH" ${command}${args ? ` ${args}` : ""}`;
}

/** What each kind times, and where; `done` removes what it set up. */
function setUp(kind: Kind): { command: string; cwd: string; warmUp: boolean; done: () => void } {
  if (kind === "test") return { command: script("test"), cwd: REPO_ROOT, warmUp: false, done: () => undefined };
  if (kind === "replay") return { command: script("replay"), cwd: REPO_ROOT, warmUp: false, done: () => undefined };
  const work = mkdtempSync(join(tmpdir(), `benchmark-${kind}-`));
  const done = () => rmSync(work, { recursive: true, force: true });
  if (kind === "render") return { command: script("render", `--out ${join(work, "rendered")}`), cwd: REPO_ROOT, warmUp: true, done };
  if (kind === "preview") return { command: script("preview", `--out ${join(work, "previews")}`), cwd: REPO_ROOT, warmUp: false, done };
  // diff: a clone of HEAD (node_modules shared), the example stack's 5xx threshold changed by one line.
  const clone = join(work, "clone");
  const git = spawnSync("git", ["clone", "--quiet", "--shared", REPO_ROOT, clone], { encoding: "utf8" });
  if (git.status !== 0) throw new Error(`git clone of the repository failed: ${git.stderr.trim()}`);
  symlinkSync(join(REPO_ROOT, "node_modules"), join(clone, "node_modules"));
  appendFileSync(join(clone, "Pulumi.example.yaml"), "\n  pizza-observability:thresholds:\n    order5xx: { count: 3 }\n");
  return { command: script("diff", "HEAD --format markdown"), cwd: clone, warmUp: false, done };
}

function benchmark(kind: Kind, runs: number, io: CliIO): void {
  const { command, cwd, warmUp, done } = setUp(kind);
  try {
    io.stdout(`npm run ${kind}${kind === "diff" ? " -- HEAD (a one-line change of the stack file)" : ""}:\n`);
    if (warmUp) {
      const w = timed(command, cwd);
      io.stdout(`  warm-up: ${w.wall.toFixed(2)} s wall, ${w.cpu.toFixed(2)} s CPU (not counted)\n`);
    }
    const measured: Run[] = [];
    for (let i = 1; i <= runs; i++) {
      const before = load();
      measured.push(timed(command, cwd));
      const r = measured.at(-1)!;
      io.stdout(`  run ${i}: ${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU (load average before ${before}, after ${load()})\n`);
    }
    const range = (xs: number[]) => `${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)}`;
    const walls = measured.map((r) => r.wall);
    const cpuTimes = measured.map((r) => r.cpu);
    io.stdout(
      `  median of ${runs}: ${median(walls).toFixed(2)} s wall (${range(walls)}), ${median(cpuTimes).toFixed(2)} s CPU (${range(cpuTimes)})\n`,
    );
  } finally {
    done();
  }
}

/** `npm run benchmark`: 0 every run timed, 1 a command failed, 2 a bad command line. */
export function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  return runCommand(
    "benchmark",
    () => {
      const { values } = parseCommandLine(argv, BENCHMARK);
      const only = values.only.split(",").map((k) => k.trim());
      const unknown = only.filter((k) => !(KINDS as readonly string[]).includes(k));
      if (unknown.length) throw new UsageError(`--only: unknown ${unknown.join(", ")} (expected ${KINDS.join(", ")})`, BENCHMARK.usage);
      const runs = values.runs === undefined ? undefined : Number(values.runs);
      if (runs !== undefined && (!Number.isInteger(runs) || runs < 1 || runs > 50))
        throw new UsageError(`--runs must be a whole number from 1 to 50, got "${String(values.runs).slice(0, 20)}"`, BENCHMARK.usage);
      const cpu = cpus();
      io.stdout(
        `${new Date().toISOString()}, node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, load average ${load()}\n`,
      );
      for (const kind of KINDS.filter((k) => only.includes(k))) benchmark(kind, runs ?? DEFAULT_RUNS[kind], io);
    },
    io,
  );
}

if (require.main === module) runAsProcess(main);
