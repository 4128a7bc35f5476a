import { ENCRYPTED_PLACEHOLDER } from "./secret";
import { invisibleCharacter } from "./values";

/**
 * The stack config's key space: which `namespace:key` names a stack file may hold, and which of
 * them are credentials that must be Pulumi secrets. A typo in a namespace or key would otherwise
 * be ignored silently and its default used.
 */

/** Pulumi project name: the namespace of every stack config key of this project. */
export const PROJECT = "pizza-observability";
/** The provider's own key for the Grafana URL; read here so it is validated once. */
export const GRAFANA_URL_KEY = "grafana:url";

/** The `grafana:` provider's config keys (`@pulumiverse/grafana/config/vars.d.ts`). */
export const PROVIDER_KEYS = [
  "auth",
  "caCert",
  "cloudAccessPolicyToken",
  "cloudApiUrl",
  "cloudProviderAccessToken",
  "cloudProviderUrl",
  "connectionsApiAccessToken",
  "connectionsApiUrl",
  "fleetManagementAuth",
  "fleetManagementUrl",
  "frontendO11yApiAccessToken",
  "frontendO11yApiUrl",
  "httpHeaders",
  "insecureSkipVerify",
  "k6AccessToken",
  "k6Url",
  "oncallAccessToken",
  "oncallUrl",
  "orgId",
  "retries",
  "retryStatusCodes",
  "retryWait",
  "smAccessToken",
  "smUrl",
  "stackId",
  "storeDashboardSha256",
  "tlsCert",
  "tlsKey",
  "url",
] as const;

/** Provider keys holding credentials. */
export const PROVIDER_SECRET_KEYS = [
  "auth",
  "cloudAccessPolicyToken",
  "cloudProviderAccessToken",
  "connectionsApiAccessToken",
  "fleetManagementAuth",
  "frontendO11yApiAccessToken",
  "httpHeaders",
  "k6AccessToken",
  "oncallAccessToken",
  "smAccessToken",
  "tlsKey",
] as const;

/** Credentials of this project: each is its own secret config key (`pulumi config set --secret KEY`). */
export const SECRET_KEYS = ["onCallWebhookUrl", "pagerDutyIntegrationKey", "slackWebhookUrl", "heartbeatUrl"] as const;
export type SecretKey = (typeof SECRET_KEYS)[number];

/** Pulumi's own namespace (`pulumi:tags`, ...), which the engine reads. */
const PULUMI_NAMESPACE = "pulumi";

/**
 * The `pulumi:` keys Pulumi v3.248.0 reads: `tags` (sdk/go/common/workspace/project.go
 * PulumiTagsConfigKey), `disable-default-providers` (pkg/resource/deploy/default_providers.go),
 * `autonaming` (pkg/cmd/pulumi/autonaming/config.go), `template` (written by `pulumi new`,
 * pkg/cmd/pulumi/project/newcmd/config.go).
 */
const PULUMI_KEYS = ["autonaming", "disable-default-providers", "tags", "template"] as const;

/**
 * A part of a key as messages show it: as written, or JSON-quoted and cut at 80 characters when it
 * holds an invisible character, a lone surrogate or more than 80 characters (a message stays one
 * readable line).
 */
