/** Loki's logfmt decoder: key=value pairs, quoted values with Go escapes, bare keys. */
export interface LogfmtResult {
  pairs: Array<[string, string]>;
  /** Set when a pair was malformed (skipped unless --strict). */
  error?: string;
}

/** With `strict`, decoding stops at the first malformed pair (Loki breaks out of the loop). */
export function decodeLogfmt(line: string, strict = false): LogfmtResult {
  const pairs: Array<[string, string]> = [];
  let error: string | undefined;
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && line[i] <= " ") i++;
    if (i >= n) break;
    let k = i;
    while (k < n && line[k] > " " && line[k] !== "=" && line[k] !== '"') k++;
    const key = line.slice(i, k);
    if (key === "") {
      error ??= `unexpected ${line[k]} at ${k}`;
      if (strict) break;
      // skip the garbage up to the next space
      while (k < n && line[k] > " ") k++;
      i = k;
      continue;
    }
    if (line[k] !== "=") {
      if (line[k] === '"') {
        error ??= `unexpected quote at ${k}`;
        if (strict) break;
        while (k < n && line[k] > " ") k++;
        i = k;
        continue;
      }
      pairs.push([key, ""]);
      i = k;
      continue;
    }
    k++;
    if (line[k] === '"') {
      let j = k + 1;
      let closed = false;
      while (j < n) {
        if (line[j] === "\\") j += 2;
        else if (line[j] === '"') {
          closed = true;
          break;
        } else j++;
      }
      if (!closed) {
        error ??= "unterminated quoted value";
        break;
      }
      const v = unquote(line.slice(k + 1, j));
      if (v === undefined) {
        error ??= "bad escape in quoted value";
        if (strict) break;
        i = j + 1;
        continue;
      }
      pairs.push([key, v]);
      i = j + 1;
    } else {
      let j = k;
      while (j < n && line[j] > " ") j++;
      const v = line.slice(k, j);
      if (v.includes('"') || v.includes("=")) {
        error ??= `unexpected character in value ${v}`;
        if (strict) break;
        i = j;
        continue;
      }
      pairs.push([key, v]);
      i = j;
    }
  }
  return { pairs, error };
}

const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** A quoted logfmt value's body: JSON-style escapes; literal control characters are kept. */
function unquote(body: string): string | undefined {
  let out = "";
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== "\\") {
      out += body[i];
      continue;
    }
    const c = body[++i];
    if (c === "u" && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (c !== undefined && c in ESCAPES) out += ESCAPES[c];
    else return undefined;
  }
  return out;
}
