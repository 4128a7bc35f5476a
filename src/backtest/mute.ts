import { parseRange, type WireTimeInterval } from "../config/time-intervals";

/**
 * Whether a mute timing is current at a time, with Alertmanager's semantics (timeinterval.go
 * ContainsTime): the time is read in the interval's location (UTC by default); an interval holds
 * when every field it sets holds (times: start inclusive, end exclusive; days of month counted
 * from the end when negative); a mute timing is current when any of its intervals holds.
 */

function localParts(t: number, location: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: location,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    weekday: "long",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(new Date(t * 1000));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const year = Number(get("year"));
  const month = Number(get("month"));
  return {
    year,
    month,
    day: Number(get("day")),
    daysInMonth: new Date(Date.UTC(year, month, 0)).getUTCDate(),
    weekday: get("weekday").toLowerCase(),
    minute: Number(get("hour")) * 60 + Number(get("minute")),
  };
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

function inRanges(
  kind: Parameters<typeof parseRange>[0],
  texts: string[] | undefined,
  value: number,
  normalise: (n: number) => number = (n) => n,
): boolean {
  if (!texts || texts.length === 0) return true;
  return texts.some((text) => {
    const { begin, end } = parseRange(kind, text);
    return value >= normalise(begin) && value <= normalise(end);
  });
}

const WEEKDAY_NUMBER: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };

export function intervalHolds(i: WireTimeInterval, t: number): boolean {
  const p = localParts(t, i.location || "UTC");
  const times = !i.times?.length || i.times.some((r) => p.minute >= minutes(r.start_time) && p.minute < minutes(r.end_time));
  return (
    times &&
    inRanges("weekday", i.weekdays, WEEKDAY_NUMBER[p.weekday]) &&
    inRanges("dayOfMonth", i.days_of_month, p.day, (n) => (n < 0 ? p.daysInMonth + n + 1 : n)) &&
    inRanges("month", i.months, p.month) &&
    inRanges("year", i.years, p.year)
  );
}

export function muteActive(intervals: WireTimeInterval[], t: number): boolean {
  return intervals.some((i) => intervalHolds(i, t));
}
