import { locate } from "./locate";
import { supplyOf, type Engine } from "./pins";

/**
 * The checks of `npm run e2e` that need an engine beyond promtool and amtool, each with the engines
 * it runs. A check whose by-hand engine is absent is skipped with one `skipped:` line (unless that
 * engine is required: `--require`, PIZZA_E2E_REQUIRE); a check whose registry engine is absent
 * fails. The runner (src/cli/e2e.ts) prints the plan, the test files ask it (test/e2e/support).
 */
export interface EngineCheck {
  /** How the skip line and the test name the check. */
  name: string;
  /** The e2e file that holds it. */
  file: string;
  needs: string[];
}

export const E2E_CHECKS: EngineCheck[] = [
  { name: "logql-differential (the replay's LogQL against a real Loki)", file: "test/e2e/logql-differential.e2e.ts", needs: ["loki"] },
  {
    name: "pulumi-engine (the program in the real Pulumi engine)",
    file: "test/e2e/pulumi-engine.e2e.ts",
    needs: ["pulumi", "pulumi-language-nodejs"],
  },
  { name: "local-stack (Loki and Prometheus started for real)", file: "test/e2e/local-stack.e2e.ts", needs: ["loki", "prometheus"] },
  { name: "backtest-agreement (every fixture on a real Prometheus)", file: "test/e2e/backtest-agreement.e2e.ts", needs: ["prometheus"] },
  { name: "exported-rules (promtool over every fixture)", file: "test/e2e/exported-rules.e2e.ts", needs: ["prometheus"] },
  { name: "scenario-library (every phase, the scenario table)", file: "test/e2e/scenario-library.e2e.ts", needs: ["prometheus"] },
  {
    name: "contributing (docs/contributing.md's recipes performed)",
    file: "test/e2e/contributing.e2e.ts",
    needs: ["prometheus", "amtool"],
  },
  { name: "pictures (previews and timelines checked in the browser)", file: "test/e2e/pictures.e2e.ts", needs: ["prometheus", "chromium"] },
];

/** What becomes of a check on this machine: it runs (with its engines' paths), is skipped, or fails. */
export type CheckPlan =
  | { check: EngineCheck; outcome: "run"; binaries: Record<string, string> }
  | { check: EngineCheck; outcome: "skip"; line: string }
  | { check: EngineCheck; outcome: "fail"; line: string };

/** The by-hand engines a CI job says it has (PIZZA_E2E_REQUIRE=loki,pulumi-language-nodejs). */
export const REQUIRE_ENV = "PIZZA_E2E_REQUIRE";

/** Engine names from comma-separated lists (`loki,pulumi-language-nodejs`), blanks left out. */
export function engineNames(lists: string[]): string[] {
  return lists.flatMap((list) => list.split(",").map((s) => s.trim())).filter(Boolean);
}

export function requiredOf(env: NodeJS.ProcessEnv): string[] {
  return engineNames([env[REQUIRE_ENV] ?? ""]);
}

export function planCheck(check: EngineCheck, all: Engine[], env: NodeJS.ProcessEnv): CheckPlan {
  const required = new Set(requiredOf(env));
  const binaries: Record<string, string> = {};
  const failures: string[] = [];
  const absent: Engine[] = [];
  for (const name of check.needs) {
    const engine = all.find((e) => e.name === name);
    if (!engine) throw new Error(`e2e check ${check.name}: no engine named ${name}`);
    const found = locate(engine, env);
    if ("path" in found) binaries[name] = found.path;
    else if (supplyOf(engine) === "by hand" && !required.has(name)) absent.push(engine);
    else failures.push(found.missing);
  }
  if (failures.length) return { check, outcome: "fail", line: failures.join("\n") };
  if (absent.length)
    return {
      check,
      outcome: "skip",
      line: `skipped: ${check.name} needs ${absent.map((e) => `${e.name} ${e.version}`).join(" and ")}, not present (docs/engines.md)`,
    };
  return { check, outcome: "run", binaries };
}