export function shownKeyPart(part: string): string {
  if (part.length <= 80 && !invisibleCharacter(part)) return part;
  return `${JSON.stringify(part.slice(0, 80))}${part.length > 80 ? `... (${part.length} characters)` : ""}`;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/**
 * One line per `pulumi:` key Pulumi does not read: a misspelt `pulumi:tags` is ignored by Pulumi
 * without a word. A warning, not a refusal: a newer Pulumi may read more keys.
 */
export function configWarnings(raw: Record<string, unknown>): string[] {
  return Object.keys(raw)
    .sort()
    .filter(
      (key) =>
        key.startsWith(`${PULUMI_NAMESPACE}:`) && !(PULUMI_KEYS as readonly string[]).includes(key.slice(PULUMI_NAMESPACE.length + 1)),
    )
    .map((key) => {
      const name = key.slice(PULUMI_NAMESPACE.length + 1);
      const near = PULUMI_KEYS.find((k) => editDistance(k, name.toLowerCase()) <= 2);
      return `${PULUMI_NAMESPACE}:${shownKeyPart(name)}: not a key Pulumi reads (${PULUMI_KEYS.map((k) => `pulumi:${k}`).join(", ")})${near ? `; did you mean pulumi:${near}?` : ""}; Pulumi ignores it`;
    });
}

/** Every full key that must hold a Pulumi secret. */
export const CREDENTIAL_KEYS: readonly string[] = [
  ...SECRET_KEYS.map((k) => `${PROJECT}:${k}`),
  ...PROVIDER_SECRET_KEYS.map((k) => `grafana:${k}`),
];

/** One line per key outside this project's, the provider's and Pulumi's key space. */
export function unknownKeyProblems(raw: Record<string, unknown>, projectKeys: readonly string[]): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(raw).sort()) {
    const colon = key.indexOf(":");
    const [ns, name] = colon < 0 ? ["", key] : [key.slice(0, colon), key.slice(colon + 1)];
    const shown = `${shownKeyPart(ns)}${colon < 0 ? "" : ":"}${shownKeyPart(name)}`;
    if (ns === PROJECT) {
      if (!projectKeys.includes(name)) problems.push(`${shown}: unknown key (check its spelling against docs/configuration.md)`);
    } else if (ns === "grafana") {
      if (!(PROVIDER_KEYS as readonly string[]).includes(name))
        problems.push(`${shown}: not a key of the grafana provider (keys: ${PROVIDER_KEYS.join(", ")})`);
    } else if (ns !== PULUMI_NAMESPACE) {
      problems.push(`${shown}: unknown namespace ${JSON.stringify(shownKeyPart(ns))} (expected ${PROJECT}:, grafana: or pulumi:)`);
    }
  }
  return problems;
}

/**
 * Where the config came from, for the credential checks: `pulumi up` asks the Pulumi runtime which
 * keys are secrets and sees decrypted values; render reads `secure:` in the stack file and sees
 * ENCRYPTED_PLACEHOLDER instead. Without it (tests, in-memory configs) nothing is checked.
 */
export interface SecretSource {
  isSecret: (key: string) => boolean;
  decrypted: boolean;
  /** Dotted paths of `secure:` values inside object keys (`pizza-observability:syntheticMonitoring.url`), when known. */
  nested?: readonly string[];
}

/**
 * Non-credential keys of this project that hold a Pulumi secret (set with `pulumi config set --secret
 * --path`): the program keeps whatever it builds from them secret.
 */
export function secretConfigKeys(raw: Record<string, unknown>, source: SecretSource | undefined): string[] {
  if (!source) return [];
  return Object.keys(raw)
    .filter(
      (k) => k.startsWith(`${PROJECT}:`) && !(SECRET_KEYS as readonly string[]).includes(k.slice(PROJECT.length + 1)) && source.isSecret(k),
    )
    .map((k) => k.slice(PROJECT.length + 1))
    .sort();
}

/** One line per credential key stored in plaintext, or holding render's ciphertext stand-in. */
export function plaintextCredentialProblems(raw: Record<string, unknown>, source: SecretSource): string[] {
  const problems: string[] = [];
  for (const key of CREDENTIAL_KEYS) {
    if (raw[key] === undefined) continue;
    if (!source.isSecret(key)) {
      problems.push(`${key}: is stored in plaintext; set it with \`pulumi config set --secret ${key} <value>\``);
    } else if (source.decrypted && raw[key] === ENCRYPTED_PLACEHOLDER) {
      problems.push(`${key}: holds the text ${JSON.stringify(ENCRYPTED_PLACEHOLDER)}, render's stand-in for ciphertext, not a credential`);
    }
  }
  return problems;
}
