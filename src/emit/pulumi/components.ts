import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import * as pulumi from "@pulumi/pulumi";
import * as grafana from "@pulumiverse/grafana";
import type { OnCallEscalation } from "../../../contact-points/escalation";
import type { HealthCheckDefinition } from "../../build/health-check";
import type { StackDefinition } from "../../build/stack";
import { contactPointArgs, muteTimingArgs, notificationPolicyArgs, ruleArgs, type StackOutputs } from "./resources";

/**
 * The stack's Pulumi components: one ServiceObservability holding the folder and the alert rules,
 * routing, on-call, dashboards and health check components. Only resource options are decided
 * here (parents, aliases, protection, replacement order); arguments come from resources.ts.
 */

const TYPE = "pizza:observability";

/**
 * Every Grafana resource was declared at the stack root, under the same name, before the
 * components existed: this alias keeps its URN, so existing stacks update in place.
 */
const DECLARED_AT_ROOT: pulumi.Alias[] = [{ parent: pulumi.rootStackResource }];

/**
 * These objects are identified by a fixed uid or name; a change the provider can only apply by
 * replacement (rule group name/folder, contact point name, dashboard folder) must delete the old
 * object first, or the new one collides with it.
 */
const FIXED_IDENTITY: pulumi.CustomResourceOptions = { deleteBeforeReplace: true };

/**
 * API-provisioned alerting objects stay locked in the Grafana UI (provenance "api"): this
 * repository is their one source, and a UI edit would be silently reverted by the next deploy.
 */
const LOCKED_IN_UI = { disableProvenance: false } as const;

/** The data sources' answers the program needs, all resolved before the first resource is declared. */
export interface Lookups {
  /** Synthetic Monitoring probe ids of the health check's probe names. */
  probeIds?: number[];
  /** Grafana OnCall user id of each escalation username. */
  onCallUserIds: Record<string, string>;
}

function child(parent: pulumi.Resource, extra: pulumi.CustomResourceOptions = {}): pulumi.CustomResourceOptions {
  return { parent, aliases: DECLARED_AT_ROOT, ...extra };
}

/** The Grafana OnCall integration Grafana alerting pages through, and its escalation chain. */
/** What an OnCall component declares: the escalation chain, the OnCall user ids by email, and whether it is protected. */
export interface OnCallArgs {
  escalation: OnCallEscalation;
  userIds: Record<string, string>;
  protect: boolean;
}

export class OnCall extends pulumi.ComponentResource {
  /** The integration's URL, a Pulumi secret: whoever has it can page. */
  readonly link: pulumi.Output<string>;

  constructor(name: string, args: OnCallArgs, opts: pulumi.ComponentResourceOptions) {
    super(`${TYPE}:OnCall`, name, {}, opts);
    const def = args.escalation;
    const chain = new grafana.oncall.EscalationChain("oncall-escalation-chain", { name: def.chainName }, child(this));
    let previous: pulumi.Resource[] = [];
    def.steps.forEach((step, position) => {
      const common = { escalationChainId: chain.id, position };
      const stepArgs: grafana.oncall.EscalationArgs =
        step.type === "wait"
          ? { ...common, type: "wait", duration: step.durationSeconds }
          : { ...common, type: "notify_persons", personsToNotifies: step.usernames.map((u) => args.userIds[u]), important: step.important };
      // OnCall numbers steps by position: create them in order.
      previous = [new grafana.oncall.Escalation(`oncall-escalation-${position}`, stepArgs, child(this, { dependsOn: previous }))];
    });
    const integration = new grafana.oncall.Integration(
      "oncall-integration",
      { name: def.integrationName, type: "grafana_alerting", defaultRoute: { escalationChainId: chain.id } },
      // The provider does not mark `link` secret; the engine then stores it encrypted in state.
      // Protected: the integration holds the history of every alert group paged through it.
      child(this, { additionalSecretOutputs: ["link"], protect: args.protect }),
    );
    this.link = pulumi.secret(integration.link);
    this.registerOutputs({ link: this.link });
  }
}

/** `value` as a Pulumi secret when `secret`: stored encrypted in state and shown as [secret] in previews. */
function secretWhen<T>(secret: boolean | undefined, value: T): pulumi.Input<T> {
  return secret ? (pulumi.secret(value) as pulumi.Input<T>) : value;
}

/** Message templates, contact points, mute timings and, in policy-tree mode, the org's notification policy. */
/** What a Routing component declares: the stack's contact points, template, mute timings and policy; the OnCall integration link, if any. */
export interface RoutingArgs {
  stack: StackDefinition;
  onCallLink?: pulumi.Output<string>;
  /** Deploy each contact point's integrations as Pulumi secrets: `contacts` (addresses, channels) was a secret. */
  secretContacts?: boolean;
}

