import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { renderStack } from "../../src/cli/render";
import { EXAMPLE_STACK_FILE } from "../../src/config/paths";
import { readStackFile } from "../../src/config/stack-file";

/** Credentials used by tests: they must never reach rendered files, errors or resource plaintext. */
export const WEBHOOK_SECRET = "https://oncall.example.net/integrations/v1/webhook/S3CRET-webhook-token/";
export const PAGERDUTY_SECRET = "S3CRET-pagerduty-integration-key";
export const SLACK_SECRET = "https://hooks.slack.example/services/T000/B000/S3CRET-slack-token";
export const HEARTBEAT_SECRET = "https://heartbeat.example.net/ping/S3CRET-heartbeat-token";

/** The example stack's config, with real credential values instead of ciphertext placeholders. */
export function exampleConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...readStackFile(EXAMPLE_STACK_FILE),
    "pizza-observability:onCallWebhookUrl": WEBHOOK_SECRET,
    "pizza-observability:slackWebhookUrl": SLACK_SECRET,
    "pizza-observability:heartbeatUrl": HEARTBEAT_SECRET,
    ...overrides,
  };
}

/** Asserts without letting the haystack (which may hold a secret) into the failure message. */
export function containsSecret(text: string): boolean {
  return [WEBHOOK_SECRET, PAGERDUTY_SECRET, SLACK_SECRET, HEARTBEAT_SECRET, "S3CRET"].some((s) => text.includes(s));
}

/** deployment.routingMode policy-tree: the stack owns the org's notification policy tree (today's behaviour before the mode existed). */
export const OWNED_TREE = { "pizza-observability:deployment": { routingMode: "policy-tree" } };

/** A change to a stack's config map: sets `value` at `path` inside the object of config key `key`. */
export function setConfig(key: string, path: string, value: unknown) {
  return (config: Record<string, unknown>) => {
    const parts = path.split(".");
    let node = (config[key] ??= {}) as Record<string, unknown>;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = value;
  };
}

/** The example stack file with `change` applied to its config map, written (as YAML 1.1, Pulumi's reading) to `dir/name`. */
export function writeChangedExample(dir: string, change: (config: Record<string, unknown>) => void, name: string): string {
  const doc = parse(readFileSync(EXAMPLE_STACK_FILE, "utf8")) as { config: Record<string, unknown> };
  change(doc.config);
  const file = join(dir, name);
  writeFileSync(file, stringify(doc, { version: "1.1" }));
  return file;
}

/** The problem lines of a failed render's message: indented, between the heading and "Nothing was rendered". */
export function problemLines(message: string): string[] {
  return message
    .split("\n")
    .filter((l) => l.startsWith("  "))
    .map((l) => l.trim());
}

/** Renders a stack file expected to fail: its message and problem lines. */
export function renderProblems(stackFile: string, out: string): { message: string; lines: string[] } {
  let message = "";
  try {
    renderStack(stackFile, out);
  } catch (e) {
    message = (e as Error).message;
  }
  return { message, lines: problemLines(message) };
}
