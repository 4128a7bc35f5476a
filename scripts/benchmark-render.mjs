// `npm run benchmark [-- --runs N]`: wall time of the render CLI, run exactly as `npm run render`
// runs it (the command in package.json, without npm's own start-up), into a temporary directory.
// One warm-up run fills tsx's transform cache and is reported but not counted; prints every
// measured run and the median.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const root = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..");
const usage = "usage: npm run benchmark [-- --runs N]";

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

const out = mkdtempSync(join(tmpdir(), "render-benchmark-"));
function timedRun() {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [...args, "--out", out], { cwd: root, encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) {
    console.error(`benchmark: render failed (exit ${run.status})\n${run.stderr}`);
    rmSync(out, { recursive: true, force: true });
    process.exit(1);
  }
  return seconds;
}

try {
  console.log(`npm run render = ${script}`);
  console.log(`node ${process.version}, ${cpus().length} CPU(s)`);
  console.log(`warm-up: ${timedRun().toFixed(3)} s (not counted)`);
  const times = [];
  for (let i = 1; i <= runs; i++) {
    times.push(timedRun());
    console.log(`run ${i}: ${times.at(-1).toFixed(3)} s`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  console.log(`median of ${runs}: ${median.toFixed(3)} s (min ${sorted[0].toFixed(3)} s, max ${sorted.at(-1).toFixed(3)} s)`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
