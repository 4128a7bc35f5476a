import type { SecretSource } from "../../config/keys";
import { parseConfig } from "../../config/schema";
import { declareResources, type StackOutputs } from "./resources";
import { checkedStack } from "../../checks";

/**
 * The whole Pulumi program for one stack's config. Validation and every definition run
 * before the first resource is declared, so invalid input deploys nothing.
 */
export function program(rawConfig: Record<string, unknown>, secrets?: SecretSource): StackOutputs {
  const stack = checkedStack(parseConfig(rawConfig, secrets));
  return declareResources(stack);
}
