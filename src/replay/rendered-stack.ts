import { parse } from "yaml";
import type { StackDefinition } from "../build/stack";
import { ruleGroupOfDocument, type RuleGroupDocumentGroup } from "../emit/files/provisioning";

/**
 * What the replay reads of a stack: its rule groups, its folder's title (the `grafana_folder` label)
 * and its notification policy tree. A built stack is one; so is a stack read back from its rendered
 * alerting provisioning files (`stackOfRenderedFiles`), which is how the review diff replays a git
 * ref's definitions (src/emit/files/ref.ts renders them) with this checkout's replay and scenarios.
 */
export type ReplayedStack = Pick<StackDefinition, "ruleGroups" | "notificationPolicy"> & {
  folder: { title: string };
  /** The notification templates the contact points execute (page text); a stack read back from files has those of its templates.yaml. */
  messageTemplates?: StackDefinition["messageTemplates"];
};

interface AlertingDocument {
  groups?: RuleGroupDocumentGroup[];
  policies?: Array<StackDefinition["notificationPolicy"] & { orgId?: number }>;
  templates?: Array<{ name?: string; template?: string }>;
}

/** A stack read back from rendered files (path within rendered/ -> text); `source` names it in errors. */
export function stackOfRenderedFiles(files: Map<string, string>, source: string): ReplayedStack {
  const ruleGroups: StackDefinition["ruleGroups"] = [];
  const folders = new Set<string>();
  let notificationPolicy: StackDefinition["notificationPolicy"] | undefined;
  const messageTemplates: StackDefinition["messageTemplates"] = [];
  for (const [path, text] of files) {
    if (!path.startsWith("alerting/") || !path.endsWith(".yaml")) continue;
    const doc = parse(text) as AlertingDocument | null;
    for (const g of doc?.groups ?? []) {
      ruleGroups.push(ruleGroupOfDocument(g));
      if (g.folder !== undefined) folders.add(g.folder);
    }
    for (const t of doc?.templates ?? []) messageTemplates.push({ name: t.name, template: t.template });
    if (doc?.policies?.length) {
      const { orgId: _orgId, ...tree } = doc.policies[0];
      notificationPolicy = tree;
    }
  }
  if (!notificationPolicy) throw new Error(`${source}: no notification policy tree in rendered/alerting/`);
  if (folders.size > 1) throw new Error(`${source}: rule groups in several folders (${[...folders].join(", ")}); the replay takes one`);
  return { folder: { title: [...folders][0] ?? "" }, ruleGroups, notificationPolicy, messageTemplates };
}
