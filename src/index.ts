import * as pulumi from "@pulumi/pulumi";
import { InvalidDefinitionError } from "./config/errors";
import { program } from "./emit/pulumi/program";

/**
 * Whether a config key holds a Pulumi secret. The runtime's own check is marked internal; it reads
 * the secret key list the engine hands the program (PULUMI_CONFIG_SECRET_KEYS).
 */
const runtimeConfig = pulumi.runtime as unknown as { isConfigSecret(key: string): boolean };

/** Pulumi awaits this program and exports what it returns: folderUid and dashboardUrls. */
export = async () => {
  try {
    return await program(pulumi.runtime.allConfig(), { isSecret: (key) => runtimeConfig.isConfigSecret(key), decrypted: true });
  } catch (e) {
    // RunError ends `pulumi up` with the message alone, without a stack trace.
    if (e instanceof InvalidDefinitionError) throw new pulumi.RunError(`${e.message}\nNothing was deployed.`);
    throw e;
  }
};
