import { describe, expect, it } from "vitest";
import { intervalHolds } from "../../src/backtest/mute";
import type { WireTimeInterval } from "../../src/config/time-intervals";

/**
 * Cases ported from prometheus/alertmanager timeinterval/timeinterval_test.go: timeIntervalTestCases
 * (TestContainsTime) and completeTestCases (TestTimeIntervalComplete), the intervals written as the
 * mute timings are deployed (Alertmanager's YAML form), the times as the Go tests write them (RFC822Z).
 */
const RFC822Z = /^(\d{1,2}) (\w{3}) (\d{2}) (\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
function at(text: string): number {
  const m = RFC822Z.exec(text)!;
  const offset = (m[6] === "-" ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8]));
  return Date.UTC(2000 + Number(m[3]), MONTHS.indexOf(m[2]), Number(m[1]), Number(m[4]), Number(m[5])) / 1000 - offset * 60;
}

const CASES: Array<[name: string, interval: WireTimeInterval, contains: string[], excludes: string[]]> = [
  ["timeIntervalTestCases[0] empty interval", {}, ["02 Jan 06 15:04 +0000", "03 Jan 07 10:04 +0000", "04 Jan 06 09:04 +0000"], []],
  [
    "timeIntervalTestCases[1] 9am to 5pm, monday to friday",
    { times: [{ start_time: "09:00", end_time: "17:00" }], weekdays: ["monday:friday"] },
    ["04 May 20 15:04 +0000", "05 May 20 10:04 +0000", "09 Jun 20 09:04 +0000"],
    ["03 May 20 15:04 +0000", "04 May 20 08:59 +0000", "05 May 20 05:00 +0000"],
  ],
  [
    "timeIntervalTestCases[2] Easter 2020",
    { days_of_month: ["4:6"], months: ["april"], years: ["2020"] },
    ["04 Apr 20 15:04 +0000", "05 Apr 20 00:00 +0000", "06 Apr 20 23:05 +0000"],
    ["03 May 18 15:04 +0000", "03 Apr 20 23:59 +0000", "04 Jun 20 23:59 +0000", "06 Apr 19 23:59 +0000", "07 Apr 20 00:00 +0000"],
  ],
  [
    "timeIntervalTestCases[3] negative days of month, last 3 days of each month",
    { days_of_month: ["-3:-1"] },
    ["31 Jan 20 15:04 +0000", "30 Jan 20 15:04 +0000", "29 Jan 20 15:04 +0000", "30 Jun 20 00:00 +0000", "29 Feb 20 23:05 +0000"],
    [
      "03 May 18 15:04 +0000",
      "27 Jan 20 15:04 +0000",
      "03 Apr 20 23:59 +0000",
      "04 Jun 20 23:59 +0000",
      "06 Apr 19 23:59 +0000",
      "07 Apr 20 00:00 +0000",
      "01 Mar 20 00:00 +0000",
    ],
  ],
  [
    "timeIntervalTestCases[4] out of bound days are clamped to month boundaries",
    { months: ["june"], days_of_month: ["-31:31"] },
    ["30 Jun 20 00:00 +0000", "01 Jun 20 00:00 +0000"],
    ["31 May 20 00:00 +0000", "1 Jul 20 00:00 +0000"],
  ],
  [
    "timeIntervalTestCases[5] alternative time zone: AEST 9AM to 5PM, Monday to Friday",
    { times: [{ start_time: "09:00", end_time: "17:00" }], weekdays: ["monday:friday"], location: "Australia/Sydney" },
    ["06 Apr 21 13:00 +1000"],
    ["06 Apr 21 13:00 +0000"],
  ],
  [
    "timeIntervalTestCases[6] alternative time zone during daylight saving time",
    {
      times: [{ start_time: "09:00", end_time: "17:00" }],
      weekdays: ["monday:friday"],
      months: ["november"],
      location: "Australia/Sydney",
    },
    ["01 Nov 21 09:00 +1100", "31 Oct 21 22:00 +0000"],
    ["31 Oct 21 21:00 +0000"],
  ],
  [
    "completeTestCases[0] weekdays, times, days of month, years, months together",
    {
      weekdays: ["monday:wednesday", "saturday", "sunday"],
      times: [{ start_time: "13:00", end_time: "15:00" }],
      days_of_month: ["1", "10", "20:-1"],
      years: ["2020:2023"],
      months: ["january:march"],
    },
    ["10 Jan 21 13:00 +0000", "30 Jan 21 14:24 +0000"],
    ["09 Jan 21 13:00 +0000", "20 Jan 21 12:59 +0000", "02 Feb 21 13:00 +0000"],
  ],
  [
    "completeTestCases[1] broken clamping: 30:31 of February excludes the 28th",
    { days_of_month: ["30:31"], years: ["2020:2023"], months: ["february"] },
    [],
    ["28 Feb 21 13:00 +0000"],
  ],
];

describe("Alertmanager timeinterval/timeinterval_test.go ContainsTime", () => {
  for (const [name, interval, contains, excludes] of CASES) {
    it(name, () => {
      expect(contains.filter((t) => !intervalHolds(interval, at(t)))).toEqual([]);
      expect(excludes.filter((t) => intervalHolds(interval, at(t)))).toEqual([]);
    });
  }
});
