import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "../config/schema";
import { EXAMPLE_STACK_FILE } from "../config/paths";
import { writeExpectationTests } from "../replay/expectations";
import { promtool } from "../replay/promtool";
import { formatReplay } from "../replay/report";
import { replayStack } from "../replay/run";
import { buildStack } from "../build/stack";
import { readStackFile } from "../config/stack-file";

/**
 * `npm run replay [-- --stack-file Pulumi.<stack>.yaml] [-- --keep <dir>]`: replays the incident
 * fixtures against the stack's alerts and prints what fired, when, and where it was routed.
 */
function main(argv: string[]): void {
  const at = argv.indexOf("--stack-file");
  const cfg = parseConfig(readStackFile(at >= 0 && argv[at + 1] ? argv[at + 1] : EXAMPLE_STACK_FILE));
  const keep = argv.indexOf("--keep");
  const dir = keep >= 0 && argv[keep + 1] ? argv[keep + 1] : mkdtempSync(join(tmpdir(), "pizza-replay-"));
  try {
    const results = replayStack({ stack: buildStack(cfg), cfg, dir });
    console.log("Incident replay: PromQL alerts evaluated by promtool test rules, Loki queries by the TS LogQL evaluator.\n");
    console.log(formatReplay(results));
    const files = writeExpectationTests(results, dir);
    const failed = files.filter((f) => promtool(["test", "rules", f]).status !== 0);
    console.log(`promtool test rules (first firings and silences pinned per fixture): ${files.length - failed.length}/${files.length} passed`);
    if (failed.length > 0) process.exitCode = 1;
    if (keep >= 0) console.log(`promtool rule and test files kept in ${dir}`);
  } finally {
    if (keep < 0) rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
