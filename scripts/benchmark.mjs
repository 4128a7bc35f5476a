// `npm run benchmark [-- --only render,replay,preview,test] [--runs N]`: wall and CPU time of `npm run render` (its
// own benchmark, scripts/benchmark-render.mjs), `npm run replay`, `npm run preview` (every dashboard during
// factory-5xx) and `npm test`, each run N times (render 7, the others 3 by default), with the median, min and
// max and the machine's load average (other work on a shared machine slows every run). The figures go into
// docs/performance.md by hand.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const root = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..");
const usage = "usage: npm run benchmark [-- --only render,replay,preview,test] [--runs N]";
const KINDS = ["render", "replay", "preview", "test"];

let only;
let runs;
try {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { only: { type: "string", default: KINDS.join(",") }, runs: { type: "string" } },
    strict: true,
  });
  only = values.only.split(",");
  const unknown = only.filter((k) => !KINDS.includes(k));
  if (unknown.length > 0) throw new Error(`--only: unknown ${unknown.join(", ")} (expected ${KINDS.join(", ")})`);
  runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && (!Number.isInteger(runs) || runs < 1))
    throw new Error(`--runs must be a positive integer, got "${values.runs}"`);
} catch (e) {
  console.error(`benchmark: ${e.message.split("\n")[0]}\n${usage}`);
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/**
 * `npm run <script>` N times, through bash's `time` so that the CPU time of every process it started
 * (user + system, promtool and Prometheus included) is counted: on a shared machine that moves far
 * less with other load than the wall time. Stops at the first failing run.
 */
function timeScript(script, n, args = []) {
  const walls = [];
  const cpus = [];
  for (let i = 1; i <= n; i++) {
    const before = load();
    const start = process.hrtime.bigint();
    const run = spawnSync(
      "bash",
      ["-c", `TIMEFORMAT='%U %S'; time npm run --silent ${script} -- "\${@:2}" >/dev/null 2>"$1"`, "bash", "/dev/null", ...args],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    if (run.status !== 0) {
      console.error(`benchmark: npm run ${script} failed (exit ${run.status}); run it alone to see why`);
      process.exit(1);
    }
    const [user, system] = run.stderr.trim().split("\n").at(-1).split(" ").map(Number);
    walls.push(wall);
    cpus.push(user + system);
    console.log(
      `  run ${i}: ${wall.toFixed(1)} s wall, ${(user + system).toFixed(1)} s CPU (load average before ${before}, after ${load()})`,
    );
  }
  const range = (xs) => `min ${Math.min(...xs).toFixed(1)} s, max ${Math.max(...xs).toFixed(1)} s`;
  console.log(`  median of ${n}: ${median(walls).toFixed(1)} s wall (${range(walls)}), ${median(cpus).toFixed(1)} s CPU (${range(cpus)})`);
}

console.log(`node ${process.version}, ${cpus().length} CPU(s), load average ${load()}`);
for (const kind of KINDS.filter((k) => only.includes(k))) {
  if (kind === "render") {
    console.log("npm run render:");
    const run = spawnSync(process.execPath, [join(root, "scripts", "benchmark-render.mjs"), ...(runs ? ["--runs", String(runs)] : [])], {
      cwd: root,
      stdio: "inherit",
    });
    if (run.status !== 0) process.exit(run.status ?? 1);
  } else if (kind === "preview") {
    console.log("npm run preview (the four dashboards during factory-5xx; Prometheus and Chromium started each run):");
    const out = mkdtempSync(join(tmpdir(), "pizza-benchmark-preview-"));
    try {
      timeScript("preview", runs ?? 3, ["--out", out]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  } else {
    console.log(kind === "test" ? "npm test:" : "npm run replay (the built-in scenario library):");
    timeScript(kind, runs ?? 3);
  }
}
