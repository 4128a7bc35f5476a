import * as pulumi from "@pulumi/pulumi";

/** One Pulumi engine stand-in for every test of the program: resources are recorded, data sources answered. */

export interface Registered {
  type: string;
  name: string;
  inputs: Record<string, any>;
  /** false for component resources. */
  custom: boolean;
}

/** The resource options a registration carried, as the engine receives them. */
export interface RegisteredOptions {
  urn: string;
  type: string;
  name: string;
  custom: boolean;
  parentUrn: string;
  protect: boolean;
  deleteBeforeReplace: boolean;
  retainOnDelete: boolean;
  additionalSecretOutputs: string[];
  /** URNs of the resources it waits for (dependsOn and the resources its inputs come from). */
  dependencies: string[];
  /** URNs the engine would look the resource up under besides its own (its aliases). */
  aliasUrns: string[];
  /** Outputs as the engine stores them in state, additionalSecretOutputs marked secret. */
  outputs: Record<string, any>;
}

export interface Invocation {
  token: string;
  inputs: Record<string, any>;
}

/** Pulumi's marker of a secret value on the wire. */
export const SECRET_SIG = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG_VALUE = "1b47061264138c4ac30d75fd1eb44270";

export const GET_PROBES = "grafana:syntheticMonitoring/getProbes:getProbes";
export const GET_ONCALL_USER = "grafana:onCall/getUser:getUser";
/** What the provider's getProbes answers: public probe name -> id. */
export const PROBES = { Atlanta: 1, Frankfurt: 4, Singapore: 7, Tokyo: 9 };
export const ONCALL_LINK = "https://oncall.example.net/integrations/v1/grafana_alerting/S3CRET-oncall-link/";

/** OnCall usernames the mocked getUser knows; others fail as the provider does. */
export const ONCALL_USERS = ["alice", "bob"];

export const mocked: { registered: Registered[]; calls: Invocation[]; options: RegisteredOptions[]; outputsRegistered: string[] } = {
  registered: [],
  calls: [],
  options: [],
  outputsRegistered: [],
};

export const PROJECT = "pizza-observability";
export const STACK = "test";

/** A URN as the engine builds it: the type is qualified by every ancestor's type (the stack root excluded). */
export function urnOf(type: string, name: string, parentUrn?: string): string {
  const qualified = parentUrn ? `${parentUrn.split("::")[2]}$${type}` : type;
  return `urn:pulumi:${STACK}::${PROJECT}::${qualified}::${name}`;
}

function outputsOf(args: pulumi.runtime.MockResourceArgs): Record<string, unknown> {
  const state: Record<string, unknown> = { ...args.inputs };
  if (args.type === "grafana:oss/dashboard:Dashboard") {
    // A configJson built from a secret config key arrives as a secret: the provider reads its value.
    const configJson = args.inputs.configJson?.[SECRET_SIG] ? args.inputs.configJson.value : args.inputs.configJson;
    state.url = `https://jwtpizza.grafana.net/d/${JSON.parse(configJson).uid}`;
  }
  if (args.type === "grafana:onCall/integration:Integration") state.link = ONCALL_LINK;
  return state;
}

function answer(call: Invocation): Record<string, unknown> {
  if (call.token === GET_PROBES) return { id: "probes", probes: PROBES };
  if (call.token === GET_ONCALL_USER) {
    if (!ONCALL_USERS.includes(call.inputs.username)) throw new Error(`couldn't find user: ${call.inputs.username}`);
    return { id: `user-${call.inputs.username}`, username: call.inputs.username };
  }
  return {};
}

export async function installMocks(): Promise<void> {
  mocked.registered = [];
  mocked.calls = [];
  mocked.options = [];
  mocked.outputsRegistered = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        mocked.registered.push({ type: args.type, name: args.name, inputs: args.inputs, custom: args.custom ?? true });
        return { id: `${args.name}-id`, state: outputsOf(args) };
      },
      call: (args) => {
        const call = { token: args.token, inputs: args.inputs };
        mocked.calls.push(call);
        return answer(call);
      },
    },
    PROJECT,
    STACK,
    false,
  );
  recordOptions();
}

/** Alias specs resolved to URNs the way the engine does (defaults: the resource's own name, type, parent). */
function aliasUrns(req: any): string[] {
  return req.getAliasesList().map((alias: any) => {
    if (alias.getUrn()) return alias.getUrn();
    const spec = alias.getSpec();
    const type = spec.getType() || req.getType();
    const name = spec.getName() || req.getName();
    const parent = spec.getNoparent() ? undefined : spec.getParenturn() || req.getParent() || undefined;
    return urnOf(type, name, parent);
  });
}

/**
 * The mock monitor hands newResource only type, name and inputs: wrap its registerResource to keep
 * the options too, and to mark additionalSecretOutputs secret in the stored outputs as the engine does.
 */
function recordOptions(): void {
  const monitor = pulumi.runtime.getMonitor() as any;
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req: any, callback: (err: unknown, resp: any) => void) =>
    register(req, (err: unknown, resp: any) => {
      if (resp) {
        const secretOutputs: string[] = req.getAdditionalsecretoutputsList();
        const outputs = resp.getObject()?.toJavaScript() ?? {};
        for (const key of secretOutputs) {
          if (key in outputs) outputs[key] = { [SECRET_SIG]: SECRET_SIG_VALUE, value: outputs[key] };
        }
        resp.setObject(resp.getObject().constructor.fromJavaScript(outputs));
        mocked.options.push({
          urn: resp.getUrn(),
          type: req.getType(),
          name: req.getName(),
          custom: req.getCustom(),
          parentUrn: req.getParent(),
          protect: req.getProtect() ?? false,
          deleteBeforeReplace: req.getDeletebeforereplace(),
          retainOnDelete: req.getRetainondelete() ?? false,
          additionalSecretOutputs: secretOutputs,
          dependencies: req.getDependenciesList(),
          aliasUrns: aliasUrns(req),
          outputs,
        });
      }
      callback(err, resp);
    });
  const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
  monitor.registerResourceOutputs = (req: any, callback: (err: unknown, resp: any) => void) => {
    mocked.outputsRegistered.push(req.getUrn());
    return registerOutputs(req, callback);
  };
}

/** Resources register asynchronously: wait until no new registration arrives. */
export async function settled(): Promise<void> {
  let seen = -1;
  while (seen !== mocked.registered.length) {
    seen = mocked.registered.length;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The Grafana resources (components left out). */
export function resources(): Registered[] {
  return mocked.registered.filter((r) => r.custom);
}

export function ofType(type: string): Registered[] {
  return mocked.registered.filter((r) => r.type === type);
}

export function tokensCalled(): string[] {
  return mocked.calls.map((c) => c.token);
}

export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

/** Paths of every plaintext string holding `needle`; the content of a Pulumi secret is not plaintext. */
export function plaintextHolding(value: unknown, needle: string, path = ""): string[] {
  if (typeof value === "string") return value.includes(needle) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => plaintextHolding(v, needle, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    if (SECRET_SIG in value) return [];
    return Object.entries(value).flatMap(([k, v]) => plaintextHolding(v, needle, `${path}.${k}`));
  }
  return [];
}
