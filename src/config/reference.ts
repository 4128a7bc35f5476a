import { z } from "zod";
import { configSchema } from "./schema";
import { GRAFANA_URL_KEY, SECRET_KEYS } from "./keys";

/**
 * The configuration reference, generated from the schema (docs/configuration.md, `npm run docs`):
 * every key, whether it is required, its default and its meaning. The schema is the one source of
 * each default and description; nothing here restates one.
 */

export interface ReferenceRow {
  /** `grafana:url`, `thresholds.cpu.percent`; an object with its own description has a row too. */
  key: string;
  required: boolean;
  /** JSON text of the default, or undefined when the key has none. */
  default?: string;
  meaning: string;
}

type Schema = z.core.$ZodType;

/** The schemas a key's value passes through, outermost first (default, optional, pipe, ...). */
function layers(schema: Schema): Schema[] {
  const out: Schema[] = [schema];
  const def = schema._zod.def as unknown as { type: string; innerType?: Schema; in?: Schema; out?: Schema };
  if (def.innerType) out.push(...layers(def.innerType));
  else if (def.type === "pipe" && def.in && def.out) out.push(...layers(def.in.constructor.name === "ZodTransform" ? def.out : def.in));
  return out;
}

function typeOf(s: Schema): string {
  return (s._zod.def as { type: string }).type;
}

function descriptionOf(schema: Schema): string | undefined {
  for (const layer of layers(schema)) {
    const d = z.globalRegistry.get(layer)?.description;
    if (d) return d;
  }
  return undefined;
}

function objectShape(schema: Schema): Record<string, Schema> | undefined {
  const object = layers(schema).find((l) => typeOf(l) === "object");
  return object ? (object._zod.def as unknown as { shape: Record<string, Schema> }).shape : undefined;
}

function defaultOf(schema: Schema): string | undefined {
  if (!layers(schema).some((l) => typeOf(l) === "default")) return undefined;
  return JSON.stringify(z.parse(schema, undefined));
}

function isRequired(schema: Schema): boolean {
  return !layers(schema).some((l) => ["default", "prefault", "optional"].includes(typeOf(l)));
}

function keyOf(path: string[]): string {
  if (path.length === 1 && path[0] === "grafanaUrl") return GRAFANA_URL_KEY;
  return path.join(".");
}

function rowsOf(schema: Schema, path: string[]): ReferenceRow[] {
  const shape = objectShape(schema);
  const meaning = descriptionOf(schema);
  if (!shape) return [{ key: keyOf(path), required: isRequired(schema), default: defaultOf(schema), meaning: meaning ?? "" }];
  const own = meaning !== undefined && path.length > 0 ? [{ key: `${keyOf(path)}`, required: isRequired(schema), meaning }] : [];
  return [...own, ...Object.entries(shape).flatMap(([k, s]) => rowsOf(s, [...path, k]))];
}

/** Every key of the stack config, in schema order. */
export function referenceRows(): ReferenceRow[] {
  return rowsOf(configSchema, []);
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** The markdown table of docs/configuration.md. */
export function configurationReferenceTable(): string {
  const secret = new Set<string>(SECRET_KEYS);
  const lines = ["| key | required | default | meaning |", "|---|---|---|---|"];
  for (const r of referenceRows()) {
    const key = `\`${r.key}\`${secret.has(r.key) ? " (secret)" : ""}`;
    const dflt = r.default === undefined ? "" : `\`${cell(r.default.replace(/^"(.*)"$/, "$1"))}\``;
    lines.push(`| ${key} | ${r.required ? "yes" : ""} | ${dflt} | ${cell(r.meaning)} |`);
  }
  return `${lines.join("\n")}\n`;
}
