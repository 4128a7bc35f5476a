import { execFileSync } from "node:child_process";
import { expect } from "vitest";
import { engines, supplyOf } from "../../../src/cli/engines/pins";
import { REPO_ROOT } from "../../../src/config/paths";
import { PROMETHEUS } from "../../../src/preview/prometheus";
import { STEP_SECONDS } from "../../support/stack-logql";
import type { PageFigures } from "../figures";
import { proseOf } from "../prose";

/** The pictures' e2e run, as the page records it: its date, machine and load, then what it found. */
const LAST_RUN = /Last run \(\d{4}-\d{2}-\d{2}, [^)]*\): [^.]*\./;

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
  notFigures: [
    { text: "`npm run engines` exits 1 exactly when", why: "an exit code of the one CLI contract (src/cli/args.ts)" },
    { text: "lacks the files of 4 MiB and more", why: "this machine's repository snapshots, as fetched" },
    {
      text: /^\| (?:loki-cases|stack|generated) \|.*$/m,
      why: "held by test/replay/loki-recording.test.ts, which measures them",
    },
    { text: "(main at 65e30f84,", why: "a commit id" },
    { text: "(`thresholds.cpu.percent: -5`,", why: "an example of invalid config" },
    {
      text: "the repository snapshot is 3,208,816,640 bytes, over the 500 MiB a snapshot may be here",
      why: "what this machine's fetch answered",
    },
    { text: "on 15 of its 344 requirements", why: "what `go build` answered here" },
    { text: LAST_RUN, why: "what the pictures' e2e test printed, a record of its date, machine and load (checked below)" },
  ],
  checks: [
    {
      name: "the pictures' last run states its date, machine and load",
      holds: () => {
        const run = LAST_RUN.exec(proseOf("docs/engines.md").text)?.[0] ?? "";
        expect([/\(\d{4}-\d{2}-\d{2}, /.test(run), /2-core/.test(run), /load average/.test(run)]).toEqual([true, true, true]);
      },
    },
  ],
};
