import * as pulumi from "@pulumi/pulumi";
import { InvalidDefinitionError } from "./config/errors";
import { program } from "./emit/pulumi/program";

function run() {
  try {
    return program(pulumi.runtime.allConfig());
  } catch (e) {
    // RunError ends `pulumi up` with the message alone, without a stack trace.
    if (e instanceof InvalidDefinitionError) throw new pulumi.RunError(`${e.message}\nNothing was deployed.`);
    throw e;
  }
}

const outputs = run();
export const folderUid = outputs.folderUid;
export const dashboardUrls = outputs.dashboardUrls;
