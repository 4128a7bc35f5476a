import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";

/**
 * Mute timing windows. The foundation SDK models weekdays, days of month, months and years as
 * numeric {begin, end} ranges; Grafana, its provider and Alertmanager take them as text
 * ("monday:friday", "1:7", "march"). This module converts both ways, in one place.
 */

/** Alertmanager numbers weekdays from sunday = 0. */
export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
export const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

export type RangeKind = "weekday" | "dayOfMonth" | "month" | "year";
export interface Range {
  begin: number;
  end: number;
}

const BOUND: Record<RangeKind, RegExp> = {
  weekday: new RegExp(`^(${WEEKDAYS.join("|")})$`),
  dayOfMonth: /^-?([1-9]|[12][0-9]|3[01])$/,
  month: new RegExp(`^(${MONTHS.join("|")}|[1-9]|1[0-2])$`),
  year: /^[0-9]{4}$/,
};

export const RANGE_EXAMPLE: Record<RangeKind, string> = {
  weekday: "monday:friday or saturday",
  dayOfMonth: "1:7 or -1 (last day)",
  month: "march:may or 12",
  year: "2025 or 2025:2026",
};

function bound(kind: RangeKind, text: string): number {
  if (kind === "weekday") return WEEKDAYS.indexOf(text as (typeof WEEKDAYS)[number]);
  if (kind === "month") {
    const named = MONTHS.indexOf(text as (typeof MONTHS)[number]);
    return named >= 0 ? named + 1 : Number(text);
  }
  return Number(text);
}

/** Why `text` is not a valid range of `kind`, or undefined when it is. */
export function rangeProblem(kind: RangeKind, text: string): string | undefined {
  const parts = text.split(":");
  if (parts.length > 2 || !parts.every((p) => BOUND[kind].test(p))) return `expected a value or range such as ${RANGE_EXAMPLE[kind]}`;
  const { begin, end } = parseRange(kind, text);
  if (kind === "dayOfMonth" && Math.sign(begin) !== Math.sign(end)) return "expected both days counted from the same end of the month";
  if (begin > end) return "expected the range to start before it ends";
  return undefined;
}

export function parseRange(kind: RangeKind, text: string): Range {
  const [first, last = first] = text.split(":");
  return { begin: bound(kind, first), end: bound(kind, last) };
}

function boundText(kind: RangeKind, n: number): string {
  if (kind === "weekday") return WEEKDAYS[n];
  if (kind === "month") return MONTHS[n - 1];
  return String(n);
}

export function rangeText(
  kind: RangeKind,
  r: alerting.WeekdayRange | alerting.DayOfMonthRange | alerting.MonthRange | alerting.YearRange,
): string {
  const begin = r.begin ?? 0;
  const end = r.end ?? begin;
  return begin === end ? boundText(kind, begin) : `${boundText(kind, begin)}:${boundText(kind, end)}`;
}

/** A time interval as Grafana provisioning files and Alertmanager's `time_intervals` write it. */
export interface WireTimeInterval {
  times?: Array<{ start_time: string; end_time: string }>;
  weekdays?: string[];
  days_of_month?: string[];
  months?: string[];
  years?: string[];
  location?: string;
}

export function wireTimeInterval(ti: alerting.TimeInterval): WireTimeInterval {
  return {
    times: ti.times?.map((t) => ({ start_time: t.from ?? "", end_time: t.to ?? "" })),
    weekdays: ti.weekdays?.map((r) => rangeText("weekday", r)),
    days_of_month: ti.days_of_month?.map((r) => rangeText("dayOfMonth", r)),
    months: ti.months?.map((r) => rangeText("month", r)),
    years: ti.years?.map((r) => rangeText("year", r)),
    location: ti.location,
  };
}

/** The fields of a mute timing's interval as a stack file writes them. */
export interface IntervalText {
  times?: Array<{ start: string; end: string }>;
  weekdays?: string[];
  daysOfMonth?: string[];
  months?: string[];
  years?: string[];
}

function covered(kind: RangeKind, texts: string[]): Range[] {
  return texts.filter((t) => typeof t === "string" && rangeProblem(kind, t) === undefined).map((t) => parseRange(kind, t));
}

function coversAll(ranges: Range[], first: number, last: number): boolean {
  for (let n = first; n <= last; n++) if (!ranges.some((r) => r.begin <= n && n <= r.end)) return false;
  return true;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether an interval matches at every moment although it sets fields: each set field covers its
 * whole range, in whatever spelling (`sunday:saturday`, times 00:00-24:00 or pieces of the day,
 * months 1:12 or january:december, days 1:31 or -31:-1). Alertmanager mutes forever then.
 */
export function coversAllTime(t: IntervalText): boolean {
  const set = [t.times, t.weekdays, t.daysOfMonth, t.months, t.years].filter((f) => f !== undefined && f.length > 0);
  if (set.length === 0) return true;
  if (t.years && t.years.length > 0) return false;
  if (t.times && t.times.length > 0) {
    const spans = t.times
      .filter((x) => /^\d\d:\d\d$/.test(x?.start ?? "") && /^\d\d:\d\d$/.test(x?.end ?? ""))
      .map((x) => ({ begin: minutes(x.start), end: minutes(x.end) - 1 }));
    if (!coversAll(spans, 0, 24 * 60 - 1)) return false;
  }
  if (t.weekdays && t.weekdays.length > 0 && !coversAll(covered("weekday", t.weekdays), 0, 6)) return false;
  if (t.months && t.months.length > 0 && !coversAll(covered("month", t.months), 1, 12)) return false;
  if (t.daysOfMonth && t.daysOfMonth.length > 0) {
    const days = covered("dayOfMonth", t.daysOfMonth);
    for (let length = 28; length <= 31; length++) {
      for (let d = 1; d <= length; d++) {
        if (!days.some((r) => (r.begin > 0 ? r.begin <= d && d <= r.end : r.begin <= d - length - 1 && d - length - 1 <= r.end)))
          return false;
      }
    }
  }
  return true;
}

/** A time interval as the stack file writes it, with its time zone. */
export interface LocatedInterval extends IntervalText {
  location?: string;
}

/** A UTC date; Date.UTC would read the years 0-99 as 1900-1999. */
function utcDate(year: number, monthIndex: number, day: number): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  return d;
}

