import * as pulumi from "@pulumi/pulumi";
import { InvalidDefinitionError } from "./config/errors";
import { program } from "./emit/pulumi/program";

/** Pulumi awaits this program and exports what it returns: folderUid and dashboardUrls. */
export = async () => {
  try {
    return await program(pulumi.runtime.allConfig());
  } catch (e) {
    // RunError ends `pulumi up` with the message alone, without a stack trace.
    if (e instanceof InvalidDefinitionError) throw new pulumi.RunError(`${e.message}\nNothing was deployed.`);
    throw e;
  }
};
