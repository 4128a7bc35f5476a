import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { CREDENTIAL_KEY } from "../config/secret";
import { finding, type Finding } from "./findings";

/**
 * A contact point setting named like a credential (`url`, `integrationKey`, `token`, `password`, ...)
 * must come from a Pulumi secret: a Secret from a secret key of the stack config (rendered as
 * [REDACTED], deployed as a Pulumi secret), or a value resolved at deploy time (the OnCall
 * integration's link). Text written in a definition would go into rendered/ and the Pulumi inputs
 * in plain text, so it is refused, naming the contact point and the setting.
 */
export function literalCredentialProblems(contactPoints: alerting.ContactPoint[]): Finding[] {
  return contactPoints.flatMap((cp) =>
    Object.entries((cp.settings ?? {}) as Record<string, unknown>)
      .filter(([key, value]) => CREDENTIAL_KEY.test(key) && (typeof value === "string" || typeof value === "number"))
      .map(([key]) =>
        finding(
          "contact-point/literal-credential",
          cp.name ?? "",
          `contact point ${cp.name}`,
          `setting ${key} is written in the definition; a credential must come from a Pulumi secret ` +
            "(a secret key of the stack config, e.g. cfg.slackWebhookUrl, set with `pulumi config set --secret`)",
        ),
      ),
  );
}
