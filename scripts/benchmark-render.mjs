// `npm run benchmark -- --only render [--runs N]` (or `node scripts/benchmark-render.mjs [--runs N]`): wall time of the render CLI, run exactly as `npm run render`
// runs it (the command in package.json, without npm's own start-up), into a temporary directory.
// One warm-up run fills tsx's transform cache and is reported but not counted; prints every
// measured run and the medians of wall time and of CPU time (user + system, read by a preloaded
// hook as the process exits): on a shared machine the CPU time moves less with other load.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const root = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..");
const usage = "usage: npm run benchmark -- --only render [--runs N]";

let runs;
try {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { runs: { type: "string", default: "7" } }, strict: true });
  runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got "${values.runs}"`);
} catch (e) {
  console.error(`benchmark: ${e.message.split("\n")[0]}\n${usage}`);
  process.exit(2);
}

const script = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts.render;
const [program, ...args] = script.split(/\s+/);
if (program !== "node") {
  console.error(`benchmark: expected the render script to start with "node", got: ${script}`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), "render-benchmark-"));
const out = join(work, "rendered");
const cpuFile = join(work, "cpu.json");
const cpuHook = join(work, "cpu-hook.cjs");
writeFileSync(
  cpuHook,
  `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(cpuFile)}, JSON.stringify(process.cpuUsage())));\n`,
);

function timedRun() {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["--require", cpuHook, ...args, "--out", out], { cwd: root, encoding: "utf8" });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) {
    console.error(`benchmark: render failed (exit ${run.status})\n${run.stderr}`);
    rmSync(work, { recursive: true, force: true });
    process.exit(1);
  }
  const { user, system } = JSON.parse(readFileSync(cpuFile, "utf8"));
  return { wall, cpu: (user + system) / 1e6 };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

try {
  console.log(`npm run render = ${script}`);
  console.log(
    `node ${process.version}, ${cpus().length} CPU(s), load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} (other work on the machine slows every run)`,
  );
  const warm = timedRun();
  console.log(`warm-up: ${warm.wall.toFixed(3)} s wall, ${warm.cpu.toFixed(3)} s CPU (not counted)`);
  const runsMeasured = [];
  for (let i = 1; i <= runs; i++) {
    runsMeasured.push(timedRun());
    const { wall, cpu } = runsMeasured.at(-1);
    console.log(`run ${i}: ${wall.toFixed(3)} s wall, ${cpu.toFixed(3)} s CPU`);
  }
  const walls = runsMeasured.map((r) => r.wall);
  console.log(
    `median of ${runs}: ${median(walls).toFixed(3)} s wall (min ${Math.min(...walls).toFixed(3)} s, max ${Math.max(...walls).toFixed(3)} s), ${median(runsMeasured.map((r) => r.cpu)).toFixed(3)} s CPU`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