/** Days in a month of a year (month 1-12). */
const daysIn = (year: number, month: number) => utcDate(year, month, 0).getUTCDate();

/** An interval's valid ranges, read once; a field that is unset or empty matches everything. */
interface ParsedInterval {
  years?: Range[];
  months?: Range[];
  weekdays?: Range[];
  days?: Range[];
  /** Muted minutes of a matching day, [begin, end). */
  spans: Array<[number, number]>;
}

function parsed(t: IntervalText): ParsedInterval {
  const field = (kind: RangeKind, texts: string[] | undefined) => (texts && texts.length > 0 ? covered(kind, texts) : undefined);
  return {
    years: field("year", t.years),
    months: field("month", t.months),
    weekdays: field("weekday", t.weekdays),
    days: field("dayOfMonth", t.daysOfMonth),
    spans:
      t.times && t.times.length > 0
        ? t.times
            .filter((x) => /^\d\d:\d\d$/.test(x?.start ?? "") && /^\d\d:\d\d$/.test(x?.end ?? ""))
            .map((x): [number, number] => [minutes(x.start), minutes(x.end)])
        : [[0, 24 * 60]],
  };
}

const within = (ranges: Range[] | undefined, n: number) => !ranges || ranges.some((r) => r.begin <= n && n <= r.end);

/** Whether an interval matches a local day (month 1-12; days counted from the month's end as -1, -2, ...). */
function matchesDay(t: ParsedInterval, year: number, month: number, day: number): boolean {
  if (!within(t.years, year) || !within(t.months, month)) return false;
  if (t.weekdays && !within(t.weekdays, utcDate(year, month - 1, day).getUTCDay())) return false;
  const fromEnd = day - daysIn(year, month) - 1;
  return !t.days || t.days.some((r) => (r.begin > 0 ? r.begin <= day && day <= r.end : r.begin <= fromEnd && fromEnd <= r.end));
}

function wholeDay(spans: Array<[number, number]>): boolean {
  let reached = 0;
  for (const [begin, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (begin > reached) return false;
    reached = Math.max(reached, end);
  }
  return reached >= 24 * 60;
}

/** Whether the intervals together mute every minute of `year` (in their own time zone's calendar). */
function mutesWholeYear(intervals: readonly ParsedInterval[], year: number): boolean {
  for (let month = 1; month <= 12; month++) {
    for (let day = 1; day <= daysIn(year, month); day++) {
      if (!wholeDay(intervals.filter((t) => matchesDay(t, year, month, day)).flatMap((t) => t.spans))) return false;
    }
  }
  return true;
}

/**
 * Years worth checking: the intervals' year bounds cut the years 0-9999 into stretches in which the
 * same intervals apply; within one, a year mutes like any other whose 1 January falls on the same
 * weekday and that is as long. One year of each kind per stretch.
 */
function candidateYears(intervals: readonly ParsedInterval[]): number[] {
  const bounds = new Set([0, 10_000]);
  for (const t of intervals) for (const r of t.years ?? []) bounds.add(r.begin).add(r.end + 1);
  const cuts = [...bounds].sort((a, b) => a - b);
  const years: number[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const kinds = new Set<string>();
    // The Gregorian calendar repeats every 400 years: each kind shows up within them.
    for (let y = cuts[i]; y < cuts[i + 1] && y < cuts[i] + 400 && kinds.size < 14; y++) {
      const kind = `${utcDate(y, 0, 1).getUTCDay()}/${daysIn(y, 2)}`;
      if (!kinds.has(kind)) years.push(y);
      kinds.add(kind);
    }
  }
  return years;
}

/**
 * The first year every minute of which the intervals mute together, in any spelling (split by
 * times, weekdays, days, months or across intervals), or undefined. Intervals in different time
 * zones are combined per zone.
 */
export function wholeYearMuted(intervals: readonly LocatedInterval[]): number | undefined {
  const byZone = new Map<string, ParsedInterval[]>();
  for (const t of intervals) byZone.set(t.location ?? "UTC", [...(byZone.get(t.location ?? "UTC") ?? []), parsed(t)]);
  for (const zone of byZone.values()) {
    const year = candidateYears(zone).find((y) => mutesWholeYear(zone, y));
    if (year !== undefined) return year;
  }
  return undefined;
}
