import { queryKinds, type Catalogue } from "./catalogue";
import { evaluationTimes, recordingRules, type BacktestWindow, type Datasources } from "./evaluate";
import { rangeChunks } from "./range-query";

/**
 * What a backtest costs in datasource requests when every recording rule it reads is deployed
 * (Prometheus holds its series, so nothing is computed from Loki or evaluated by promtool): one
 * `/api/v1/series` check per recorded metric, and per alert the chunks of its query_range at its
 * group's interval. With a ref, the ref's alerts are queried too; the series checks are shared.
 * `test/backtest/backtest.test.ts` holds it to the requests a real run sends.
 */
export function plannedRequests(window: BacktestWindow, datasources: Datasources, after: Catalogue, before?: Catalogue): number {
  const catalogues = before ? [after, before] : [after];
  const metrics = new Set(catalogues.flatMap((c) => [...recordingRules(c).keys()]));
  const queries = catalogues.flatMap((c) =>
    c.rules
      .filter((r) => !r.rule.record && !r.rule.isPaused)
      .map((r) => {
        const times = evaluationTimes(window, r.intervalSeconds);
        if (times.length === 0) return 0;
        const kind = queryKinds(r.rule, datasources).get("A") === "Loki" ? "Loki" : "Prometheus";
        return rangeChunks({ ds: { kind, uid: "" }, expr: "", start: times[0], end: times[times.length - 1], step: r.intervalSeconds })
          .length;
      }),
  );
  return metrics.size + queries.reduce((a, b) => a + b, 0);
}

const WINDOWS: Array<[string, number]> = [
  ["1 hour", 3600],
  ["1 day", 86_400],
  ["7 days", 7 * 86_400],
  ["30 days", 30 * 86_400],
];

/** docs/backtest.md's cost table (`npm run docs`): the catalogue's alerts by interval, and the requests of a few windows. */
export function backtestCostTable(c: Catalogue, datasources: Datasources): string {
  const alerts = c.rules.filter((r) => !r.rule.record);
  const byInterval = new Map<number, number>();
  for (const a of alerts) byInterval.set(a.intervalSeconds, (byInterval.get(a.intervalSeconds) ?? 0) + 1);
  const intervals = [...byInterval]
    .sort(([a], [b]) => a - b)
    .map(([seconds, n]) => `${n} every ${seconds} s`)
    .join(", ");
  const lines = [
    `The example stack's catalogue: ${alerts.length} alerts (${intervals}) and ${recordingRules(c).size} recorded metrics. ` +
      "Requests with every recording rule deployed:",
    "",
    "| window | requests | with `--ref` (the same catalogue at the ref) |",
    "|---|---|---|",
    ...WINDOWS.map(([name, seconds]) => {
      const window = { from: 0, to: seconds };
      return `| ${name} | ${plannedRequests(window, datasources, c)} | ${plannedRequests(window, datasources, c, c)} |`;
    }),
  ];
  return `${lines.join("\n")}\n`;
}
