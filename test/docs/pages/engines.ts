import { execFileSync } from "node:child_process";
import { expect } from "vitest";
import { engines, supplyOf } from "../../../src/cli/engines/pins";
import { REPO_ROOT } from "../../../src/config/paths";
import { PROMETHEUS } from "../../../src/preview/prometheus";
import { STEP_SECONDS } from "../../support/stack-logql";
import type { PageFigures } from "../figures";
import { proseOf } from "../prose";

const version = (binary: string, pattern: RegExp) => () =>
  expect(execFileSync(binary, ["--version"], { encoding: "utf8" })).toMatch(pattern);

export const enginesPage: PageFigures = {
  page: "docs/engines.md",
  stated: [
    {
      text: "`src/cli/engines/pins.ts` is the one list",
      from: "the pins",
      holds: () => {
        const rows = [...proseOf("docs/engines.md").text.matchAll(/^\| `([\w-]+)`[^|]*\| [^|]* \| (registry|by hand|not available) \|/gm)];
        const byName = (a: string[], b: string[]) => a[0].localeCompare(b[0]);
        expect(rows.map((m) => [m[1], m[2]]).sort(byName)).toEqual(
          engines(REPO_ROOT)
            .map((e) => [e.name, supplyOf(e)])
            .sort(byName),
        );
      },
    },
    { text: "| Debian 2.42 |", from: "the installed Prometheus", holds: version(PROMETHEUS, /^prometheus, version 2\.42\./) },
    { text: "| Debian 0.25 |", from: "the installed amtool", holds: version("amtool", /^amtool, version 0\.25\./) },
    { text: `(every ${STEP_SECONDS} s)`, from: "test/support/stack-logql.ts" },
  ],
};
