import * as pulumi from "@pulumi/pulumi";

/** One Pulumi engine stand-in for every test of the program: resources are recorded, data sources answered. */

export interface Registered {
  type: string;
  name: string;
  inputs: Record<string, any>;
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

export const mocked: { registered: Registered[]; calls: Invocation[] } = { registered: [], calls: [] };

function outputsOf(args: pulumi.runtime.MockResourceArgs): Record<string, unknown> {
  const state: Record<string, unknown> = { ...args.inputs };
  if (args.type === "grafana:oss/dashboard:Dashboard") {
    state.url = `https://jwtpizza.grafana.net/d/${JSON.parse(args.inputs.configJson).uid}`;
  }
  if (args.type === "grafana:onCall/integration:Integration") state.link = ONCALL_LINK;
  return state;
}

function answer(call: Invocation): Record<string, unknown> {
  if (call.token === GET_PROBES) return { id: "probes", probes: PROBES };
  if (call.token === GET_ONCALL_USER) return { id: `user-${call.inputs.username}`, username: call.inputs.username };
  return {};
}

export async function installMocks(): Promise<void> {
  mocked.registered = [];
  mocked.calls = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        mocked.registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        return { id: `${args.name}-id`, state: outputsOf(args) };
      },
      call: (args) => {
        const call = { token: args.token, inputs: args.inputs };
        mocked.calls.push(call);
        return answer(call);
      },
    },
    "pizza-observability",
    "test",
    false,
  );
}

/** Resources register asynchronously: wait until no new registration arrives. */
export async function settled(): Promise<void> {
  let seen = -1;
  while (seen !== mocked.registered.length) {
    seen = mocked.registered.length;
    await new Promise((r) => setTimeout(r, 50));
  }
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