/** A contact point's integrations, each a Pulumi secret; its name stays plain (policies and rules name it). */
function withSecretIntegrations(args: grafana.alerting.ContactPointArgs): grafana.alerting.ContactPointArgs {
  return Object.fromEntries(
    Object.entries(args).map(([field, value]) => [
      field,
      Array.isArray(value) ? value.map((integration) => pulumi.secret(integration)) : value,
    ]),
  ) as grafana.alerting.ContactPointArgs;
}

export class Routing extends pulumi.ComponentResource {
  /** What a rule's notification settings may name: it must exist before the rule is saved. */
  readonly targets: pulumi.Resource[];

  constructor(name: string, args: RoutingArgs, opts: pulumi.ComponentResourceOptions) {
    super(`${TYPE}:Routing`, name, {}, opts);
    const { stack, onCallLink, secretContacts } = args;
    const templates = stack.messageTemplates.map(
      (t) =>
        new grafana.alerting.MessageTemplate(
          `message-template-${t.name}`,
          { name: t.name, template: t.template ?? "", ...LOCKED_IN_UI },
          child(this, FIXED_IDENTITY),
        ),
    );
    const names = [...new Set(stack.contactPoints.map((cp) => cp.name ?? ""))];
    const contactPoints = names.map(
      (name) =>
        new grafana.alerting.ContactPoint(
          `contact-point-${name}`,
          {
            ...(secretContacts ? withSecretIntegrations : (a: grafana.alerting.ContactPointArgs) => a)(
              contactPointArgs(
                name,
                stack.contactPoints.filter((cp) => cp.name === name),
                onCallLink,
              ),
            ),
            ...LOCKED_IN_UI,
          },
          child(this, { ...FIXED_IDENTITY, dependsOn: templates }),
        ),
    );
    const muteTimings = stack.muteTimings.map(
      (t) =>
        new grafana.alerting.MuteTiming(`mute-timing-${t.name}`, { ...muteTimingArgs(t), ...LOCKED_IN_UI }, child(this, FIXED_IDENTITY)),
    );
    this.targets = [...contactPoints, ...muteTimings];
    if (stack.deployment.routingMode === "policy-tree") {
      // The org's one policy tree: replaced wholesale on create, reset to Grafana's default on delete.
      new grafana.alerting.NotificationPolicy(
        "notification-policy",
        { ...notificationPolicyArgs(stack.notificationPolicy), ...LOCKED_IN_UI },
        child(this, { dependsOn: this.targets }),
      );
    }
    this.registerOutputs({ contactPoints: names });
  }
}

/** One rule group per concern, in the stack's folder. */
/** What an AlertRules component declares: the rule groups in a folder, after the routing targets they name. */
export interface AlertRulesArgs {
  ruleGroups: alerting.RuleGroup[];
  folderUid: pulumi.Output<string>;
  routingTargets: pulumi.Resource[];
  protect: boolean;
  /** Deploy the rules as Pulumi secrets: a config value they carry was a secret. */
  secret?: boolean;
}

export class AlertRules extends pulumi.ComponentResource {
  constructor(name: string, args: AlertRulesArgs, opts: pulumi.ComponentResourceOptions) {
    super(`${TYPE}:AlertRules`, name, {}, opts);
    const groups = args.ruleGroups.map(
      (group) =>
        new grafana.alerting.RuleGroup(
          `rule-group-${group.title}`,
          {
            name: group.title,
            folderUid: args.folderUid,
            intervalSeconds: group.interval ?? 60,
            rules: secretWhen(args.secret, (group.rules ?? []).map(ruleArgs)),
            ...LOCKED_IN_UI,
          },
          // Protected: a rule's state and history go with it.
          child(this, { ...FIXED_IDENTITY, protect: args.protect, dependsOn: args.routingTargets }),
        ),
    );
    this.registerOutputs({ ruleGroups: groups.map((g) => g.name) });
  }
}

/** The dashboards, in the stack's folder; returns uid -> URL. */
/** What a Dashboards component declares: the dashboards in a folder. */
export interface DashboardsArgs {
  dashboards: dashboard.Dashboard[];
  folderUid: pulumi.Output<string>;
  protect: boolean;
  /** Deploy the dashboards as Pulumi secrets: a config value they carry was a secret. */
  secret?: boolean;
}

