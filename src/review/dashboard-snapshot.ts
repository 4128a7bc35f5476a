/** What a dashboard shows, read back from rendered/dashboards/*.json: its panels, their queries and thresholds. */

export interface PanelSummary {
  id: number;
  title: string;
  type: string;
  /** Queries by refId: the LogQL/PromQL text (or the target as JSON when it has no expr). */
  queries: Record<string, string>;
  /** `green; red from 0.001` (absolute) or `percentage: ...`; empty without thresholds. */
  thresholds: string;
  unit: string;
}

export interface DashboardSummary {
  uid: string;
  title: string;
  panels: PanelSummary[];
}

interface PanelJson {
  id?: number;
  title?: string;
  type?: string;
  targets?: Array<{ refId?: string; expr?: unknown }>;
  fieldConfig?: { defaults?: { unit?: string; thresholds?: { mode?: string; steps?: Array<{ value: number | null; color: string }> } } };
  panels?: PanelJson[];
}

function describeThresholds(t: NonNullable<NonNullable<PanelJson["fieldConfig"]>["defaults"]>["thresholds"]): string {
  if (!t?.steps?.length) return "";
  const steps = t.steps.map((s) => (s.value === null ? s.color : `${s.color} from ${s.value}`)).join("; ");
  return t.mode === "percentage" ? `percentage: ${steps}` : steps;
}

function flatten(panels: PanelJson[]): PanelJson[] {
  return panels.flatMap((p) => [p, ...flatten(p.panels ?? [])]);
}

function summarisePanel(p: PanelJson): PanelSummary {
  return {
    id: p.id ?? 0,
    title: p.title ?? "",
    type: p.type ?? "",
    queries: Object.fromEntries(
      (p.targets ?? []).map((t, i) => [t.refId ?? String(i), typeof t.expr === "string" ? t.expr : JSON.stringify(t)]),
    ),
    thresholds: describeThresholds(p.fieldConfig?.defaults?.thresholds),
    unit: p.fieldConfig?.defaults?.unit ?? "",
  };
}

/** Reads dashboard JSON files (file name -> text); dashboards sorted by uid, panels by id. */
export function readDashboardSnapshot(files: Iterable<[string, string]>): DashboardSummary[] {
  const dashboards: DashboardSummary[] = [];
  for (const [name, text] of files) {
    let doc: { uid?: string; title?: string; panels?: PanelJson[] };
    try {
      doc = JSON.parse(text);
    } catch (e) {
      // V8 quotes the text around the error: only its position is kept.
      const at = /position ([0-9]+)/.exec(e instanceof Error ? e.message : "");
      throw new Error(`${name}: not valid JSON${at ? ` (at character ${at[1]})` : ""}`);
    }
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) throw new Error(`${name}: not a dashboard (expected a JSON object)`);
    if (doc.panels !== undefined && (!Array.isArray(doc.panels) || doc.panels.some((p) => p === null || typeof p !== "object")))
      throw new Error(`${name}: panels is not a list of objects`);
    const panels = flatten(doc.panels ?? [])
      .map(summarisePanel)
      .sort((a, b) => a.id - b.id);
    dashboards.push({ uid: doc.uid ?? name, title: doc.title ?? "", panels });
  }
  return dashboards.sort((a, b) => a.uid.localeCompare(b.uid));
}
