/**
 * Stands for the URL of the Grafana OnCall integration this stack declares: it exists only once
 * the integration is created, so definitions carry this marker and src/emit/pulumi/resources.ts puts the
 * integration's link (as a Pulumi secret: whoever has it can page) in its place.
 */
export class OnCallIntegrationLink {
  toJSON(): string {
    return "<link of the Grafana OnCall integration pizza-on-call>";
  }
}
