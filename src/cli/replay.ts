import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCommandLine, runCli } from "./args";
import { parseConfig } from "../config/schema";
import { EXAMPLE_STACK_FILE } from "../config/paths";
import { writeExpectationTests } from "../replay/expectations";
import { promtool } from "../replay/promtool";
import { formatReplay } from "../replay/report";
import { replayStack } from "../replay/run";
import { checkedStack } from "../checks";
import { readStackFile } from "../config/stack-file";

/**
 * `npm run replay [-- --stack-file Pulumi.<stack>.yaml] [-- --keep <dir>]`: replays the incident
 * fixtures against the stack's alerts and prints what fired, when, and where it was routed.
 */
function main(argv: string[]): void {
  const { values } = parseCommandLine(argv, {
    usage: "usage: npm run replay [-- --stack-file Pulumi.<stack>.yaml] [--keep DIR]",
    options: { "stack-file": { type: "string", default: EXAMPLE_STACK_FILE }, keep: { type: "string" } },
  });
  const cfg = parseConfig(readStackFile(values["stack-file"]));
  const keep = values.keep;
  const dir = keep ?? mkdtempSync(join(tmpdir(), "pizza-replay-"));
  try {
    const results = replayStack({ stack: checkedStack(cfg), cfg, dir });
    console.log("Incident replay: PromQL alerts evaluated by promtool test rules, Loki queries by the TS LogQL evaluator.\n");
    console.log(formatReplay(results));
    const files = writeExpectationTests(results, dir);
    const failed = files.filter((f) => promtool(["test", "rules", f]).status !== 0);
    console.log(`promtool test rules (first firings and silences pinned per fixture): ${files.length - failed.length}/${files.length} passed`);
    if (failed.length > 0) process.exitCode = 1;
    if (keep) console.log(`promtool rule and test files kept in ${dir}`);
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) runCli("replay", main);
