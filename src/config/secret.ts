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
