import { inspect } from "node:util";

export const REDACTED = "[REDACTED]";

/**
 * Names of settings that hold credentials (a contact point's `url`, `integrationKey`, `token`, ...):
 * their value must come from a Pulumi secret (src/checks/credentials.ts), and no diff prints it.
 */
export const CREDENTIAL_KEY = /url|key|token|password|secret/i;

/** Stands in for a stack file's `secure:` value: render works without the stack's encryption key. */
export const ENCRYPTED_PLACEHOLDER = "<encrypted in stack file>";

/**
 * Render's stand-in for a URL stored as a Pulumi secret inside an object key (`pulumi config set
 * --secret --path syntheticMonitoring.url ...`): a valid URL no one can reach (`.invalid`), so the
 * rendered files show where the secret goes without it.
 */
export const ENCRYPTED_URL_STANDIN = "https://encrypted-in-stack-file.invalid/";
/** The same for a contact address stored as a Pulumi secret inside `contacts`: an address no mail reaches. */
export const ENCRYPTED_EMAIL_STANDIN = "encrypted-in-stack-file@example.invalid";

/**
 * A credential read from stack config. It prints, serialises and inspects as
 * "[REDACTED]", so rendered files, logs and test output can never carry it;
 * only the Pulumi layer calls reveal(), and wraps the value in pulumi.secret().
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}

// A percent sign, percent-encoded any number of times (`%`, `%25`, `%2525`): double-encoded URLs in messages.
const PCT = "%(?:25)*";
/** `scheme:` (also with the colon percent-encoded), then any slashes or backslashes (WHATWG reads `\` as `/`). */
const SCHEME_AND_SLASHES = `[A-Za-z][A-Za-z0-9+.-]{0,31}(?::|${PCT}3[Aa])(?:[\\\\/]|${PCT}2[Ff]|${PCT}5[Cc])*`;
/** Userinfo characters: anything up to a delimiter; JSON-escaped or raw tabs and newlines (WHATWG drops them). */
const USERINFO = `(?:[^\\s/\\\\?#"'<>]|\\\\[tnr]|[\\t\\n\\r])*`;
const USERINFO_URL = new RegExp(`(${SCHEME_AND_SLASHES}|(?:^|(?<=[\\s"'(=\\[,]))//)(${USERINFO})(@|${PCT}40)`, "g");

/**
 * The one redaction of text shown to people (messages, errors, reports, server answers): URL
 * credentials in any spelling (`https://u:p@h`, `https:u:p@h`, `https:\\u:p@h`, percent-encoded
 * or double-encoded, with tabs or newlines inside) become `[REDACTED]@`, and each known secret value
 * (plain, percent-encoded, base64 as in a Basic header) becomes [REDACTED].
 */
/** Runs of text this long with an `@` in them are redacted whole: it keeps the scan linear, and no URL is that long. */
const LONG_RUN = /[^\s"'<>]{1025,}/g;

export function redact(text: string, secrets: ReadonlyArray<Secret | string> = []): string {
  let out = text
    .replace(LONG_RUN, (run) => (/@|%(?:25)*40/.test(run) ? REDACTED : run))
    .replace(USERINFO_URL, (_, prefix: string) => `${prefix}${REDACTED}@`);
  for (const s of secrets) {
    const value = typeof s === "string" ? s : s.reveal();
    if (value.length < 4) continue;
    for (const form of new Set([
      value,
      encodeURIComponent(value),
      Buffer.from(value).toString("base64"),
      JSON.stringify(value).slice(1, -1),
    ])) {
      out = out.split(form).join(REDACTED);
    }
  }
  return out;
}
