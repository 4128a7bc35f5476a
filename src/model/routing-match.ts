import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";

/**
 * Which receivers an alert with these labels reaches through a notification policy tree, with
 * Alertmanager's semantics (Grafana's notification policies are an Alertmanager route tree):
 * - the root matches every alert;
 * - a node's children are tried in order, depth-first; the first matching child takes the alert
 *   unless it has `continue: true`, in which case its later siblings are tried too;
 * - a node that matches and none of whose children match delivers the alert itself;
 * - a node without a receiver inherits its parent's.
 * One entry per matched route, in order (Alertmanager notifies once per matched route).
 */
export function receiversFor(policy: alerting.NotificationPolicy, labels: Record<string, string>): string[] {
  return walkRoutes<string>(policy, labels, (node, parent) => node.receiver || (parent ?? ""));
}

/**
 * The one walk of a policy tree (semantics above): one entry per matched route, each built by
 * `inherit` from the route node and what its parent route was built to (undefined for the root).
 * `path` names the route (child indexes from the root) for Alertmanager's aggregation groups.
 */
export function walkRoutes<T>(
  policy: alerting.NotificationPolicy,
  labels: Record<string, string>,
  inherit: (node: alerting.NotificationPolicy, parent: T | undefined, path: string) => T,
): T[] {
  const walk = (node: alerting.NotificationPolicy, self: T, path: string): T[] => {
    const matched: T[] = [];
    for (const [i, child] of (node.routes ?? []).entries()) {
      if (!routeMatches(child, labels)) continue;
      matched.push(...walk(child, inherit(child, self, `${path}/${i}`), `${path}/${i}`));
      if (!child.continue) break;
    }
    return matched.length > 0 ? matched : [self];
  };
  return walk(policy, inherit(policy, undefined, "root"), "root");
}

type Op = "=" | "!=" | "=~" | "!~";
interface LabelMatcher {
  name: string;
  op: Op;
  value: string;
}

const OPS: readonly string[] = ["=", "!=", "=~", "!~"];

/** All matchers of a route: `object_matchers`, and the legacy `matchers`, `match` and `match_re`. */
export function routeMatchers(route: alerting.NotificationPolicy): LabelMatcher[] {
  return [
    ...(route.object_matchers ?? []).map(([name, op, value]) => checked(name, op, value)),
    ...((route.matchers ?? []) as unknown[]).flatMap(legacyMatchers),
    ...Object.entries(route.match ?? {}).map(([name, value]) => checked(name, "=", value)),
    ...Object.entries(route.match_re ?? {}).map(([name, value]) => checked(name, "=~", value)),
  ];
}

function checked(name: string, op: string, value: string): LabelMatcher {
  if (!OPS.includes(op)) throw new Error(`notification policy: unknown matcher operator ${JSON.stringify(op)} on label ${name}`);
  return { name, op: op as Op, value: value ?? "" };
}

/**
 * `matchers` is a list of strings in Alertmanager YAML, of objects in Grafana's API model. A string
 * is Alertmanager's matcher syntax (pkg/labels/parse.go ParseMatchers): `name op value`, the value
 * quoted (Go escapes) or bare, or a brace-enclosed, comma-separated list of them (`{owner="team-A"}`,
 * `{env="testing", baz!~".*quux"}`), as dispatch/route_test.go TestRouteMatchers writes them.
 */
function legacyMatchers(m: unknown): LabelMatcher[] {
  if (typeof m === "string") {
    let text = m.trim();
    if (text.startsWith("{") !== text.endsWith("}"))
      throw new Error(`notification policy: cannot read matcher ${JSON.stringify(m)}: unbalanced braces`);
    if (text.startsWith("{")) text = text.slice(1, -1);
    return splitMatchers(text, m).map((one) => {
      const parsed = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*(.*?)\s*$/.exec(one);
      if (!parsed) throw new Error(`notification policy: cannot read matcher ${JSON.stringify(m)}`);
      const raw = parsed[3];
      const value = raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? (JSON.parse(raw) as string) : raw;
      return checked(parsed[1], parsed[2], value);
    });
  }
  const { Name, Type, Value } = m as alerting.Matcher;
  return [checked(Name ?? "", Type ?? "=", Value ?? "")];
}

/** Splits `a="x", b=~"y,z"` at the commas outside quoted values; a trailing comma is allowed. */
function splitMatchers(text: string, original: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === "\\") {
      current += c + (text[i + 1] ?? "");
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === "," && !quoted) {
      parts.push(current);
      current = "";
      continue;
    }
    current += c;
  }
  if (quoted) throw new Error(`notification policy: cannot read matcher ${JSON.stringify(original)}: unterminated quote`);
  parts.push(current);
  return parts.filter((p) => p.trim() !== "");
}

/** Alertmanager anchors every matcher regex: it must match the whole label value. */
function anchored(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

/** A label the alert does not have matches as the empty string, as in Alertmanager. */
function matcherMatches(m: LabelMatcher, labels: Record<string, string>): boolean {
  const value = labels[m.name] ?? "";
  switch (m.op) {
    case "=":
      return value === m.value;
    case "!=":
      return value !== m.value;
    case "=~":
      return anchored(m.value).test(value);
    case "!~":
      return !anchored(m.value).test(value);
  }
}

export function routeMatches(route: alerting.NotificationPolicy, labels: Record<string, string>): boolean {
  return routeMatchers(route).every((m) => matcherMatches(m, labels));
}
