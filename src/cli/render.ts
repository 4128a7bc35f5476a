import { relative } from "node:path";
import { EXAMPLE_STACK_FILE, RENDERED_DIR } from "../config/paths";
import { readStackFile } from "../config/stack-file";
import { renderArtifacts, writeArtifacts } from "../emit/files/artifacts";

function option(argv: string[], name: string, fallback: string): string {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] ? argv[at + 1] : fallback;
}

/** `npm run render [-- --stack-file Pulumi.<stack>.yaml] [--out DIR]` */
function main(argv: string[]): void {
  const stackFile = option(argv, "--stack-file", EXAMPLE_STACK_FILE);
  const out = option(argv, "--out", RENDERED_DIR);
  const files = renderArtifacts(readStackFile(stackFile));
  writeArtifacts(out, files);
  console.log(`Rendered ${files.size} files from ${relative(process.cwd(), stackFile)} into ${relative(process.cwd(), out)}/`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? `${e.message}\nNothing was rendered; rendered/ is unchanged.` : e);
    process.exit(1);
  }
}
