import { RE2JS } from "re2js";

/**
 * Go's regexp (RE2) through re2js, a port with Go's semantics: POSIX classes, (?flags), \pL, no
 * backreferences. Label matchers are anchored as Prometheus does: `^(?s:re)$`.
 */
export interface Regex {
  /** Unanchored search, as a `|~` line filter. */
  find(text: string): boolean;
  /** Whole-value match, as a `=~` label matcher. */
  full(text: string): boolean;
  /** Named capture groups of the first match, for `| regexp`. */
  groups(text: string): Record<string, string> | undefined;
  names: string[];
  /** Go's Regexp.ExpandString of `template` against an anchored match of `text`; undefined when it does not match. */
  expandFull(text: string, template: string): string | undefined;
}

/** Go's template expansion: `$1`, `${1}`, `$name`, `${name}`, `$$`; an unknown group is "". */
function expand(template: string, group: (name: string) => string): string {
  return template.replace(/\$(\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g, (_m, all: string, braced?: string, bare?: string) =>
    all === "$" ? "$" : group((braced ?? bare)!),
  );
}

export function compileRegex(pattern: string): Regex {
  const unanchored = RE2JS.compile(pattern);
  const anchored = RE2JS.compile(`^(?s:${pattern})$`);
  const names = Object.keys(unanchored.namedGroups());
  return {
    find: (text) => unanchored.matcher(text).find(),
    full: (text) => anchored.matcher(text).matches(),
    groups: (text) => {
      const m = unanchored.matcher(text);
      if (!m.find()) return undefined;
      const out: Record<string, string> = {};
      for (const n of names) {
        const v = m.group(n);
        if (v !== null && v !== undefined) out[n] = v;
      }
      return out;
    },
    names,
    expandFull: (text, template) => {
      const m = anchored.matcher(text);
      if (!m.matches()) return undefined;
      return expand(template, (name) => {
        const v = /^[0-9]+$/.test(name)
          ? Number(name) <= m.groupCount()
            ? m.group(Number(name))
            : null
          : names.includes(name)
            ? m.group(name)
            : null;
        return v ?? "";
      });
    },
  };
}
