import * as pulumi from "@pulumi/pulumi";
import * as grafana from "@pulumiverse/grafana";
import { configWarnings, PROJECT, secretConfigKeys, type SecretSource } from "../../config/keys";
import { InvalidDefinitionError } from "../../config/errors";
import { parseConfig } from "../../config/schema";
import type { StackDefinition } from "../../build/stack";
import { checkedStack } from "../../checks";
import { type Lookups, ServiceObservability } from "./components";
import { probeIds, type StackOutputs, usesOnCallLink } from "./resources";

/** Name of the one ServiceObservability component; children keep their own names, so it is not in their URNs. */
export const COMPONENT_NAME = "jwt-pizza-service";

async function onCallUserIds(stack: StackDefinition): Promise<{ ids: Record<string, string>; problems: string[] }> {
  const steps = stack.onCallEscalation?.steps ?? [];
  const keyOf = new Map<string, string>();
  steps.forEach((step, position) => {
    if (step.type !== "notify_persons") return;
    for (const u of step.usernames) if (!keyOf.has(u)) keyOf.set(u, position === 0 ? "escalation.users" : "escalation.escalateTo");
  });
  const looked = await Promise.all(
    [...keyOf].map(async ([username, key]) => {
      try {
        return { username, id: (await grafana.oncall.getUser({ username })).id };
      } catch {
        return { username, problem: `pizza-observability:${key}: no Grafana OnCall user named ${username}` };
      }
    }),
  );
  return {
    ids: Object.fromEntries(looked.flatMap((l) => (l.id ? [[l.username, l.id]] : []))),
    problems: looked.flatMap((l) => (l.problem ? [l.problem] : [])),
  };
}

/**
 * Asks the provider's data sources everything the program needs (probe ids, OnCall users), so
 * that an unknown name fails, with every problem listed, before anything is declared.
 */
async function lookUp(stack: StackDefinition): Promise<Lookups> {
  const problems: string[] = [];
  let ids: number[] | undefined;
  if (stack.healthCheck) {
    const { probes } = await grafana.syntheticmonitoring.getProbes({ filterDeprecated: true });
    try {
      ids = probeIds(stack.healthCheck.probeNames, probes);
    } catch (e) {
      if (!(e instanceof InvalidDefinitionError)) throw e;
      problems.push(...e.problems);
    }
  }
  const users = await onCallUserIds(stack);
  problems.push(...users.problems);
  if (problems.length > 0) throw new InvalidDefinitionError("stack configuration", problems);
  return { probeIds: ids, onCallUserIds: users.ids };
}

/** What the components would otherwise discover half-way through declaring resources. */
function preflight(stack: StackDefinition): void {
  const needsLink = stack.contactPoints.filter((cp) => usesOnCallLink(cp.settings)).map((cp) => cp.name);
  if (needsLink.length > 0 && !stack.onCallEscalation) {
    throw new InvalidDefinitionError(
      "definitions",
      needsLink.map((name) => `contact point ${name}: posts to the Grafana OnCall integration, but none is declared`),
    );
  }
}

/** Declares the stack's resources once nothing can fail any more before the engine takes over. */
export async function deploy(stack: StackDefinition, secretKeys: readonly string[] = []): Promise<StackOutputs> {
  preflight(stack);
  const lookups = await lookUp(stack);
  return new ServiceObservability(COMPONENT_NAME, { stack, lookups, secretKeys }).outputs;
}

/**
 * The whole Pulumi program for one stack's config. Validation, every definition and every
 * data-source lookup run before the first resource is declared, so invalid input deploys nothing.
 */
export async function program(rawConfig: Record<string, unknown>, secrets?: SecretSource): Promise<StackOutputs> {
  // Pulumi ignores a `pulumi:` key it does not read without a word: say so in the update's diagnostics.
  for (const line of configWarnings(rawConfig)) void pulumi.log.warn(line);
  // A key set with `pulumi config set --secret --path` (syntheticMonitoring.url): what is built from it stays secret.
  const cfg = parseConfig(rawConfig, secrets);
  const secretKeys = secretConfigKeys(rawConfig, secrets);
  if (secretKeys.includes("routing") && cfg.routing.muteTimings.length > 0) {
    // Pulumi marks the whole key secret, whichever value inside it is: any mute timing's name may be the secret.
    throw new InvalidDefinitionError("stack configuration", [
      `${PROJECT}:routing: holds a Pulumi secret (set with --secret --path), but each mute timing's name becomes the name of a Pulumi resource, which the state keeps in plain text; store routing in plain text`,
    ]);
  }
  return deploy(checkedStack(cfg), secretKeys);
}
