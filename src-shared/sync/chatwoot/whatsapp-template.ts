import type { WhatsappTemplateChoice } from './to-chatwoot';

/** A template as a form offers it: its body text holds the variables (`{{1}}`, `{{name}}`). */
export interface TemplateSummary {
  name: string;
  language: string;
  body: string;
}

/**
 * The variables of a template body, each once, in order of first appearance.
 *
 * @example
 * templateVariables('Hi {{1}}, order {{2}} ships {{1}}') // ['1', '2']
 */
export function templateVariables(body: string): string[] {
  return [...new Set([...body.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!))];
}

/**
 * The choice to store for a template and the values typed for its variables: only the
 * template's own variables, trimmed, empty ones left out (so "missing" is checkable).
 */
export function templateChoice(template: TemplateSummary, values: Record<string, string>): WhatsappTemplateChoice {
  const params = Object.fromEntries(templateVariables(template.body).flatMap((k) => (values[k]?.trim() ? [[k, values[k].trim()]] : [])));
  return { name: template.name, language: template.language, ...(Object.keys(params).length ? { params } : {}) };
}

/** Why a WhatsApp one-off cannot be published with this choice yet, or null; the same rules the mapping applies. */
export function templateChoiceProblem(templates: readonly TemplateSummary[], choice: WhatsappTemplateChoice | undefined): string | null {
  if (!choice) return templates.length ? 'Choose the approved template it is sent as: WhatsApp allows only templates to start a conversation.' : 'This inbox has no approved WhatsApp template yet: create one in WhatsApp Manager, then Refresh.';
  const template = templates.find((t) => t.name === choice.name && t.language === choice.language);
  if (!template) return `The inbox has no approved template "${choice.name}" in "${choice.language}" any more; choose another.`;
  const missing = templateVariables(template.body).filter((k) => !choice.params?.[k]?.trim());
  return missing.length ? `Give a value for {{${missing.join('}}, {{')}}}.` : null;
}

/** The body as recipients read it: each variable replaced by its value, or left as `{{1}}`. */
export function fillTemplate(body: string, params: Record<string, string> = {}): string {
  return body.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => params[key]?.trim() || whole);
}
