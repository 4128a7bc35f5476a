import { relative } from "node:path";
import { EXAMPLE_STACK_FILE, RENDERED_DIR } from "../config/paths";
import { readStackFile } from "../config/stack-file";
import { renderArtifacts, writeArtifacts } from "../emit/files/artifacts";
import { parseCommandLine, runCli } from "./args";
import { parseConfig } from "../config/schema";
import { checkedStack } from "../checks";
import { describeLogqlCost } from "../checks/logql-cost";

const USAGE = "usage: npm run render [-- --stack-file Pulumi.<stack>.yaml] [--out DIR]";

function main(argv: string[]): void {
  const { values } = parseCommandLine(argv, {
    usage: USAGE,
    options: { "stack-file": { type: "string", default: EXAMPLE_STACK_FILE }, out: { type: "string", default: RENDERED_DIR } },
  });
  const stackFile = values["stack-file"];
  const out = values.out;
  const raw = readStackFile(stackFile);
  const files = renderArtifacts(raw);
  writeArtifacts(out, files);
  console.log(`Rendered ${files.size} files from ${relative(process.cwd(), stackFile)} into ${relative(process.cwd(), out)}/`);
  const cfg = parseConfig(raw);
  console.log(describeLogqlCost(checkedStack(cfg), cfg));
}

if (require.main === module) runCli("render", main, "Nothing was rendered; rendered/ is unchanged.");
