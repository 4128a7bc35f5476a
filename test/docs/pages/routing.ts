import { expect } from "vitest";
import { routes, WATCHDOG_TIMING } from "../../../contact-points/notification-policy";
import { RECORDING_INTERVAL_SECONDS } from "../../../src/model/rules";
import { SCENARIOS } from "../../../src/replay/fixtures";
import type { PageFigures } from "../figures";
import { alert, cfg, percent } from "../sources";

const page = routes(cfg).find((r) => r.key === "page")!;
const { fastBurn, objectivePercent } = cfg.slo;
const ordersEvery = cfg.alerting.groupEvaluationIntervalSeconds.orders ?? cfg.alerting.evaluationIntervalSeconds;
const standsDown = `unless on() (max_over_time((<the counters' condition>)[${fastBurn.longWindow}:${ordersEvery}s]) or max_over_time((<the logs' condition>)[${fastBurn.longWindow}:${RECORDING_INTERVAL_SECONDS}s]))`;

export const routingPage: PageFigures = {
  page: "docs/routing.md",
  stated: [
    { text: `\`group_wait\` (${page.timing.groupWait})`, from: "the page route's timing (contact-points/notification-policy.ts)" },
    {
      text: `has held within the burn's long window (${fastBurn.longWindow}): its query ends \`${standsDown}\``,
      from: "slo.fastBurn.longWindow; the orders group's interval; RECORDING_INTERVAL_SECONDS",
      holds: () => {
        const query = alert("pizza-order-slo-fast-burn").queries.A;
        expect(query).toContain(`)[${fastBurn.longWindow}:${ordersEvery}s]) or max_over_time(`);
        expect(query).toMatch(new RegExp(`\\)\\[${fastBurn.longWindow}:${RECORDING_INTERVAL_SECONDS}s\\]\\)\\)$`));
      },
    },
    {
      text: `between the burn's ${percent((fastBurn.factor * (100 - objectivePercent)) / 100)}% and the page's ${percent(cfg.thresholds.orderFailures.failureRatio)}%`,
      from: "slo.fastBurn.factor x the error budget; thresholds.orderFailures.failureRatio",
    },
    {
      text: "`maxPages: 1` (on-call incidents opened per incident) for every page-worthy scenario",
      from: "the scenario library's expectations",
      holds: () => {
        const pageWorthy = SCENARIOS.filter((s) => s.incident?.pageWorthy);
        expect(pageWorthy.map((s) => [s.name, s.expect.maxPages])).toEqual(pageWorthy.map((s) => [s.name, 1]));
      },
    },
    { text: `the watchdog route's repeat (${WATCHDOG_TIMING.repeatInterval})`, from: "WATCHDOG_TIMING" },
  ],
};
