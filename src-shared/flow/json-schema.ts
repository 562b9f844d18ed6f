import * as z from 'zod';
import { FlowDocument, SCHEMA_URL } from './document';

/**
 * The published JSON Schema of the flow document, derived from the zod definition so the
 * two can never disagree. Describes the file as written (defaults may be left out).
 */
export function flowJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(FlowDocument, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: SCHEMA_URL, title: 'Campaign Studio flow', description: 'A campaign flow: settings, nodes and edges. Generated from src-shared/flow; do not edit.' };
}

/** The schema as the text of resources/schema/flow.schema.json. */
export function flowJsonSchemaText(): string {
  return `${JSON.stringify(flowJsonSchema(), null, 2)}\n`;
}
