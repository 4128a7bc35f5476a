/** Go's strconv.ParseFloat(s, 64): no surrounding spaces, no hex integers; undefined when Go errors. */
export function goParseFloat(text: string): number | undefined {
  const s = text;
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith("-") ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  if (/^[+-]?(\d+(_\d+)*\.?(\d+(_\d+)*)?|\.\d+(_\d+)*)([eE][+-]?\d+)?$/.test(s)) {
    // Go allows underscores only after a base prefix.
    if (s.includes("_")) return undefined;
    return Number(s);
  }
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(s);
  if (hex && (hex[2] || hex[3])) {
    const mantissa = parseInt(`${hex[2]}${hex[3]}` || "0", 16) / 16 ** hex[3].length;
    const v = mantissa * 2 ** Number(hex[4]);
    return hex[1] === "-" ? -v : v;
  }
  return undefined;
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, μs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** Go's time.ParseDuration, in seconds; undefined when Go errors (e.g. "1d", "5"). */
export function goParseDurationSeconds(text: string): number | undefined {
  let s = text;
  let sign = 1;
  if (s.startsWith("-") || s.startsWith("+")) {
    sign = s.startsWith("-") ? -1 : 1;
    s = s.slice(1);
  }
  if (s === "0") return 0;
  if (s === "") return undefined;
  let total = 0;
  while (s.length > 0) {
    const m = /^(\d*\.?\d*)(ns|us|µs|μs|ms|s|m|h)/.exec(s);
    if (!m || m[1] === "" || m[1] === ".") return undefined;
    total += Number(m[1]) * DURATION_UNITS[m[2]];
    s = s.slice(m[0].length);
  }
  // Go durations are integer nanoseconds.
  return (sign * Math.round(total * 1e9)) / 1e9;
}

const BYTE_UNITS: Record<string, number> = {
  "": 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  ki: 2 ** 10,
  kib: 2 ** 10,
  m: 1e6,
  mb: 1e6,
  mi: 2 ** 20,
  mib: 2 ** 20,
  g: 1e9,
  gb: 1e9,
  gi: 2 ** 30,
  gib: 2 ** 30,
  t: 1e12,
  tb: 1e12,
  ti: 2 ** 40,
  tib: 2 ** 40,
  p: 1e15,
  pb: 1e15,
  pi: 2 ** 50,
  pib: 2 ** 50,
  e: 1e18,
  eb: 1e18,
  ei: 2 ** 60,
  eib: 2 ** 60,
};

/** go-humanize ParseBytes: "1.5KB", "2,048", "1KiB" (case-insensitive units), truncated to an integer. */
export function humanizeParseBytes(text: string): number | undefined {
  const m = /^([\d.,]*)(.*)$/.exec(text);
  if (!m || m[1] === "") return undefined;
  const num = goParseFloat(m[1].replace(/,/g, ""));
  const unit = BYTE_UNITS[m[2].trim().toLowerCase()];
  if (num === undefined || unit === undefined) return undefined;
  return Math.trunc(num * unit);
}
