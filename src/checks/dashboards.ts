import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import { DASHBOARD_UID_ANNOTATION, PANEL_ID_ANNOTATION } from "../model/rules";
import { GRID_COLUMN_COUNT, LOKI_VAR, PROMETHEUS_VAR, SOURCE_VAR } from "../model/dashboard-blocks";
import { unreadableTargets } from "./queries";
import { finding, type Finding } from "./findings";

export const REQUIRED_VARIABLES = [LOKI_VAR, PROMETHEUS_VAR, SOURCE_VAR];

interface PlacedPanel {
  id?: number;
  title?: string;
  gridPos?: dashboard.GridPos;
}

function name(p: PlacedPanel): string {
  return `panel ${p.id ?? "?"} "${p.title ?? ""}"`;
}

function overlap(a: dashboard.GridPos, b: dashboard.GridPos): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Panels without a position, outside the 24-column grid, or overlapping another panel: the panel and what is wrong. */
export function layoutProblems(panels: PlacedPanel[]): Array<{ panel: string; message: string }> {
  const problems: Array<{ panel: string; message: string }> = [];
  panels.forEach((p, i) => {
    const g = p.gridPos;
    if (!g) {
      problems.push({ panel: name(p), message: "has no grid position" });
      return;
    }
    if (g.x < 0 || g.y < 0 || g.w < 1 || g.h < 1 || g.x + g.w > GRID_COLUMN_COUNT) {
      problems.push({ panel: name(p), message: `x=${g.x} y=${g.y} w=${g.w} h=${g.h} is outside the ${GRID_COLUMN_COUNT}-column grid` });
    }
    for (const q of panels.slice(i + 1)) {
      if (q.gridPos && overlap(g, q.gridPos)) problems.push({ panel: name(p), message: `overlaps ${name(q)}` });
    }
  });
  return problems;
}

function duplicates(values: number[]): number[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/** Problems of one dashboard: panel ids (alert links need them), layout, shared variables, unreadable targets. */
export function dashboardProblems(d: dashboard.Dashboard): Finding[] {
  const panels = d.panels ?? [];
  const ids = panels.flatMap((p) => (typeof p.id === "number" ? [p.id] : []));
  const variables = new Set((d.templating?.list ?? []).map((v) => v.name));
  const uid = d.uid ?? "";
  const at = `dashboard ${d.uid}`;
  return [
    ...panels
      .filter((p) => typeof p.id !== "number")
      .map((p) => finding("dashboard/panel-id", uid, `${at} panel "${p.title}"`, "has no explicit id")),
    ...duplicates(ids).map((id) => finding("dashboard/panel-id", uid, at, `panel id ${id} is used by more than one panel`)),
    ...layoutProblems(panels).map((p) => finding("dashboard/layout", uid, `${at} ${p.panel}`, p.message)),
    ...REQUIRED_VARIABLES.filter((v) => !variables.has(v)).map((v) => finding("dashboard/variables", uid, at, `lacks the ${v} variable`)),
    ...unreadableTargets(d),
  ];
}

/** Alert rules whose dashboard/panel link points at no panel of the stack's dashboards. */
export function alertLinkProblems(rules: alerting.Rule[], dashboards: dashboard.Dashboard[]): Finding[] {
  return rules.flatMap((r) => {
    const uid = r.annotations?.[DASHBOARD_UID_ANNOTATION];
    const panelId = r.annotations?.[PANEL_ID_ANNOTATION];
    if (uid === undefined && panelId === undefined) return [];
    const link = (message: string) => [finding("rule/dashboard-link", r.uid ?? "", `alert ${r.uid}`, message)];
    const d = dashboards.find((x) => x.uid === uid);
    if (!d) return link(`links dashboard ${uid}, which the stack does not define`);
    if (!(d.panels ?? []).some((p) => String(p.id) === panelId))
      return link(`links panel ${panelId}, which dashboard ${uid} does not have`);
    return [];
  });
}
