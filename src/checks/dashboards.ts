import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import { DASHBOARD_UID_ANNOTATION, PANEL_ID_ANNOTATION } from "../model/rules";
import { LOKI_VAR, PROMETHEUS_VAR, SOURCE_VAR } from "../model/panels";
import { layoutProblems } from "../model/layout";
import { unreadableTargets } from "./queries";

export const REQUIRED_VARIABLES = [LOKI_VAR, PROMETHEUS_VAR, SOURCE_VAR];

function duplicates(values: number[]): number[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/** Problems of one dashboard: panel ids (alert links need them), layout, shared variables, unreadable targets. */
export function dashboardProblems(d: dashboard.Dashboard): string[] {
  const panels = d.panels ?? [];
  const ids = panels.flatMap((p) => (typeof p.id === "number" ? [p.id] : []));
  const variables = new Set((d.templating?.list ?? []).map((v) => v.name));
  return [
    ...panels.filter((p) => typeof p.id !== "number").map((p) => `dashboard ${d.uid} panel "${p.title}": has no explicit id`),
    ...duplicates(ids).map((id) => `dashboard ${d.uid}: panel id ${id} is used by more than one panel`),
    ...layoutProblems(panels).map((p) => `dashboard ${d.uid} ${p}`),
    ...REQUIRED_VARIABLES.filter((v) => !variables.has(v)).map((v) => `dashboard ${d.uid}: lacks the ${v} variable`),
    ...unreadableTargets(d),
  ];
}

/** Alert rules whose dashboard/panel link points at no panel of the stack's dashboards. */
export function alertLinkProblems(rules: alerting.Rule[], dashboards: dashboard.Dashboard[]): string[] {
  return rules.flatMap((r) => {
    const uid = r.annotations?.[DASHBOARD_UID_ANNOTATION];
    const panelId = r.annotations?.[PANEL_ID_ANNOTATION];
    if (uid === undefined && panelId === undefined) return [];
    const d = dashboards.find((x) => x.uid === uid);
    if (!d) return [`alert ${r.uid}: links dashboard ${uid}, which the stack does not define`];
    if (!(d.panels ?? []).some((p) => String(p.id) === panelId)) return [`alert ${r.uid}: links panel ${panelId}, which dashboard ${uid} does not have`];
    return [];
  });
}
