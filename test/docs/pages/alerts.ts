import { expect } from "vitest";
import { formatDuration } from "../../../src/config/durations";
import { referenceRows } from "../../../src/config/reference";
import { RECORDING_INTERVAL_SECONDS } from "../../../src/model/rules";
import { FACTORY_THROTTLE_MS, RESTART_SECONDS } from "../../../src/replay/fixtures";
import { STEP_SECONDS } from "../../../src/replay/fixtures/traffic";
import type { PageFigures } from "../figures";
import { alert, cfg, inTitle, neverPages, notify, percent, replayRow, scenario, seconds } from "../sources";

const t = cfg.thresholds;
const { fastBurn, slowBurn } = cfg.slo;
const ordersEvery = cfg.alerting.groupEvaluationIntervalSeconds.orders ?? cfg.alerting.evaluationIntervalSeconds;
/** The time a scenario's expect allows (to page, or else to notify anyone). */
const allowed = (name: string) => `${scenario(name).expect.pageWithinSeconds ?? scenario(name).expect.detectWithinSeconds}s`;
const within = (name: string) => `expected within ${allowed(name)}`;
const probes = cfg.syntheticMonitoring.probes.length;
/** Probe locations that must fail for fewer than `successRatio` of them to pass. */
const failingToFire = probes - (Math.ceil(t.availability.successRatio * probes) - 1);
const sloDays = 30;
/** The percent of a `sloDays`-day error budget that `burnSeconds` of every order failing spends at `objective` percent. */
const budgetShare = (burnSeconds: number, objective: number) => (burnSeconds / (sloDays * 86_400 * (1 - objective / 100))) * 100;
/** The percent of the budget a burn at `factor` spends over `window`. */
const burnShare = (factor: number, window: string) => Number((((factor * seconds(window)) / (sloDays * 86_400)) * 100).toFixed(2));
const incidentMinutes = scenario("factory-5xx").incident!.durationSeconds / 60;
const partialShare = inTitle("partial-metric-send-failures", /(\d+)% of pushes fail/);
const steadyShare = Number(inTitle("steady-metric-send-failures", /(\d+)% of pushes fail/)) / 100;

