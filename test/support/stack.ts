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
