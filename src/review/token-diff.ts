/**
 * What changed inside a query: both texts cut into PromQL/LogQL tokens (names, numbers and
 * durations, quoted strings, operators, brackets, white space), matched by their longest common
 * subsequence; the tokens outside it are the change. A threshold raised inside a 1,000-character
 * expression is then one marked token on each side instead of two whole lines to compare by eye.
 */

/** [start, end) character offsets of a changed stretch. */
export type Span = [number, number];

/** One place where the texts differ: what stood there before and what stands there after (either may be empty). */
export interface Hunk {
  before: string;
  after: string;
  /** Unchanged text just before and after the change, to recognise the place by. */
  lead: string;
  tail: string;
}

export interface TokenDiff {
  before: Span[];
  after: Span[];
  hunks: Hunk[];
}

const TOKEN =
  /"(?:[^"\\]|\\.)*"?|`[^`]*`?|'(?:[^'\\]|\\.)*'?|\d+(?:\.\d+)?(?:[a-zA-Z]+\d*)*|[A-Za-z_:][A-Za-z0-9_:.]*|\s+|=~|!~|!=|==|>=|<=|\|=|\|~|\|>|!>|[^\s]/g;

export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Above this many token pairs the texts are treated as wholly changed (the table is quadratic). */
const MAX_CELLS = 4_000_000;

/** Longest common subsequence of two token lists: for each token, whether it is kept. */
function common(a: string[], b: string[]): { keptA: boolean[]; keptB: boolean[] } {
  const keptA = new Array<boolean>(a.length).fill(false);
  const keptB = new Array<boolean>(b.length).fill(false);
  // Common head and tail first: a change is usually one place in a long query.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) keptA[head] = keptB[head++] = true;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) {
    keptA[a.length - 1 - tail] = keptB[b.length - 1 - tail] = true;
    tail++;
  }
  const [x, y] = [a.slice(head, a.length - tail), b.slice(head, b.length - tail)];
  if (x.length * y.length > MAX_CELLS || x.length === 0 || y.length === 0) return { keptA, keptB };
  const w = y.length + 1;
  const table = new Uint32Array((x.length + 1) * w);
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      table[i * w + j] = x[i] === y[j] ? table[(i + 1) * w + j + 1] + 1 : Math.max(table[(i + 1) * w + j], table[i * w + j + 1]);
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i] === y[j]) {
      keptA[head + i++] = keptB[head + j++] = true;
    } else if (table[(i + 1) * w + j] >= table[i * w + j + 1]) i++;
    else j++;
  }
  return { keptA, keptB };
}

const CONTEXT = 24;

export function tokenDiff(before: string, after: string): TokenDiff {
  const [a, b] = [tokens(before), tokens(after)];
  const { keptA, keptB } = common(a, b);
  // Walk both lists together: each run of changed tokens on either side, between kept ones, is one hunk.
  const hunks: Hunk[] = [];
  const spansA: Span[] = [];
  const spansB: Span[] = [];
  let [i, j, posA, posB] = [0, 0, 0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && keptA[i] && keptB[j]) {
      posA += a[i++].length;
      posB += b[j++].length;
      continue;
    }
    const [startA, startB] = [posA, posB];
    while (i < a.length && !keptA[i]) posA += a[i++].length;
    while (j < b.length && !keptB[j]) posB += b[j++].length;
    // Kept tokens pair up in order, so a hunk always consumes something; this guards the loop regardless.
    if (posA === startA && posB === startB) break;
    if (posA > startA) spansA.push([startA, posA]);
    if (posB > startB) spansB.push([startB, posB]);
    hunks.push({
      before: before.slice(startA, posA),
      after: after.slice(startB, posB),
      lead: before.slice(Math.max(0, startA - CONTEXT), startA),
      tail: before.slice(posA, posA + CONTEXT),
    });
  }
  return { before: merge(spansA, before), after: merge(spansB, after), hunks };
}

/** Spans separated by white space only are one mark. */
function merge(list: Span[], text: string): Span[] {
  const out: Span[] = [];
  for (const s of list) {
    const last = out[out.length - 1];
    if (last && /^\s*$/.test(text.slice(last[1], s[0]))) last[1] = s[1];
    else out.push([...s]);
  }
  return out;
}
