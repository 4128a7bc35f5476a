import { NotificationTemplateBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import type { Config } from "../src/config/schema";
import { SUPPORT_URL_LABEL } from "../src/model/telemetry";

export const MESSAGE_TEMPLATE_NAME = "pizza-notifications";

/** Go-template calls contact points put in their title/message settings. */
export const TITLE = '{{ template "pizza.title" . }}';
export const MESSAGE = '{{ template "pizza.message" . }}';

/**
 * One notification per alert group (a page group holds every page of the service: the title names
 * the firing alerts when they differ, the message details each): what fired, why it matters, what to do (runbook), where to look
 * (Grafana sets .PanelURL/.DashboardURL for rules with __dashboardUid__/__panelId__ annotations) and,
 * for factory failures, the factory's support/report link when the alert carries one.
 */
const TEMPLATE = `{{ define "pizza.title" -}}
[{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}] {{ with .CommonLabels.alertname }}{{ . }}{{ else }}{{ with .CommonLabels.grafana_folder }}{{ . }}: {{ end }}{{ range $i, $a := .Alerts }}{{ if $i }}, {{ end }}{{ $a.Labels.alertname }}{{ end }}{{ end }}{{ with .CommonLabels.service }} ({{ . }}){{ end }}
{{- end }}

{{ define "pizza.alert" -}}
{{ with .Annotations.summary }}{{ . }}{{ else }}{{ .Labels.alertname }}{{ end }}
{{ with .Annotations.description }}{{ . }}
{{ end -}}
severity: {{ .Labels.severity }}, category: {{ .Labels.category }}
{{ with .Annotations.runbook_url }}Runbook: {{ . }}
{{ end -}}
{{ with .PanelURL }}Panel: {{ . }}
{{ else }}{{ with .DashboardURL }}Dashboard: {{ . }}
{{ end }}{{ end -}}
{{ with .Annotations.${SUPPORT_URL_LABEL} }}Factory support/report: {{ . }}
{{ else }}{{ with .Labels.${SUPPORT_URL_LABEL} }}Factory support/report: {{ . }}
{{ end }}{{ end -}}
{{ end }}

{{ define "pizza.message" -}}
{{ if .Alerts.Firing }}Firing:
{{ range .Alerts.Firing }}{{ template "pizza.alert" . }}
{{ end }}{{ end -}}
{{ if .Alerts.Resolved }}Resolved:
{{ range .Alerts.Resolved }}{{ template "pizza.alert" . }}
{{ end }}{{ end -}}
{{ end }}
`;

export default function messageTemplate(_cfg: Config): NotificationTemplateBuilder {
  return new NotificationTemplateBuilder().name(MESSAGE_TEMPLATE_NAME).template(TEMPLATE);
}