export const alertsPage: PageFigures = {
  page: "docs/alerts.md",
  stated: [
    {
      text: `factory 5xx at normal traffic, ${notify("factory-5xx")}, ${within("factory-5xx")}`,
      from: "docs/replay-scenarios.md; the scenario's expect",
    },
    {
      text: `at low traffic, ${notify("factory-5xx-low-traffic")}, ${within("factory-5xx-low-traffic")}`,
      from: "docs/replay-scenarios.md",
    },
    {
      text: `a ${RESTART_SECONDS} s deploy restart, logged or not, never pages`,
      from: "RESTART_SECONDS; docs/replay-scenarios.md",
      holds: neverPages("deploy-restart-logged", "deploy-restart-unlogged"),
    },
    { text: `a process crash, ${notify("process-crash")}, ${within("process-crash")}`, from: "docs/replay-scenarios.md" },
    {
      text: `a log-shipping outage, ${notify("log-shipping-outage")}, a ticket, never a page`,
      from: "docs/replay-scenarios.md",
      holds: neverPages("log-shipping-outage"),
    },
    {
      text: `the metrics outage (seed incident 000), ${notify("telemetry-outage")}, a ticket`,
      from: "docs/replay-scenarios.md; the telemetry-outage scenario's title",
      holds: () => {
        expect(scenario("telemetry-outage").title).toContain("(seed incident 000)");
        neverPages("telemetry-outage")();
      },
    },
    { text: `factory slowness, ${notify("factory-slowness")}`, from: "docs/replay-scenarios.md" },
    {
      text: `a busy hour with rare 500s, a single 500 and a ${inTitle("cpu-spike", /A (\d+)-minute CPU spike/)}-minute CPU spike are silent`,
      from: "the cpu-spike scenario's title; docs/replay-scenarios.md",
      holds: () => {
        for (const n of ["busy-day-rare-500s", "transient-500", "cpu-spike"])
          expect([n, replayRow(n).expected, replayRow(n).result]).toEqual([n, "silent", "pass"]);
      },
    },
    {
      text: `which it pushes every ${STEP_SECONDS} s, in the \`orders\` group evaluated every ${ordersEvery} s`,
      from: "the simulator's push interval (STEP_SECONDS); alerting.groupEvaluationIntervalSeconds.orders",
    },
    { text: `(a factory 5xx inside a log outage: ${notify("factory-5xx-during-log-outage")})`, from: "docs/replay-scenarios.md" },
    {
      text: `at least ${t.orderFailures.minFailures} failed orders and at least ${percent(t.orderFailures.failureRatio)}% of the window's orders`,
      from: "thresholds.orderFailures",
    },
    {
      text: `over ${t.orderFailures.fastWindow} at normal traffic (\`fastWindow\`) or ${t.orderFailures.slowWindow} (\`slowWindow\`) so that an order every ${inTitle("factory-5xx-low-traffic", /one order every (\d+) minutes/)} minutes still shows two failures`,
      from: "thresholds.orderFailures; the low-traffic scenario's title",
    },
    {
      text: `held for two consecutive evaluations (${alert("pizza-order-failures").pending} pending)`,
      from: "the catalogue; alerting.groupEvaluationIntervalSeconds.orders",
      holds: () => expect(seconds(alert("pizza-order-failures").pending) / ordersEvery + 1).toBe(2),
    },
    {
      text: `a busy hour's rare 500s (${inTitle("busy-day-rare-500s", /\(([\d.]+)% of orders\)/)}% of orders)`,
      from: "the busy-day-rare-500s scenario's title",
    },
    {
      text: `\`keep_firing_for\` ${t.orderFailures.keepFiringFor} (\`thresholds.orderFailures.keepFiringFor\`)`,
      from: "thresholds.orderFailures",
    },
    {
      text: `uses the SRE workbook's ${fastBurn.longWindow}/${fastBurn.shortWindow} windows at ${fastBurn.factor}x (\`slo.fastBurn\`) with a **${fastBurn.pendingPeriod} pending period**`,
      from: "slo.fastBurn",
    },
    {
      text: `a ${RESTART_SECONDS} s restart's 502/503 (logged) keep the ${fastBurn.shortWindow} short window burning for less than ${seconds(fastBurn.pendingPeriod) / 60} minutes`,
      from: "RESTART_SECONDS; slo.fastBurn",
      // The short window holds the restart's lines for its length plus the restart, recorded up to a minute late.
      holds: () =>
        expect(seconds(fastBurn.shortWindow) + RESTART_SECONDS + RECORDING_INTERVAL_SECONDS).toBeLessThan(seconds(fastBurn.pendingPeriod)),
    },
    { text: `(its ${percent(t.orderFailures.failureRatio)}% bar)`, from: "thresholds.orderFailures.failureRatio" },
    { text: `\`slo.minFailures\` (${cfg.slo.minFailures})`, from: "slo.minFailures" },
    { text: `(\`slo.slowBurn\`: ${slowBurn.longWindow}/${slowBurn.shortWindow} at ${slowBurn.factor}x)`, from: "slo.slowBurn" },
    {
      text: `(\`syntheticMonitoring.probes\`, three)`,
      from: "syntheticMonitoring.probes",
      holds: () => expect(probes).toBe(3),
    },
    {
      text: `(\`syntheticMonitoring.frequencySeconds\`, ${cfg.syntheticMonitoring.frequencySeconds})`,
      from: "syntheticMonitoring.frequencySeconds",
    },
    {
      text: `(\`thresholds.availability.successRatio\`: ${t.availability.successRatio}, so ${failingToFire} of ${probes} failing), for ${t.availability.pendingPeriod} (\`thresholds.availability.pendingPeriod\`)`,
      from: "thresholds.availability; syntheticMonitoring.probes",
    },
    {
      text: `so at most ${cfg.syntheticMonitoring.frequencySeconds} s of "${failingToFire} of ${probes} failing": never ${t.availability.pendingPeriod}`,
      from: "syntheticMonitoring.frequencySeconds; thresholds.availability.pendingPeriod",
      holds: () => expect(cfg.syntheticMonitoring.frequencySeconds).toBeLessThan(seconds(t.availability.pendingPeriod)),
    },
    { text: `so it pages within its expected ${allowed("process-crash")} (${notify("process-crash")})`, from: "docs/replay-scenarios.md" },
    {
      text: `an order completes within ${t.factoryLatency.milliseconds / 1000} s** (\`thresholds.factoryLatency.milliseconds\`: ${t.factoryLatency.milliseconds})`,
      from: "thresholds.factoryLatency.milliseconds",
    },
    { text: `its throttle holds every order ${FACTORY_THROTTLE_MS / 1000} s`, from: "FACTORY_THROTTLE_MS (the factory-slowness scenario)" },
    {
      text: `objective for ${t.factoryLatency.pendingPeriod} (\`thresholds.factoryLatency.pendingPeriod\`)`,
      from: "thresholds.factoryLatency.pendingPeriod",
    },
    {
      text: `sample for ${t.metricsAbsent.window} while the logs show traffic: ${seconds(t.metricsAbsent.window) / STEP_SECONDS} consecutive lost pushes, which ${partialShare}% of pushes failing at random make vanishingly rare`,
      from: "thresholds.metricsAbsent.window; the push interval; the partial-metric-send-failures scenario's title",
    },
    {
      text: `request line for ${t.logsAbsent.window} while the counters rise) fire without pending and keep firing ${t.metricsAbsent.keepFiringFor}`,
      from: "thresholds.logsAbsent, thresholds.metricsAbsent",
      holds: () => {
        expect([t.metricsAbsent.pendingPeriod, t.logsAbsent.pendingPeriod]).toEqual(["0s", "0s"]);
        expect(t.logsAbsent.keepFiringFor).toBe(t.metricsAbsent.keepFiringFor);
      },
    },
    {
      text: `(more than ${t.metricIngestion.count} send-failure lines in ${t.metricIngestion.window},`,
      from: "thresholds.metricIngestion",
    },
    {
      text: `keeps firing ${t.metricIngestion.keepFiringFor}: a steady ${percent(steadyShare)}% of pushes failing keeps about ${(seconds(t.metricIngestion.window) / STEP_SECONDS) * steadyShare} failed pushes in the window and tickets once; the ticket resolves ${formatDuration(seconds(t.metricIngestion.window) + seconds(t.metricIngestion.keepFiringFor))} (window plus keep firing)`,
      from: "thresholds.metricIngestion; the steady-metric-send-failures scenario's title",
      holds: () => expect(t.metricIngestion.pendingPeriod).toBe("0s"),
    },
    {
      text: `The metrics outage notifies within its expected ${allowed("telemetry-outage")} (${notify("telemetry-outage")}), the log outage within ${allowed("log-shipping-outage")} (${notify("log-shipping-outage")})`,
      from: "the scenarios' expect; docs/replay-scenarios.md",
    },
    {
      text: `**Saturation keeps ${t.cpu.pendingPeriod} pending**`,
      from: "thresholds.cpu.pendingPeriod, thresholds.memory.pendingPeriod",
      holds: () => expect(t.memory.pendingPeriod).toBe(t.cpu.pendingPeriod),
    },
    {
      text: `a ${inTitle("cpu-spike", /A (\d+)-minute CPU spike/)}-minute CPU spike is silent, a ${inTitle("cpu-plateau", /for (\d+) minutes/)}-minute plateau is one ticket`,
      from: "the cpu-spike and cpu-plateau scenarios' titles",
    },
    { text: `**The watchdog's \`for: ${alert("pizza-watchdog").pending}\`**`, from: "the catalogue" },
    {
      text: `rather than a LogQL count every ${ordersEvery} s: a ${t.orderFailures.fastWindow} window every ${ordersEvery} s would read ${seconds(t.orderFailures.fastWindow) / ordersEvery}x on its own`,
      from: "alerting.groupEvaluationIntervalSeconds.orders; thresholds.orderFailures.fastWindow",
    },
    {
      text: `**SLO ${cfg.slo.objectivePercent}%** (\`slo.objectivePercent\`). The factory incident (${incidentMinutes} minutes of failed orders) costs ${budgetShare(incidentMinutes * 60, cfg.slo.objectivePercent).toFixed(1)}% of a ${cfg.slo.objectivePercent}% ${sloDays}-day budget; at 99.5% it would cost ${budgetShare(incidentMinutes * 60, 99.5).toFixed(1)}%, below the SRE workbook's paging bar (${burnShare(fastBurn.factor, fastBurn.longWindow)}% of the budget in an hour)`,
      from: "slo.objectivePercent; the factory-5xx scenario; slo.fastBurn (factor x long window / SLO period)",
      holds: () => {
        expect(seconds(fastBurn.longWindow)).toBe(3600);
        expect(referenceRows().find((r) => r.key === "slo.objectivePercent")?.meaning).toContain(`over ${sloDays} days`);
      },
    },
    {
      text: `**Slow burn ${slowBurn.factor}x over ${slowBurn.longWindow} and ${slowBurn.shortWindow}, ${slowBurn.pendingPeriod} pending**: the workbook's ticket tier (${burnShare(slowBurn.factor, slowBurn.longWindow)}% of the budget in ${slowBurn.longWindow})`,
      from: "slo.slowBurn (factor x long window / SLO period)",
    },
  ],
};
