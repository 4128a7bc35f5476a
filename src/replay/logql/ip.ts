/**
 * Loki's ip() filter (pkg/logql/log/ip.go): the pattern is an address, a CIDR prefix or an
 * `a-b` range (Go's net/netip and netipx parsing); a line or label matches when an address found
 * in it by Loki's scan (an IPv4 or IPv6 hint, then the longest run of address characters) lies
 * inside the pattern.
 */
interface Addr {
  v6: boolean;
  n: bigint;
}
export type IpMatcher = (a: Addr) => boolean;

export class IpPatternError extends Error {}

function parseV4(s: string): bigint | undefined {
  const parts = s.split(".");
  if (parts.length !== 4) return undefined;
  let n = 0n;
  for (const p of parts) {
    // netip rejects empty fields, leading zeros and values above 255.
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255) return undefined;
    n = (n << 8n) | BigInt(p);
  }
  return n;
}

function parseV6(s: string): bigint | undefined {
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const groups = (h: string): bigint[] | undefined => {
    if (h === "") return [];
    const out: bigint[] = [];
    const fields = h.split(":");
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      if (i === fields.length - 1 && f.includes(".")) {
        const v4 = parseV4(f);
        if (v4 === undefined) return undefined;
        out.push(v4 >> 16n, v4 & 0xffffn);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(f)) out.push(BigInt(`0x${f}`));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return undefined;
  // A `.` can only end the address.
  if (halves.length === 2 && halves[0].includes(".")) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...new Array<bigint>(halves.length === 2 ? missing : 0).fill(0n), ...tail];
  return all.reduce((acc, g) => (acc << 16n) | g, 0n);
}

/** Go's netip.ParseAddr for the forms a scan can produce (no zones). */
export function parseAddr(s: string): Addr | undefined {
  if (s.includes(":")) {
    const n = parseV6(s);
    return n === undefined ? undefined : { v6: true, n };
  }
  const n = parseV4(s);
  return n === undefined ? undefined : { v6: false, n };
}

export function ipMatcher(pattern: string): IpMatcher {
  const single = parseAddr(pattern);
  if (single) return (a) => a.v6 === single.v6 && a.n === single.n;
  const prefix = /^([^/]+)\/([0-9]{1,3})$/.exec(pattern);
  if (prefix) {
    const base = parseAddr(prefix[1]);
    const bits = Number(prefix[2]);
    if (base && bits <= (base.v6 ? 128 : 32) && !/^0[0-9]/.test(prefix[2])) {
      const width = base.v6 ? 128n : 32n;
      const shift = width - BigInt(bits);
      return (a) => a.v6 === base.v6 && a.n >> shift === base.n >> shift;
    }
  }
  const range = /^([^-]+)-([^-]+)$/.exec(pattern);
  if (range) {
    const from = parseAddr(range[1]);
    const to = parseAddr(range[2]);
    if (from && to && from.v6 === to.v6 && from.n <= to.n) return (a) => a.v6 === from.v6 && a.n >= from.n && a.n <= to.n;
  }
  throw new IpPatternError(`ip: invalid pattern: "${pattern}"`);
}

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);
const V4 = /^[0-9.]*/;
const V6 = /^[0-9a-fA-F:.]*/;

/** Whether `text` holds an address the matcher accepts, scanning as Loki's ipFilter.filter does. */
export function containsMatchingIp(text: string, matches: IpMatcher): boolean {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = (k: number) => (i + k < n ? text[i + k] : undefined);
    let charset: RegExp | undefined;
    if (i + 3 < n && isDigit(c(0)) && (c(1) === "." || c(2) === "." || c(3) === ".")) charset = V4;
    else if (
      (c(0) === ":" && c(1) === ":" && isHex(c(2))) ||
      (isHex(c(0)) && c(1) === ":") ||
      (isHex(c(0)) && isHex(c(1)) && c(2) === ":") ||
      (isHex(c(0)) && isHex(c(1)) && isHex(c(2)) && c(3) === ":") ||
      (isHex(c(0)) && isHex(c(1)) && isHex(c(2)) && isHex(c(3)) && c(4) === ":")
    ) {
      charset = V6;
    }
    if (!charset) continue;
    const run = charset.exec(text.slice(i))![0];
    const addr = parseAddr(run);
    if (addr && matches(addr)) return true;
    i += run.length;
  }
  return false;
}