export class Dashboards extends pulumi.ComponentResource {
  readonly urls: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: DashboardsArgs, opts: pulumi.ComponentResourceOptions) {
    super(`${TYPE}:Dashboards`, name, {}, opts);
    const declared = args.dashboards.map((d) => {
      const resource = new grafana.oss.Dashboard(
        `dashboard-${d.uid}`,
        // overwrite: false: creating never takes over a dashboard someone else made with the same uid
        // (the provider's updates of our own dashboards always overwrite). Protected: version history.
        { configJson: secretWhen(args.secret, JSON.stringify(d)), folder: args.folderUid, overwrite: false },
        child(this, { ...FIXED_IDENTITY, protect: args.protect }),
      );
      return resource.url.apply((url): [string, string] => [d.uid ?? "", url]);
    });
    this.urls = pulumi.all(declared).apply((entries): Record<string, string> => Object.fromEntries(entries));
    this.registerOutputs({ urls: this.urls });
  }
}

/** The Synthetic Monitoring health check; needs the provider's credential (grafana:smAccessToken). */
/** What a HealthCheck component declares: the Synthetic Monitoring check and the ids of its probes. */
export interface HealthCheckArgs {
  check: HealthCheckDefinition;
  probeIds: number[];
  /** Deploy the check's target and settings as Pulumi secrets: a config value they carry was a secret. */
  secret?: boolean;
}

export class HealthCheck extends pulumi.ComponentResource {
  constructor(name: string, args: HealthCheckArgs, opts: pulumi.ComponentResourceOptions) {
    super(`${TYPE}:HealthCheck`, name, {}, opts);
    const { probeNames: _names, ...checkArgs } = args.check;
    const check = new grafana.syntheticmonitoring.Check(
      "health-check",
      {
        ...checkArgs,
        target: secretWhen(args.secret, checkArgs.target),
        job: secretWhen(args.secret, checkArgs.job),
        settings: secretWhen(args.secret, checkArgs.settings) as pulumi.Input<grafana.types.input.syntheticMonitoring.CheckSettings>,
        probes: args.probeIds,
      },
      child(this),
    );
    this.registerOutputs({ checkId: check.id });
  }
}

/** Everything the stack deploys for the service, under one component. */
/** What the whole stack's component declares: the built stack and the ids looked up in the org. */
export interface ServiceObservabilityArgs {
  stack: StackDefinition;
  lookups: Lookups;
  /** Config keys held as Pulumi secrets: what carries their values is deployed secret. */
  secretKeys?: readonly string[];
}

export class ServiceObservability extends pulumi.ComponentResource {
  readonly outputs: StackOutputs;

  constructor(name: string, args: ServiceObservabilityArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(`${TYPE}:ServiceObservability`, name, {}, opts);
    const { stack, lookups } = args;
    // Config keys held as Pulumi secrets reach rule queries and annotations, dashboards and the check.
    const secretKeys = args.secretKeys ?? [];
    const anySecret = secretKeys.length > 0;
    const protect = stack.deployment.protect;
    const folder = new grafana.oss.Folder(
      "folder",
      // Grafana refuses to delete the folder while it holds anything (rules or dashboards made in the UI
      // included); protected: it holds every rule and dashboard of the stack.
      { uid: stack.folder.uid, title: secretWhen(secretKeys.includes("folder"), stack.folder.title), preventDestroyIfNotEmpty: true },
      child(this, { protect }),
    );
    const inside = { parent: this };
    const onCall =
      stack.onCallEscalation &&
      new OnCall("on-call", { escalation: stack.onCallEscalation, userIds: lookups.onCallUserIds, protect }, inside);
    const routing = new Routing("routing", { stack, onCallLink: onCall?.link, secretContacts: secretKeys.includes("contacts") }, inside);
    new AlertRules(
      "alert-rules",
      { ruleGroups: stack.ruleGroups, folderUid: folder.uid, routingTargets: routing.targets, protect, secret: anySecret },
      inside,
    );
    const dashboards = new Dashboards(
      "dashboards",
      { dashboards: stack.dashboards, folderUid: folder.uid, protect, secret: anySecret },
      inside,
    );
    if (stack.healthCheck) {
      if (!lookups.probeIds) throw new Error("the health check's probe ids were not looked up");
      new HealthCheck(
        "health-check",
        { check: stack.healthCheck, probeIds: lookups.probeIds, secret: secretKeys.includes("syntheticMonitoring") },
        inside,
      );
    }
    this.outputs = { folderUid: folder.uid, dashboardUrls: dashboards.urls };
    this.registerOutputs({ ...this.outputs });
  }
}
