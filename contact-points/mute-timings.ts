import {
  DayOfMonthRangeBuilder,
  MonthRangeBuilder,
  MuteTimingBuilder,
  TimeIntervalBuilder,
  TimeRangeBuilder,
  WeekdayRangeBuilder,
  YearRangeBuilder,
} from "@grafana/grafana-foundation-sdk/alerting";
import type { Config, MutableRoute } from "../src/config/schema";
import { parseRange } from "../src/config/time-intervals";

type IntervalConfig = Config["routing"]["muteTimings"][number]["intervals"][number];

function interval(c: IntervalConfig): TimeIntervalBuilder {
  const b = new TimeIntervalBuilder();
  if (c.times) b.times(c.times.map((t) => new TimeRangeBuilder().from(t.start).to(t.end)));
  const range = <T extends { begin(n: number): T; end(n: number): T }>(builder: () => T, r: { begin: number; end: number }) =>
    builder().begin(r.begin).end(r.end);
  if (c.weekdays) b.weekdays(c.weekdays.map((w) => range(() => new WeekdayRangeBuilder(), parseRange("weekday", w))));
  if (c.daysOfMonth) b.daysOfMonth(c.daysOfMonth.map((d) => range(() => new DayOfMonthRangeBuilder(), parseRange("dayOfMonth", d))));
  if (c.months) b.months(c.months.map((m) => range(() => new MonthRangeBuilder(), parseRange("month", m))));
  if (c.years) b.years(c.years.map((y) => range(() => new YearRangeBuilder(), parseRange("year", y))));
  if (c.location) b.location(c.location);
  return b;
}

/** Planned chaos/maintenance windows from config (routing.muteTimings). */
export default function muteTimings(cfg: Config): MuteTimingBuilder[] {
  return cfg.routing.muteTimings.map((t) => new MuteTimingBuilder().name(t.name).timeIntervals(t.intervals.map(interval)));
}

/** Names of the mute timings config applies to one route of the policy tree. */
export function muteTimingsOf(cfg: Config, route: MutableRoute): string[] {
  return cfg.routing.muteTimings.filter((t) => t.routes.includes(route)).map((t) => t.name);
}
